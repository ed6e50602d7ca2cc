import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { RequestActor } from '../../platform/auth/request-actor';
import { GraphImportInput } from './graph-import.input';
import { ImportReport } from './import-report.type';
import type { ImportService } from './import.service';

/** What the import resolver reads of the request context. */
export interface ImportContext extends RequestActor {
  services: { imports: ImportService };
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      'Upserts enterprises and links by id, all or nothing: ' +
      'any bad row rejects the whole import with BAD_USER_INPUT listing every problem by row.',
  })
  @Allow(Role.ADMIN)
  importGraph(
    // Validated row by row by the import service, which lists every problem at once.
    @Arg('input', () => GraphImportInput, { validate: false, description: 'The document to import.' })
    input: GraphImportInput,
    @Ctx() ctx: ImportContext,
  ): Promise<ImportReport> {
    return ctx.services.imports.importGraph(ctx.actor, input);
  }
}

import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/request-context';
import { GraphImportInput } from './graph-import.input';
import { ImportReport } from './import-report.type';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description: 'Upserts enterprises and links by id, all or nothing: any bad row rejects the whole import with BAD_USER_INPUT listing every problem by row.',
  })
  importGraph(
    // Validated row by row by the import service, which lists every problem at once.
    @Arg('input', () => GraphImportInput, { validate: false }) input: GraphImportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReport> {
    return ctx.services.imports.importGraph(input);
  }
}

import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { RequestActor } from '../../platform/auth/request-actor';
import { IdArgs } from '../vocabulary/id.args';
import { ImportGraphArgs } from './import-graph.args';
import { ImportReport } from './import-report.type';
import { ImportRunType } from './import-run.type';
import type { ImportService } from './import.service';

/** What the import resolver reads of the request context. */
export interface ImportContext extends RequestActor {
  services: { imports: ImportService };
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      'Upserts enterprises and links by id, all or nothing: any bad row rejects the whole import with ' +
      'BAD_USER_INPUT listing every problem by row. New rows are staged in batches out of sight and published ' +
      'in one transaction, so readers see all of it or none; `importRun(runId)` follows its progress.',
  })
  @Allow(Role.ADMIN)
  importGraph(@Args() { input, runId }: ImportGraphArgs, @Ctx() ctx: ImportContext): Promise<ImportReport> {
    return ctx.services.imports.importGraph(ctx.actor, input, { runId: runId ?? undefined });
  }

  @Query(() => ImportRunType, {
    nullable: true,
    description: 'An import run by id, with its progress while it runs; null when unknown.',
  })
  @Allow(Role.ADMIN)
  async importRun(@Args() { id }: IdArgs, @Ctx() ctx: ImportContext): Promise<ImportRunType | null> {
    const [run] = await ctx.services.imports.findRuns([id]);
    return run ?? null;
  }
}

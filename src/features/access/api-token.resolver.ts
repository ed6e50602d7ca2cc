import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { RequestActor } from '../../platform/auth/request-actor';
import { CreateApiTokenArgs, RevokeApiTokenArgs } from './api-token.args';
import type { ApiTokenService } from './api-token.service';
import { ApiToken, CreatedApiToken } from './api-token.type';
import { PrincipalType } from './principal.type';

/** What the access resolver reads of the request context. */
export interface AccessContext extends RequestActor {
  services: { apiTokens: ApiTokenService };
}

@Resolver()
export class ApiTokenResolver {
  @Query(() => PrincipalType, { description: 'Who the service takes the caller for, and its role.' })
  @Allow(Role.VIEWER)
  me(@Ctx() ctx: AccessContext): PrincipalType {
    return { actor: ctx.principal.actor, role: ctx.principal.role, via: ctx.principal.via };
  }

  @Query(() => [ApiToken], {
    nullable: true,
    description: 'Every API token, revoked ones too, oldest first; never their keys.',
  })
  @Allow(Role.ADMIN)
  apiTokens(@Ctx() ctx: AccessContext): Promise<ApiToken[]> {
    return ctx.services.apiTokens.list();
  }

  @Mutation(() => CreatedApiToken, {
    description: 'Creates an API token; its key is in this answer only (the service keeps a hash).',
  })
  @Allow(Role.ADMIN)
  createApiToken(
    @Args(() => CreateApiTokenArgs) args: CreateApiTokenArgs,
    @Ctx() ctx: AccessContext,
  ): Promise<CreatedApiToken> {
    return ctx.services.apiTokens.create(ctx.actor, args.name, args.role);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token: it stops working at once, on every instance.' })
  @Allow(Role.ADMIN)
  revokeApiToken(
    @Args(() => RevokeApiTokenArgs) args: RevokeApiTokenArgs,
    @Ctx() ctx: AccessContext,
  ): Promise<ApiToken> {
    return ctx.services.apiTokens.revoke(ctx.actor, args.id);
  }
}

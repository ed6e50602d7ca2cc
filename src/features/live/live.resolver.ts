import { validate } from 'class-validator';
import { ArgumentValidationError, Args, Resolver, Root, Subscription } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import { GraphChangeType } from './graph-change.type';
import type { GraphChangeEvent, LiveService, StatusChangeEvent } from './live.service';
import { StatusChangeEventType } from './status-change-event.type';
import { StatusChangeFilter } from './status-change-filter.input';
import { StatusChangedArgs } from './status-changed.args';

/** What the live resolver reads of the subscription's context. */
export interface LiveContext {
  services: { live: LiveService };
}

/**
 * The filter as the resolver would get it, checked before the stream opens:
 * type-graphql validates arguments where each event resolves, which is too
 * late to refuse bad input.
 */
async function checkedFilter(raw: unknown): Promise<StatusChangeFilter | null> {
  if (raw === null || raw === undefined) return null;
  const filter = Object.assign(new StatusChangeFilter(), raw);
  const errors = await validate(filter, { forbidUnknownValues: false, skipMissingProperties: false });
  if (errors.length > 0) throw new ArgumentValidationError(errors);
  return filter;
}

@Resolver()
export class LiveResolver {
  @Subscription(() => GraphChangeType, {
    description:
      'Every committed write to enterprises or links, on any service instance, a fraction of a second after it commits ' +
      '(LIVE_POLL_MS). Over WebSocket (graphql-ws) at /graphql.',
    subscribe: async ({ context }) => {
      const stream = (context as LiveContext).services.live.graphChanges();
      await stream.started;
      return stream;
    },
  })
  @Allow(Role.VIEWER)
  graphChanged(@Root() change: GraphChangeEvent): GraphChangeEvent {
    return change;
  }

  @Subscription(() => StatusChangeEventType, {
    description:
      'Status changes of enterprises and links (setEnterpriseStatus, setLinkStatus and their batch forms) ' +
      'on any service instance, narrowed by the filter. Over WebSocket (graphql-ws) at /graphql.',
    subscribe: async ({ args, context }) => {
      const filter = await checkedFilter((args as { filter?: unknown }).filter);
      const stream = (context as LiveContext).services.live.statusChanges(filter ?? {});
      await stream.started;
      return stream;
    },
  })
  @Allow(Role.VIEWER)
  statusChanged(
    @Root() event: StatusChangeEvent,
    // Declares the argument; it was checked and applied when the stream opened.
    @Args(() => StatusChangedArgs) _args: StatusChangedArgs,
  ): StatusChangeEvent {
    return event;
  }
}

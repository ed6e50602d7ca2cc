import type { Actor } from '../actor';
import type { Principal } from './principal';

/**
 * What the platform puts in every request's context. Each resolver declares
 * the rest it reads (its services and loaders); the application builds one
 * context that holds them all.
 */
export interface RequestActor {
  /** Who is asking, with its role. */
  principal: Principal;
  /** The principal's actor name; writes record it. */
  actor: Actor;
}

import type { Actor } from '../actor';

/**
 * What the platform puts in every request's context. Each resolver declares
 * the rest it reads (its services and loaders); the application builds one
 * context that holds them all.
 */
export interface RequestActor {
  /** Who is asking; writes record it. */
  actor: Actor;
}

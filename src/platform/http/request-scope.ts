import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** What long work started by a request needs to know about the request. */
export interface RequestScope {
  /** Aborted when the client goes away before the answer was sent. */
  signal: AbortSignal;
  /** performance.now() when the request arrived: time budgets count from here. */
  receivedAt: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Express middleware: runs the rest of the request in a scope that long work
 * (the engine's worker jobs) reads without every call passing it along, so a
 * computation can be stopped when its client goes away and timed from the
 * request's arrival.
 */
export function requestScope(_req: Request, res: Response, next: NextFunction): void {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  storage.run({ signal: controller.signal, receivedAt: performance.now() }, next);
}

/** The scope of the request being served, if any (commands and tests call services outside one). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

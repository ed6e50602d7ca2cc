import type http from 'node:http';
import type { RequestHandler, Response } from 'express';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Graceful shutdown of the HTTP server: counts requests in flight; on
 * `drain`, answers new requests 503, lets those in flight finish within the
 * grace, then has their Neo4j transactions rolled back (`abort`) so each
 * still gets a clear answer, and closes whatever is left.
 */
export class HttpDrain {
  private readonly inFlight = new Set<Response>();
  private draining = false;

  constructor(private readonly refuse: (res: Response) => void) {}

  /** Mounted first: counts every request, and refuses new ones while draining. */
  readonly middleware: RequestHandler = (_req, res, next) => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      return this.refuse(res);
    }
    this.inFlight.add(res);
    res.on('close', () => this.inFlight.delete(res));
    next();
  };

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * Stops taking connections and waits for the requests in flight: up to
   * `graceMs`, then `abort()` (their transactions roll back and they answer
   * SERVICE_UNAVAILABLE), then up to `abortWaitMs` more before the remaining
   * connections are cut.
   */
  async drain(server: http.Server, graceMs: number, abort: () => void, abortWaitMs = 5_000): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.closeIdleConnections();
    if (!(await this.settled(graceMs))) {
      abort();
      await this.settled(abortWaitMs);
    }
    server.closeAllConnections();
    await closed;
  }

  private async settled(withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) await sleep(Math.min(50, withinMs));
    return this.inFlight.size === 0;
  }
}

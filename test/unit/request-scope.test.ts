import http from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { currentRequestScope, requestScope } from '../../src/platform/http/request-scope';

describe('the request scope', () => {
  it('is seen by work the request starts, and aborted when the client goes away before the answer', async () => {
    let aborted: () => void = () => undefined;
    const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
    let finished: boolean | null = null;
    const app = express();
    app.get('/slow', requestScope, async (_req, res) => {
      await Promise.resolve();
      const scope = currentRequestScope();
      expect(scope?.receivedAt).toBeLessThanOrEqual(performance.now());
      scope?.signal.addEventListener('abort', () => aborted());
      setTimeout(() => res.json({ ok: true }), 5_000).unref();
    });
    app.get('/quick', requestScope, (_req, res) => {
      const scope = currentRequestScope();
      res.json({ ok: true });
      res.once('finish', () => setImmediate(() => (finished = scope?.signal.aborted ?? null)));
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(currentRequestScope()).toBeUndefined();
      const client = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/slow`, { signal: client.signal }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 200));
      client.abort();
      await request;
      await abortSeen;
      await (await fetch(`http://127.0.0.1:${port}/quick`)).json();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // An answered request is not "gone away".
      expect(finished).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

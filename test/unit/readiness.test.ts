import { describe, expect, it, vi } from 'vitest';
import { ReadinessProbe, type WarmingEngine } from '../../src/platform/http/readiness-probe';
import { createLogger } from '../../src/platform/logging/create-logger';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';

const reachable = { ping: async () => undefined } as unknown as GraphDatabase;
const logger = createLogger('silent');

describe('/ready and the engine', () => {
  it('answers not ready, saying the engine is warming, until the engine has read the graph', async () => {
    let state: ReturnType<WarmingEngine['state']> = 'warming';
    const engine: WarmingEngine = { state: () => state, warm: vi.fn(async () => undefined) };
    const probe = new ReadinessProbe(reachable, async () => undefined, logger, 2_000, engine);
    expect(await probe.check()).toEqual({ ready: false, neo4j: 'reachable', migrated: true, engine: 'warming' });
    state = 'ready';
    expect(await probe.check()).toEqual({ ready: true, neo4j: 'reachable', migrated: true, engine: 'ready' });
    expect(engine.warm).not.toHaveBeenCalled();
  });

  it('starts the engine reading the graph again when it failed (Neo4j was away), and stays warming meanwhile', async () => {
    const engine: WarmingEngine = { state: () => 'failed', warm: vi.fn(async () => undefined) };
    const probe = new ReadinessProbe(reachable, async () => undefined, logger, 2_000, engine);
    expect(await probe.check()).toMatchObject({ ready: false, engine: 'warming' });
    expect(engine.warm).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { responseStatus } from '../../src/platform/graphql/http-status';
import { hostName } from '../../src/platform/http/host-check';
import { mayReadMetrics } from '../../src/platform/http/metrics-route';
import { RateLimiter } from '../../src/platform/http/rate-limiter';

describe('the HTTP status of a GraphQL response', () => {
  it('is 200 without errors, and the status of the code when nothing came back', () => {
    expect(responseStatus([], true)).toBe(200);
    expect(responseStatus(['BAD_USER_INPUT'], false)).toBe(400);
    expect(responseStatus(['QUERY_TOO_COMPLEX'], false)).toBe(400);
    expect(responseStatus(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'], false)).toBe(400);
    expect(responseStatus(['NOT_FOUND'], false)).toBe(400);
    expect(responseStatus(['UNAUTHENTICATED'], false)).toBe(401);
    expect(responseStatus(['FORBIDDEN'], false)).toBe(403);
    expect(responseStatus(['BAD_USER_INPUT', 'FORBIDDEN'], false)).toBe(403);
    expect(responseStatus(['INTERNAL_SERVER_ERROR'], false)).toBe(500);
    expect(responseStatus(['SOMETHING_ELSE'], false)).toBe(500);
  });

  it('is 200 beside partial data, except SERVICE_UNAVAILABLE, which is always 503', () => {
    expect(responseStatus(['NOT_FOUND'], true)).toBe(200);
    expect(responseStatus(['SERVICE_UNAVAILABLE'], true)).toBe(503);
    expect(responseStatus(['BAD_USER_INPUT', 'SERVICE_UNAVAILABLE'], false)).toBe(503);
  });
});

describe('the rate limit', () => {
  it('lets a key spend its minute at once, then one request per 60/N seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20);
    expect(limiter.take('b')).toBe(0);
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(new RateLimiter(0).take('a')).toBe(0);
  });
});

describe('Host names and who reads /metrics', () => {
  it('takes the name of a Host header without its port', () => {
    expect(hostName('LocalHost:4000')).toBe('localhost');
    expect(hostName('[::1]:4000')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('serves /metrics to loopback clients and to admins only', () => {
    const anonymous = { actor: 'anonymous', role: 'admin' as const, via: 'anonymous' as const };
    const editor = { actor: 'token:ops', role: 'editor' as const, via: 'token' as const };
    const admin = { actor: 'token:root', role: 'admin' as const, via: 'token' as const };
    expect(mayReadMetrics('127.0.0.1', editor)).toBe(true);
    expect(mayReadMetrics('::ffff:127.0.0.1', editor)).toBe(true);
    expect(mayReadMetrics('::1', editor)).toBe(true);
    expect(mayReadMetrics('10.1.2.3', editor)).toBe(false);
    expect(mayReadMetrics('10.1.2.3', admin)).toBe(true);
    // Only loopback grants anonymous admin, and then the address already does.
    expect(mayReadMetrics('10.1.2.3', anonymous)).toBe(true);
  });
});

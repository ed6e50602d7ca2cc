import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC, not esbuild, compiles the tests: type-graphql reads decorator metadata,
// which esbuild does not emit. tsc emits the same metadata for `npm run build`.
const swcPlugin = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });

// graphql ships both ESM and CJS; type-graphql loads the CJS copy, so the tests
// must too, or graphql sees two copies of itself ("Cannot use GraphQLScalarType
// from another module or realm").
const requireCjs = createRequire(import.meta.url);
const resolve = {
  alias: [
    { find: /^graphql$/, replacement: requireCjs.resolve('graphql/index.js') },
    // Its ESM build imports graphql's .mjs files directly.
    { find: /^graphql-query-complexity$/, replacement: requireCjs.resolve('graphql-query-complexity') },
    // Its ESM build too: its checks of GraphQLError must see the same copy as ours.
    { find: /^graphql-ws$/, replacement: requireCjs.resolve('graphql-ws') },
    { find: /^graphql-ws\/use\/ws$/, replacement: requireCjs.resolve('graphql-ws/use/ws') },
  ],
};

/** Graph tests that start managed Neo4j servers of their own (a bulk load, restarts, several services). */
const OWN_NEO4J = ['test/graph/service-lifecycle.test.ts', 'test/graph/bulk-import.test.ts'];

export default defineConfig({
  test: {
    // Two at a time (Vitest would take one on two cores): the unit files beside the files that wait on
    // Neo4j servers of their own; then the graph files, one at a time.
    maxWorkers: 2,
    projects: [
      {
        plugins: [swcPlugin()],
        resolve,
        test: {
          name: 'unit',
          setupFiles: ['reflect-metadata'],
          include: ['test/unit/**/*.test.ts', 'test/engine/**/*.test.ts'],
          globalSetup: ['test/support/engine-worker-global-setup.ts'],
          // The property tests run hundreds of random graphs: seconds alone, more beside a loaded graph project.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [swcPlugin()],
        resolve,
        test: {
          // Files that start Neo4j servers of their own, beside the unit files: most of their time is
          // waiting on those servers.
          name: 'own-neo4j',
          setupFiles: ['reflect-metadata'],
          include: OWN_NEO4J,
          globalSetup: ['test/support/engine-worker-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [swcPlugin()],
        resolve,
        test: {
          // One real Neo4j for the graph tests and the browser tests (Debian's
          // headless Chromium through playwright-core, never a downloaded browser),
          // one file at a time after the others: they share that Neo4j.
          name: 'graph',
          setupFiles: ['reflect-metadata'],
          include: ['test/graph/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: OWN_NEO4J,
          globalSetup: ['test/support/neo4j-global-setup.ts', 'test/support/engine-worker-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          // One worker takes them all, importing the service once: each file builds its own services
          // and removes what it wrote (useGraphTest).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

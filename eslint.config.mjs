// @ts-check
// ESLint 9 flat config: the recommended JavaScript and typescript-eslint rules, then
// eslint-config-prettier last, so formatting is Prettier's alone (`npm run lint` runs both).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Graph writes go through writeGraph (src/platform/neo4j/write-graph.ts), which bumps the version. */
const WRITES_THROUGH_WRITE_GRAPH = [
  {
    selector: "CallExpression[callee.property.name='executeWrite']",
    message: 'Write the graph through writeGraph, which bumps the graph version and records the change.',
  },
  {
    selector: "CallExpression[callee.property.name='write'][callee.object.property.name='db']",
    message: 'Write the graph through writeGraph, which bumps the graph version and records the change.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    files: ['src/web/app/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/neo4j/**'],
    rules: { 'no-restricted-syntax': ['error', ...WRITES_THROUGH_WRITE_GRAPH] },
  },
  {
    // Staged writes leave the graph version alone: only an import's rows, which no reader sees, may use them.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/neo4j/**', 'src/features/import/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/write-staged'], message: 'Write the graph through writeGraph.' }] },
      ],
    },
  },
  {
    // One concept per file: a source file past 650 lines holds more than one.
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 650, skipBlankLines: false, skipComments: false }] },
  },
  {
    rules: {
      // `_name` marks a value kept unused on purpose (a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read GraphQL answers, untyped JSON, field by field.
    files: ['test/graph/**', 'test/e2e/**', 'test/support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);

import path from 'node:path';

/** The checkout's root: the same two levels above `src/platform` (tests) and `dist/platform` (production). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

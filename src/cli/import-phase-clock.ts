import type { ImportPhase } from '../features/import/import.service';

/** Names of the steps in the import command's output. */
const PHASE_NAMES: Record<ImportPhase, string> = {
  checked: 'graphChecks',
  enterprisesStaged: 'stageEnterprises',
  linksChecked: 'linkChecks',
  linksStaged: 'stageLinks',
  published: 'publish',
};

/**
 * Seconds each step of an import took, each from the end of the one before: reading and checking
 * the enterprise rows while the graph opens (until both are done, at `opened`), then the steps the
 * import service reports to `ended` (the links are read meanwhile; `linkChecks` is the wait for
 * them after the enterprises are staged). It tells where a slow import's time went.
 */
export function importPhaseClock(
  began: number,
  opened: number,
  now: () => number = Date.now,
): { seconds: Record<string, number>; ended: (phase: ImportPhase) => void } {
  const seconds: Record<string, number> = { checkEnterprisesAndOpenGraph: (opened - began) / 1000 };
  let last = opened;
  return {
    seconds,
    ended: (phase) => {
      const at = now();
      seconds[PHASE_NAMES[phase]] = (at - last) / 1000;
      last = at;
    },
  };
}

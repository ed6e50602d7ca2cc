import { describe, expect, it } from 'vitest';
import { importPhaseClock } from '../../src/cli/import-phase-clock';

describe('the import command timing its steps', () => {
  it('times each step from the end of the one before, starting with the enterprise rows checked while the graph opened', () => {
    const times = [3_500, 8_000, 8_500, 30_000, 33_250];
    const clock = importPhaseClock(0, 2_000, () => times.shift() as number);
    clock.ended('checked');
    clock.ended('enterprisesStaged');
    clock.ended('linksChecked');
    clock.ended('linksStaged');
    clock.ended('published');
    expect(clock.seconds).toEqual({
      checkEnterprisesAndOpenGraph: 2,
      graphChecks: 1.5,
      stageEnterprises: 4.5,
      linkChecks: 0.5,
      stageLinks: 21.5,
      publish: 3.25,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph, listTrajectories, simulate } from '../../src/engine';
import { arbitrarySimulationInput, arbitraryValuedGraph } from './random-simulations';
import { referenceSimulate } from './simulation-reference';

const close = (a: number, b: number, scale = 1) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(scale));

describe('§9 day-by-day simulation against the simple reference', () => {
  it('agrees with the reference on random graphs with random timelines of events', () => {
    fc.assert(
      fc.property(
        arbitraryValuedGraph(9, 20).chain((graph) =>
          arbitrarySimulationInput(graph).map((input) => ({ graph, input })),
        ),
        ({ graph: graphInput, input }) => {
          const graph = SupplyGraph.build(graphInput);
          const result = simulate(graph, input);
          const trajectories = listTrajectories(graph, result);
          // The memoised start state is never changed by a run: a second run gives the same answer.
          expect(simulate(graph, input)).toEqual(result);
          const reference = referenceSimulate(graphInput, input);
          expect(result.converged).toBe(true);
          expect(result.days).toHaveLength(input.horizonDays);
          result.days.forEach((day, t) => {
            const want = reference.days[t];
            expect(day.day).toBe(t);
            expect([t, day.stalledCount, day.partialCount]).toEqual([t, want.stalledCount, want.partialCount]);
            expect(day.unvaluedAffectedProducers).toBe(want.unvaluedAffectedProducers);
            for (const key of [
              'lostOutputValue',
              'lostTradeValue',
              'directLostOutputValue',
              'indirectLostOutputValue',
            ] as const) {
              expect(close(day[key], want[key], 1000), `day ${t} ${key}: ${day[key]} vs ${want[key]}`).toBe(true);
            }
          });
          expect(trajectories.map((x) => x.id).sort()).toEqual(reference.trajectories.map((x) => x.id).sort());
          for (const trajectory of trajectories) {
            const want = reference.trajectories.find((x) => x.id === trajectory.id)!;
            expect(trajectory.firstAffectedDay).toBe(want.firstAffectedDay);
            expect(trajectory.firstStallDay).toBe(want.firstStallDay);
            expect(trajectory.recoveredOnDay).toBe(want.recoveredOnDay);
            expect(close(trajectory.minFraction, want.minFraction)).toBe(true);
            expect(trajectory.baselineFraction).toBeCloseTo(reference.baseline.get(trajectory.id)!, 9);
            if (want.lostValue === null) expect(trajectory.lostValue).toBeNull();
            else expect(close(trajectory.lostValue!, want.lostValue, 1000)).toBe(true);
          }
          for (const watched of result.watched) {
            const want = reference.fractions.get(watched.id)!;
            watched.series.forEach((f, t) => expect(close(f, want[t]), `${watched.id} day ${t}`).toBe(true));
          }
          expect(close(result.cumulativeLostOutputValue, reference.cumulativeLostOutputValue, 1000)).toBe(true);
          if (reference.peakDay === null) expect(result.peakDay).toBeNull();
          else
            expect(result.days[result.peakDay!].lostOutputValue).toBeCloseTo(
              reference.days[reference.peakDay].lostOutputValue,
              6,
            );
        },
      ),
      { numRuns: 400 },
    );
  });
});

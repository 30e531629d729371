/**
 * MODEL.md §8: `pOnTime`, the probability that a project with a deadline
 * finishes by the end of the deadline's month, against closed forms for a
 * project without predecessors (correlation does not change a marginal
 * probability): the triangular law's distribution function, and with a
 * black swan the optimiser's own closed form `pFinishBy` (risk.ts).
 */
import { describe, expect, it } from 'vitest';
import { effectiveRisk, pFinishBy } from '../../../shared/engine/risk';
import { monthIndex } from '../../../shared/engine/calendar';
import { prepareSimulation, runSimulation, simulateBlock } from '../../../shared/engine/simulate';
import type { RiskSettings } from '../../../shared/model/portfolio';
import { portfolio, project } from './portfolio';

const N = 40_000;
const within = (estimate: number, p: number) =>
  expect(Math.abs(estimate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 1e-12);

describe('the probability of meeting a deadline', () => {
  it('is the triangular distribution function at the months available, correlation or not', async () => {
    const [low, mode, high] = [10, 14, 30];
    for (const correlation of [0, 0.6]) {
      const doc = portfolio(
        [
          project('A', { durationMonths: { low, mode, high }, deadline: '2029-12' }),
          project('B', { durationMonths: { low: 5, mode: 9, high: 20 } }),
        ],
        { risk: { distribution: 'triangular', correlation } },
      );
      const r = await runSimulation(
        prepareSimulation(doc, [
          { project: 'A', start: 2028 },
          { project: 'B', start: 2027 },
        ]),
        { iterations: N, seed: 5 },
      );
      // Deadline 2029-12: month 35, on time by month 36; started in month 12: 24 months available.
      const u = (24 - low) / (high - low);
      const c = (mode - low) / (high - low);
      const closed = u <= c ? (u * u) / c : 1 - ((1 - u) * (1 - u)) / (1 - c);
      within(r.projects[0]!.pOnTime!, closed);
      expect(r.projects[1]).not.toHaveProperty('pOnTime');
    }
  });

  it.each(['pert', 'triangular'] as const)(
    'agrees with the optimiser’s closed form pFinishBy under a black swan (%s)',
    async (distribution) => {
      const risk: RiskSettings = {
        distribution,
        correlation: 0.3,
        blackSwan: { probability: 0.167, scheduleFactor: 1.7, costFactor: 3 },
      };
      const a = project('A', {
        durationMonths: { low: 8, mode: 13, high: 26 },
        deadline: '2029-03',
      });
      const doc = portfolio([a, project('B')], { risk });
      const r = await runSimulation(
        prepareSimulation(doc, [
          { project: 'A', start: 2028 },
          { project: 'B', start: 2027 },
        ]),
        { iterations: N, seed: 9 },
      );
      const limit = monthIndex('2029-03', 2027) + 1;
      const closed = pFinishBy(effectiveRisk(doc), a, 1, limit);
      expect(closed).toBeGreaterThan(0.2);
      expect(closed).toBeLessThan(0.9);
      within(r.projects[0]!.pOnTime!, closed);
    },
  );

  it('counts a finish at the end of the deadline’s month as on time', async () => {
    const run = async (months: number) => {
      const doc = portfolio([
        project('A', {
          durationMonths: { low: months, mode: months, high: months },
          deadline: '2029-12',
        }),
      ]);
      return runSimulation(prepareSimulation(doc, [{ project: 'A', start: 2028 }]), {
        iterations: 20,
      });
    };
    expect((await run(24)).projects[0]!.pOnTime).toBe(1);
    expect((await run(24.01)).projects[0]!.pOnTime).toBe(0);
  });

  it('counts inherited delays: the share of finishes by the deadline, below the closed form', async () => {
    const b = project('B', {
      durationMonths: { low: 6, mode: 10, high: 20 },
      dependsOn: ['A'],
      deadline: '2029-06',
    });
    const doc = portfolio([project('A', { durationMonths: { low: 10, mode: 14, high: 24 } }), b], {
      risk: { correlation: 0.3 },
    });
    const prepared = prepareSimulation(doc, [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
    ]);
    const r = await runSimulation(prepared, { iterations: N, seed: 4 });
    const limit = monthIndex('2029-06', 2027) + 1;
    const finish = simulateBlock(prepared, 4, 0, N).finish.subarray(N, 2 * N);
    const share = finish.filter((f) => f <= limit).length / N;
    expect(Math.abs(r.projects[1]!.pOnTime! - share)).toBeLessThanOrEqual(2 / N);
    expect(r.projects[1]!.pOnTime!).toBeLessThan(pFinishBy(effectiveRisk(doc), b, 1, limit) - 0.05);
  });
});

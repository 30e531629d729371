/** Correlation, black swans, monotonic coupling and the rank correlation of the drivers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  prepareSimulation,
  runSimulation,
  simulateBlock,
  spearman,
  sortedQuantile,
} from '../../../shared/engine/simulate';
import type { Project } from '../../../shared/model/portfolio';
import { column, meanSd, portfolio, project } from './portfolio';

const twelve = (i: number) =>
  project(`P${i}`, {
    investment: [100],
    durationMonths: { low: 6, mode: 9, high: 20 },
    costFactor: { low: 0.9, mode: 1, high: 1.6 },
  });

describe('the structure of the risk', () => {
  it('widens the spread of the total cost and of the last finish as the correlation grows', () => {
    const projects = Array.from({ length: 12 }, (_, i) => twelve(i));
    const plan = projects.map((p) => ({ project: p.id, start: 2027 }));
    const spread = (rho: number) => {
      const block = simulateBlock(
        prepareSimulation(portfolio(projects, { risk: { correlation: rho } }), plan),
        4,
        0,
        8000,
      );
      const last = new Float64Array(8000);
      for (let p = 0; p < 12; p++) {
        const f = column(block.finish, p, 8000);
        for (let i = 0; i < 8000; i++) last[i] = Math.max(last[i]!, f[i]!);
      }
      return { cost: meanSd(block.grossCost).sd, finish: meanSd(last).sd };
    };
    const [none, some, strong] = [spread(0), spread(0.3), spread(0.8)];
    expect(some.cost).toBeGreaterThan(1.3 * none.cost);
    expect(strong.cost).toBeGreaterThan(1.3 * some.cost);
    expect(strong.finish).toBeGreaterThan(1.3 * none.finish);
  });

  it('never finishes earlier with longer estimates, draw by draw', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            low: fc.double({ min: 1, max: 20, noNaN: true }),
            a: fc.double({ min: 0, max: 10, noNaN: true }),
            b: fc.double({ min: 0, max: 10, noNaN: true }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (estimates, shift, scale, seed) => {
          const make = (f: (x: number) => number): Project[] =>
            estimates.map((e, i) =>
              project(`P${i}`, {
                durationMonths: { low: f(e.low), mode: f(e.low + e.a), high: f(e.low + e.a + e.b) },
                dependsOn: i > 0 && i % 2 === 0 ? [`P${i - 1}`, 'P0'] : i > 0 ? ['P0'] : [],
              }),
            );
          const plan = estimates.map((_, i) => ({ project: `P${i}`, start: 2027 + (i % 3) }));
          const risk = {
            correlation: 0.4,
            blackSwan: { probability: 0.2, scheduleFactor: 1.5, costFactor: 2 },
          };
          const base = simulateBlock(
            prepareSimulation(
              portfolio(
                make((x) => x),
                { risk },
              ),
              plan,
            ),
            seed,
            0,
            200,
          );
          const longer = simulateBlock(
            prepareSimulation(
              portfolio(
                make((x) => x * scale + shift),
                { risk },
              ),
              plan,
            ),
            seed,
            0,
            200,
          );
          for (let k = 0; k < base.finish.length; k++) {
            if (longer.finish[k]! < base.finish[k]! - 1e-4) return false;
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hits duration and cost together, with the black swan’s probability', () => {
    const doc = portfolio(
      [project('A', { investment: [100], durationMonths: { low: 10, mode: 10, high: 10 } })],
      {
        risk: { blackSwan: { probability: 0.167, scheduleFactor: 1.7, costFactor: 3 } },
      },
    );
    const n = 30_000;
    const block = simulateBlock(prepareSimulation(doc, [{ project: 'A', start: 2027 }]), 21, 0, n);
    let hits = 0;
    let mismatched = 0;
    for (let i = 0; i < n; i++) {
      const swan = block.duration[i]! > 10;
      if (swan) hits++;
      if (swan !== block.grossCost[i]! > 100) mismatched++;
      if (swan && Math.abs(block.duration[i]! - 17) > 1e-5) mismatched++;
    }
    expect(mismatched).toBe(0);
    expect(Math.abs(hits / n - 0.167)).toBeLessThan(4 * Math.sqrt((0.167 * 0.833) / n));
  });

  it('computes Spearman’s correlation with average ranks for ties', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 16])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(spearman([1, 2, 3], [2, 2, 2])).toBe(0);
  });

  it('gives a driver the rank correlation −√(3p(1−p)) when its delay alone decides delivery', async () => {
    // Delivered iff D <= 14 months: value = V × 1[D <= 14], p = P(D <= 14).
    const doc = portfolio([project('A', { durationMonths: { low: 10, mode: 13, high: 22 } })], {
      mandateEnd: '2028-02',
    });
    const prepared = prepareSimulation(doc, [{ project: 'A', start: 2027 }]);
    const r = await runSimulation(prepared, { iterations: 20_000, seed: 8 });
    const p = r.projects[0]!.pWithinMandate;
    expect(p).toBeGreaterThan(0.2);
    expect(p).toBeLessThan(0.8);
    expect(r.drivers[0]!.rankCorrelation).toBeCloseTo(-Math.sqrt(3 * p * (1 - p)), 2);
  });

  it('reports quantiles by linear interpolation between order statistics', () => {
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(sortedQuantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(sortedQuantile([10, 20], 0.1)).toBeCloseTo(11, 12);
    expect(sortedQuantile([5], 0.8)).toBe(5);
  });
});

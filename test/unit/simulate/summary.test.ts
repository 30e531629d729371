/**
 * The summary's building blocks against independent recomputation:
 * quantiles by selection against a full sort, the drivers' rank correlation
 * against Spearman on sorted ranks, and the money's totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_FIGURES,
  prepareSimulation,
  projectFigures,
  runSimulation,
  selectQuantiles,
  simulateBlock,
  sortedQuantile,
  spearman,
  valueRanks,
} from '../../../shared/engine/simulate';
import { portfolio, project } from './portfolio';

const ps = [0.1, 0.5, 0.8, 0.9];

describe('quantiles by selection', () => {
  it('equal the type-7 quantiles of the sorted sample, ties and outliers included', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 300 }),
      // Most values in a narrow range, a few far away: one histogram bin holds nearly all.
      fc.array(fc.oneof(fc.double({ min: 10, max: 10.001, noNaN: true }), fc.constant(1e9)), {
        minLength: 1,
        maxLength: 300,
      }),
    );
    fc.assert(
      fc.property(sample, (values) => {
        const sorted = Float64Array.from(values).sort();
        const expected = ps.map((p) => sortedQuantile(sorted, p));
        expect(selectQuantiles(values, values.length, ps)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the first n values, leaves them in place and handles tiny spreads', () => {
    const values = Float32Array.from([5, 1, 4, 2, 3, 99, 99]);
    expect(selectQuantiles(values, 5, [0.5, 0.9])).toEqual([3, 4.6]);
    expect(Array.from(values)).toEqual([5, 1, 4, 2, 3, 99, 99]);
    expect(selectQuantiles([1, 1 + 2 ** -52, 1], 3, [0.5])).toEqual([1]);
    expect(selectQuantiles([7, 7, 7], 3, ps)).toEqual([7, 7, 7, 7]);
    expect(selectQuantiles([], 0, [0.5])[0]).toBeNaN();
  });
});

describe('the drivers’ rank correlation', () => {
  it('equals Spearman’s correlation computed from full ranks, with ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 8 })), {
          minLength: 2,
          maxLength: 400,
        }),
        fc.integer({ min: 0, max: 3 }),
        (pairs, scale) => {
          // Durations on a few exponents (float32 keys spread over several radix digits).
          const duration = Float32Array.from(pairs, ([d]) => (d + 0.25) * 2 ** (scale * 3));
          const value = Float64Array.from(pairs, ([, v]) => v * 10);
          const n = pairs.length;
          const out = new Float64Array(PROJECT_FIGURES);
          projectFigures(duration, duration, n, valueRanks(value, n), out, 0);
          expect(out[3]).toBeCloseTo(spearman(duration, value), 12);
          const sorted = Float64Array.from(duration).sort();
          expect(out[0]).toBe(sortedQuantile(sorted, 0.5));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the money of a run', () => {
  it('spends the total cost over the years, iteration by iteration, without subsidy nor partner', () => {
    const doc = portfolio(
      [
        project('A', {
          investment: [300, 100, 50],
          durationMonths: { low: 20, mode: 30, high: 60 },
          costFactor: { low: 0.9, mode: 1, high: 2.5 },
        }),
        project('B', {
          investment: [80, 20],
          durationMonths: { low: 3, mode: 9, high: 30 },
          dependsOn: ['A'],
        }),
      ],
      {
        years: 4,
        risk: {
          correlation: 0.5,
          blackSwan: { probability: 0.2, scheduleFactor: 1.7, costFactor: 3 },
        },
      },
    );
    const prepared = prepareSimulation(doc, [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
    ]);
    const n = 2000;
    const block = simulateBlock(prepared, 3, 0, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let y = 0; y <= 4; y++) total += block.spend[i * 5 + y]!;
      worst = Math.max(worst, Math.abs(total - block.grossCost[i]!) / block.grossCost[i]!);
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('reports yearly means that add up to the mean net cost', async () => {
    const doc = portfolio(
      [
        project('A', {
          investment: [300, 100],
          durationMonths: { low: 10, mode: 20, high: 50 },
          costFactor: { low: 0.9, mode: 1.1, high: 2 },
          subsidyRate: 0.2,
          partnerShare: 0.3,
        }),
        project('B', { investment: [50], durationMonths: { low: 4, mode: 6, high: 20 } }),
      ],
      { years: 3, risk: { correlation: 0.3 } },
    );
    const r = await runSimulation(
      prepareSimulation(doc, [
        { project: 'A', start: 2028 },
        { project: 'B', start: 2029 },
      ]),
      { iterations: 3000, seed: 5 },
    );
    const yearly = r.investment.reduce((sum, y) => sum + y.mean, 0) + r.afterHorizon.mean;
    expect(yearly / r.netCost.mean).toBeCloseTo(1, 12);
    expect(r.afterHorizon.mean).toBeGreaterThan(0);
  });
});

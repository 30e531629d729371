/**
 * The streaming estimators (histogram.ts) against the exact figures of the
 * same samples: type-7 quantiles within the bound they report (exact on
 * atoms), finish quantiles within a bin's width, Spearman's correlation from
 * a binned joint table within its angle bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finishQuantiles,
  histogramQuantiles,
  jointSpearman,
  valueBinRanks,
} from '../../../shared/engine/simulate/histogram';
import { valueBin } from '../../../shared/engine/simulate/partial';
import { sortedQuantile, spearman } from '../../../shared/engine/simulate';

const ps = [0, 0.1, 0.5, 0.8, 0.9, 1];

/** Bins with min/max of `values` between low and high (the end bins take what falls outside). */
function binned(values: number[], low: number, high: number, bins: number) {
  const count = new Uint32Array(bins);
  const min = new Float64Array(bins).fill(Infinity);
  const max = new Float64Array(bins).fill(-Infinity);
  for (const v of values) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((v - low) * bins) / (high - low))));
    count[b]!++;
    min[b] = Math.min(min[b]!, v);
    max[b] = Math.max(max[b]!, v);
  }
  return { count, min, max };
}

describe('quantiles from bins with their extremes', () => {
  it('are within the reported bound of the exact type-7 quantiles, ties and outliers included', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 500 }),
      fc.array(fc.oneof(fc.double({ min: 10, max: 11, noNaN: true }), fc.constant(1e9)), {
        minLength: 1,
        maxLength: 500,
      }),
    );
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 64 }), (values, bins) => {
        const sorted = Float64Array.from(values).sort();
        // A range narrower than the sample: values outside fall in the end bins.
        const low = sorted[Math.floor(sorted.length / 4)]!;
        const high = Math.max(low + 1e-6, sorted[Math.floor((3 * sorted.length) / 4)]!);
        const { count, min, max } = binned(values, low, high, bins);
        const { values: estimates, error } = histogramQuantiles(
          count,
          min,
          max,
          0,
          values.length,
          ps,
        );
        ps.forEach((p, k) => {
          const exact = sortedQuantile(sorted, p);
          expect(Math.abs(estimates[k]! - exact)).toBeLessThanOrEqual(error * (1 + 1e-12) + 1e-9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('are exact on atoms: bins that hold a single value, however often', () => {
    const values = [...Array(300).fill(0), ...Array(100).fill(2.5), ...Array(600).fill(7)];
    const { count, min, max } = binned(values, 0, 10, 10);
    const { values: q, error } = histogramQuantiles(
      count,
      min,
      max,
      0,
      values.length,
      [0.1, 0.35, 0.5, 0.9],
    );
    expect(q).toEqual([0, 2.5, 7, 7]);
    expect(error).toBe(0);
  });
});

describe('finish quantiles from bins of known width', () => {
  it('are within one bin of the exact quantiles, and exact for a constant finish', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 12, max: 60, noNaN: true }), { minLength: 1, maxLength: 400 }),
        (finish) => {
          const width = 1 / 64;
          const origin = 12;
          const bins = Math.ceil((60 - origin) / width) + 1;
          const count = new Uint32Array(bins);
          for (const f of finish) {
            const b = Math.min(bins - 1, Math.max(0, Math.ceil((f - origin) / width) - 1));
            count[b]!++;
          }
          const sorted = Float64Array.from(finish).sort();
          const q = finishQuantiles(
            count,
            0,
            bins,
            origin,
            width,
            sorted[0]!,
            sorted[sorted.length - 1]!,
            finish.length,
            ps,
          );
          ps.forEach((p, k) => {
            expect(Math.abs(q[k]! - sortedQuantile(sorted, p))).toBeLessThanOrEqual(width + 1e-12);
          });
        },
      ),
      { numRuns: 200 },
    );
    const count = new Uint32Array(10);
    count[4] = 50;
    expect(finishQuantiles(count, 0, 10, 0, 1, 3.7, 3.7, 50, [0.5, 0.9])).toEqual([3.7, 3.7]);
  });
});

describe('Spearman’s correlation from a joint table of bins', () => {
  it('is within its angle bound of the exact correlation, atoms and ties included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          {
            minLength: 20,
            maxLength: 400,
          },
        ),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        (pairs, slope, durationBins) => {
          // y depends on x (with noise), on a few values (atoms) half of the time.
          const x = pairs.map(([a]) => a);
          const y = pairs.map(([a, b], i) =>
            i % 2 ? Math.round(4 * (slope * a + b)) : slope * a + b,
          );
          const n = pairs.length;
          const edges = Float64Array.from([
            ...new Set([...y].sort((a, b) => a - b).filter((_, i) => i % 7 === 0)),
          ]);
          const vb = 2 * edges.length + 1;
          const joint = new Uint32Array(durationBins * vb);
          const columns = new Float64Array(vb);
          x.forEach((xi, i) => {
            const a = Math.min(durationBins - 1, Math.floor(xi * durationBins));
            const b = valueBin(edges, y[i]!);
            joint[a * vb + b]!++;
            columns[b]!++;
          });
          const { rho, error } = jointSpearman(
            joint,
            0,
            durationBins,
            valueBinRanks(columns, n),
            'spread',
          );
          expect(Math.abs(rho - spearman(x, y))).toBeLessThanOrEqual(error + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts a value equal to an edge in that edge’s own bin', () => {
    const edges = Float64Array.from([1, 3, 5]);
    expect([0.5, 1, 2, 3, 4, 5, 6].map((v) => valueBin(edges, v))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

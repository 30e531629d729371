/**
 * The ziggurat's deviates (normal.ts) against the standard normal law:
 * moments, the distribution function (Kolmogorov–Smirnov), the tail beyond
 * the ziggurat's base layer, and the same sequence from the same stream;
 * and the order in which an iteration of the kernel (block.ts) draws them.
 */
import { describe, expect, it } from 'vitest';
import { prepareSimulation, simulateBlock } from '../../../shared/engine/simulate';
import { buildTable, readTable, shapeOf } from '../../../shared/engine/simulate/distributions';
import { nextZiggurat } from '../../../shared/engine/simulate/normal';
import {
  normalCdf,
  seedIteration,
  seedKeys,
  seedRejection,
} from '../../../shared/engine/simulate/random';
import { portfolio, project } from './portfolio';

function sample(n: number, seed: number): Float64Array {
  const s = new Int32Array([seed, 0x6a09e667, 0x3c6ef372, 0x510e527f]);
  return Float64Array.from({ length: n }, () => nextZiggurat(s));
}

describe('ziggurat deviates', () => {
  const n = 400_000;
  const xs = sample(n, 20261201);

  it('have mean 0, variance 1 and kurtosis 3 within sampling error', () => {
    let m = 0;
    for (const x of xs) m += x;
    m /= n;
    let v = 0;
    let k = 0;
    for (const x of xs) {
      v += (x - m) ** 2;
      k += (x - m) ** 4;
    }
    v /= n;
    k /= n * v * v;
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(k - 3)).toBeLessThan(4 * Math.sqrt(24 / n));
  });

  it('follow Φ: Kolmogorov–Smirnov distance below its 1 % critical value', () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('reach the tails with their probability (beyond the base layer at 3.44, and at 4)', () => {
    for (const z of [3.442619855899, 4]) {
      const p = 2 * normalCdf(-z);
      const hits = xs.filter((x) => Math.abs(x) > z).length;
      expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt(p / n));
    }
  });

  it('are a function of the stream only', () => {
    expect(sample(1000, 7)).toEqual(sample(1000, 7));
    expect(sample(1000, 7)).not.toEqual(sample(1000, 8));
  });
});

describe('the draws of an iteration', () => {
  it('are M_duration, M_cost, then ε_duration and ε_cost of each project in the prepared order, from (seed, i)', () => {
    const laws = [
      { low: 6, mode: 9, high: 20 },
      { low: 10, mode: 11, high: 15 },
    ];
    const cost = { low: 0.9, mode: 1, high: 1.6 };
    const doc = portfolio(
      laws.map((durationMonths, i) => project(`P${i}`, { durationMonths, costFactor: cost })),
      { risk: { correlation: 0.25 } },
    );
    const prepared = prepareSimulation(doc, [
      { project: 'P0', start: 2027 },
      { project: 'P1', start: 2027 },
    ]);
    const seed = 31;
    const block = simulateBlock(prepared, seed, 100, 50);
    const costTable = buildTable(shapeOf('pert', cost.low, cost.mode, cost.high));
    for (let i = 0; i < 50; i++) {
      const state = new Uint32Array(4);
      seedIteration(state, seedKeys(seed), 100 + i);
      const stream = new Int32Array(state.buffer);
      const rejection = new Int32Array(4);
      seedRejection(rejection, seedKeys(seed), 100 + i);
      const z = Array.from({ length: 6 }, () => nextZiggurat(stream, rejection));
      let gross = 0;
      laws.forEach((law, p) => {
        const table = buildTable(shapeOf('pert', law.low, law.mode, law.high));
        const d =
          law.low +
          (law.high - law.low) * readTable(table, 0, 0.5 * z[0]! + Math.sqrt(0.75) * z[2 + 2 * p]!);
        expect(block.duration[p * 50 + i]).toBeCloseTo(d, 4);
        const k =
          cost.low +
          (cost.high - cost.low) *
            readTable(costTable, 0, 0.5 * z[1]! + Math.sqrt(0.75) * z[3 + 2 * p]!);
        gross += k * 100_000;
      });
      expect(block.grossCost[i]! / gross).toBeCloseTo(1, 12);
    }
  });
});

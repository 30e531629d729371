/** Draws of a single project's duration against closed forms (MODEL.md §5). */
import { describe, expect, it } from 'vitest';
import {
  prepareSimulation,
  runSimulation,
  simulateBlock,
  sortedQuantile,
} from '../../../shared/engine/simulate';
import { column, meanSd, portfolio, project } from './portfolio';

const N = 40_000;

function durations(doc: ReturnType<typeof portfolio>, n = N, seed = 7): Float32Array {
  const prepared = prepareSimulation(doc, [{ project: 'A', start: 2027 }]);
  return column(simulateBlock(prepared, seed, 0, n).duration, 0, n);
}

describe('a single project’s duration', () => {
  it('has the PERT mean (low + 4·mode + high) / 6 within four standard errors', () => {
    const [low, mode, high] = [10, 13, 25];
    const d = durations(portfolio([project('A', { durationMonths: { low, mode, high } })]));
    const alpha = 1 + (4 * (mode - low)) / (high - low);
    const beta = 1 + (4 * (high - mode)) / (high - low);
    const sd =
      (high - low) * Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
    const { mean, sd: sampleSd } = meanSd(d);
    expect(Math.abs(mean - (low + 4 * mode + high) / 6)).toBeLessThan((4 * sd) / Math.sqrt(N));
    expect(sampleSd / sd).toBeCloseTo(1, 1);
  });

  it('has the triangular quantiles of the closed form', () => {
    const [low, mode, high] = [6, 9, 20];
    const doc = portfolio([project('A', { durationMonths: { low, mode, high } })], {
      risk: { distribution: 'triangular' },
    });
    const sorted = Float64Array.from(durations(doc)).sort();
    const c = (mode - low) / (high - low);
    for (const p of [0.05, 0.1, 0.25, 0.5, 0.8, 0.9, 0.95]) {
      const x = p <= c ? Math.sqrt(p * c) : 1 - Math.sqrt((1 - p) * (1 - c));
      const density = x < c ? (2 * x) / c : (2 * (1 - x)) / (1 - c);
      // Standard error of an empirical quantile: sqrt(p(1-p)/n) / f(x_p), in [0,1] units.
      const tolerance = (4 * Math.sqrt((p * (1 - p)) / N)) / density;
      expect(Math.abs((sortedQuantile(sorted, p) - low) / (high - low) - x)).toBeLessThan(
        tolerance,
      );
    }
  });

  it('is constant when low = high, whatever the correlation and the cost estimate', () => {
    const doc = portfolio(
      [
        project('A', {
          durationMonths: { low: 17, mode: 17, high: 17 },
          costFactor: { low: 1, mode: 1.2, high: 2 },
        }),
      ],
      { risk: { correlation: 0.6 } },
    );
    const d = durations(doc, 2000);
    expect(new Set(d).size).toBe(1);
    expect(d[0]).toBe(17);
  });

  it('reports finish quantiles of start + duration, and their year-month', async () => {
    const doc = portfolio([project('A', { durationMonths: { low: 10, mode: 14, high: 30 } })]);
    const prepared = prepareSimulation(doc, [{ project: 'A', start: 2028 }]);
    const result = await runSimulation(prepared, { iterations: 5000, seed: 3 });
    const d = Float64Array.from(column(simulateBlock(prepared, 3, 0, 5000).finish, 0, 5000)).sort();
    const a = result.projects[0]!;
    expect(a.finishMonth.p80).toBeCloseTo(sortedQuantile(d, 0.8), 5);
    const m = Math.ceil(a.finishMonth.p50) - 1;
    expect(a.finish.p50).toBe(
      `${2027 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    );
  });
});

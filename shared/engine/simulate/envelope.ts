/**
 * The yearly envelope risk of a plan (MODEL.md §7): for each horizon year,
 * the probability that the plan's net investment spend is strictly above
 * the year's envelope, with its standard error, and the spend's mean and
 * quantile at a chosen level, from the simulation of §5.
 *
 * This is what a plan "holding the envelopes with confidence c" is checked
 * against, many times per optimisation, so it runs the blocks in the calling
 * thread into one reused set of block columns and keeps only one number per
 * iteration and year: no per-project figures are summarised.
 * Iteration i's draws are those of the full simulation with the same seed,
 * so the figures equal `runSimulation`'s `investment[].pOverEnvelope`.
 */
import { allocateColumns, emptyCounts, simulateInto } from './block';
import { selectQuantiles } from './order';
import type { PreparedSimulation } from './prepare';

export interface EnvelopeRisk {
  iterations: number;
  seed: number;
  /** Calendar years of the horizon. */
  years: number[];
  /** Net investment envelope per year, scenario factor applied. */
  envelope: number[];
  /** P(net spend > envelope) per year. */
  pOver: number[];
  /** Standard error of each pOver: √(p(1 − p)/n). */
  stdError: number[];
  /** Mean net spend per year. */
  mean: number[];
  /** Net spend per year at `level` (type 7 quantile). */
  quantile: number[];
  level: number;
}

export interface EnvelopeRiskOptions {
  seed: number;
  iterations: number;
  /** Quantile level reported in `quantile` (default 0.8). */
  level?: number;
  blockSize?: number;
}

export function envelopeRisk(
  prepared: PreparedSimulation,
  options: EnvelopeRiskOptions,
): EnvelopeRisk {
  const { seed, iterations } = options;
  const level = options.level ?? 0.8;
  const Y = prepared.years;
  const buckets = Y + 1;
  const size = Math.max(1, Math.min(options.blockSize ?? 1000, iterations));
  const columns = allocateColumns(prepared, size);
  const samples = Array.from({ length: Y }, () => new Float64Array(iterations));
  for (let first = 0; first < iterations; first += size) {
    const count = Math.min(size, iterations - first);
    // simulateInto adds each project's spend into the rows: start them at zero.
    columns.spend.fill(0, 0, count * buckets);
    simulateInto(prepared, seed, first, count, columns, emptyCounts(prepared.projectCount), 0);
    for (let i = 0; i < count; i++) {
      const row = i * buckets;
      for (let y = 0; y < Y; y++) samples[y]![first + i] = columns.spend[row + y]!;
    }
  }
  const n = iterations;
  const pOver: number[] = [];
  const stdError: number[] = [];
  const mean: number[] = [];
  const quantile: number[] = [];
  const scratch = new Float64Array(n);
  for (let y = 0; y < Y; y++) {
    const sample = samples[y]!;
    const cap = prepared.envelope[y]!;
    let over = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const s = sample[i]!;
      sum += s;
      if (s > cap) over++;
    }
    const p = n > 0 ? over / n : 0;
    pOver.push(p);
    stdError.push(n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0);
    mean.push(n > 0 ? sum / n : 0);
    quantile.push(n > 0 ? selectQuantiles(sample, n, [level], scratch)[0]! : 0);
  }
  return {
    iterations: n,
    seed,
    years: Array.from({ length: Y }, (_, y) => prepared.firstYear + y),
    envelope: Array.from(prepared.envelope),
    pOver,
    stdError,
    mean,
    quantile,
    level,
  };
}

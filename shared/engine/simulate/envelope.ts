/**
 * The yearly envelope risk of a plan (MODEL.md §7): for each horizon year,
 * the probability that the plan's net investment spend is strictly above
 * the year's envelope, with its standard error, and the spend's mean and
 * quantile at a chosen level, from the simulation of §5.
 *
 * This is what a plan "holding the envelopes with confidence c" is checked
 * against, many times per optimisation, so it runs the blocks in the calling
 * thread into one reused set of block columns and summarises the yearly
 * spend only (the 'spend' scope of layout.ts: no per-project figures).
 * Iteration i's draws, the bins and the estimators are those of the full
 * simulation with the same seed, so the figures equal `runSimulation`'s
 * `investment[]` (pOverEnvelope, mean, quantile), exactly or within the
 * same `precision.money`.
 */
import { allocateColumns, simulateInto } from './block';
import { HIST_BINS, HIST_SPEND, SUM_SPEND, summaryLayout } from './layout';
import { accumulateBlock, accumulateScratch, emptyPartial } from './partial';
import type { PreparedSimulation } from './prepare';
import { histogramQuantiles } from './histogram';
import { sortedQuantile } from './order';
import { sumValue } from './sums';

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
  const layout = summaryLayout(prepared, seed, iterations, 'spend');
  const partial = emptyPartial(prepared, layout);
  const size = Math.max(1, Math.min(options.blockSize ?? 1000, iterations));
  const columns = allocateColumns(prepared, size);
  const scratch = accumulateScratch(size);
  for (let first = 0; first < iterations; first += size) {
    const count = Math.min(size, iterations - first);
    simulateInto(prepared, seed, first, count, columns, partial.counts, 0);
    accumulateBlock(partial, layout, columns, first, count, scratch);
  }
  const n = iterations;
  const exact = n <= layout.exactIterations;
  const pOver: number[] = [];
  const stdError: number[] = [];
  const mean: number[] = [];
  const quantile: number[] = [];
  for (let y = 0; y < Y; y++) {
    const p = n > 0 ? partial.overEnvelope[y]! / n : 0;
    pOver.push(p);
    stdError.push(n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0);
    mean.push(
      n > 0 ? sumValue(partial.sums, SUM_SPEND + y) / layout.sumScale[SUM_SPEND + y]! / n : 0,
    );
    if (n === 0) quantile.push(0);
    else if (exact) {
      const sample = new Float64Array(n);
      for (const chunk of partial.samples) {
        for (let i = 0; i < chunk.count; i++)
          sample[chunk.first + i] = chunk.spend[i * buckets + y]!;
      }
      quantile.push(sortedQuantile(sample.sort(), level));
    } else {
      const h = (HIST_SPEND + y) * HIST_BINS;
      quantile.push(
        histogramQuantiles(partial.histCount, partial.histMin, partial.histMax, h, n, [level])
          .values[0]!,
      );
    }
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

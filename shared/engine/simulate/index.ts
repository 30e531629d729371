/**
 * The risk simulation (MODEL.md §5): Monte Carlo over the durations and cost
 * factors of a plan's projects, with a one-factor Gaussian copula and black
 * swans.
 *
 * The work is cut into blocks of iterations. Iteration i's randomness
 * depends only on (seed, i) (random.ts), and each summary figure is a
 * function of the iterations in order (sums in iteration order, integer
 * counts, order statistics), so the same seed gives the same figures with
 * one thread, N worker threads or N Web Workers, whatever the block size.
 * Two ways to use the blocks:
 *
 * - blocks with their own arrays: `simulateBlock(prepared, seed, first,
 *   count)` returns a `BlockResult` (typed arrays transferable with
 *   `blockBuffers`) and `summarise(prepared, blocks, seed)` merges blocks
 *   arriving in any order. Message protocol for Web Workers: the worker
 *   receives the `PreparedSimulation` once, then `{ seed, firstIteration,
 *   count }` per block, and answers the `BlockResult`;
 * - whole-run columns: `allocateColumns` (on SharedArrayBuffers for threads),
 *   `simulateInto` writes each block in place, `projectFigures` computes one
 *   project's figures where the columns are (the bulk of the summary, so it
 *   is spread over the threads), and `summariseColumns` finishes. The Node
 *   runner (electron/simulate/runner.ts) works this way on a persistent pool
 *   of threads, and so does `runSimulation` below in the calling thread,
 *   reporting progress and honouring cancellation between blocks.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../model/portfolio';
import { allocateColumns, emptyCounts, simulateInto } from './block';
import { prepareSimulation, type PreparedSimulation } from './prepare';
import {
  projectFiguresRange,
  summariseColumns,
  valueRanks,
  type SimulationResult,
} from './summarise';

export {
  simulateBlock,
  simulateInto,
  blockBuffers,
  allocateColumns,
  emptyCounts,
  type BlockResult,
  type BlockCounts,
  type IterationColumns,
} from './block';
export { prepareSimulation, monthIndex, type PreparedSimulation } from './prepare';
export { envelopeRisk, type EnvelopeRisk, type EnvelopeRiskOptions } from './envelope';
export { sortedQuantile, selectQuantiles, spearman } from './order';
export {
  summarise,
  finishYearMonth,
  valueRanks,
  projectFigures,
  projectFiguresRange,
  projectScratch,
  summariseColumns,
  addCounts,
  PROJECT_FIGURES,
  type ValueRanks,
  type ProjectScratch,
  type SimulationResult,
  type ProjectRisk,
  type SpendYear,
  type Driver,
  type Distribution,
  type Quantiles3,
} from './summarise';

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_SEED = 42;
export const DEFAULT_BLOCK_SIZE = 1_000;
export const MAX_ITERATIONS = 10_000_000;

export interface BlockRequest {
  seed: number;
  firstIteration: number;
  count: number;
}

/** The blocks of a run of `iterations`, in order. */
export function planBlocks(
  iterations: number,
  seed: number,
  blockSize = DEFAULT_BLOCK_SIZE,
): BlockRequest[] {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`le nombre d’itérations doit être un entier entre 1 et ${MAX_ITERATIONS}`);
  }
  const size = Math.max(1, Math.floor(blockSize));
  const blocks: BlockRequest[] = [];
  for (let first = 0; first < iterations; first += size) {
    blocks.push({ seed, firstIteration: first, count: Math.min(size, iterations - first) });
  }
  return blocks;
}

export interface SimulationOptions {
  iterations?: number;
  seed?: number;
  blockSize?: number;
  /** Called after each block with iterations done and asked. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between blocks; when true the run stops and summarises what is done. */
  isCancelled?: () => boolean;
  /** Awaited between blocks, e.g. to let a worker read its messages. */
  pause?: () => Promise<void>;
}

/** Runs the blocks in the calling thread. */
export async function runSimulation(
  prepared: PreparedSimulation,
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const blocks = planBlocks(iterations, seed, options.blockSize);
  // Blocks write straight into the run's columns: nothing to gather afterwards.
  const columns = allocateColumns(prepared, iterations);
  const counts = emptyCounts(prepared.projectCount);
  let done = 0;
  let cancelled = false;
  for (const block of blocks) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    simulateInto(prepared, seed, block.firstIteration, block.count, columns, counts);
    done += block.count;
    options.onProgress?.(done, iterations);
    if (options.pause) await options.pause();
  }
  const ranks = valueRanks(columns.value, done);
  const figures = projectFiguresRange(columns, prepared.projectCount, done, ranks);
  return summariseColumns(prepared, columns, done, counts, figures, seed, cancelled);
}

/** Prepares and runs in one call, in the calling thread (tests, small runs). */
export function simulatePlan(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  scenario?: ResolvedScenario,
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  return runSimulation(prepareSimulation(portfolio, plan, scenario), options);
}

/**
 * The risk simulation (MODEL.md §5, §8 `pOnTime`): Monte Carlo over the
 * durations and cost factors of a plan's projects, with a one-factor
 * Gaussian copula and black swans.
 *
 * One path from draws to figures, whatever runs it:
 *
 * 1. `prepareSimulation` flattens the plan (prepare.ts), `summaryLayout`
 *    fixes the bins of the summary (layout.ts);
 * 2. blocks of iterations (iterations.ts) are simulated (block.ts: iteration
 *    i's randomness depends only on (seed, i)) into one block's columns and
 *    added to a partial summary (partial.ts) whose memory does not depend on
 *    the number of iterations;
 * 3. partial summaries merge exactly (integer counts and histograms, bin
 *    extremes, order-free sums: sums.ts) and `finishSummary` turns the
 *    merged one into figures (summarise.ts): exact for runs of at most
 *    `exactIterations`, within the bounds of `precision` beyond (histogram.ts).
 *
 * `runSimulation` does this in the calling thread; `dispatchSimulation`
 * (dispatch.ts) over workers that run `simulationWorker` (protocol.ts): Node
 * worker threads for the command line, Web Workers in the app. Same seed,
 * same figures, with any number of workers and any block size.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../model/portfolio';
import { allocateColumns, simulateInto } from './block';
import { DEFAULT_BLOCK_SIZE, DEFAULT_ITERATIONS, DEFAULT_SEED, planBlocks } from './iterations';
import { checkSummaryMemory, summaryLayout } from './layout';
import { accumulateBlock, accumulateScratch, emptyPartial } from './partial';
import { prepareSimulation, type PreparedSimulation } from './prepare';
import { finishSummary, type SimulationOutput, type SimulationResult } from './summarise';

export {
  simulateBlock,
  simulateInto,
  allocateColumns,
  emptyCounts,
  type BlockResult,
  type BlockCounts,
  type IterationColumns,
} from './block';
export {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  DEFAULT_BLOCK_SIZE,
  MAX_ITERATIONS,
  planBlocks,
  defaultBlockSize,
  type BlockRequest,
} from './iterations';
export { prepareSimulation, monthIndex, type PreparedSimulation } from './prepare';
export { envelopeRisk, type EnvelopeRisk, type EnvelopeRiskOptions } from './envelope';
export { sortedQuantile, selectQuantiles, spearman } from './order';
export { projectFigures, valueRanks, PROJECT_FIGURES, type ValueRanks } from './exact';
export {
  summaryLayout,
  summaryBytes,
  exactIterations,
  checkSummaryMemory,
  SIMULATION_MEMORY_LIMIT,
  type SummaryLayout,
} from './layout';
export {
  emptyPartial,
  accumulateBlock,
  accumulateScratch,
  mergePartial,
  partialBuffers,
  type PartialSummary,
} from './partial';
export {
  finishSummary,
  finishYearMonth,
  coveredIterations,
  type SimulationResult,
  type SimulationOutput,
  type ValuePoint,
  type ProjectRisk,
  type DelayCause,
  type SpendYear,
  type Driver,
  type Distribution,
  type Quantiles3,
  type Precision,
} from './summarise';
export {
  simulationWorker,
  type SimulationRequest,
  type SimulationReply,
  type Answer,
} from './protocol';
export {
  dispatchSimulation,
  type SimulationEndpoint,
  type Dispatch,
  type DispatchOptions,
} from './dispatch';

export interface SimulationOptions {
  iterations?: number;
  seed?: number;
  blockSize?: number;
  /** Called after each block with iterations done and asked. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between blocks; when true the run stops and summarises what is done. */
  isCancelled?: () => boolean;
}

/** Runs the blocks in the calling thread: the figures and the S-curve of delivered value. */
export function runSimulationOutput(
  prepared: PreparedSimulation,
  options: SimulationOptions = {},
): SimulationOutput {
  const seed = options.seed ?? DEFAULT_SEED;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const blocks = planBlocks(iterations, seed, options.blockSize ?? DEFAULT_BLOCK_SIZE);
  const layout = summaryLayout(prepared, seed, iterations);
  const partial = emptyPartial(prepared, layout);
  const size = blocks[0]!.count;
  checkSummaryMemory(layout, size, 1);
  const columns = allocateColumns(prepared, size);
  const scratch = accumulateScratch(size);
  let done = 0;
  for (const block of blocks) {
    if (options.isCancelled?.()) break;
    simulateInto(prepared, seed, block.firstIteration, block.count, columns, partial.counts, 0);
    accumulateBlock(partial, layout, columns, block.firstIteration, block.count, scratch);
    done += block.count;
    options.onProgress?.(done, iterations);
  }
  return finishSummary(prepared, layout, partial, seed, done < iterations);
}

/** Runs the blocks in the calling thread. */
export async function runSimulation(
  prepared: PreparedSimulation,
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  return runSimulationOutput(prepared, options).result;
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

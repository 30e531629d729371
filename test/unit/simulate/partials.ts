/** Blocks summarised through the engine's one path: a partial summary per block, merged in the order given. */
import {
  accumulateBlock,
  accumulateScratch,
  emptyPartial,
  finishSummary,
  mergePartial,
  summaryLayout,
  type BlockResult,
  type PartialSummary,
  type PreparedSimulation,
  type SimulationOutput,
  type SimulationResult,
  type SummaryLayout,
} from '../../../shared/engine/simulate';

/** A block's own partial summary (its counts, then its columns). */
export function partialOf(
  prepared: PreparedSimulation,
  layout: SummaryLayout,
  block: BlockResult,
): PartialSummary {
  const partial = emptyPartial(prepared, layout);
  for (const key of Object.keys(partial.counts) as (keyof typeof partial.counts)[]) {
    partial.counts[key].set(block[key]);
  }
  const columns = { ...block, length: block.count };
  accumulateBlock(
    partial,
    layout,
    columns,
    block.firstIteration,
    block.count,
    accumulateScratch(block.count),
  );
  return partial;
}

/** The output of blocks covering iterations 0 .. n-1, merged in the order given, for a run asked for `asked` iterations. */
export function summariseOutput(
  prepared: PreparedSimulation,
  blocks: readonly BlockResult[],
  seed: number,
  asked = blocks.reduce((n, b) => n + b.count, 0),
): SimulationOutput {
  const layout = summaryLayout(prepared, seed, asked);
  const [first, ...rest] = blocks.map((b) => partialOf(prepared, layout, b));
  for (const other of rest) mergePartial(first!, other);
  return finishSummary(prepared, layout, first!, seed);
}

export function summarise(
  prepared: PreparedSimulation,
  blocks: readonly BlockResult[],
  seed: number,
): SimulationResult {
  return summariseOutput(prepared, blocks, seed).result;
}

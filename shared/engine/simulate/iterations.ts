/**
 * How many iterations a run makes and how they are cut into blocks: the
 * defaults of CLI.md, the largest run accepted, and block sizes that keep a
 * block's columns small (they are the only per-iteration memory of a run).
 */

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_SEED = 42;
export const DEFAULT_BLOCK_SIZE = 1_000;
export const MAX_ITERATIONS = 10_000_000;
/** Numbers in one block's columns at most (8 bytes each): 16 MB. */
const BLOCK_CELLS = 2 ** 21;

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

/**
 * Blocks small enough to balance the load over workers and report progress,
 * large enough to cost little, and never above BLOCK_CELLS numbers of columns.
 */
export function defaultBlockSize(iterations: number, projectCount: number, years: number): number {
  const fit = Math.max(1, Math.floor(BLOCK_CELLS / (projectCount + years + 5)));
  return Math.max(1, Math.min(fit, 5_000, Math.max(500, Math.ceil(iterations / 64))));
}

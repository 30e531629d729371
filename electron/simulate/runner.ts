/**
 * Runs a simulation's blocks on Node worker threads (the command line; the
 * app's renderer runs the same blocks in Web Workers). Blocks are handed out
 * one at a time to whichever worker is free; as each iteration's randomness
 * depends only on (seed, iteration), the figures are the same for any number
 * of workers and any block size.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  planBlocks,
  summarise,
  type BlockResult,
  type PreparedSimulation,
  type SimulationResult,
} from '../../shared/engine/simulate';

export interface ParallelOptions {
  iterations?: number;
  seed?: number;
  /** Worker threads; default: os.availableParallelism(). */
  workers?: number;
  blockSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops handing out blocks; the result summarises the blocks done. */
  signal?: AbortSignal;
}

type WorkerReply =
  { ready: true } | { ok: true; result: BlockResult } | { ok: false; error: string };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export async function simulateInWorkers(
  prepared: PreparedSimulation,
  options: ParallelOptions = {},
): Promise<SimulationResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const blocks = planBlocks(iterations, seed, options.blockSize ?? defaultBlockSize(iterations));
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), blocks.length));
  const parts: BlockResult[] = [];
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(WORKER_URL, { workerData: prepared });
            workers.push(worker);
            const handOut = () => {
              if (next >= blocks.length || options.signal?.aborted) {
                resolve();
                return;
              }
              worker.postMessage(blocks[next++]);
            };
            worker.on('message', (reply: WorkerReply) => {
              if ('ready' in reply) return handOut();
              if (!reply.ok) return reject(new Error(reply.error));
              parts.push(reply.result);
              done += reply.result.count;
              options.onProgress?.(done, iterations);
              handOut();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`le fil de simulation s’est arrêté (code ${code})`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // When cancelled, keep only the iterations 0 .. k-1 done without a gap.
  parts.sort((a, b) => a.firstIteration - b.firstIteration);
  const contiguous: BlockResult[] = [];
  let expected = 0;
  for (const part of parts) {
    if (part.firstIteration !== expected) break;
    contiguous.push(part);
    expected += part.count;
  }
  return summarise(prepared, contiguous, seed, expected < iterations);
}

/** Blocks small enough to balance the load and report progress, large enough to cost little. */
function defaultBlockSize(iterations: number): number {
  return Math.min(5_000, Math.max(500, Math.ceil(iterations / 64)));
}

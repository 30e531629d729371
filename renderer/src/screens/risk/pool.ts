/**
 * The risk simulation spread over Web Workers (MODEL.md §5). The run is cut
 * into the engine's blocks (`planBlocks`); each worker receives the prepared
 * input once, then one block at a time, and answers the block's raw arrays
 * (transferred, not copied). The blocks are then sent (transferred again)
 * to one more worker that merges them with the engine's `summarise`, which
 * puts them back in iteration order, so the figures are the same whatever
 * the number of workers and the order they finish in; that worker also
 * shapes the S-curve and who delays whom (`mergeBlocks`), so the page's
 * thread never sorts hundreds of thousands of numbers.
 *
 * Nothing here touches `Worker` itself: the page passes a `spawn` that makes
 * a real Web Worker (workers/simulate.worker.ts), and the unit tests pass one
 * that runs `blockHandler` in the same thread, so the merge logic is tested
 * in Node exactly as the page runs it.
 */
import type { Portfolio } from '../../../../shared/model/portfolio';
import {
  blockBuffers,
  planBlocks,
  simulateBlock,
  summarise,
  type BlockResult,
  type PreparedSimulation,
  type SimulationResult,
} from '../../../../shared/engine/simulate';
import {
  delayCauses,
  probabilityAtMost,
  sCurve,
  valueSample,
  type CurvePoint,
  type DelayCause,
} from './curves';

/** What the page needs from a finished run: the engine's figures and the shaped curves. */
export interface MergedRun {
  result: SimulationResult;
  curve: CurvePoint[];
  /** Probability that the whole planned value is delivered. */
  pAll: number;
  /** Who delays whom, by project id (see figures.ts `delayCauses`). */
  causes: [string, DelayCause[]][];
}

/** Merges the blocks of a run (in any order) into what the page shows. */
export function mergeBlocks(
  prepared: PreparedSimulation,
  blocks: readonly BlockResult[],
  seed: number,
  cancelled: boolean,
  portfolio: Portfolio,
): MergedRun {
  const result = summarise(prepared, [...blocks], seed, cancelled);
  const sample = valueSample(blocks);
  return {
    result,
    curve: sCurve(sample),
    pAll: 1 - probabilityAtMost(sample, result.value.planned - 1e-9),
    causes: [...delayCauses(portfolio, prepared.projectIds, prepared.startYears, blocks)],
  };
}

export type PoolRequest =
  | { type: 'prepare'; run: number; prepared: PreparedSimulation }
  | { type: 'block'; run: number; seed: number; firstIteration: number; count: number }
  | {
      type: 'merge';
      run: number;
      prepared: PreparedSimulation;
      blocks: BlockResult[];
      seed: number;
      cancelled: boolean;
      portfolio: Portfolio;
    };

export type PoolReply =
  | { type: 'block'; run: number; result: BlockResult }
  | { type: 'merged'; run: number; merged: MergedRun }
  | { type: 'error'; run: number; message: string };

/** What the pool needs of a worker: a Web Worker has all of it. */
export interface WorkerLike {
  postMessage(message: PoolRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: PoolReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

/**
 * The worker's side: keeps the prepared input of the current run and
 * answers each block with its result and the buffers to transfer.
 */
export function blockHandler(): (
  request: PoolRequest,
) => { reply: PoolReply; transfer: ArrayBuffer[] } | null {
  let prepared: PreparedSimulation | null = null;
  let run = -1;
  return (request) => {
    if (request.type === 'prepare') {
      prepared = request.prepared;
      run = request.run;
      return null;
    }
    if (request.type === 'merge') {
      try {
        const { prepared: input, blocks, seed, cancelled, portfolio } = request;
        const merged = mergeBlocks(input, blocks, seed, cancelled, portfolio);
        return { reply: { type: 'merged', run: request.run, merged }, transfer: [] };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { reply: { type: 'error', run: request.run, message }, transfer: [] };
      }
    }
    try {
      if (!prepared || request.run !== run) throw new Error('bloc reçu avant la préparation');
      const result = simulateBlock(prepared, request.seed, request.firstIteration, request.count);
      return { reply: { type: 'block', run, result }, transfer: blockBuffers(result) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { type: 'error', run: request.run, message }, transfer: [] };
    }
  };
}

export interface PoolOptions {
  iterations: number;
  seed: number;
  workers: number;
  /** The document simulated (for who delays whom). */
  portfolio: Portfolio;
  blockSize?: number;
  /** Called after each block with the iterations done and asked. */
  onProgress?: (done: number, total: number) => void;
}

export interface PoolRun {
  /** The merged figures. */
  done: Promise<MergedRun>;
  /**
   * Terminates the workers. The run then resolves with the figures of the
   * blocks received from the first iteration on without a gap (marked
   * cancelled), or rejects when there is none.
   */
  cancel: () => void;
}

let runCounter = 0;

/** The number of workers for this machine: one per core, at most 4. */
export function workerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(4, cores));
}

/** Blocks received, from iteration 0 on, up to the first missing one. */
export function contiguousPrefix(blocks: Iterable<BlockResult>): BlockResult[] {
  const sorted = [...blocks].sort((a, b) => a.firstIteration - b.firstIteration);
  const out: BlockResult[] = [];
  let next = 0;
  for (const block of sorted) {
    if (block.firstIteration !== next) break;
    out.push(block);
    next += block.count;
  }
  return out;
}

export function runPool(
  prepared: PreparedSimulation,
  options: PoolOptions,
  spawn: () => WorkerLike,
): PoolRun {
  const run = ++runCounter;
  const queue = planBlocks(options.iterations, options.seed, options.blockSize);
  const total = options.iterations;
  const received: BlockResult[] = [];
  const workers: WorkerLike[] = [];
  let doneCount = 0;
  let settled = false;
  let resolve!: (value: MergedRun) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<MergedRun>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  const stopAll = () => {
    for (const w of workers) w.terminate();
    workers.length = 0;
  };
  let merger: WorkerLike | null = null;
  let merging = false;
  const finish = (cancelled: boolean) => {
    if (merging) {
      // Cancelled while merging: drop the run.
      merger?.terminate();
      merger = null;
      settled = true;
      reject(new Error('simulation annulée'));
      return;
    }
    if (settled) return;
    stopAll();
    const blocks = contiguousPrefix(received);
    if (blocks.length === 0) {
      settled = true;
      reject(new Error(cancelled ? 'simulation annulée' : 'aucun bloc reçu'));
      return;
    }
    merging = true;
    const worker = spawn();
    merger = worker;
    worker.onmessage = (event) => {
      const reply = event.data;
      if (settled || reply.run !== run) return;
      settled = true;
      merging = false;
      worker.terminate();
      merger = null;
      if (reply.type === 'merged') resolve(reply.merged);
      else reject(new Error(reply.type === 'error' ? reply.message : 'réponse inattendue'));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (settled) return;
      settled = true;
      merging = false;
      worker.terminate();
      reject(new Error(event.message || 'erreur du calcul en arrière-plan'));
    };
    const transfer = blocks.flatMap(blockBuffers);
    worker.postMessage(
      {
        type: 'merge',
        run,
        prepared,
        blocks,
        seed: options.seed,
        cancelled,
        portfolio: options.portfolio,
      },
      transfer,
    );
  };
  const fail = (message: string) => {
    if (settled || merging) return;
    settled = true;
    stopAll();
    reject(new Error(message));
  };
  const feed = (worker: WorkerLike) => {
    const block = queue.shift();
    if (!block) return;
    worker.postMessage({ type: 'block', run, ...block });
  };

  const count = Math.max(1, Math.min(options.workers, queue.length));
  for (let i = 0; i < count; i++) {
    const worker = spawn();
    workers.push(worker);
    worker.onmessage = (event) => {
      const reply = event.data;
      if (settled || merging || reply.run !== run) return;
      if (reply.type === 'error') {
        fail(reply.message);
        return;
      }
      if (reply.type !== 'block') return;
      received.push(reply.result);
      doneCount += reply.result.count;
      options.onProgress?.(doneCount, total);
      if (doneCount >= total) finish(false);
      else feed(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(event.message || 'erreur du calcul en arrière-plan');
    };
    worker.postMessage({ type: 'prepare', run, prepared });
    feed(worker);
  }
  return { done, cancel: () => finish(true) };
}

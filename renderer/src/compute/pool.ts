/**
 * The risk simulation spread over Web Workers (MODEL.md §5): the engine's
 * coordinator (`dispatchSimulation`) over workers that run the engine's
 * worker side (compute/simulate.worker.ts). Each worker adds the blocks it
 * runs to its own partial summary; the first worker merges them and
 * computes the figures and the S-curve, so the page's thread never merges
 * nor sorts. The command line's worker threads run the same protocol, so
 * the app and `arbitra simulate` give the same figures for the same seed,
 * whatever the number of workers and the order in which blocks finish.
 *
 * Nothing here touches `Worker` itself: the page passes a `spawn` that makes
 * a real Web Worker, and the unit tests pass one that runs the engine's
 * handler in the same thread, so the pool is tested in Node exactly as the
 * page runs it.
 */
import {
  defaultBlockSize,
  dispatchSimulation,
  type PreparedSimulation,
  type SimulationEndpoint,
  type SimulationOutput,
  type SimulationReply,
  type SimulationRequest,
} from '../../../shared/engine/simulate';

/** What the pool needs of a worker: a Web Worker has all of it. */
export interface WorkerLike {
  postMessage(message: SimulationRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: SimulationReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

export interface PoolOptions {
  iterations: number;
  seed: number;
  workers: number;
  blockSize?: number;
  /** Called after each block with the iterations done and asked. */
  onProgress?: (done: number, total: number) => void;
}

export interface PoolRun {
  /** The figures. */
  done: Promise<SimulationOutput>;
  /**
   * Stops handing out blocks: the run resolves with the figures of the
   * blocks done, iterations 0 .. n-1 (marked cancelled).
   */
  cancel: () => void;
  /** Gives up at once and terminates the workers (`done` rejects). */
  abort: () => void;
}

/** The number of workers for this machine: one per core, at most 4. */
export function workerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(4, cores));
}

export function runPool(
  prepared: PreparedSimulation,
  options: PoolOptions,
  spawn: () => WorkerLike,
): PoolRun {
  const count = Math.max(1, options.workers);
  const workers = Array.from({ length: count }, spawn);
  const endpoints: SimulationEndpoint[] = workers.map((worker) => {
    const endpoint: SimulationEndpoint = {
      post: (request, transfer) => worker.postMessage(request, transfer ?? []),
      onReply: null,
      onFailure: null,
    };
    worker.onmessage = (event) => endpoint.onReply?.(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      endpoint.onFailure?.(new Error(event.message || 'erreur du calcul en arrière-plan'));
    };
    return endpoint;
  });
  const stopAll = () => {
    for (const w of workers) w.terminate();
  };
  let dispatch;
  try {
    dispatch = dispatchSimulation(prepared, endpoints, {
      iterations: options.iterations,
      seed: options.seed,
      blockSize:
        options.blockSize ??
        defaultBlockSize(options.iterations, prepared.projectCount, prepared.years),
      onProgress: options.onProgress,
    });
  } catch (error) {
    stopAll();
    return { done: Promise.reject(error), cancel: () => {}, abort: () => {} };
  }
  const done = dispatch.done.finally(stopAll);
  return {
    done,
    cancel: dispatch.cancel,
    abort: () => {
      dispatch.abort();
      stopAll();
    },
  };
}

/**
 * Runs simulations on Node worker threads (the command line; the app's
 * renderer runs the same protocol on Web Workers).
 *
 * A `SimulationPool` keeps its threads between runs (starting one costs a
 * few hundred milliseconds: it loads the TypeScript engine through tsx), and
 * lets them hold no event-loop reference while idle, so a process with a
 * pool still exits when its work is done. A run is the engine's
 * `dispatchSimulation` over the threads (shared/engine/simulate/dispatch.ts):
 * blocks handed out one at a time to whichever thread is free, each thread
 * adding its blocks to its own partial summary, then the partials merged on
 * the first thread. Partial summaries merge exactly, so the figures are the
 * same for any number of threads and any block size, and the memory of a
 * run does not grow with its iterations (the summary's size is estimated
 * and checked before the run: `checkSummaryMemory`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  defaultBlockSize,
  checkSummaryMemory,
  dispatchSimulation,
  summaryLayout,
  type PreparedSimulation,
  type SimulationEndpoint,
  type SimulationOutput,
  type SimulationReply,
  type SimulationRequest,
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
  /** Filled with the milliseconds of each phase (benchmarks). */
  timings?: RunTimings;
}

export interface RunTimings {
  /** Starting threads that were not running yet. */
  start: number;
  /** The summary's layout (its pilot) in this thread. */
  layout: number;
  /** The blocks and the merge, on the threads. */
  run: number;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** One thread of a pool, as an endpoint of the engine's coordinator. */
interface Thread extends SimulationEndpoint {
  worker: Worker;
  ready: Promise<void>;
}

export class SimulationPool {
  readonly size: number;
  private threads: Thread[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(size = availableParallelism()) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`le nombre de fils doit être un entier positif, pas ${size}`);
    }
    this.size = size;
  }

  /** Starts the threads now (runs start them when needed); resolves when all are ready. */
  async start(): Promise<void> {
    if (this.closed) throw new Error('ce groupe de fils de simulation est fermé');
    while (this.threads.length < this.size) this.threads.push(this.spawn());
    await Promise.all(this.threads.map((t) => t.ready));
  }

  /** Runs a simulation; runs asked at the same time wait for each other. */
  run(prepared: PreparedSimulation, options: ParallelOptions = {}): Promise<SimulationResult> {
    return this.runOutput(prepared, options).then((output) => output.result);
  }

  /** Like `run`, with the S-curve of delivered value. */
  runOutput(
    prepared: PreparedSimulation,
    options: ParallelOptions = {},
  ): Promise<SimulationOutput> {
    const result = this.queue.then(() => this.runNow(prepared, options));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    let started!: () => void;
    let refused!: (error: Error) => void;
    const thread: Thread = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        started = resolve;
        refused = reject;
      }),
      post: (request: SimulationRequest, transfer?: ArrayBuffer[]) =>
        worker.postMessage(request, transfer),
      onReply: null,
      onFailure: null,
    };
    worker.on('message', (message: SimulationReply | { type: 'ready' }) => {
      if (message.type === 'ready') started();
      else thread.onReply?.(message);
    });
    const fail = (error: Error) => {
      this.threads = this.threads.filter((t) => t !== thread);
      refused(error);
      thread.onFailure?.(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`le fil de simulation s’est arrêté (code ${code})`));
    });
    return thread;
  }

  private async runNow(
    prepared: PreparedSimulation,
    options: ParallelOptions,
  ): Promise<SimulationOutput> {
    const seed = options.seed ?? DEFAULT_SEED;
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    const blockSize =
      options.blockSize ?? defaultBlockSize(iterations, prepared.projectCount, prepared.years);
    const t0 = performance.now();
    const layout = summaryLayout(prepared, seed, iterations);
    checkSummaryMemory(layout, blockSize, this.size + 1);
    const t1 = performance.now();
    await this.start();
    const t2 = performance.now();
    const threads = this.threads.slice(0, this.size);
    for (const t of threads) t.worker.ref();
    try {
      const dispatch = dispatchSimulation(prepared, threads, {
        iterations,
        seed,
        blockSize,
        layout,
        onProgress: options.onProgress,
      });
      const onAbort = () => dispatch.cancel();
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener('abort', onAbort);
      try {
        const output = await dispatch.done;
        if (options.timings) {
          Object.assign(options.timings, {
            layout: t1 - t0,
            start: t2 - t1,
            run: performance.now() - t2,
          });
        }
        return output;
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    } catch (error) {
      // A thread failed, or an answer was wrong: the others may still be busy
      // with this run's tasks, so none is kept for the next run.
      const stopped = this.threads;
      this.threads = [];
      await Promise.all(stopped.map((t) => t.worker.terminate()));
      throw error;
    } finally {
      for (const t of threads) t.worker.unref();
    }
  }
}

const pools = new Map<number, SimulationPool>();

/** The process's pool of `size` threads, started on first use and kept for later runs. */
export function simulationPool(size = availableParallelism()): SimulationPool {
  let pool = pools.get(size);
  if (!pool) {
    pool = new SimulationPool(size);
    pools.set(size, pool);
  }
  return pool;
}

/** Runs a simulation on the process's pool of `options.workers` threads (default: one per core). */
export function simulateInWorkers(
  prepared: PreparedSimulation,
  options: ParallelOptions = {},
): Promise<SimulationResult> {
  return simulationPool(options.workers ?? availableParallelism()).run(prepared, options);
}

/**
 * Runs simulations on Node worker threads (the command line; the app's
 * renderer runs the same blocks in Web Workers).
 *
 * A `SimulationPool` keeps its threads between runs (starting one costs a
 * few hundred milliseconds: it loads the TypeScript engine through tsx), and
 * lets them hold no event-loop reference while idle, so a process with a
 * pool still exits when its work is done. A run has two phases, both on the
 * threads:
 *
 * 1. blocks of iterations, handed out one at a time to whichever thread is
 *    free, each written in place into whole-run columns on SharedArrayBuffers
 *    (`simulateInto`): nothing is copied back, only per-project counts;
 * 2. the per-project figures (`projectFigures`: finish quantiles, driver
 *    correlation), handed out by chunks of projects, once this thread has
 *    ranked the value delivered.
 *
 * This thread then summarises the per-iteration totals (`summariseColumns`).
 * As each iteration's randomness depends only on (seed, iteration) and each
 * project's figures only on its columns, the figures are the same for any
 * number of threads and any block size.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  PROJECT_FIGURES,
  addCounts,
  allocateColumns,
  emptyCounts,
  planBlocks,
  summariseColumns,
  valueRanks,
  type BlockCounts,
  type IterationColumns,
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
  /** Filled with the milliseconds of each phase (benchmarks). */
  timings?: RunTimings;
}

export interface RunTimings {
  /** Starting threads that were not running yet. */
  start: number;
  /** The iterations (phase 1). */
  blocks: number;
  /** Ranking the value delivered and the per-project figures (phase 2). */
  figures: number;
  /** The per-iteration totals in this thread. */
  summary: number;
}

/** Messages to a simulation thread (see worker.ts). */
export type WorkerRequest =
  | { type: 'run'; prepared: PreparedSimulation; seed: number; columns: IterationColumns }
  | { type: 'block'; firstIteration: number; count: number }
  | {
      type: 'figures';
      n: number;
      twice: Int32Array;
      sumSquares: number;
      from: number;
      to: number;
    }
  | { type: 'end' };

/** Answers of a simulation thread. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'block'; firstIteration: number; count: number; counts: BlockCounts }
  | { type: 'figures'; from: number; to: number; figures: Float64Array }
  | { type: 'error'; error: string };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** One thread of a pool, and the handler of its current task. */
interface Thread {
  worker: Worker;
  ready: Promise<void>;
  onReply?: (reply: WorkerReply) => void;
  onFailure?: (error: Error) => void;
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
    const thread: Thread = { worker, ready: Promise.resolve() };
    thread.ready = new Promise<void>((resolve, reject) => {
      thread.onReply = (reply) => {
        if (reply.type === 'ready') resolve();
        else reject(new Error(`réponse inattendue du fil de simulation : ${reply.type}`));
      };
      thread.onFailure = reject;
    });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'error') thread.onFailure?.(new Error(reply.error));
      else thread.onReply?.(reply);
    });
    const fail = (error: Error) => {
      this.threads = this.threads.filter((t) => t !== thread);
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
  ): Promise<SimulationResult> {
    const seed = options.seed ?? DEFAULT_SEED;
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    const blocks = planBlocks(iterations, seed, options.blockSize ?? defaultBlockSize(iterations));
    const t0 = performance.now();
    await this.start();
    const t1 = performance.now();
    const threads = this.threads.slice(0, Math.max(1, Math.min(this.size, blocks.length)));
    for (const t of threads) t.worker.ref();
    try {
      const columns = allocateColumns(prepared, iterations, true);
      const P = prepared.projectCount;

      // Phase 1: the iterations, written in place into the shared columns.
      const done: { firstIteration: number; count: number; counts: BlockCounts }[] = [];
      let next = 0;
      let progress = 0;
      await this.each(
        threads,
        (t) =>
          t.worker.postMessage({ type: 'run', prepared, seed, columns } satisfies WorkerRequest),
        () => {
          if (next >= blocks.length || options.signal?.aborted) return undefined;
          const b = blocks[next++]!;
          return { type: 'block', firstIteration: b.firstIteration, count: b.count };
        },
        (reply) => {
          if (reply.type !== 'block') return;
          done.push(reply);
          progress += reply.count;
          options.onProgress?.(progress, iterations);
        },
      );
      // When cancelled, keep only the iterations 0 .. n-1 done without a gap.
      done.sort((a, b) => a.firstIteration - b.firstIteration);
      const counts = emptyCounts(P);
      let n = 0;
      for (const part of done) {
        if (part.firstIteration !== n) break;
        addCounts(counts, part.counts);
        n += part.count;
      }

      const t2 = performance.now();

      // Phase 2: each project's figures, by chunks of projects.
      const ranks = valueRanks(columns.value, n);
      const twice = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)), 0, n);
      twice.set(ranks.twice);
      const figures = new Float64Array(PROJECT_FIGURES * P);
      const chunk = Math.max(1, Math.ceil(P / (4 * threads.length)));
      let from = 0;
      await this.each(
        threads,
        () => undefined,
        () => {
          if (from >= P) return undefined;
          const to = Math.min(P, from + chunk);
          const request: WorkerRequest = {
            type: 'figures',
            n,
            twice,
            sumSquares: ranks.sumSquares,
            from,
            to,
          };
          from = to;
          return request;
        },
        (reply) => {
          if (reply.type === 'figures') figures.set(reply.figures, PROJECT_FIGURES * reply.from);
        },
      );
      for (const t of threads) t.worker.postMessage({ type: 'end' } satisfies WorkerRequest);
      const t3 = performance.now();
      const result = summariseColumns(prepared, columns, n, counts, figures, seed, n < iterations);
      if (options.timings) {
        Object.assign(options.timings, {
          start: t1 - t0,
          blocks: t2 - t1,
          figures: t3 - t2,
          summary: performance.now() - t3,
        });
      }
      return result;
    } catch (error) {
      // A thread failed, or an answer was wrong: the others may still be busy
      // with this run's tasks, so none is kept for the next run.
      const stopped = this.threads;
      this.threads = [];
      await Promise.all(stopped.map((t) => t.worker.terminate()));
      throw error;
    } finally {
      for (const t of threads) {
        t.worker.unref();
        t.onReply = undefined;
        t.onFailure = undefined;
      }
    }
  }

  /**
   * Feeds tasks to the threads until `nextTask` has none left and every
   * answer is in: each thread gets a new task as soon as it answers.
   */
  private each(
    threads: Thread[],
    begin: (t: Thread) => void,
    nextTask: () => WorkerRequest | undefined,
    onAnswer: (reply: WorkerReply) => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let busy = 0;
      let failed = false;
      const feed = (t: Thread) => {
        const task = failed ? undefined : nextTask();
        if (task) {
          busy++;
          t.worker.postMessage(task);
        } else if (busy === 0) {
          resolve();
        }
      };
      for (const t of threads) {
        t.onFailure = (error) => {
          failed = true;
          reject(error);
        };
        t.onReply = (reply) => {
          busy--;
          try {
            onAnswer(reply);
          } catch (error) {
            failed = true;
            reject(error as Error);
            return;
          }
          feed(t);
        };
        begin(t);
      }
      for (const t of threads) feed(t);
    });
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

/** Blocks small enough to balance the load and report progress, large enough to cost little. */
function defaultBlockSize(iterations: number): number {
  return Math.min(5_000, Math.max(500, Math.ceil(iterations / 64)));
}

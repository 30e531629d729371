/**
 * Solver threads for the command line and the bench: a `RaceTransport`
 * (shared/engine/optimise/race.ts) on Node worker threads, so one solve runs
 * as several HiGHS lanes at once.
 *
 * Threads are started once (each loads and warms up HiGHS: about a second)
 * and kept between solves; idle, they hold no event-loop reference, so a
 * process with a pool still exits when its work is done. Each thread runs one
 * lane at a time; lanes asked for while all threads are busy wait their turn.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LaneReply, LaneRequest, RaceTransport } from '../../shared/engine/optimise/race';

export type SolverRequest = { id: number; lane: LaneRequest };

export type SolverReply =
  | { type: 'ready' }
  | { type: 'improving'; id: number; values: Float64Array; objective: number }
  | { type: 'done'; id: number; reply: LaneReply }
  | { type: 'error'; id: number; error: string };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  /** Id of the lane it runs. */
  current?: number;
}

interface Task {
  id: number;
  onImproving: (values: Float64Array, objective: number) => void;
  resolve: (reply: LaneReply) => void;
  reject: (error: Error) => void;
}

/** Default lane count: the cores there are, at most 4 (the lanes race.ts defines). */
export function defaultLanes(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Portfolios smaller than this are solved on the main thread: starting threads would cost more. */
export const RACE_MIN_PROJECTS = 20;

let shared: SolverPool | undefined;

/**
 * The command line's solver threads for a portfolio: one pool per process,
 * started on its first solve, or none on a single core or for a small
 * portfolio. The robustness analysis and the frontier run independent solves
 * on them at once; a single solve is not raced by default (on the bench's
 * shared two cores, two lanes of the demo proved at the same CPU time, so
 * racing doubled the CPU for no gain).
 */
export function solverThreadsFor(portfolio: {
  projects: readonly unknown[];
}): SolverPool | undefined {
  if (defaultLanes() < 2 || portfolio.projects.length < RACE_MIN_PROJECTS) return undefined;
  shared ??= new SolverPool();
  return shared;
}

export class SolverPool implements RaceTransport {
  readonly lanes: number;
  private threads: Thread[] = [];
  private waiting: { request: SolverRequest; task: Task }[] = [];
  private tasks = new Map<number, Task>();
  private nextId = 1;
  private closed = false;

  constructor(lanes = defaultLanes()) {
    if (!Number.isInteger(lanes) || lanes < 1) {
      throw new RangeError(`le nombre de fils de calcul doit être un entier positif, pas ${lanes}`);
    }
    this.lanes = lanes;
  }

  /** Starts the threads now (lanes start them when needed); resolves when all are ready. */
  async start(): Promise<void> {
    if (this.closed) throw new Error('ce groupe de fils de calcul est fermé');
    while (this.threads.length < this.lanes) this.threads.push(this.spawn());
    await Promise.all(this.threads.map((t) => t.ready));
  }

  runLane(
    lane: LaneRequest,
    onImproving: (values: Float64Array, objective: number) => void,
  ): Promise<LaneReply> {
    return new Promise<LaneReply>((resolve, reject) => {
      if (this.closed) {
        reject(new Error('ce groupe de fils de calcul est fermé'));
        return;
      }
      const id = this.nextId++;
      this.waiting.push({ request: { id, lane }, task: { id, onImproving, resolve, reject } });
      this.start().then(
        () => this.dispatch(),
        (error: Error) => this.failAll(error),
      );
    });
  }

  /** Stops the threads; lanes still running are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    this.failAll(new Error('ce groupe de fils de calcul est fermé'));
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.busy) continue;
      const next = this.waiting.shift();
      if (!next) return;
      thread.busy = true;
      thread.worker.ref();
      thread.current = next.task.id;
      this.tasks.set(next.task.id, next.task);
      thread.worker.postMessage(next.request);
    }
  }

  private failAll(error: Error): void {
    for (const { task } of this.waiting) task.reject(error);
    this.waiting = [];
    for (const task of this.tasks.values()) task.reject(error);
    this.tasks.clear();
  }

  private spawn(): Thread {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    const thread: Thread = { worker, ready: Promise.resolve(), busy: false };
    let onReady: () => void = () => undefined;
    let onFail: (error: Error) => void = () => undefined;
    thread.ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    const release = () => {
      thread.busy = false;
      thread.current = undefined;
      worker.unref();
      this.dispatch();
    };
    worker.on('message', (reply: SolverReply) => {
      if (reply.type === 'ready') {
        onReady();
        return;
      }
      const task = this.tasks.get(reply.id);
      if (!task) return;
      if (reply.type === 'improving') {
        task.onImproving(reply.values, reply.objective);
        return;
      }
      this.tasks.delete(reply.id);
      if (reply.type === 'done') task.resolve(reply.reply);
      else task.reject(new Error(reply.error));
      release();
    });
    const fail = (error: Error) => {
      this.threads = this.threads.filter((t) => t !== thread);
      onFail(error);
      if (thread.current !== undefined) {
        const task = this.tasks.get(thread.current);
        this.tasks.delete(thread.current);
        task?.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`le fil de calcul s’est arrêté (code ${code})`));
    });
    return thread;
  }
}

/**
 * One computation in a Web Worker, from the page's side: the one place that
 * knows a run's lifecycle, so the optimiser, frontier and robustness runs
 * only say what to ask and what to do with the answers.
 *
 * - Each run gets a fresh worker (HiGHS solves synchronously and its memory
 *   only grows, so terminating is the only way to stop a solve and to give
 *   the memory back) and an id, its generation: a reply that does not carry
 *   the current id, or comes after the run ended, is dropped.
 * - Starting a run terminates the one under way, silently.
 * - The run ends on the worker's `done` reply (delivered, then the worker
 *   is terminated), its `error` reply, a crash of the worker, the optional
 *   wall-clock limit, or `cancel()`; `onStop` says which, exactly once.
 * - Other replies (progress, points) are delivered as they come; an
 *   optional tick gives the seconds since the start while it runs.
 *
 * Nothing here names a worker file: the caller's `spawn` makes the real
 * `new Worker(new URL(...))` (so Vite bundles it), and the unit tests pass a
 * fake, so the lifecycle is tested in Node.
 */

/** What every reply of our workers carries. */
export interface Reply {
  type: string;
  id: number;
}

/** The reply a worker posts when its computation throws. */
export interface ErrorReply {
  type: 'error';
  id: number;
  message: string;
}

/** The part of a Web Worker a run uses (a fake in the unit tests). */
export interface WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** Why a run ended without its `done` reply. */
export type StopReason =
  | { kind: 'cancelled' }
  | { kind: 'timeout' }
  /** The worker's `error` reply (`crashed` false) or an uncaught failure of the worker (`crashed` true). */
  | { kind: 'failed'; message: string; crashed: boolean };

/** A request without its id, for unions too (the run adds the id). */
export type Unidentified<R> = R extends unknown ? Omit<R, 'id'> : never;

export interface RunOptions<R extends Reply> {
  /** Every reply of this run but `error`, `done` included (the run ends after it). */
  onReply: (reply: Exclude<R, ErrorReply>) => void;
  onStop?: (reason: StopReason) => void;
  /** Seconds after which the worker is terminated (`onStop` timeout). */
  limitSeconds?: number;
  /** Called every `tickMs` while the run goes on, with the seconds since the start. */
  onTick?: (seconds: number) => void;
  tickMs?: number;
}

export class WorkerRun<Request extends { id: number }, R extends Reply> {
  private worker: WorkerLike | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private generation = 0;
  private stopHandler: ((reason: StopReason) => void) | undefined;

  constructor(private readonly spawn: () => WorkerLike) {}

  /** A run is under way (started, not yet ended). */
  get active(): boolean {
    return this.worker !== null;
  }

  /** Starts a run, ending the one under way without telling it; returns the run's id. */
  start(request: Unidentified<Request>, options: RunOptions<R>): number {
    this.end();
    const id = ++this.generation;
    const began = Date.now();
    const worker = this.spawn();
    this.worker = worker;
    this.stopHandler = options.onStop;
    const current = () => this.worker === worker && this.generation === id;
    worker.onmessage = (event) => {
      const reply = event.data as R;
      if (!current() || reply.id !== id) return;
      if (reply.type === 'error') {
        this.stop({
          kind: 'failed',
          message: (reply as unknown as ErrorReply).message,
          crashed: false,
        });
        return;
      }
      options.onReply(reply as Exclude<R, ErrorReply>);
      if (reply.type === 'done' && current()) this.end();
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (current()) this.stop({ kind: 'failed', message: event.message ?? '', crashed: true });
    };
    if (options.limitSeconds !== undefined) {
      this.timers.push(
        setTimeout(() => this.stop({ kind: 'timeout' }), options.limitSeconds * 1000),
      );
    }
    if (options.onTick) {
      const tick = options.onTick;
      this.timers.push(setInterval(() => tick((Date.now() - began) / 1000), options.tickMs ?? 250));
    }
    worker.postMessage({ ...request, id });
    return id;
  }

  /** Stops the run under way (`onStop` cancelled); nothing when none is. */
  cancel(): void {
    if (this.active) this.stop({ kind: 'cancelled' });
  }

  private stop(reason: StopReason): void {
    const handler = this.stopHandler;
    this.end();
    handler?.(reason);
  }

  /** Terminates the worker and clears the timers; later replies are dropped. */
  private end(): void {
    this.worker?.terminate();
    this.worker = null;
    this.stopHandler = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}

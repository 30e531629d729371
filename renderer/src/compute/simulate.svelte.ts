/**
 * A screen's simulation runs: one at a time, in Web Workers (pool.ts),
 * restarted (debounced) whenever what it depends on changes. A new request
 * gives up the run under way at once; its figures are dropped. Cancelling
 * keeps the figures of the blocks done. The last finished figures stay on
 * screen while the next run computes. Everything heavy (blocks, merge,
 * figures) runs in workers; the page only prepares the plan.
 *
 * What to simulate and how to lay the figures out belong to the screens:
 * they pass them in (`RiskShape`, e.g. screens/risk/figures.ts `riskShape`),
 * so this helper imports nothing from a screen.
 */
import { prepareSimulation } from '../../../shared/engine/simulate';
import { runPool, workerCount, type PoolRun, type WorkerLike } from './pool';
import type { PlanChoice, RiskShape, RunRequest } from './run-shape';

export type { PlanChoice, RiskShape, RunRequest };

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';

export const DEBOUNCE_MS = 300;

function spawnWorker(): WorkerLike {
  return new Worker(new URL('./simulate.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

export function requestKey(r: RunRequest): string {
  return JSON.stringify([r.scenarioId, r.iterations, r.seed, r.portfolio]);
}

export class RiskRun<P extends PlanChoice, F> {
  status = $state<RunStatus>('idle');
  done = $state(0);
  total = $state(0);
  workers = $state(0);
  message = $state('');
  /** Set when the scenario's plan is empty (nothing to simulate). */
  plan = $state.raw<P | null>(null);
  figures = $state.raw<F | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private current: PoolRun | null = null;
  private generation = 0;
  private lastKey = '';

  constructor(private readonly shape: RiskShape<P, F>) {}

  get running(): boolean {
    return this.status === 'running' || this.status === 'waiting';
  }

  /** Runs `request` after a short pause, unless another comes first; the same request twice runs once. */
  schedule(request: RunRequest, delay = DEBOUNCE_MS): void {
    const key = requestKey(request);
    if (key === this.lastKey && this.status !== 'error') return;
    this.lastKey = key;
    this.stop();
    this.status = 'waiting';
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start(request, key);
    }, delay);
  }

  /** Runs again now with the same request (after a cancel or an error). */
  rerun(request: RunRequest): void {
    this.lastKey = '';
    this.schedule(request, 0);
  }

  /** Stops the run under way; the figures of the blocks done are shown, marked cancelled. */
  cancel(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.status = this.figures ? 'cancelled' : 'idle';
    }
    this.current?.cancel();
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.generation++;
    this.current?.abort();
    this.current = null;
  }

  private start(request: RunRequest, key: string): void {
    const id = ++this.generation;
    let plan: P;
    let prepared;
    try {
      plan = this.shape.plan(request.portfolio, request.scenarioId);
      this.plan = plan;
      if (plan.plan.length === 0) {
        this.status = 'idle';
        this.figures = null;
        return;
      }
      prepared = prepareSimulation(plan.portfolio ?? request.portfolio, plan.plan, plan.scenario);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.status = 'running';
    this.done = 0;
    this.total = request.iterations;
    this.workers = workerCount(globalThis.navigator?.hardwareConcurrency);
    const run = runPool(
      prepared,
      {
        iterations: request.iterations,
        seed: request.seed,
        workers: this.workers,
        onProgress: (done) => {
          if (id === this.generation) this.done = done;
        },
      },
      spawnWorker,
    );
    this.current = run;
    run.done.then(
      (output) => {
        if (id !== this.generation) return;
        this.current = null;
        try {
          this.figures = this.shape.figures(request, key, plan, output);
        } catch (error) {
          this.fail(error);
          return;
        }
        const cancelled = output.result.cancelled;
        this.status = cancelled ? 'cancelled' : 'done';
        if (cancelled) this.lastKey = '';
      },
      (error: unknown) => {
        if (id !== this.generation) return;
        this.current = null;
        if (error instanceof Error && /annulée/.test(error.message)) {
          this.status = this.figures ? 'cancelled' : 'idle';
          this.lastKey = '';
          return;
        }
        this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.status = 'error';
    this.message = error instanceof Error ? error.message : String(error);
  }
}

/**
 * The risk screen's simulation runs: one at a time, in Web Workers
 * (pool.ts), restarted (debounced) whenever what it depends on changes. A
 * new request cancels the run under way at once; its figures are dropped.
 * The last finished figures stay on screen while the next run computes.
 * Everything heavy (blocks, merge, sorting) runs in workers; the page only
 * prepares the plan and lays out the merged figures.
 */
import { prepareSimulation, type SimulationResult } from '../../../../shared/engine/simulate';
import type { Portfolio } from '../../../../shared/model/portfolio';
import {
  fanYears,
  roadmapRows,
  simulatedPlan,
  tornadoBars,
  type CurvePoint,
  type FanYear,
  type RoadmapRow,
  type SimulatedPlan,
  type TornadoBar,
} from './figures';
import { runPool, workerCount, type PoolRun, type WorkerLike } from './pool';

export interface RunRequest {
  portfolio: Portfolio;
  scenarioId: string;
  iterations: number;
  seed: number;
}

export interface RiskFigures {
  /** The request's key, to tell the figures of the current settings from older ones. */
  key: string;
  plan: SimulatedPlan;
  result: SimulationResult;
  curve: CurvePoint[];
  /** Probability that the whole planned value is delivered. */
  pAll: number;
  rows: RoadmapRow[];
  fan: FanYear[];
  tornado: TornadoBar[];
}

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';

export const DEBOUNCE_MS = 300;

function spawnWorker(): WorkerLike {
  return new Worker(new URL('../../workers/simulate.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

export function requestKey(r: RunRequest): string {
  return JSON.stringify([r.scenarioId, r.iterations, r.seed, r.portfolio]);
}

export class RiskRun {
  status = $state<RunStatus>('idle');
  done = $state(0);
  total = $state(0);
  workers = $state(0);
  message = $state('');
  /** Set when the scenario's plan is empty (nothing to simulate). */
  plan = $state.raw<SimulatedPlan | null>(null);
  figures = $state.raw<RiskFigures | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private current: PoolRun | null = null;
  private generation = 0;
  private lastKey = '';

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

  /** Stops the run under way; the figures received so far are shown, marked cancelled. */
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
    this.current?.cancel();
    this.current = null;
  }

  private start(request: RunRequest, key: string): void {
    const id = ++this.generation;
    let plan: SimulatedPlan;
    let prepared;
    try {
      plan = simulatedPlan(request.portfolio, request.scenarioId);
      this.plan = plan;
      if (plan.plan.length === 0) {
        this.status = 'idle';
        this.figures = null;
        return;
      }
      prepared = prepareSimulation(request.portfolio, plan.plan, plan.scenario);
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
        portfolio: request.portfolio,
        onProgress: (done) => {
          if (id === this.generation) this.done = done;
        },
      },
      spawnWorker,
    );
    this.current = run;
    run.done.then(
      ({ result, curve, pAll, causes }) => {
        if (id !== this.generation) return;
        this.current = null;
        this.figures = {
          key,
          plan,
          result,
          curve,
          pAll,
          rows: roadmapRows(request.portfolio, result, causes),
          fan: fanYears(result),
          tornado: tornadoBars(request.portfolio, result),
        };
        this.status = result.cancelled ? 'cancelled' : 'done';
        if (result.cancelled) this.lastKey = '';
      },
      (error: unknown) => {
        if (id !== this.generation) return;
        this.current = null;
        if (this.done === 0 && error instanceof Error && /annulée/.test(error.message)) {
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

/**
 * Solver runs of the frontier and comparison screens, kept outside the
 * components so a run goes on (and its result stays) when the user moves to
 * another screen and back.
 *
 * Each run gets a fresh Web Worker (frontier.worker.ts, driven by
 * worker-run.ts), terminated when the run ends or is cancelled: HiGHS
 * memory only grows, and terminating is the only way to stop a synchronous
 * solve. Cancelling keeps what was already posted (the finished frontier
 * points, the best plan so far). Results are `$state.raw`: replaced whole,
 * never deep-proxied.
 */
import type {
  ConfidencePoint,
  FrontierPoint,
  KnownPoint,
  OptimiseProgress,
  OptimiseResult,
} from '../../../shared/engine/optimise';
import { SvelteMap } from 'svelte/reactivity';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import type { FrontierReply, FrontierRequest } from './frontier.worker';
import { WorkerRun, type StopReason, type WorkerLike } from './worker-run';

const spawn = () =>
  new Worker(new URL('./frontier.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** The message of a failed run (a crash without words gets a generic one). */
const failure = (reason: Extract<StopReason, { kind: 'failed' }>) =>
  reason.message || (reason.crashed ? 'erreur du calcul' : '');

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/**
 * The promise of a run's end: `next()` gives a new one (ending the one
 * before with `false`: a newer run replaced it), `settle` ends the current.
 */
class Ending {
  private resolve: ((finished: boolean) => void) | null = null;
  next(): Promise<boolean> {
    this.settle(false);
    return new Promise<boolean>((resolve) => (this.resolve = resolve));
  }
  settle(finished: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.(finished);
  }
}

/** The efficient frontier of one scenario, point by point. */
export class FrontierRun {
  state = $state<RunState>('idle');
  points = $state.raw<FrontierPoint[]>([]);
  done = $state(0);
  total = $state(0);
  message = $state('');
  /** What the points were computed from (scenario, inputs), to tell when they are stale. */
  key = $state('');
  scenarioId = $state('');
  timeLimitSeconds = $state(0);
  /** The factors of the run, in the order they are solved (smallest first). */
  factors = $state.raw<number[]>([]);

  /** The factor being solved now, while running. */
  get solving(): number | undefined {
    return this.state === 'running' ? this.factors[this.done] : undefined;
  }
  private readonly worker = new WorkerRun<FrontierRequest, FrontierReply>(spawn);
  private readonly ending = new Ending();

  /** Starts the frontier; the promise says, once the run ends, whether every point was solved. */
  run(
    portfolio: Portfolio,
    scenarioId: string,
    factors: number[],
    timeLimitSeconds: number,
    key: string,
    known: KnownPoint[] = [],
  ): Promise<boolean> {
    const finished = this.ending.next();
    this.state = 'running';
    this.points = [];
    this.done = 0;
    this.total = factors.length;
    this.factors = [...factors].sort((a, b) => a - b);
    this.message = '';
    this.key = key;
    this.scenarioId = scenarioId;
    this.timeLimitSeconds = timeLimitSeconds;
    this.worker.start(
      // No scenario at all (''): the engine's neutral settings.
      {
        kind: 'frontier',
        portfolio,
        scenarioId: scenarioId || undefined,
        factors,
        timeLimitSeconds,
        known,
      },
      {
        onReply: (reply) => {
          if (reply.type === 'point') {
            this.points = [...this.points, reply.point].sort((a, b) => a.factor - b.factor);
            this.done = reply.done;
          } else if (reply.type === 'done') {
            if (reply.points) this.points = [...reply.points].sort((a, b) => a.factor - b.factor);
            this.state = 'done';
            this.ending.settle(true);
          }
        },
        onStop: (reason) => {
          if (reason.kind === 'failed') {
            this.state = 'failed';
            this.message = failure(reason);
          } else if (this.state === 'running') this.state = 'cancelled';
          this.ending.settle(false);
        },
      },
    );
    return finished;
  }

  /** Stops the run, keeping the points already computed. */
  cancel() {
    this.worker.cancel();
  }
}

/** The price of confidence of one scenario (MODEL.md §7): one plan per confidence level. */
export class ConfidenceRun {
  state = $state<RunState>('idle');
  levels = $state.raw<ConfidencePoint[]>([]);
  done = $state(0);
  total = $state(0);
  message = $state('');
  key = $state('');
  scenarioId = $state('');
  private readonly worker = new WorkerRun<FrontierRequest, FrontierReply>(spawn);
  private readonly ending = new Ending();

  /** Starts the levels; the promise says, once the run ends, whether every level was solved. */
  run(
    portfolio: Portfolio,
    scenarioId: string,
    confidences: (number | null)[],
    timeLimitSeconds: number,
    key: string,
    deterministic?: OptimiseResult,
  ): Promise<boolean> {
    const finished = this.ending.next();
    this.state = 'running';
    this.levels = [];
    this.done = 0;
    this.total = confidences.length;
    this.message = '';
    this.key = key;
    this.scenarioId = scenarioId;
    const order = (list: ConfidencePoint[]) =>
      [...list].sort((a, b) => (a.confidence ?? 0) - (b.confidence ?? 0));
    this.worker.start(
      {
        kind: 'confidences',
        portfolio,
        scenarioId: scenarioId || undefined,
        confidences,
        timeLimitSeconds,
        deterministic,
      },
      {
        onReply: (reply) => {
          if (reply.type === 'level') {
            this.levels = order([...this.levels, reply.point]);
            this.done = reply.done;
          } else if (reply.type === 'done') {
            if (reply.levels) this.levels = order(reply.levels);
            this.state = 'done';
            this.ending.settle(true);
          }
        },
        onStop: (reason) => {
          if (reason.kind === 'failed') {
            this.state = 'failed';
            this.message = failure(reason);
          } else if (this.state === 'running') this.state = 'cancelled';
          this.ending.settle(false);
        },
      },
    );
    return finished;
  }

  /** Stops the run, keeping the levels already computed. */
  cancel() {
    this.worker.cancel();
  }
}

/** The price-of-confidence run of the frontier screen (one at a time). */
export const confidenceRun = new ConfidenceRun();

/** One scenario's optimised plan, with the best plan so far while it runs. */
export class PlanRun {
  state = $state<RunState>('idle');
  progress = $state.raw<OptimiseProgress | null>(null);
  plan = $state.raw<PlanEntry[] | null>(null);
  result = $state.raw<OptimiseResult | null>(null);
  message = $state('');
  key = $state('');
  private readonly worker = new WorkerRun<FrontierRequest, FrontierReply>(spawn);

  constructor(readonly scenarioId: string) {}

  run(portfolio: Portfolio, timeLimitSeconds: number, key: string) {
    this.state = 'running';
    this.progress = null;
    this.plan = null;
    this.result = null;
    this.message = '';
    this.key = key;
    this.worker.start(
      { kind: 'optimise', portfolio, scenarioId: this.scenarioId, timeLimitSeconds },
      {
        onReply: (reply) => {
          if (reply.type === 'progress') {
            this.progress = reply.progress;
            if (reply.progress.plan) this.plan = reply.progress.plan;
          } else if (reply.type === 'done' && reply.result) {
            this.result = reply.result;
            this.plan = reply.result.status === 'infeasible' ? null : reply.result.plan;
            this.state = reply.result.status === 'infeasible' ? 'failed' : 'done';
            this.message = reply.result.reasons.join(' ');
          }
        },
        onStop: (reason) => {
          if (reason.kind === 'failed') {
            this.state = 'failed';
            this.message = failure(reason);
          } else if (this.state === 'running') this.state = 'cancelled';
        },
      },
    );
  }

  /** Stops the run, keeping the best plan so far. */
  cancel() {
    this.worker.cancel();
  }
}

/** The frontier run of the screen (one at a time). */
export const frontierRun = new FrontierRun();

/** Optimised plans computed for the comparison, by scenario id. */
export const planRuns = new SvelteMap<string, PlanRun>();

/** The plan run of a scenario, created on first use. */
export function planRunOf(scenarioId: string): PlanRun {
  let run = planRuns.get(scenarioId);
  if (!run) {
    run = new PlanRun(scenarioId);
    planRuns.set(scenarioId, run);
  }
  return run;
}

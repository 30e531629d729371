/**
 * The scenario screen's optimiser run, one at a time, kept at module level
 * so its result survives a visit to another screen. The solve runs in a
 * fresh Web Worker (optimise.worker.ts, driven by worker-run.ts) that is
 * terminated when it answers, when the user cancels, or when our own
 * wall-clock limit passes (the time limit plus a margin for loading HiGHS
 * and explaining an infeasible problem). Whatever stops it, the best plan
 * received so far is kept with its figures.
 */
import type {
  ConfidenceReport,
  OptimiseProgress,
  OptimiseResult,
} from '../../../shared/engine/optimise';
import { relativeGap } from '../../../shared/engine/plan';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import type { OptimiseReply, OptimiseRequest } from './optimise.worker';
import { WorkerRun, type WorkerLike } from './worker-run';

export type RunStatus =
  'running' | 'optimal' | 'feasible' | 'infeasible' | 'unknown' | 'cancelled' | 'timeout' | 'error';

export interface RunView {
  scenarioId: string;
  /** The inputs the run was started with (to tell when they changed since). */
  key: string;
  status: RunStatus;
  timeLimit: number;
  /** Best plan received so far (null before the heuristic's). */
  plan: PlanEntry[] | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** The ranking heuristic's objective (null when it found no valid plan). */
  heuristic: number | null;
  reasons: string[];
  message: string;
  /** With a confidence (MODEL.md §7): what the simulation says of the plan, once done. */
  confidence: ConfidenceReport | null;
  /** What the confidence method is trying, in words, while it runs. */
  note: string;
  /** The engine's whole result, once done. */
  result: OptimiseResult | null;
}

/** Extra seconds granted beyond the time limit before the worker is terminated. */
const WALL_CLOCK_MARGIN = 20;

class OptimiserRun {
  view = $state.raw<RunView | null>(null);
  /** Seconds since the start, ticking while the solve runs. */
  elapsed = $state(0);

  private readonly worker = new WorkerRun<OptimiseRequest, OptimiseReply>(
    () =>
      new Worker(new URL('./optimise.worker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
  );
  private began = 0;
  /** Ends the promise of the run under way (`true` when it gave the engine's result). */
  private settle: ((finished: boolean) => void) | null = null;

  get running(): boolean {
    return this.view?.status === 'running';
  }

  /**
   * Starts a solve; the promise says, once it ends, whether it gave the
   * engine's result (`false`: cancelled, timed out, failed, or replaced by
   * a newer solve). The figures are in `view` either way.
   */
  start(
    portfolio: Portfolio,
    scenarioId: string,
    timeLimit: number,
    key: string,
  ): Promise<boolean> {
    this.settle?.(false);
    const finished = new Promise<boolean>((resolve) => (this.settle = resolve));
    this.began = Date.now();
    this.elapsed = 0;
    this.view = {
      scenarioId,
      key,
      status: 'running',
      timeLimit,
      plan: null,
      objective: null,
      bound: null,
      gap: null,
      seconds: 0,
      heuristic: null,
      reasons: [],
      message: '',
      confidence: null,
      note: '',
      result: null,
    };
    this.worker.start(
      { portfolio, scenarioId, timeLimitSeconds: timeLimit },
      {
        limitSeconds: timeLimit + WALL_CLOCK_MARGIN,
        onTick: (seconds) => (this.elapsed = seconds),
        onReply: (reply) => {
          if (!this.view) return;
          if (reply.type === 'progress') this.progress(reply.progress);
          else this.done(reply.result);
        },
        onStop: (reason) =>
          this.stop(
            reason.kind === 'failed' ? 'error' : reason.kind,
            reason.kind === 'failed' ? reason.message : '',
          ),
      },
    );
    return finished;
  }

  private end(finished: boolean): void {
    const settle = this.settle;
    this.settle = null;
    settle?.(finished);
  }

  /** Stops the solve, keeping the best plan received so far. */
  cancel(): void {
    if (this.running) this.worker.cancel();
  }

  private progress(p: OptimiseProgress): void {
    const v = this.view!;
    const next: RunView = { ...v, seconds: p.seconds };
    if (p.note) {
      this.view = { ...next, note: p.note };
      return;
    }
    if (p.phase === 'heuristic') next.heuristic = p.objective;
    if (p.plan && p.objective !== null && (v.objective === null || p.objective >= v.objective)) {
      next.plan = p.plan;
      next.objective = p.objective;
    }
    if (p.bound !== null) next.bound = p.bound;
    if (next.objective !== null && next.bound !== null) {
      next.gap = relativeGap(next.objective, next.bound);
    }
    this.view = next;
  }

  private done(result: OptimiseResult): void {
    const v = this.view!;
    const hasPlan = result.status === 'optimal' || result.status === 'feasible';
    this.view = {
      ...v,
      status: result.status,
      plan: hasPlan ? result.plan : null,
      objective: hasPlan ? result.objective : null,
      bound: Number.isFinite(result.bound) ? result.bound : null,
      gap: hasPlan ? result.gap : null,
      seconds: result.seconds,
      heuristic: result.heuristic.feasible ? result.heuristic.objective : null,
      reasons: result.reasons,
      confidence: result.confidence ?? null,
      note: '',
      result,
    };
    this.end(true);
  }

  private stop(status: RunStatus, message: string): void {
    if (this.view) {
      this.view = { ...this.view, status, message, seconds: (Date.now() - this.began) / 1000 };
    }
    this.end(false);
  }
}

export const optimiserRun = new OptimiserRun();

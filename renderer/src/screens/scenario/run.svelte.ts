/**
 * One optimiser run at a time, kept at module level so its result survives
 * a visit to another screen. The solve runs in a fresh Web Worker
 * (workers/optimise.worker.ts) that is terminated when it answers, when the
 * user cancels, or when our own wall-clock limit passes (the time limit plus
 * a margin for loading HiGHS and explaining an infeasible problem). Whatever
 * stops it, the best plan received so far is kept with its figures.
 */
import type { OptimiseResult } from '../../../../shared/engine/optimise';
import { relativeGap } from '../../../../shared/engine/plan';
import type { PlanEntry, Portfolio } from '../../../../shared/model/portfolio';
import type { OptimiseReply, OptimiseRequest } from '../../workers/optimise.worker';

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
}

/** Extra seconds granted beyond the time limit before the worker is terminated. */
export const WALL_CLOCK_MARGIN = 20;

class OptimiserRun {
  view = $state.raw<RunView | null>(null);
  /** Seconds since the start, ticking while the solve runs. */
  elapsed = $state(0);

  private worker: Worker | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private generation = 0;
  private began = 0;

  get running(): boolean {
    return this.view?.status === 'running';
  }

  start(portfolio: Portfolio, scenarioId: string, timeLimit: number, key: string): void {
    this.dispose();
    const id = ++this.generation;
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
    };
    const worker = new Worker(new URL('../../workers/optimise.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<OptimiseReply>) => {
      const reply = event.data;
      if (reply.id !== id || !this.view) return;
      if (reply.type === 'progress') this.progress(reply.progress);
      else if (reply.type === 'done') this.done(reply.result);
      else this.stop('error', reply.message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop('error', event.message || '');
    };
    this.timers.push(
      setInterval(() => (this.elapsed = (Date.now() - this.began) / 1000), 250),
      setTimeout(() => this.stop('timeout'), (timeLimit + WALL_CLOCK_MARGIN) * 1000),
    );
    const request: OptimiseRequest = { id, portfolio, scenarioId, timeLimitSeconds: timeLimit };
    worker.postMessage(request);
  }

  /** Stops the solve, keeping the best plan received so far. */
  cancel(): void {
    if (this.running) this.stop('cancelled');
  }

  private progress(p: {
    phase: string;
    objective: number | null;
    bound: number | null;
    gap: number | null;
    seconds: number;
    plan?: PlanEntry[];
  }): void {
    const v = this.view!;
    const next: RunView = { ...v, seconds: p.seconds };
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
    };
    this.dispose();
  }

  private stop(status: RunStatus, message = ''): void {
    if (this.view) {
      this.view = { ...this.view, status, message, seconds: (Date.now() - this.began) / 1000 };
    }
    this.dispose();
  }

  private dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}

export const optimiserRun = new OptimiserRun();

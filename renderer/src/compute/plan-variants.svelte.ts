/**
 * Several optimisations of one scenario, one after the other, each on a
 * variant of the document: the plans a member's weights would choose
 * (criteria screen), the plans without a postponement (comparison screen).
 * Each variant is solved in a fresh Web Worker (optimise.worker.ts, driven
 * by worker-run.ts) with a short time limit; the run says which variant is
 * being solved and its progress, and Cancel stops the sequence, keeping the
 * variants already solved. A variant may start from the plan found for an
 * earlier one (`startFrom`): a plan of a tighter problem is a feasible start
 * of a looser one, so the looser optimum is never reported below it. One
 * instance per section: the section cancels it when it goes away.
 */
import type { OptimiseProgress, OptimiseStatus } from '../../../shared/engine/optimise';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import type { OptimiseReply, OptimiseRequest } from './optimise-protocol';
import { WorkerRun, type WorkerLike } from './worker-run';

export interface PlanVariant {
  /** Names the variant in the outcomes (a member, a postponed project…). */
  key: string;
  portfolio: Portfolio;
  /** Undefined: the document's first scenario, else neutral settings. */
  scenarioId?: string;
  /** The key of an earlier variant whose plan is given to the solver as a start. */
  startFrom?: string;
}

export interface VariantOutcome {
  key: string;
  /** The optimiser's status, or why the variant has no result of its own. */
  status: OptimiseStatus | 'timeout' | 'failed';
  /** The plan found (null when infeasible, failed, or none found in time). */
  plan: PlanEntry[] | null;
  /** The optimiser's objective of that plan (discounted value, §4). */
  objective: number | null;
  /** Relative gap left when stopped by the time limit (0 when optimal). */
  gap: number | null;
  /** The optimiser's reasons (infeasible) or the worker's words (failed). */
  message: string;
}

export type VariantsState = 'idle' | 'running' | 'done' | 'cancelled';

/** Extra seconds granted beyond each variant's time limit before its worker is terminated. */
const WALL_CLOCK_MARGIN = 20;

export class PlanVariantsRun {
  state = $state<VariantsState>('idle');
  /** One per variant solved so far, in the order asked. */
  outcomes = $state.raw<VariantOutcome[]>([]);
  /** The variant being solved (index into the variants asked), while running. */
  index = $state(0);
  total = $state(0);
  /** The latest progress of the variant being solved. */
  progress = $state.raw<OptimiseProgress | null>(null);
  /** What the outcomes were computed from, to tell when they are stale. */
  key = $state('');

  private readonly worker: WorkerRun<OptimiseRequest, OptimiseReply>;
  private variants: PlanVariant[] = [];
  private limitSeconds = 5;

  /** `spawn`: spawn-optimiser.ts in the app, a fake in the tests. */
  constructor(spawn: () => WorkerLike) {
    this.worker = new WorkerRun<OptimiseRequest, OptimiseReply>(spawn);
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** The key of the variant being solved, while running. */
  get current(): string | undefined {
    return this.running ? this.variants[this.index]?.key : undefined;
  }

  outcome(key: string): VariantOutcome | undefined {
    return this.outcomes.find((o) => o.key === key);
  }

  /** Solves the variants in order, `limitSeconds` each; a run under way is replaced. */
  run(variants: readonly PlanVariant[], limitSeconds: number, key: string): void {
    this.variants = [...variants];
    this.limitSeconds = limitSeconds;
    this.key = key;
    this.outcomes = [];
    this.total = variants.length;
    this.index = 0;
    this.progress = null;
    this.state = variants.length > 0 ? 'running' : 'done';
    if (variants.length > 0) this.solve(0);
  }

  /** Stops the sequence; the variants already solved are kept. */
  cancel(): void {
    if (this.state !== 'running') return;
    this.state = 'cancelled';
    this.progress = null;
    this.worker.cancel();
  }

  private solve(index: number): void {
    const variant = this.variants[index]!;
    this.index = index;
    this.progress = null;
    const start = variant.startFrom ? this.outcome(variant.startFrom)?.plan : null;
    let best: PlanEntry[] | null = null;
    this.worker.start(
      {
        portfolio: variant.portfolio,
        ...(variant.scenarioId !== undefined ? { scenarioId: variant.scenarioId } : {}),
        timeLimitSeconds: this.limitSeconds,
        ...(start ? { startPlans: [start] } : {}),
      },
      {
        limitSeconds: this.limitSeconds + WALL_CLOCK_MARGIN,
        onReply: (reply) => {
          if (reply.type === 'progress') {
            this.progress = reply.progress;
            if (reply.progress.plan) best = reply.progress.plan;
            return;
          }
          const r = reply.result;
          const found = r.status === 'optimal' || r.status === 'feasible';
          this.record(index, {
            key: variant.key,
            status: r.status,
            plan: found ? r.plan : null,
            objective: found ? r.objective : null,
            gap: found ? r.gap : null,
            message: r.reasons.join(' '),
          });
        },
        onStop: (reason) => {
          if (reason.kind === 'cancelled') return;
          this.record(index, {
            key: variant.key,
            status: reason.kind === 'timeout' ? 'timeout' : 'failed',
            plan: reason.kind === 'timeout' ? best : null,
            objective: null,
            gap: null,
            message: reason.kind === 'failed' ? reason.message || '?' : '',
          });
        },
      },
    );
  }

  private record(index: number, outcome: VariantOutcome): void {
    this.outcomes = [...this.outcomes, outcome];
    // The worker of this variant ends after its reply; the next one starts after.
    queueMicrotask(() => {
      if (this.state !== 'running') return;
      if (index + 1 < this.variants.length) this.solve(index + 1);
      else {
        this.state = 'done';
        this.progress = null;
      }
    });
  }
}

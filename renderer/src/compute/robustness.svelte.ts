/**
 * A robustness run of the criteria screen (shared/engine/robustness.ts) in
 * a Web Worker (robustness.worker.ts, driven by worker-run.ts): the latest
 * progress, the partial result as each criterion and sample finishes, the
 * final result. Cancelling terminates the worker and keeps what was found.
 * One instance per section: the section cancels it when it goes away.
 */
import type { RobustnessProgress, RobustnessResult } from '../../../shared/engine/robustness';
import type { Portfolio } from '../../../shared/model/portfolio';
import type { RobustnessReply, RobustnessRequest } from './robustness.worker';
import { WorkerRun, type WorkerLike } from './worker-run';

const spawn = () =>
  new Worker(new URL('./robustness.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

export type RobustnessState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export class RobustnessRun {
  state = $state<RobustnessState>('idle');
  progress = $state<RobustnessProgress | null>(null);
  result = $state.raw<RobustnessResult | null>(null);
  /** What the result was computed from, to tell when it is stale. */
  key = $state('');
  /** The worker's words when the run failed ('?' for a crash without words). */
  failure = $state('');

  private readonly worker = new WorkerRun<RobustnessRequest, RobustnessReply>(spawn);

  get running(): boolean {
    return this.state === 'running';
  }

  run(portfolio: Portfolio, scenarioId: string | undefined, samples: number, key: string): void {
    this.state = 'running';
    this.failure = '';
    this.progress = null;
    this.result = null;
    this.key = key;
    this.worker.start(
      { portfolio, scenarioId, samples, timeLimitSeconds: 20 },
      {
        onReply: (reply) => {
          if (reply.type === 'progress') {
            this.progress = reply.progress;
            if (reply.progress.partial) this.result = reply.progress.partial;
          } else {
            this.result = reply.result;
            this.state = 'done';
          }
        },
        onStop: (reason) => {
          if (reason.kind === 'failed') {
            this.state = 'failed';
            this.failure = reason.crashed ? reason.message || '?' : reason.message;
          } else this.state = 'cancelled';
        },
      },
    );
  }

  /** Stops the run, keeping the partial result. */
  cancel(): void {
    this.worker.cancel();
  }
}

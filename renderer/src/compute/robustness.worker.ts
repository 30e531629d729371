/**
 * Robustness of the plan to the weights, off the UI thread: HiGHS solves
 * synchronously, and a robustness run is dozens of solves. One request per
 * worker; the page cancels by terminating the worker, keeping the partial
 * result last reported (every finished criterion and sample is reported).
 * The page starts a fresh worker for each run, so HiGHS's memory is given
 * back after every run.
 */
import {
  robustness,
  type RobustnessProgress,
  type RobustnessResult,
} from '../../../shared/engine/robustness';
import type { Portfolio } from '../../../shared/model/portfolio';
import { loadHighs } from './highs';
import { serve } from './serve';
import type { ErrorReply } from './worker-run';

export interface RobustnessRequest {
  id: number;
  portfolio: Portfolio;
  scenarioId?: string;
  samples: number;
  timeLimitSeconds: number;
}

export type RobustnessReply =
  | { type: 'progress'; id: number; progress: RobustnessProgress }
  | { type: 'done'; id: number; result: RobustnessResult }
  | ErrorReply;

serve<RobustnessRequest, RobustnessReply>(async (request, post) => {
  const { id, portfolio, scenarioId, samples, timeLimitSeconds } = request;
  const result = await robustness(loadHighs, portfolio, {
    scenarioId,
    samples,
    timeLimitSeconds,
    onProgress: (progress) => post({ type: 'progress', id, progress }),
  });
  post({ type: 'done', id, result });
});

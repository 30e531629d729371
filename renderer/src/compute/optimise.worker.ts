/**
 * The optimiser (shared/engine/optimise) off the UI thread: HiGHS solves
 * synchronously and blocks its thread, so a message cannot interrupt it.
 * One request per worker: the page cancels by terminating the worker and
 * keeps the best plan it was sent (every improving plan is posted, the
 * heuristic plan first), and creates a fresh worker for the next solve
 * (HiGHS memory only grows).
 */
import {
  optimise,
  type OptimiseProgress,
  type OptimiseResult,
} from '../../../shared/engine/optimise';
import type { Portfolio } from '../../../shared/model/portfolio';
import { loadHighs } from './highs';
import { serve } from './serve';
import type { ErrorReply } from './worker-run';

export interface OptimiseRequest {
  id: number;
  portfolio: Portfolio;
  scenarioId: string;
  timeLimitSeconds: number;
}

export type OptimiseReply =
  | { type: 'progress'; id: number; progress: OptimiseProgress }
  | { type: 'done'; id: number; result: OptimiseResult }
  | ErrorReply;

serve<OptimiseRequest, OptimiseReply>(async (request, post) => {
  const { id, portfolio, scenarioId, timeLimitSeconds } = request;
  const result = await optimise(loadHighs, portfolio, {
    // No scenario at all (''): the engine's neutral settings.
    scenarioId: scenarioId || undefined,
    timeLimitSeconds,
    onProgress: (progress) => post({ type: 'progress', id, progress }),
  });
  post({ type: 'done', id, result });
});

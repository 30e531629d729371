/**
 * The optimiser (shared/engine/optimise) off the UI thread: HiGHS solves
 * synchronously and blocks its thread, so a message cannot interrupt it.
 * One request per worker: the page cancels by terminating the worker and
 * keeps the best plan it was sent (every improving plan is posted, the
 * heuristic plan first), and creates a fresh worker for the next solve
 * (HiGHS memory only grows).
 */
import { optimise } from '../../../shared/engine/optimise';
import { loadHighs } from './highs';
import type { OptimiseReply, OptimiseRequest } from './optimise-protocol';
import { serve } from './serve';

export type { OptimiseReply, OptimiseRequest } from './optimise-protocol';

serve<OptimiseRequest, OptimiseReply>(async (request, post) => {
  const { id, portfolio, scenarioId, timeLimitSeconds, startPlans } = request;
  const result = await optimise(loadHighs, portfolio, {
    // No scenario at all (''): the engine's neutral settings.
    scenarioId: scenarioId || undefined,
    timeLimitSeconds,
    ...(startPlans ? { startPlans } : {}),
    onProgress: (progress) => post({ type: 'progress', id, progress }),
  });
  post({ type: 'done', id, result });
});

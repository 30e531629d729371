/**
 * The efficient frontier (shared/engine/optimise `frontier`) off the UI
 * thread, one point after the other, each posted as soon as it is solved;
 * and, for the scenario comparison, one scenario's optimised plan.
 *
 * HiGHS solves synchronously, so a message cannot interrupt it: the page
 * cancels by terminating the worker and keeps the points (or the best plan)
 * already posted. One request per worker: the page creates a fresh worker
 * for each run and terminates it when the run ends, since HiGHS memory only
 * grows.
 */
import {
  confidenceFrontier,
  frontier,
  optimise,
  type ConfidencePoint,
  type FrontierPoint,
  type KnownPoint,
  type OptimiseProgress,
  type OptimiseResult,
} from '../../../shared/engine/optimise';
import type { Portfolio } from '../../../shared/model/portfolio';
import { loadHighs } from './highs';
import { serve } from './serve';
import type { ErrorReply } from './worker-run';

export type FrontierRequest =
  | {
      kind: 'frontier';
      id: number;
      portfolio: Portfolio;
      scenarioId?: string;
      factors: number[];
      timeLimitSeconds: number;
      /** Points already proven (the scenario's own optimum), not solved again. */
      known?: KnownPoint[];
    }
  | {
      kind: 'confidences';
      id: number;
      portfolio: Portfolio;
      scenarioId?: string;
      confidences: (number | null)[];
      timeLimitSeconds: number;
      /** The scenario's proven optimum without confidence, when known. */
      deterministic?: OptimiseResult;
    }
  | {
      kind: 'optimise';
      id: number;
      portfolio: Portfolio;
      scenarioId?: string;
      timeLimitSeconds: number;
    };

export type FrontierReply =
  | { type: 'point'; id: number; point: FrontierPoint; done: number; total: number }
  | { type: 'level'; id: number; point: ConfidencePoint; done: number; total: number }
  | { type: 'progress'; id: number; progress: OptimiseProgress }
  | {
      type: 'done';
      id: number;
      points?: FrontierPoint[];
      levels?: ConfidencePoint[];
      result?: OptimiseResult;
    }
  | ErrorReply;

serve<FrontierRequest, FrontierReply>(async (request, post) => {
  const { id } = request;
  if (request.kind === 'frontier') {
    const { points } = await frontier(loadHighs, request.portfolio, {
      scenarioId: request.scenarioId,
      factors: request.factors,
      timeLimitSeconds: request.timeLimitSeconds,
      known: request.known,
      onPoint: (point, done, total) => post({ type: 'point', id, point, done, total }),
    });
    post({ type: 'done', id, points });
  } else if (request.kind === 'confidences') {
    const { points: levels } = await confidenceFrontier(loadHighs, request.portfolio, {
      scenarioId: request.scenarioId,
      confidences: request.confidences,
      timeLimitSeconds: request.timeLimitSeconds,
      deterministic: request.deterministic,
      onPoint: (point, done, total) => post({ type: 'level', id, point, done, total }),
    });
    post({ type: 'done', id, levels });
  } else {
    const result = await optimise(loadHighs, request.portfolio, {
      scenarioId: request.scenarioId,
      timeLimitSeconds: request.timeLimitSeconds,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    post({ type: 'done', id, result });
  }
});

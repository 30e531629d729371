/**
 * What the frontier screen says in words, from the points alone: the
 * one-line title (what a step of budget above — or below — the current
 * scenario buys), the extra value per extra million of each step, and the
 * points that have a plan to draw. Pure, unit-tested.
 */
import type { FrontierPoint } from '../../../../shared/engine/optimise';
import { hasPlan, isCurrent } from '../../charts/data';

export interface Headline {
  /** `more`: the next step above the current scenario; `less`: the step below. */
  kind: 'more' | 'less';
  /** |factor − 1|, e.g. 0.25 for 25 % more. */
  share: number;
  /** Value of that point minus the current one (points). */
  delta: number;
  /** Investment of that point minus the current one (euros). */
  money: number;
  /** True when either plan was stopped before being proven optimal. */
  approximate: boolean;
}

/**
 * The title's figures: the smallest factor above 1 with a plan, compared with
 * the current scenario (factor 1); when there is none, the largest factor
 * below 1. Null when the current point has no plan or stands alone.
 */
export function headline(points: readonly FrontierPoint[]): Headline | null {
  const current = points.find((p) => isCurrent(p) && hasPlan(p));
  if (!current) return null;
  const planned = points.filter(hasPlan);
  const above = planned
    .filter((p) => p.factor > current.factor)
    .sort((a, b) => a.factor - b.factor);
  const below = planned
    .filter((p) => p.factor < current.factor)
    .sort((a, b) => b.factor - a.factor);
  const other = above[0] ?? below[0];
  if (!other) return null;
  return {
    kind: other.factor > 1 ? 'more' : 'less',
    share: Math.abs(other.factor - 1),
    delta: other.objective - current.objective,
    money: other.investment - current.investment,
    approximate: other.status !== 'optimal' || current.status !== 'optimal',
  };
}

/**
 * Points per extra million euros of investment from the previous point with
 * a plan (by factor) to this one; null for the first, or when the
 * investment did not grow.
 */
export function pointsPerMillion(points: readonly FrontierPoint[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const sorted = points.filter(hasPlan).sort((a, b) => a.factor - b.factor);
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    const extra = prev ? p.investment - prev.investment : 0;
    out.set(p.factor, prev && extra > 1e-6 ? ((p.objective - prev.objective) * 1e6) / extra : null);
  });
  return out;
}

/** The factor sets the screen offers, each with 1 (the current scenario). */
export const FACTOR_SETS: Record<'standard' | 'close' | 'fine', number[]> = {
  standard: [0.5, 0.75, 1, 1.25, 1.5],
  close: [0.8, 0.9, 1, 1.1, 1.2],
  fine: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5],
};

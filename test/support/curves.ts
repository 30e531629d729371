/**
 * The tests' own S-curve and "who delays whom", recomputed from a run's raw
 * blocks: an independent reading of MODEL.md §5 the engine's streamed
 * figures (shared/engine/simulate/summarise.ts, `delayedBy`, the curve of
 * `SimulationOutput`) are checked against.
 */
import type { BlockResult } from '../../shared/engine/simulate/block';
import { sortedQuantile } from '../../shared/engine/simulate/order';
import type { Portfolio } from '../../shared/model/portfolio';

/** Every iteration's delivered value, in iteration order. */
export function valueSample(blocks: readonly BlockResult[]): Float64Array {
  const ordered = [...blocks].sort((a, b) => a.firstIteration - b.firstIteration);
  const total = ordered.reduce((n, b) => n + b.count, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const b of ordered) {
    out.set(b.value.subarray(0, b.count), at);
    at += b.count;
  }
  return out;
}

export interface CurvePoint {
  value: number;
  probability: number;
}

/**
 * The S-curve of a sample: the probability that the outcome is at most
 * `value`, at `steps + 1` evenly spaced probabilities, the value read as the
 * type-7 quantile (as the engine's P10/P50/P90), so the curve passes through them.
 */
export function sCurve(sample: ArrayLike<number>, steps = 200): CurvePoint[] {
  if (sample.length === 0) return [];
  const sorted = Float64Array.from(sample).sort();
  const points: CurvePoint[] = [];
  for (let k = 0; k <= steps; k++) {
    const probability = k / steps;
    points.push({ value: sortedQuantile(sorted, probability), probability });
  }
  return points;
}

/** Share of the sample at or below `x`: the empirical distribution function. */
export function probabilityAtMost(sample: ArrayLike<number>, x: number): number {
  if (sample.length === 0) return Number.NaN;
  let n = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! <= x) n++;
  return n / sample.length;
}

export interface DelayCause {
  /** The predecessor that most often pushed the project's start back. */
  predecessor: string;
  /** Share of iterations where it did. */
  share: number;
}

/**
 * Who delays whom: for each planned project with planned predecessors, the
 * share of iterations where each predecessor finishing last, after the
 * planned start, pushed the start back (MODEL.md §5: start = max(12·s_p,
 * predecessors' finishes)). Keyed by project id; the causes sorted by
 * decreasing share. `projectIds` and `startYears` are the prepared order.
 */
export function delayCauses(
  portfolio: Portfolio,
  projectIds: readonly string[],
  startYears: readonly number[],
  blocks: readonly BlockResult[],
): Map<string, DelayCause[]> {
  const index = new Map(projectIds.map((id, i) => [id, i]));
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const first = portfolio.horizon.firstYear;
  const out = new Map<string, DelayCause[]>();
  const total = blocks.reduce((n, b) => n + b.count, 0);
  projectIds.forEach((id, q) => {
    const preds = (byId.get(id)?.dependsOn ?? [])
      .map((d) => index.get(d))
      .filter((p): p is number => p !== undefined);
    if (preds.length === 0 || total === 0) return;
    const planned = 12 * (startYears[q]! - first);
    const counts = new Map<number, number>();
    for (const b of blocks) {
      for (let i = 0; i < b.count; i++) {
        let worst = -1;
        let latest = planned;
        for (const p of preds) {
          const f = b.finish[p * b.count + i]!;
          if (f > latest) {
            latest = f;
            worst = p;
          }
        }
        if (worst >= 0) counts.set(worst, (counts.get(worst) ?? 0) + 1);
      }
    }
    const causes = [...counts.entries()]
      .map(([p, n]) => ({ predecessor: projectIds[p]!, share: n / total }))
      .sort((a, b) => b.share - a.share || a.predecessor.localeCompare(b.predecessor));
    out.set(id, causes);
  });
  return out;
}

/**
 * The edits the criteria screen makes, as pure functions of the portfolio
 * (each user action is one `Edit`, one undo step).
 *
 * Scale descriptions: MODEL.md has no field for what a score means, so
 * they are written to the criterion as `scale: { "1": …, "3": …, "5": … }`,
 * an extra field the document keeps on round trip (MODEL.md §2), used by
 * no calculation. The session's pairwise judgements are not written (see
 * `pairwise.svelte.ts`): only the weights they give are; the committee
 * members' judgements are (`criteriaJudgements`, judgementEdits.ts).
 */
import type { EditOp } from '../../../../shared/model/edits';
import type { Criterion, Portfolio, Project } from '../../../../shared/model/portfolio';

export type ScaleLevel = '1' | '3' | '5';
export const SCALE_LEVELS: readonly ScaleLevel[] = ['1', '3', '5'];

/** The scale descriptions stored on a criterion (absent levels are empty). */
export function scaleOf(criterion: Criterion): Record<ScaleLevel, string> {
  const raw = criterion.scale;
  const get = (k: ScaleLevel) =>
    raw && typeof raw === 'object' && typeof (raw as Record<string, unknown>)[k] === 'string'
      ? ((raw as Record<string, string>)[k] ?? '')
      : '';
  return { '1': get('1'), '3': get('3'), '5': get('5') };
}

/** Weights rounded to 4 decimals (the engine normalises them anyway), never all zero. */
export function roundedWeights(weights: readonly number[]): number[] {
  const rounded = weights.map((w) => Math.round(w * 1e4) / 1e4);
  return rounded.every((w) => w === 0) ? weights.map((w) => w) : rounded;
}

/** Replaces every criterion's weight (e.g. with AHP weights) in one section edit. */
export function applyWeightsOp(portfolio: Portfolio, weights: readonly number[]): EditOp {
  const rounded = roundedWeights(weights);
  return {
    op: 'section.put',
    section: 'criteria',
    value: portfolio.criteria.map((c, k) => ({ ...c, weight: rounded[k] ?? c.weight })),
  };
}

/** Changes one criterion (label, weight, scale). */
export function patchCriterionOp(
  portfolio: Portfolio,
  index: number,
  patch: Partial<Criterion>,
): EditOp {
  return {
    op: 'section.put',
    section: 'criteria',
    value: portfolio.criteria.map((c, k) => (k === index ? { ...c, ...patch } : c)),
  };
}

/** Sets one level of a criterion's scale description ('' removes it). */
export function setScaleOp(
  portfolio: Portfolio,
  index: number,
  level: ScaleLevel,
  text: string,
): EditOp {
  const criterion = portfolio.criteria[index]!;
  const scale: Record<string, string> = { ...scaleOf(criterion), [level]: text.trim() };
  for (const k of SCALE_LEVELS) if (!scale[k]) delete scale[k];
  const next: Criterion = { ...criterion, scale };
  if (Object.keys(scale).length === 0) delete next.scale;
  return {
    op: 'section.put',
    section: 'criteria',
    value: portfolio.criteria.map((c, k) => (k === index ? next : c)),
  };
}

/** A new criterion, weight 0 (it counts once given a weight), with a free id. */
export function addCriterionOp(portfolio: Portfolio, label: string, id: string): EditOp {
  return {
    op: 'section.put',
    section: 'criteria',
    value: [...portfolio.criteria, { id, label, weight: 0 }],
  };
}

/**
 * Removes a criterion and, in the same edit, every project's score on it
 * and every committee member's comparison naming it (a score or a pair on
 * an unknown criterion would make the document invalid).
 * Refused (null) for the last criterion or when the others all weigh 0.
 */
export function removeCriterionOps(portfolio: Portfolio, id: string): EditOp[] | null {
  const rest = portfolio.criteria.filter((c) => c.id !== id);
  if (rest.length === 0 || rest.every((c) => c.weight <= 0)) return null;
  const ops: EditOp[] = [{ op: 'section.put', section: 'criteria', value: rest }];
  const judgements = portfolio.criteriaJudgements;
  if (judgements?.some((m) => m.pairs.some((p) => p.a === id || p.b === id))) {
    ops.push({
      op: 'section.put',
      section: 'criteriaJudgements',
      value: judgements.map((m) => ({
        ...m,
        pairs: m.pairs.filter((p) => p.a !== id && p.b !== id),
      })),
    });
  }
  for (const p of portfolio.projects) {
    if (!(id in p.scores)) continue;
    const scores = { ...p.scores };
    delete scores[id];
    ops.push({ op: 'project.put', project: { ...p, scores } });
  }
  return ops;
}

/** One score of one project. */
export function setScoreOp(project: Project, criterion: string, score: number): EditOp {
  return {
    op: 'project.put',
    project: { ...project, scores: { ...project.scores, [criterion]: score } },
  };
}

/** Adds or removes one axis of a project (the list keeps the portfolio's axis order). */
export function toggleAxisOp(
  portfolio: Portfolio,
  project: Project,
  axis: string,
  on: boolean,
): EditOp {
  const current = new Set(project.axes ?? []);
  if (on) current.add(axis);
  else current.delete(axis);
  const order = (portfolio.axes ?? []).map((a) => a.id);
  const axes = order.filter((a) => current.has(a));
  const next: Project = { ...project, axes };
  if (axes.length === 0) delete next.axes;
  return { op: 'project.put', project: next };
}

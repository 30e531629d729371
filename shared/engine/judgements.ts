/**
 * The committee's weights (MODEL.md §8): each member's pairwise comparisons
 * of the criteria (`criteriaJudgements`), their weights and consistency, the
 * group's, and where members disagree.
 *
 * - A member's matrix: `a[i][j]` = the member's ratio for the pair (criterion
 *   i over j), its reciprocal below the diagonal. A pair the member did not
 *   judge counts as equal importance (1) in the member's own weights, and the
 *   member is marked incomplete (validation warns).
 * - The group's matrix (aggregation of individual judgements, Aczél & Saaty
 *   1983): each pair's geometric mean over the members who judged it; a pair
 *   nobody judged counts as 1. The geometric mean keeps the matrix
 *   reciprocal, so the group is one more AHP matrix: its weights are the
 *   principal eigenvector (ahp.ts) and its consistency ratio is shown beside
 *   each member's.
 * - Disagreement on a pair: `spread = log₃(max / min)` of the members'
 *   judgements of it (CLI.md): 0 when all agree, 1 when the most and least
 *   convinced members are a factor 3 apart (one step of "moderately more
 *   important"), 4 for 9 against 1/9. Pairs judged by fewer than two members
 *   have no spread. Listed from the widest.
 * - `criteria[].weight` stays the weight used by the value (§3): the group's
 *   weights are applied only when the committee decides to.
 */
import type { Criterion, MemberJudgements, Portfolio } from '../model/portfolio';
import { ahp } from './ahp';

export interface MemberWeights {
  member: string;
  /** Weight of each criterion id, summing to 1. */
  weights: Record<string, number>;
  cr: number;
  /** False when the member left some pairs unjudged (counted as equal). */
  complete: boolean;
}

export interface PairSpread {
  a: string;
  b: string;
  /** log₃(max / min) of the members' judgements of a over b. */
  spread: number;
  /** Each member's judgement of a over b. */
  byMember: Record<string, number>;
}

export interface CommitteeWeights {
  members: MemberWeights[];
  group: { weights: Record<string, number>; cr: number };
  /** Pairs judged by at least two members, widest spread first. */
  disagreement: PairSpread[];
}

/** Each member's judgement of criterion i over j, by member, for every pair i < j. */
function judged(
  ids: readonly string[],
  judgements: readonly MemberJudgements[],
): Map<string, number>[] {
  const index = new Map(ids.map((id, k) => [id, k]));
  return judgements.map((m) => {
    const out = new Map<string, number>();
    for (const pair of m.pairs) {
      const i = index.get(pair.a);
      const j = index.get(pair.b);
      if (i === undefined || j === undefined || i === j || !(pair.ratio > 0)) continue;
      if (i < j) out.set(`${i}:${j}`, pair.ratio);
      else out.set(`${j}:${i}`, 1 / pair.ratio);
    }
    return out;
  });
}

function matrix(n: number, ratio: (i: number, j: number) => number | undefined): number[][] {
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const r = ratio(i, j) ?? 1;
      a[i]![j] = r;
      a[j]![i] = 1 / r;
    }
  return a;
}

const byId = (ids: readonly string[], w: readonly number[]) =>
  Object.fromEntries(ids.map((id, k) => [id, w[k]!]));

export function committeeWeights(
  criteria: readonly Criterion[],
  judgements: readonly MemberJudgements[],
): CommitteeWeights {
  const ids = criteria.map((c) => c.id);
  const n = ids.length;
  const pairs = judged(ids, judgements);
  const members = judgements.map((m, k) => {
    const own = pairs[k]!;
    const result = ahp(matrix(n, (i, j) => own.get(`${i}:${j}`)));
    return {
      member: m.member,
      weights: byId(ids, result.weights),
      cr: result.cr,
      complete: own.size === (n * (n - 1)) / 2,
    };
  });
  const geometric = (i: number, j: number): number | undefined => {
    const values = pairs.map((p) => p.get(`${i}:${j}`)).filter((v): v is number => v !== undefined);
    if (values.length === 0) return undefined;
    return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
  };
  const group = ahp(matrix(n, geometric));
  const disagreement: PairSpread[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const byMember: Record<string, number> = {};
      pairs.forEach((p, k) => {
        const v = p.get(`${i}:${j}`);
        if (v !== undefined) byMember[judgements[k]!.member] = v;
      });
      const values = Object.values(byMember);
      if (values.length < 2) continue;
      const spread = Math.log(Math.max(...values) / Math.min(...values)) / Math.log(3);
      disagreement.push({ a: ids[i]!, b: ids[j]!, spread, byMember });
    }
  disagreement.sort((x, y) => y.spread - x.spread);
  return { members, group: { weights: byId(ids, group.weights), cr: group.cr }, disagreement };
}

/** The two members at the ends of a pair's spread: the most convinced of `a`, then of `b` (first named on a tie). */
export function extremes(pair: PairSpread): {
  high: { member: string; ratio: number };
  low: { member: string; ratio: number };
} {
  const entries = Object.entries(pair.byMember);
  let high = entries[0]!;
  let low = entries[0]!;
  for (const e of entries) {
    if (e[1] > high[1]) high = e;
    if (e[1] < low[1]) low = e;
  }
  return { high: { member: high[0], ratio: high[1] }, low: { member: low[0], ratio: low[1] } };
}

/**
 * The document valued with other weights (by criterion id; a criterion not
 * named keeps its weight): what a member's weights would make of the
 * portfolio, for the optimiser.
 */
export function withWeights(
  portfolio: Portfolio,
  weights: Readonly<Record<string, number>>,
): Portfolio {
  return {
    ...portfolio,
    criteria: portfolio.criteria.map((c) =>
      Object.hasOwn(weights, c.id) ? { ...c, weight: weights[c.id]! } : c,
    ),
  };
}

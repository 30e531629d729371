/**
 * Saaty's scale in plain words, shared by the session's pairwise section
 * (Pairwise.svelte) and each committee member's comparisons
 * (MemberJudgements.svelte): a judgement `a` over `b` is shown as one of 17
 * choices, from « b compte extrêmement plus que a » to « a compte
 * extrêmement plus que b ».
 */
import { nearestSaaty } from '../../../../shared/engine/ahp';
import { m, type CriteriaMessage } from './messages';

/** Choice codes, `a` first: k > 0 → a counts k+1 times b; k < 0 → b counts 1−k times a; 0 equal. */
export const CODES: readonly number[] = [8, 7, 6, 5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5, -6, -7, -8];

/** The choice nearest a ratio of `a` over `b`. */
export function codeOf(value: number): number {
  const v = nearestSaaty(value);
  return v >= 1 ? Math.round(v) - 1 : -(Math.round(1 / v) - 1);
}

/** The ratio of `a` over `b` a choice stands for. */
export function valueOf(code: number): number {
  return code >= 0 ? code + 1 : 1 / (1 - code);
}

/** « a » compte nettement plus que « b » (or the other way, or as much). */
export function sentence(a: string, b: string, code: number): string {
  if (code === 0) return m('pairwise.equal', { a, b });
  const [x, y] = code > 0 ? [a, b] : [b, a];
  const how = m(`pairwise.${Math.abs(code) + 1}` as CriteriaMessage);
  return m('pairwise.more', { a: x, how, b: y });
}

/**
 * The pairwise judgements being made on the criteria screen.
 *
 * MODEL.md has no field for pairwise judgements (only the resulting
 * weights, `criteria[].weight`), so they are kept here, in memory, for the
 * session: they survive moving between screens but not closing the app.
 * A pair never judged reads as what the current weights imply, rounded to
 * Saaty's scale, so the first view starts from the document's weights.
 */
import { nearestSaaty } from '../../../../shared/engine/ahp';

class PairwiseJudgements {
  /** `a|b` → how many times more `a` matters than `b` (1/9 .. 9). */
  values = $state<Record<string, number>>({});

  /** a_ab, from a judgement given on (a, b) or (b, a), else implied by the weights. */
  get(a: string, b: string, weightA: number, weightB: number): number {
    const direct = this.values[`${a}|${b}`];
    if (direct !== undefined) return direct;
    const reverse = this.values[`${b}|${a}`];
    if (reverse !== undefined) return 1 / reverse;
    return nearestSaaty(Math.max(weightA, 1e-6) / Math.max(weightB, 1e-6));
  }

  set(a: string, b: string, value: number): void {
    const next = { ...this.values, [`${a}|${b}`]: value };
    delete next[`${b}|${a}`];
    this.values = next;
  }

  reset(): void {
    this.values = {};
  }
}

export const pairwise = new PairwiseJudgements();

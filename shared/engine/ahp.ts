/**
 * Criteria weights from pairwise comparison (MODEL.md §3): the Analytic
 * Hierarchy Process of T. L. Saaty on his 1–9 scale.
 *
 * - A judgement `a[i][j]` says how much more important criterion i is than
 *   criterion j: 1 equal, 3 moderately, 5 strongly, 7 very strongly,
 *   9 extremely (2, 4, 6, 8 in between); the reciprocal `a[j][i] = 1 / a[i][j]`
 *   is implied, the diagonal is 1.
 * - Weights: the principal (Perron) eigenvector of the matrix, normalised to
 *   sum 1, found by power iteration started from the rows' geometric means
 *   (exact for a consistent matrix, so it converges at once there). The
 *   matrix is positive, so the iteration converges to the Perron vector;
 *   it stops when no component moves by more than 1e-13 (at most 10 000
 *   steps).
 * - Consistency: `CI = (λmax − n) / (n − 1)`, `CR = CI / RI(n)` with Saaty's
 *   random index table (Saaty 1980, *The Analytic Hierarchy Process*,
 *   McGraw-Hill, table 1.7 as commonly reproduced: 0, 0, 0.58, 0.90, 1.12,
 *   1.24, 1.32, 1.41, 1.45, 1.49 for n = 1..10; beyond 10 the last value is
 *   used). `CR ≤ 0.10` is acceptable; above, the judgements should be
 *   revised. For n ≤ 2 every matrix is consistent and CR is 0.
 * - The most inconsistent pair: the judgement farthest from what the weights
 *   imply, measured by `ε_ij = a_ij × w_j / w_i` (1 when consistent), the pair
 *   with the largest `|ln ε_ij|`. This is Saaty's own rule for improving
 *   consistency (Saaty 2003, "Decision-making with the AHP: Why is the
 *   principal eigenvector necessary", EJOR 145, §5): change the judgement
 *   with the largest ε towards `w_i / w_j`. The log makes "twice too
 *   strong" and "twice too weak" equally far.
 */

/** Saaty's random consistency index, by matrix size (index 0 unused). */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
];

/** The values of Saaty's scale a judgement may take (and their reciprocals). */
export const SAATY_VALUES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The acceptable consistency ratio. */
export const CR_THRESHOLD = 0.1;

export function randomIndex(n: number): number {
  return RANDOM_INDEX[Math.min(n, RANDOM_INDEX.length - 1)] ?? 0;
}

export interface InconsistentPair {
  /** Row criterion (index). */
  i: number;
  /** Column criterion (index), i < j. */
  j: number;
  /** The judgement given, `a_ij`. */
  judged: number;
  /** What the weights imply, `w_i / w_j`. */
  implied: number;
  /** `ε_ij = a_ij × w_j / w_i`; 1 when the pair agrees with the weights. */
  ratio: number;
}

export interface AhpResult {
  /** Principal eigenvector, each > 0, summing to 1. */
  weights: number[];
  lambdaMax: number;
  /** Consistency index `(λmax − n) / (n − 1)` (0 when n ≤ 2). */
  ci: number;
  /** Consistency ratio `CI / RI(n)` (0 when n ≤ 2). */
  cr: number;
  /** The judgement farthest from the weights (null when n < 2 or all agree). */
  worstPair: InconsistentPair | null;
  iterations: number;
}

/** A matrix that is not a positive reciprocal one: says which cell and why. */
export class PairwiseMatrixError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path} : ${message}`);
  }
}

/** Checks that `a` is square, positive, finite, with a unit diagonal and reciprocal (to 1e-9). */
export function checkPairwiseMatrix(a: readonly (readonly number[])[]): void {
  const n = a.length;
  if (n === 0) throw new PairwiseMatrixError('matrix', 'au moins un critère est nécessaire.');
  for (let i = 0; i < n; i++) {
    const row = a[i]!;
    if (row.length !== n)
      throw new PairwiseMatrixError(
        `matrix[${i}]`,
        `la ligne a ${row.length} valeurs au lieu de ${n}.`,
      );
    for (let j = 0; j < n; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v) || v <= 0)
        throw new PairwiseMatrixError(
          `matrix[${i}][${j}]`,
          `un jugement doit être un nombre strictement positif (reçu ${v}).`,
        );
      if (i === j && Math.abs(v - 1) > 1e-9)
        throw new PairwiseMatrixError(
          `matrix[${i}][${j}]`,
          `un critère comparé à lui-même vaut 1 (reçu ${v}).`,
        );
      const back = a[j]?.[i];
      if (back !== undefined && Math.abs(v * back - 1) > 1e-9)
        throw new PairwiseMatrixError(
          `matrix[${j}][${i}]`,
          `doit être l'inverse de matrix[${i}][${j}] (${v}), reçu ${back}.`,
        );
    }
  }
}

/** One judgement on the upper triangle: criterion i is `value` times as important as j. */
export interface Judgement {
  i: number;
  j: number;
  value: number;
}

/** The full reciprocal matrix from upper-triangle judgements (missing pairs count as equal, 1). */
export function matrixFromJudgements(n: number, judgements: readonly Judgement[]): number[][] {
  const a = Array.from({ length: n }, () => Array<number>(n).fill(1));
  for (const { i, j, value } of judgements) {
    if (i === j || i < 0 || j < 0 || i >= n || j >= n)
      throw new PairwiseMatrixError(`judgement(${i}, ${j})`, 'paire de critères inconnue.');
    if (!Number.isFinite(value) || value <= 0)
      throw new PairwiseMatrixError(
        `judgement(${i}, ${j})`,
        `un jugement doit être un nombre strictement positif (reçu ${value}).`,
      );
    a[i]![j] = value;
    a[j]![i] = 1 / value;
  }
  return a;
}

/** Weights, λmax, CI, CR and the most inconsistent pair of a pairwise comparison matrix. */
export function ahp(a: readonly (readonly number[])[]): AhpResult {
  checkPairwiseMatrix(a);
  const n = a.length;
  // Start: normalised geometric means of the rows (the exact answer when consistent).
  let w = a.map((row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
  w = normalise(w);
  let iterations = 0;
  for (; iterations < 10_000; iterations++) {
    const next = normalise(multiply(a, w));
    const moved = next.reduce((m, v, k) => Math.max(m, Math.abs(v - w[k]!)), 0);
    w = next;
    if (moved <= 1e-13) break;
  }
  const aw = multiply(a, w);
  const lambdaMax = aw.reduce((s, v, k) => s + v / w[k]!, 0) / n;
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = randomIndex(n);
  const cr = n <= 2 || ri === 0 ? 0 : ci / ri;
  let worstPair: InconsistentPair | null = null;
  let worst = 1e-9;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const ratio = (a[i]![j]! * w[j]!) / w[i]!;
      const distance = Math.abs(Math.log(ratio));
      if (distance > worst) {
        worst = distance;
        worstPair = { i, j, judged: a[i]![j]!, implied: w[i]! / w[j]!, ratio };
      }
    }
  return { weights: w, lambdaMax, ci, cr, worstPair, iterations };
}

/** The value of Saaty's scale (1/9 .. 9) nearest to a ratio, on a log scale. */
export function nearestSaaty(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio <= 0) return 1;
  const candidates = [...SAATY_VALUES.slice(1).map((v) => 1 / v), ...SAATY_VALUES];
  let best = 1;
  for (const c of candidates)
    if (Math.abs(Math.log(c / ratio)) < Math.abs(Math.log(best / ratio))) best = c;
  return best;
}

/**
 * Judgements that reproduce given weights as closely as the scale allows:
 * `a_ij` = the scale value nearest `w_i / w_j` (a zero weight counts as tiny).
 */
export function judgementsFromWeights(weights: readonly number[]): Judgement[] {
  const floor = 1e-6;
  const out: Judgement[] = [];
  for (let i = 0; i < weights.length; i++)
    for (let j = i + 1; j < weights.length; j++)
      out.push({
        i,
        j,
        value: nearestSaaty(Math.max(weights[i]!, floor) / Math.max(weights[j]!, floor)),
      });
  return out;
}

function multiply(a: readonly (readonly number[])[], w: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, v, k) => s + v * w[k]!, 0));
}

function normalise(w: readonly number[]): number[] {
  const total = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / total);
}

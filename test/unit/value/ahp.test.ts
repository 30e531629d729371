/**
 * AHP weights and consistency (shared/engine/ahp.ts) against published
 * worked examples, closed forms and invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ahp,
  checkPairwiseMatrix,
  judgementsFromWeights,
  matrixFromJudgements,
  nearestSaaty,
  PairwiseMatrixError,
  randomIndex,
} from '../../../shared/engine/ahp';

const SCALE = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A reciprocal matrix from upper-triangle values given row by row. */
function reciprocal(n: number, upper: number[]): number[][] {
  const judgements = [];
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) judgements.push({ i, j, value: upper[k++]! });
  return matrixFromJudgements(n, judgements);
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('published worked examples', () => {
  it("reproduces Saaty's optics example (relative brightness of four chairs)", () => {
    // T. L. Saaty, "How to make a decision: the Analytic Hierarchy Process",
    // European Journal of Operational Research 48 (1990) 9–26, the optics
    // example (also in Saaty 1980, ch. 2): the judgements below give the
    // eigenvector 0.61, 0.24, 0.10, 0.05 (to about 0.01), λmax = 4.39,
    // CI = 0.13 and CR = 0.14 — a matrix slightly above the 0.10 threshold.
    const a = [
      [1, 5, 6, 7],
      [1 / 5, 1, 4, 6],
      [1 / 6, 1 / 4, 1, 4],
      [1 / 7, 1 / 6, 1 / 4, 1],
    ];
    const r = ahp(a);
    [0.61, 0.24, 0.1, 0.05].forEach((w, k) => expect(r.weights[k]).toBeCloseTo(w, 1));
    expect(Math.abs(r.weights[0]! - 0.61)).toBeLessThan(0.01);
    expect(r.lambdaMax).toBeCloseTo(4.39, 2);
    expect(r.ci).toBeCloseTo(0.13, 2);
    expect(r.cr).toBeCloseTo(0.14, 2);
    expect(r.cr).toBeGreaterThan(0.1);
  });

  it("uses Saaty's random index table", () => {
    // Saaty 1980, table of random consistency indices for n = 1..10.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(randomIndex)).toEqual([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
    ]);
  });
});

describe('closed forms', () => {
  it('a 3×3 matrix: λmax = 1 + (b/(ac))^⅓ + (ac/b)^⅓ and the weights are the rows’ geometric means', () => {
    // For a reciprocal 3×3 matrix with a12 = a, a13 = b, a23 = c the
    // characteristic equation is λ³ − 3λ² + 2 − (b/(ac) + ac/b) = 0, whose
    // largest root is 1 + q^⅓ + q^−⅓ with q = b/(ac); and the principal
    // eigenvector is proportional to the geometric means of the rows.
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALE),
        fc.constantFrom(...SCALE),
        fc.constantFrom(...SCALE),
        (x, y, z) => {
          const a = reciprocal(3, [x, y, z]);
          const r = ahp(a);
          const q = y / (x * z);
          expect(r.lambdaMax).toBeCloseTo(1 + Math.cbrt(q) + Math.cbrt(1 / q), 9);
          const g = a.map((row) => Math.cbrt(row[0]! * row[1]! * row[2]!));
          const total = sum(g);
          g.forEach((v, k) => expect(r.weights[k]).toBeCloseTo(v / total, 9));
          expect(r.cr).toBeCloseTo((r.lambdaMax - 3) / 2 / 0.58, 9);
        },
      ),
    );
  });

  it('the weights are an eigenvector: A·w = λmax·w', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) =>
          fc
            .array(fc.constantFrom(...SCALE), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            })
            .map((upper) => ({ n, upper })),
        ),
        ({ n, upper }) => {
          const a = reciprocal(n, upper);
          const r = ahp(a);
          a.forEach((row, i) => {
            const aw = row.reduce((s, v, k) => s + v * r.weights[k]!, 0);
            expect(aw / r.weights[i]!).toBeCloseTo(r.lambdaMax, 7);
          });
        },
      ),
    );
  });
});

describe('invariants', () => {
  it('weights are positive and sum to 1, λmax ≥ n, CR ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc
            .array(fc.constantFrom(...SCALE), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            })
            .map((upper) => ({ n, upper })),
        ),
        ({ n, upper }) => {
          const r = ahp(reciprocal(n, upper));
          expect(r.weights).toHaveLength(n);
          expect(sum(r.weights)).toBeCloseTo(1, 12);
          r.weights.forEach((w) => expect(w).toBeGreaterThan(0));
          expect(r.lambdaMax).toBeGreaterThanOrEqual(n - 1e-9);
          expect(r.cr).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('a consistent matrix gives back its weights with CR 0 and no inconsistent pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (raw) => {
          const total = sum(raw);
          const w = raw.map((x) => x / total);
          const a = w.map((wi) => w.map((wj) => wi / wj));
          const r = ahp(a);
          w.forEach((v, k) => expect(r.weights[k]).toBeCloseTo(v, 10));
          expect(r.lambdaMax).toBeCloseTo(w.length, 9);
          expect(r.cr).toBeCloseTo(0, 9);
          expect(r.worstPair).toBeNull();
        },
      ),
    );
  });

  it('names the judgement that was changed in an otherwise consistent matrix', () => {
    // Consistent weights 8:4:2:1, then pair (1, 3) judged 1/2 instead of 4.
    const w = [8, 4, 2, 1];
    const a = w.map((wi) => w.map((wj) => wi / wj));
    a[1]![3] = 1 / 2;
    a[3]![1] = 2;
    const r = ahp(a);
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.worstPair).toMatchObject({ i: 1, j: 3, judged: 0.5 });
    expect(r.worstPair!.implied).toBeGreaterThan(1);
  });

  it('judgements read back from weights on the scale reproduce them when the ratios are on the scale', () => {
    const w = [0.5, 0.25, 0.125, 0.125];
    const a = matrixFromJudgements(4, judgementsFromWeights(w));
    const r = ahp(a);
    w.forEach((v, k) => expect(r.weights[k]).toBeCloseTo(v, 10));
    expect(nearestSaaty(12)).toBe(9);
    expect(nearestSaaty(0.3)).toBeCloseTo(1 / 3, 12);
  });
});

describe('bad input', () => {
  it('refuses a non-reciprocal, non-positive or ragged matrix, naming the cell', () => {
    expect(() =>
      checkPairwiseMatrix([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/matrix\[1\]\[0\].*inverse/);
    expect(() =>
      checkPairwiseMatrix([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/matrix\[0\]\[1\].*positif/);
    expect(() => checkPairwiseMatrix([[1, 2], [0.5]])).toThrow(/matrix\[1\]/);
    expect(() => checkPairwiseMatrix([[2]])).toThrow(/matrix\[0\]\[0\]/);
    expect(() => ahp([])).toThrow(PairwiseMatrixError);
    expect(() => matrixFromJudgements(3, [{ i: 0, j: 3, value: 2 }])).toThrow(/judgement\(0, 3\)/);
    expect(() => matrixFromJudgements(3, [{ i: 0, j: 1, value: Number.NaN }])).toThrow(/positif/);
  });
});

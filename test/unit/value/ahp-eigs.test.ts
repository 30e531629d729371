/**
 * The AHP weights against an independent eigen-solver: mathjs `eigs` on the
 * same matrix (a general QR algorithm, not our power iteration). The
 * principal eigenvalue of a positive reciprocal matrix is real and the
 * largest (Perron–Frobenius); its eigenvector, normalised to sum 1, is the
 * weights, and the eigenvalue is λmax.
 */
import fc from 'fast-check';
import { abs, complex, eigs, type Complex } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { ahp, SAATY_VALUES } from '../../../shared/engine/ahp';

/** A reciprocal matrix from upper-triangle judgements (value or its inverse). */
function reciprocal(n: number, upper: readonly number[]): number[][] {
  const a = Array.from({ length: n }, () => Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[k++]!;
      a[i]![j] = v;
      a[j]![i] = 1 / v;
    }
  }
  return a;
}

function principal(a: number[][]): { lambda: number; weights: number[] } | null {
  type Pair = { value: number | Complex; vector: (number | Complex)[] };
  let eigenvectors: Pair[];
  try {
    ({ eigenvectors } = eigs(a) as unknown as { eigenvectors: Pair[] });
  } catch {
    return null; // mathjs's QR does not always converge on non-symmetric matrices
  }
  let best: { lambda: number; vector: number[] } | null = null;
  for (const { value, vector } of eigenvectors) {
    const c = complex(value);
    if (Math.abs(c.im) > 1e-9) continue;
    const parts = vector.map((x) => abs(complex(x)) as number);
    if (!best || c.re > best.lambda) best = { lambda: c.re, vector: parts };
  }
  if (!best) throw new Error('no real eigenvalue');
  const sum = best.vector.reduce((s, x) => s + x, 0);
  return { lambda: best.lambda, weights: best.vector.map((x) => x / sum) };
}

const judgement = fc
  .tuple(fc.constantFrom(...SAATY_VALUES), fc.boolean())
  .map(([v, inverse]) => (inverse ? 1 / v : v));

describe('AHP against an independent eigen-solver (mathjs eigs)', () => {
  it('gives the principal eigenvector and λmax of any reciprocal matrix on the Saaty scale', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(judgement, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
            ),
          ),
        ([n, upper]) => {
          const a = reciprocal(n, upper);
          const ours = ahp(a);
          const reference = principal(a);
          fc.pre(reference !== null);
          if (!reference) return;
          expect(ours.lambdaMax).toBeCloseTo(reference.lambda, 6);
          ours.weights.forEach((w, i) => expect(w).toBeCloseTo(reference.weights[i]!, 6));
        },
      ),
      { numRuns: 150 },
    );
  });
});

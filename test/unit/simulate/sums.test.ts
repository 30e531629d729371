/**
 * Order-free sums (sums.ts): quantised terms add up to the same exact
 * integer whatever the order and the split into partial sums, equal to a
 * BigInt reference, across the folds of the low word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addInteger,
  emptySums,
  integerVariance,
  mergeSums,
  quantum,
  sumBigInt,
  sumValue,
} from '../../../shared/engine/simulate/sums';

describe('order-free sums', () => {
  it('give the BigInt total of the quantised terms for any order and any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3e7, max: 3e7, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer(),
        (terms, parts, shuffleSeed) => {
          const scale = quantum(3e7);
          const q = terms.map((x) => Math.round(x * scale));
          const reference = q.reduce((s, v) => s + BigInt(v), 0n);
          // One sum in order; `parts` partial sums over a shuffled order, merged.
          const whole = emptySums(1);
          for (const v of q) addInteger(whole, 0, v);
          const order = q.map((_, i) => i);
          let s = shuffleSeed >>> 0;
          for (let i = order.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const partials = Array.from({ length: parts }, () => emptySums(1));
          order.forEach((i, k) => addInteger(partials[k % parts]!, 0, q[i]!));
          const merged = emptySums(1);
          for (const p of partials.reverse()) mergeSums(merged, p);
          expect(sumBigInt(whole, 0)).toBe(reference);
          expect(sumBigInt(merged, 0)).toBe(reference);
          expect(sumValue(merged, 0)).toBe(sumValue(whole, 0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays exact past the fold of the low word (terms of 2^50, far beyond 2^53 in total)', () => {
    const words = emptySums(1);
    const n = 5000;
    for (let i = 0; i < n; i++) addInteger(words, 0, i % 2 ? 2 ** 50 : 2 ** 50 - 1);
    expect(sumBigInt(words, 0)).toBe(BigInt(n) * 2n ** 50n - BigInt(n / 2));
  });

  it('scales terms by the largest power of two that maps the bound at most to 2^50', () => {
    for (const bound of [1, 1000, 3e7, 1e12, 2 ** 20]) {
      const scale = quantum(bound);
      expect(Math.log2(scale) % 1).toBe(0);
      expect(bound * scale).toBeLessThanOrEqual(2 ** 50);
      expect(bound * scale * 2).toBeGreaterThan(2 ** 50);
    }
    expect(quantum(1e-3)).toBe(2 ** 50);
    expect(quantum(0)).toBe(1);
  });

  it('computes the sample variance of integers exactly', () => {
    const q = [3, 7, 7, 19, -4, 0, 11];
    const sum = q.reduce((s, v) => s + BigInt(v), 0n);
    const squares = q.reduce((s, v) => s + BigInt(v * v), 0n);
    const mean = q.reduce((s, v) => s + v, 0) / q.length;
    const expected = q.reduce((s, v) => s + (v - mean) ** 2, 0) / (q.length - 1);
    expect(integerVariance(sum, squares, q.length)).toBeCloseTo(expected, 12);
    expect(integerVariance(5n * 2n ** 40n, 5n * 2n ** 80n, 5)).toBe(0);
  });
});

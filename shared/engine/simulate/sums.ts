/**
 * Sums that do not depend on the order of their terms, so that partial
 * summaries of blocks merge exactly whatever the number of workers and the
 * block size (MODEL.md §5: same seed, same figures).
 *
 * A term x is quantised to the integer q = round(x × 2^k), where 2^k is the
 * largest power of two with |x| × 2^k ≤ 2^50 for every possible x (the engine
 * knows a bound on each quantity: see layout.ts). Integers add exactly in
 * any order; a sum is held in two float64 words, `hi` in units of 2^32 and
 * `lo` below 2^51 in magnitude, folded into `hi` when it grows: exact up to
 * 2^85 (10^7 iterations of terms below 2^50 need 2^74). Reading a sum rounds
 * hi × 2^32 + lo once, the same number for any split of the same total.
 *
 * Error: each term moves by at most 2^-(k+1), so a mean is within
 * bound × 2^-51 of the mean of the unquantised terms (for a yearly spend
 * bounded by 30 M€, 1.3e-8 €).
 */

const TWO_POW_32 = 4294967296;
const FOLD = 2 ** 51;

/** Words of `count` exact sums, all zero. */
export function emptySums(count: number): Float64Array {
  return new Float64Array(2 * count);
}

/** The scale 2^k for terms of magnitude at most `bound` (k <= 50; 1 for a zero bound). */
export function quantum(bound: number): number {
  if (!(bound > 0) || !Number.isFinite(bound)) return 1;
  return 2 ** Math.min(50, 50 - Math.ceil(Math.log2(bound)));
}

/** Adds the integer `q` (|q| <= 2^50) to sum `index`. */
export function addInteger(words: Float64Array, index: number, q: number): void {
  const at = 2 * index;
  let lo = words[at + 1]! + q;
  if (lo >= FOLD || lo <= -FOLD) {
    const carry = Math.floor(lo / TWO_POW_32);
    words[at] = words[at]! + carry;
    lo -= carry * TWO_POW_32;
  }
  words[at + 1] = lo;
}

/** Adds every sum of `from` to `into` (exact). */
export function mergeSums(into: Float64Array, from: Float64Array): void {
  for (let at = 0; at < into.length; at += 2) {
    into[at] = into[at]! + from[at]!;
    addInteger(into, at / 2, from[at + 1]!);
  }
}

/** The integer total of sum `index`, rounded once to a float64. */
export function sumValue(words: Float64Array, index: number): number {
  return words[2 * index]! * TWO_POW_32 + words[2 * index + 1]!;
}

/** The exact integer total of sum `index`. */
export function sumBigInt(words: Float64Array, index: number): bigint {
  return BigInt(words[2 * index]!) * BigInt(TWO_POW_32) + BigInt(words[2 * index + 1]!);
}

/**
 * Sample variance of n integers q from Σq and Σq² (exact, in BigInt):
 * (n Σq² − (Σq)²) / (n (n − 1)).
 */
export function integerVariance(sum: bigint, squares: bigint, n: number): number {
  if (n < 2) return 0;
  const N = BigInt(n);
  const numerator = N * squares - sum * sum;
  return Number(numerator) / (n * (n - 1));
}

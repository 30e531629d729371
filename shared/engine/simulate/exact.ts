/**
 * Exact figures of small runs, from every iteration's outputs (layout.ts
 * keeps them for the first `exactIterations` iterations): finish quantiles
 * by selection (type 7, order.ts) and Spearman's correlation of each
 * project's duration with the value delivered by radix ranks. They are also
 * the reference the streaming estimators (histogram.ts) are tested against.
 */
import { ranks, selectQuantiles } from './order';

export interface Distribution {
  mean: number;
  p10: number;
  p50: number;
  p80: number;
  p90: number;
}

/**
 * The value delivered's ranks (average ranks for ties at float32 precision),
 * centred and doubled so that they are integers: `twice[i] = 2·rank_i - (n + 1)`,
 * and Σ (rank_i - (n + 1)/2)². Every project's driver correlation is
 * computed against these.
 */
export interface ValueRanks {
  twice: Int32Array;
  sumSquares: number;
}

export function valueRanks(value: ArrayLike<number>, n: number): ValueRanks {
  const r = ranks(Float64Array.from({ length: n }, (_, i) => value[i]!));
  const twice = new Int32Array(n);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const y = 2 * r[i]! - (n + 1);
    twice[i] = y;
    sumSquares += y * y;
  }
  return { twice, sumSquares: sumSquares / 4 };
}

/** Work arrays of `projectFigures` for samples of up to n iterations, reused from project to project. */
export interface ProjectScratch {
  values: Float64Array;
  keys: Uint32Array;
  keysOut: Uint32Array;
  payload: Int32Array;
  payloadOut: Int32Array;
}

export function projectScratch(n: number): ProjectScratch {
  return {
    values: new Float64Array(n),
    keys: new Uint32Array(n),
    keysOut: new Uint32Array(n),
    payload: new Int32Array(n),
    payloadOut: new Int32Array(n),
  };
}

/** Numbers per project in `projectFigures`' output: finish P50, P80, P90, rank correlation. */
export const PROJECT_FIGURES = 4;

/**
 * One project's figures from its columns over iterations 0 .. n-1: finish
 * P50, P80, P90 (type 7) and the Spearman correlation of its duration with
 * the value delivered (ties at float32 precision), written at
 * out[at .. at + 3]. A pure function of its inputs, so it gives the same
 * figures in whichever thread it runs.
 */
export function projectFigures(
  finish: ArrayLike<number>,
  duration: ArrayLike<number>,
  n: number,
  value: ValueRanks,
  out: Float64Array,
  at: number,
  scratch: ProjectScratch = projectScratch(n),
): void {
  const [p50, p80, p90] = selectQuantiles(finish, n, [0.5, 0.8, 0.9], scratch.values);
  out[at] = p50!;
  out[at + 1] = p80!;
  out[at + 2] = p90!;
  out[at + 3] = rankCorrelation(duration, n, value, scratch);
}

/** Radix digits of at most this many bits (a 32 KB count table). */
const DIGIT_BITS = 13;

/**
 * Spearman's correlation of a sample with the value delivered. The sample's
 * float32 sort keys, less their minimum, are radix-sorted (LSD, as few
 * passes of at most DIGIT_BITS bits as their spread needs, the counts of all
 * passes taken in one read) together with the value's doubled centred ranks;
 * then each run of equal keys takes its average rank. The sums are of
 * integers, exact below 2^53 (up to about 200 000 iterations). 0 when either
 * has no spread.
 */
function rankCorrelation(
  sample: ArrayLike<number>,
  n: number,
  value: ValueRanks,
  scratch: ProjectScratch,
): number {
  if (n === 0 || value.sumSquares === 0) return 0;
  let keys = scratch.keys;
  let keysOut = scratch.keysOut;
  if (sample instanceof Float32Array) {
    keys.set(new Uint32Array(sample.buffer, sample.byteOffset, n));
  } else {
    const f = new Float32Array(keys.buffer, keys.byteOffset, n);
    for (let i = 0; i < n; i++) f[i] = sample[i]!;
  }
  let min = 0xffffffff;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const key = k & 0x80000000 ? ~k >>> 0 : (k | 0x80000000) >>> 0;
    keys[i] = key;
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (min === max) return 0;
  const bits = 32 - Math.clz32(max - min);
  const passes = Math.ceil(bits / DIGIT_BITS);
  const digit = Math.ceil(bits / passes);
  const size = 1 << digit;
  const mask = size - 1;
  const counts = new Uint32Array(size * passes);
  for (let i = 0; i < n; i++) {
    const k = (keys[i]! - min) >>> 0;
    keys[i] = k;
    for (let pass = 0; pass < passes; pass++)
      counts[pass * size + ((k >>> (pass * digit)) & mask)]!++;
  }
  let payload: Int32Array = value.twice;
  let payloadOut = scratch.payloadOut;
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * digit;
    const base = pass * size;
    let total = 0;
    for (let b = base; b < base + size; b++) {
      const c = counts[b]!;
      counts[b] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const slot = counts[base + ((key >>> shift) & mask)]!++;
      keysOut[slot] = key;
      payloadOut[slot] = payload[i]!;
    }
    [keys, keysOut] = [keysOut, keys];
    const written = payloadOut;
    payloadOut = pass === 0 ? scratch.payload : payload;
    payload = written;
  }
  let sab = 0;
  let saa = 0;
  let i = 0;
  while (i < n) {
    const key = keys[i]!;
    let j = i;
    let sum = 0;
    while (j < n && keys[j] === key) sum += payload[j++]!;
    const x = i + 1 + j - (n + 1); // twice the average of ranks i+1 .. j, centred
    sab += x * sum;
    saa += x * x * (j - i);
    i = j;
  }
  return sab / 4 / Math.sqrt((saa / 4) * value.sumSquares);
}

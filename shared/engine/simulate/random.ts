/**
 * The random numbers of the risk simulation: a splittable, seeded generator
 * and the standard normal functions it needs.
 *
 * Splittable: iteration `i` draws from its own stream, whose 128-bit state is
 * a function of `(seed, i)` only. Each of the four state words is
 * `mix32(mix32(i ^ k_j) ^ k'_j)`, where `mix32` is the MurmurHash3 /
 * SplitMix32 finaliser (a bijection of 32-bit words) and the keys `k_j`, `k'_j`
 * are derived from the seed by the same mixer. As `mix32` is a bijection, two
 * iterations below 2^32 never share a state word, so never share a stream.
 * The stream itself is xoshiro128** (Blackman & Vigna, 2018), 32 bits per
 * call (normal.ts `nextInt32`, inlined in block.ts). Results therefore do not
 * depend on how iterations are cut into blocks nor on how many workers run
 * them: same seed, same figures, everywhere.
 *
 * The simulation's normal deviates come from the stream by ziggurat
 * (normal.ts); a black swan compares a 32-bit output x with its probability
 * as the uniform (x + 0.5) / 2^32, strictly inside (0, 1). The normal
 * quantile below is the reference the tables' tests use (distributions.ts
 * tabulates in z and needs Φ and φ only).
 */

/** MurmurHash3's 32-bit finaliser: a bijection with full avalanche. */
export function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const GOLDEN = 0x9e3779b9;

/** Largest accepted seed: any non-negative safe integer. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The eight 32-bit keys derived from a seed (a non-negative safe integer). */
export function seedKeys(seed: number): Uint32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`la graine doit être un entier positif ou nul, pas ${seed}`);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const keys = new Uint32Array(8);
  let h = mix32(hi ^ 0x5bd1e995);
  for (let j = 0; j < 8; j++) {
    h = mix32((h + GOLDEN + Math.imul(j, 0x27d4eb2f)) ^ lo);
    keys[j] = h;
  }
  return keys;
}

/** Sets `state` (4 words) to the start of iteration `iteration`'s stream. */
export function seedIteration(state: Uint32Array, keys: Uint32Array, iteration: number): void {
  for (let j = 0; j < 4; j++) {
    state[j] = mix32(mix32(iteration ^ keys[j]!) ^ keys[j + 4]!);
  }
  // xoshiro's only forbidden state; unreachable in practice, kept for rigour.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
}

/**
 * Sets `state` (4 words) to the start of iteration `iteration`'s second
 * stream, from which the ziggurat's rare rejections draw (normal.ts): the
 * keys' halves swapped and a constant mixed in, so that it shares no state
 * with the first stream in practice.
 */
export function seedRejection(state: Int32Array, keys: Uint32Array, iteration: number): void {
  for (let j = 0; j < 4; j++) {
    state[j] = mix32(mix32((iteration ^ keys[j + 4]! ^ GOLDEN) >>> 0) ^ keys[j]!);
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
}

/**
 * Standard normal quantile Φ⁻¹(p), Wichura's AS 241 (PPND16), relative
 * accuracy about 1e-16. Only its first two branches are kept: they cover
 * p in [2^-33, 1 - 2^-33], the range of 32-bit uniforms (sqrt(-ln p) <= 4.8 < 5).
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r +
          45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r)) - 1.6;
  const value =
    (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
      1.2704582524523684) *
      r +
      3.6478483247632045) *
      r +
      5.769497221460691) *
      r +
      4.630337846156546) *
      r +
      1.4234371107496835) /
    (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
      0.14810397642748008) *
      r +
      0.6897673349851) *
      r +
      1.6763848301838038) *
      r +
      2.053191626637759) *
      r +
      1);
  return q < 0 ? -value : value;
}

/**
 * Standard normal distribution function Φ(x), Hart (1968) as given by
 * G. West, "Better approximations to cumulative normal functions" (2005):
 * double-precision accuracy, including deep in the lower tail (relative
 * accuracy, no cancellation), so Φ(-9) ≈ 1.1e-19 is exact to ~1e-14 relative.
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp(-0.5 * a * a);
    if (a < 7.07106781186547) {
      let num = 3.52624965998911e-2 * a + 0.700383064443688;
      num = num * a + 6.37396220353165;
      num = num * a + 33.912866078383;
      num = num * a + 112.079291497871;
      num = num * a + 221.213596169931;
      num = num * a + 220.206867912376;
      let den = 8.83883476483184e-2 * a + 1.75566716318264;
      den = den * a + 16.064177579207;
      den = den * a + 86.7807322029461;
      den = den * a + 296.564248779674;
      den = den * a + 637.333633378831;
      den = den * a + 793.826512519948;
      den = den * a + 440.413735824752;
      tail = (e * num) / den;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** Standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) * 0.3989422804014327;
}

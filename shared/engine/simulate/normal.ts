/**
 * Standard normal deviates for the simulation's copula: Marsaglia & Tsang's
 * ziggurat (J. Stat. Software 5(8), 2000) with 128 layers, drawn from the
 * iteration's xoshiro128** stream (random.ts).
 *
 * One 32-bit output `j` gives the layer `j & 127` and a signed 25-bit
 * position `j >> 7`, so that the layer and the position use different bits
 * (the defect Doornik (2005) found in the original, which shared them). About
 * 98.8 % of draws are accepted on the fast path: one output, one multiply,
 * one comparison. The rest take the wedge test or, in layer 0, the exact
 * tail beyond r = 3.4426 (Marsaglia's exponential rejection), drawing what
 * more they need from a second stream (the iteration's rejection stream,
 * random.ts `seedRejection`). So every deviate takes exactly one output of
 * the first stream, and iteration i's k-th deviate is the same number
 * whatever a project's estimates. The positions are quantised at 2^-24 of a
 * layer's width; the tail reaches beyond ±10 only with probability below
 * 2^-33 per draw (its uniforms are at least 2^-33 from 0).
 *
 * Tested against Φ (test/unit/simulate/normal.test.ts): moments, the
 * distribution function at many points and the tail mass.
 */

/** Layer boundary r of the 128-layer ziggurat, and the layers' common area v. */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Positions are signed 25-bit integers: |position| < 2^24. */
const SCALE = 16777216;

/** Acceptance thresholds (|position| < K[layer]), widths W[layer] and densities F[layer]. */
export const ZIGGURAT_K = new Int32Array(128);
export const ZIGGURAT_W = new Float64Array(128);
const F = new Float64Array(128);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  ZIGGURAT_K[0] = Math.floor((dn / q) * SCALE);
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / SCALE;
  ZIGGURAT_W[127] = dn / SCALE;
  F[0] = 1;
  F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    ZIGGURAT_K[i + 1] = Math.floor((dn / tn) * SCALE);
    tn = dn;
    F[i] = Math.exp(-0.5 * dn * dn);
    ZIGGURAT_W[i] = dn / SCALE;
  }
}

const TWO_POW_M32 = 1 / 4294967296;

/** The next 32-bit output of xoshiro128** held in `s` (4 words), as a signed integer. */
export function nextInt32(s: Int32Array): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  const n2 = s[2]! ^ s0;
  const n3 = s[3]! ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return result;
}

function uniform(s: Int32Array): number {
  return ((nextInt32(s) >>> 0) + 0.5) * TWO_POW_M32;
}

/**
 * The rest of a draw whose fast path failed at `layer` with `position`:
 * the wedge test, the tail, or a fresh output (the loop of Marsaglia &
 * Tsang's `nfix`). Reads and advances the stream held in `s`.
 */
export function zigguratSlow(s: Int32Array, layer: number, position: number): number {
  let iz = layer;
  let hz = position;
  for (;;) {
    const x = hz * ZIGGURAT_W[iz]!;
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(uniform(s)) / R;
        y = -Math.log(uniform(s));
      } while (y + y < tail * tail);
      return hz > 0 ? R + tail : -R - tail;
    }
    if (F[iz]! + uniform(s) * (F[iz - 1]! - F[iz]!) < Math.exp(-0.5 * x * x)) return x;
    const j = nextInt32(s);
    iz = j & 127;
    hz = j >> 7;
    if (hz < ZIGGURAT_K[iz]! && hz > -ZIGGURAT_K[iz]!) return hz * ZIGGURAT_W[iz]!;
  }
}

/**
 * One standard normal deviate: one output of the stream held in `s`, and
 * when the fast path fails, what the rest needs from `rejection` (the same
 * stream by default).
 */
export function nextZiggurat(s: Int32Array, rejection: Int32Array = s): number {
  const j = nextInt32(s);
  const iz = j & 127;
  const hz = j >> 7;
  const k = ZIGGURAT_K[iz]!;
  if (hz < k && hz > -k) return hz * ZIGGURAT_W[iz]!;
  return zigguratSlow(rejection, iz, hz);
}

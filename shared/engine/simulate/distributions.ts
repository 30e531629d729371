/**
 * Three-point estimates (MODEL.md §5) as tables for the Gaussian copula.
 *
 * A draw is `x = low + (high - low) × G(Z)` where `Z` is the copula's normal
 * deviate and `G(z) = F⁻¹(Φ(z))` the quantile of the standard shape on [0, 1]
 * (PERT: Beta(α, β) with α = 1 + 4(mode-low)/(high-low), β = 1 + 4(high-mode)/(high-low);
 * or triangular with its mode at c = (mode-low)/(high-low)).
 *
 * `G` is tabulated once per shape on a uniform grid of `z` over
 * [-Z_LIMIT, Z_LIMIT] (TABLE_INTERVALS intervals) with its exact values and
 * slopes `G'(z) = φ(z) / f(G(z))`, and read by cubic Hermite interpolation
 * (stored as each interval's polynomial coefficients: the copula's deviate
 * and the inverse distribution are fused into one table read per draw).
 * Tabulating in `z` rather than in `u = Φ(z)` keeps the tails resolved and
 * spares a Φ per draw. Table points are computed by a safeguarded Newton
 * solve of the regularised incomplete beta function (continued fraction,
 * Lentz) to 1e-14, working on the upper tail by symmetry when z > 0 so that
 * no precision is lost near u = 1. The test `inverse-distribution.test.ts`
 * compares the tables with an independent quadrature of the Beta density.
 * Documented accuracy: a drawn PERT value is within 1e-9 × (high - low) of
 * the exact quantile (the test asserts that bound at 21 points of z in
 * [-5, 5]; measured on the test's shapes over z in [-6.2, 6.2], step 0.054,
 * the largest error is 4.3e-10). Triangular tables: within 2e-6 × (high - low)
 * (the closed form's square root at the mode is not smooth). Beyond
 * ±Z_LIMIT the table is clamped (the ziggurat's deviates pass ±9 with
 * probability about 2e-19 per draw, where G is within 1e-18 of its ends).
 */
import { normalCdf, normalDensity } from './random';

export const Z_LIMIT = 9;
export const TABLE_INTERVALS = 512;
/**
 * Numbers per table: the cubic's four coefficients on each interval, then
 * the value at the last grid point (read beyond +Z_LIMIT).
 */
export const TABLE_STRIDE = 4 * TABLE_INTERVALS + 1;
const STEP = (2 * Z_LIMIT) / TABLE_INTERVALS;
const INV_STEP = 1 / STEP;

/** The standard shape of a three-point estimate. */
export type Shape =
  | { kind: 'pert'; alpha: number; beta: number }
  | { kind: 'triangular'; c: number }
  | { kind: 'constant' };

export function shapeOf(
  distribution: 'pert' | 'triangular',
  low: number,
  mode: number,
  high: number,
): Shape {
  const range = high - low;
  if (!(range > 0)) return { kind: 'constant' };
  if (distribution === 'triangular') return { kind: 'triangular', c: (mode - low) / range };
  return {
    kind: 'pert',
    alpha: 1 + (4 * (mode - low)) / range,
    beta: 1 + (4 * (high - mode)) / range,
  };
}

/** Natural log of Γ(x), x > 0: Lanczos (g = 7, 9 terms), ~1e-15 relative. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), with ln B(a, b) given. */
export function incompleteBeta(x: number, a: number, b: number, logB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

function betaDensity(x: number, a: number, b: number, logB: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
}

/** x in [0, 1] with I_x(a, b) = p, by Newton safeguarded with bisection. */
function betaQuantileLower(p: number, a: number, b: number, logB: number, guess: number): number {
  if (p <= 0) return 0;
  let lo = 0;
  let hi = 1;
  let x = guess > 0 && guess < 1 ? guess : 0.5;
  for (let k = 0; k < 200; k++) {
    const f = incompleteBeta(x, a, b, logB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = betaDensity(x, a, b, logB);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo < 1e-300) return next;
    x = next;
  }
  return x;
}

/**
 * Value in [0, 1] and density of the standard shape at z, i.e. G(z) and
 * f(G(z)), computed exactly (not from a table); `guess` seeds Newton.
 */
export function pointOf(shape: Shape, z: number, guess: number, logB: number): [number, number] {
  if (shape.kind === 'constant') return [0, Number.POSITIVE_INFINITY];
  if (shape.kind === 'triangular') {
    const c = shape.c;
    let x: number;
    if (z <= 0) {
      const p = normalCdf(z);
      x = p <= c ? Math.sqrt(p * c) : 1 - Math.sqrt((1 - p) * (1 - c));
    } else {
      const q = normalCdf(-z);
      x = q <= 1 - c ? 1 - Math.sqrt(q * (1 - c)) : Math.sqrt((1 - q) * c);
    }
    const density = x < c ? (2 * x) / c : c < 1 ? (2 * (1 - x)) / (1 - c) : 2 * x;
    return [x, density];
  }
  const { alpha, beta } = shape;
  let x: number;
  if (z <= 0) x = betaQuantileLower(normalCdf(z), alpha, beta, logB, guess);
  else x = 1 - betaQuantileLower(normalCdf(-z), beta, alpha, logB, 1 - guess);
  return [x, betaDensity(x, alpha, beta, logB)];
}

/**
 * The table of G for a shape: TABLE_STRIDE numbers. On interval j (z from
 * z_j to z_j + step, s in [0, 1)) the cubic Hermite interpolant of the
 * values y and the slopes m (× step) at both ends is written in powers of s,
 * G = c0 + s(c1 + s(c2 + s·c3)), so that a read costs three multiply-adds.
 */
export function buildTable(shape: Shape, out?: Float64Array, offset = 0): Float64Array {
  const table = out ?? new Float64Array(TABLE_STRIDE);
  const logB = shape.kind === 'pert' ? logBeta(shape.alpha, shape.beta) : 0;
  const values = new Float64Array(TABLE_INTERVALS + 1);
  const densities = new Float64Array(TABLE_INTERVALS + 1);
  for (let j = 0; j <= TABLE_INTERVALS; j++) {
    const z = -Z_LIMIT + j * STEP;
    // Predictor for Newton: the previous point moved along its slope.
    let guess = 0.5;
    if (j > 0) {
      const slope = normalDensity(z - STEP) / densities[j - 1]!;
      guess = values[j - 1]! + (Number.isFinite(slope) ? slope * STEP : 0);
    }
    const [x, density] = pointOf(shape, z, guess, logB);
    values[j] = x;
    densities[j] = density;
  }
  const slopes = new Float64Array(TABLE_INTERVALS + 1);
  for (let j = 0; j <= TABLE_INTERVALS; j++) {
    const z = -Z_LIMIT + j * STEP;
    let slope = normalDensity(z) / densities[j]!;
    if (!Number.isFinite(slope)) {
      // Density zero or infinite at an end point: fall back on a one-sided difference.
      const a = values[Math.max(0, j - 1)]!;
      const b = values[Math.min(TABLE_INTERVALS, j + 1)]!;
      slope = (b - a) / (STEP * (j === 0 || j === TABLE_INTERVALS ? 1 : 2));
    }
    if (shape.kind === 'constant') slope = 0;
    slopes[j] = slope * STEP;
  }
  for (let j = 0; j < TABLE_INTERVALS; j++) {
    const y0 = values[j]!;
    const y1 = values[j + 1]!;
    const m0 = slopes[j]!;
    const m1 = slopes[j + 1]!;
    const at = offset + 4 * j;
    table[at] = y0;
    table[at + 1] = m0;
    table[at + 2] = 3 * (y1 - y0) - 2 * m0 - m1;
    table[at + 3] = 2 * (y0 - y1) + m0 + m1;
  }
  table[offset + 4 * TABLE_INTERVALS] = values[TABLE_INTERVALS]!;
  return table;
}

/**
 * G(z) read from a table at `offset`: the interval's cubic, clamped to the
 * table's ends outside [-Z_LIMIT, Z_LIMIT].
 */
export function readTable(table: Float64Array, offset: number, z: number): number {
  let t = (z + Z_LIMIT) * INV_STEP;
  if (t <= 0) return table[offset]!;
  if (t >= TABLE_INTERVALS) return table[offset + 4 * TABLE_INTERVALS]!;
  const j = Math.floor(t);
  t -= j;
  const k = offset + 4 * j;
  return table[k]! + t * (table[k + 1]! + t * (table[k + 2]! + t * table[k + 3]!));
}

/** A stable key for a shape, so that identical shapes share one table. */
export function shapeKey(shape: Shape): string {
  if (shape.kind === 'pert') return `pert:${shape.alpha}:${shape.beta}`;
  if (shape.kind === 'triangular') return `tri:${shape.c}`;
  return 'constant';
}

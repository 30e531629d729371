/**
 * Figures of large runs, read on the histograms of a partial summary
 * (layout.ts, partial.ts), each with a bound on its distance to the exact
 * figure of the same iterations (exact.ts), reported in
 * `SimulationResult.precision`:
 *
 * - quantiles (type 7) from bins that know their smallest and largest
 *   value: the c values of a bin are taken evenly spaced between its min
 *   and max, so an order statistic is exact when its bin holds one value
 *   or equal values (an atom), and otherwise within the bin's spread
 *   max − min (at most the bin's width): |estimate − exact| ≤ the largest
 *   spread of the bins holding the two order statistics;
 * - finish quantiles from bins of known width w (1/64 month): the c values
 *   of a bin are taken at the midpoints of c equal parts of it, clamped to
 *   the project's smallest and largest finish: within w of the exact
 *   quantile, exact for a project whose finish never varies;
 * - Spearman's correlation from a joint table of (duration bin, value
 *   bin): each bin's values take their bin's average rank. The binned rank
 *   vectors are the orthogonal projections of the exact ones on vectors
 *   constant on each bin, so each is turned by an angle θ with
 *   sin²θ ≤ E / (S + E), where S is the binned vector's squared norm and
 *   E = Σ c(c² − 1)/12 over the bins that may hold distinct values (a value
 *   bin of one pilot atom holds ties only); the correlation, the cosine of
 *   the angle between the two vectors, moves by at most θ_duration + θ_value.
 *   This bound holds for any data; on the runs tested the actual difference
 *   is one to two orders of magnitude smaller.
 */

/** Type-7 quantiles at `ps` of the n values counted in the bins from `offset` on, and the error bound. */
export function histogramQuantiles(
  count: Uint32Array,
  min: Float64Array,
  max: Float64Array,
  offset: number,
  n: number,
  ps: readonly number[],
): { values: number[]; error: number } {
  if (n === 0) return { values: ps.map(() => Number.NaN), error: 0 };
  const wanted = ps.flatMap((p) => {
    const j = Math.floor((n - 1) * p);
    return [j, Math.min(n - 1, j + 1)];
  });
  const order = [...new Set(wanted)].sort((a, b) => a - b);
  const value = new Map<number, number>();
  let error = 0;
  let b = offset;
  let below = 0;
  for (const rank of order) {
    while (below + count[b]! <= rank) below += count[b++]!;
    const c = count[b]!;
    const lo = min[b]!;
    const spread = max[b]! - lo;
    value.set(rank, c === 1 || spread === 0 ? lo : lo + (spread * (rank - below)) / (c - 1));
    if (spread > error) error = spread;
  }
  const values = ps.map((p, q) => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const lo = value.get(wanted[2 * q]!)!;
    if (j + 1 >= n) return lo;
    return lo + (h - j) * (value.get(wanted[2 * q + 1]!)! - lo);
  });
  return { values, error };
}

/** Type-7 quantiles of a project's finish from its bins (width w from origin, closed on the right). */
export function finishQuantiles(
  count: Uint32Array,
  from: number,
  to: number,
  origin: number,
  width: number,
  smallest: number,
  largest: number,
  n: number,
  ps: readonly number[],
): number[] {
  if (n === 0) return ps.map(() => Number.NaN);
  if (smallest === largest) return ps.map(() => smallest);
  const statistic = (rank: number): number => {
    let b = from;
    let below = 0;
    while (b < to - 1 && below + count[b]! <= rank) below += count[b++]!;
    const x = origin + width * (b - from + (rank - below + 0.5) / count[b]!);
    return x < smallest ? smallest : x > largest ? largest : x;
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const lo = statistic(j);
    if (j + 1 >= n) return lo;
    return lo + (h - j) * (statistic(j + 1) - lo);
  });
}

/** Centred average rank of each bin ((rank − (n + 1)/2), ranks 1 .. n) from the bins' counts. */
function binRanks(counts: Float64Array, n: number): Float64Array {
  const out = new Float64Array(counts.length);
  let below = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    out[b] = below + (c + 1) / 2 - (n + 1) / 2;
    below += c;
  }
  return out;
}

/** Σ c(c² − 1)/12 over bins that may hold distinct values, and Σ c·r² of their centred ranks. */
function spreadAndNorm(
  counts: Float64Array,
  ranks: Float64Array,
  distinct: (b: number) => boolean,
): [number, number] {
  let spread = 0;
  let norm = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    norm += c * ranks[b]! * ranks[b]!;
    if (c > 1 && distinct(b)) spread += (c * (c * c - 1)) / 12;
  }
  return [spread, norm];
}

/** The value side of the drivers' correlation, shared by every project. */
export interface ValueBins {
  n: number;
  ranks: Float64Array;
  norm: number;
  /** The angle θ_value of the header. */
  angle: number;
}

/** The value bins' ranks and angle from their counts (odd bins hold ties only). */
export function valueBinRanks(counts: Float64Array, n: number): ValueBins {
  const ranks = binRanks(counts, n);
  const [spread, norm] = spreadAndNorm(counts, ranks, (b) => b % 2 === 0);
  return {
    n,
    ranks,
    norm,
    angle: norm + spread > 0 ? Math.asin(Math.sqrt(spread / (norm + spread))) : 0,
  };
}

/** What the engine knows of a project's duration values (prepare.ts). */
export type DurationKind =
  /** Never varies: correlates 0, exactly. */
  | 'constant'
  /** Takes a few values only (a constant build that a black swan stretches): its bins hold ties. */
  | 'atoms'
  | 'spread';

/**
 * Spearman's correlation of a project's duration with the value delivered
 * from its joint table (durationBins rows of value.ranks.length columns at
 * `at`), and the bound of the header.
 */
export function jointSpearman(
  joint: Uint32Array,
  at: number,
  durationBins: number,
  value: ValueBins,
  kind: DurationKind,
): { rho: number; error: number } {
  const vb = value.ranks.length;
  const rows = new Float64Array(durationBins);
  for (let a = 0; a < durationBins; a++) {
    let c = 0;
    for (let b = 0, k = at + a * vb; b < vb; b++, k++) c += joint[k]!;
    rows[a] = c;
  }
  if (kind === 'constant') return { rho: 0, error: 0 };
  const ranks = binRanks(rows, value.n);
  const [spread, norm] = spreadAndNorm(rows, ranks, () => kind === 'spread');
  const angle = norm + spread > 0 ? Math.asin(Math.sqrt(spread / (norm + spread))) : 0;
  const error = Math.min(2, angle + value.angle);
  if (norm === 0 || value.norm === 0) return { rho: 0, error };
  let cross = 0;
  for (let a = 0; a < durationBins; a++) {
    if (rows[a] === 0) continue;
    let s = 0;
    for (let b = 0, k = at + a * vb; b < vb; b++, k++) s += joint[k]! * value.ranks[b]!;
    cross += ranks[a]! * s;
  }
  return { rho: cross / Math.sqrt(norm * value.norm), error };
}

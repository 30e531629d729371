/**
 * Order statistics of simulation samples, in linear time.
 *
 * Quantiles are of the empirical distribution, interpolated linearly between
 * order statistics (Hyndman & Fan type 7, R's default): with the sorted
 * sample x_0 <= … <= x_{n-1}, Q(p) = x_j + (h - j)(x_{j+1} - x_j), h = (n-1)p, j = ⌊h⌋.
 * The order statistics are found by selection, not by sorting; ranks (for
 * Spearman's correlation) by a radix sort on float32 keys.
 */

/** Type-7 quantile of an ascending-sorted sample. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const lo = sorted[j]!;
  if (j + 1 >= n) return lo;
  return lo + (h - j) * (sorted[j + 1]! - lo);
}

/**
 * Puts the k-th smallest of a[left..right] at a[k], the smaller ones before
 * it and the larger ones after (quickselect, Hoare partition around the
 * median of three; runs of equal values split evenly, so ties cost nothing).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Bins of the histogram that locates order statistics in `selectQuantiles`. */
const SELECT_BINS = 2048;

/**
 * Type-7 quantiles at the ascending probabilities `ps` of values[0 .. n-1],
 * equal to `sortedQuantile` of the sorted sample, in linear time and without
 * reordering the values: a histogram on SELECT_BINS equal bins between the
 * minimum and the maximum (the bin of x is non-decreasing in x) tells which
 * bin holds each order statistic needed; only the values of those bins are
 * copied into `scratch` and ordered there (quickselect).
 */
export function selectQuantiles(
  values: ArrayLike<number>,
  n: number,
  ps: readonly number[],
  scratch: Float64Array = new Float64Array(n),
): number[] {
  if (n === 0) return ps.map(() => Number.NaN);
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const x = values[i]!;
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  if (!(max > min)) return ps.map(() => min);
  const bins = SELECT_BINS;
  // A spread too small for its inverse to be finite: one bin, plain quickselect.
  const scale = Number.isFinite(bins / (max - min)) ? bins / (max - min) : 0;
  const count = new Int32Array(bins + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((values[i]! - min) * scale);
    count[b < bins ? b : bins - 1]!++;
  }
  // The order statistics wanted: j and j + 1 for each probability.
  const ranks: number[] = [];
  for (const p of ps) {
    const j = Math.floor((n - 1) * p);
    ranks.push(j, Math.min(n - 1, j + 1));
  }
  // Bin of each wanted rank, and where that bin's values go in the scratch.
  const binOf = new Int32Array(ranks.length);
  const below = new Int32Array(ranks.length);
  const slot = new Int32Array(bins).fill(-1);
  const starts: number[] = [];
  let used = 0;
  ranks.forEach((rank, r) => {
    let b = 0;
    let cumulative = 0;
    while (cumulative + count[b]! <= rank) cumulative += count[b++]!;
    binOf[r] = b;
    below[r] = cumulative;
    if (slot[b] === -1) {
      slot[b] = starts.length;
      starts.push(used);
      used += count[b]!;
    }
  });
  const fill = Int32Array.from(starts);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    let b = Math.floor((x - min) * scale);
    if (b >= bins) b = bins - 1;
    const s = slot[b]!;
    if (s !== -1) scratch[fill[s]!++] = x;
  }
  const statistic = (r: number): number => {
    const b = binOf[r]!;
    const start = starts[slot[b]!]!;
    const k = start + ranks[r]! - below[r]!;
    select(scratch, k, start, start + count[b]! - 1);
    return scratch[k]!;
  };
  return ps.map((p, q) => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const lo = statistic(2 * q);
    if (j + 1 >= n) return lo;
    return lo + (h - j) * (statistic(2 * q + 1) - lo);
  });
}

/**
 * Sort keys of numbers at float32 precision: unsigned 32-bit words that
 * order like the numbers (sign bit flipped for positives, all bits for negatives).
 */
function float32Keys(values: ArrayLike<number>): Uint32Array {
  const f = Float32Array.from(values);
  const keys = new Uint32Array(f.buffer);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    keys[i] = k & 0x80000000 ? ~k >>> 0 : (k | 0x80000000) >>> 0;
  }
  return keys;
}

/** Indices 0..n-1 in ascending order of the keys (stable): LSD radix sort, 3 passes of 11 bits. */
function argsortKeys(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 33; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 2047]!++;
    let total = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      counts[b] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const v = idx[i]!;
      tmp[counts[(keys[v]! >>> shift) & 2047]!++] = v;
    }
    const swap = idx;
    idx = tmp;
    tmp = swap;
  }
  return idx;
}

/** Ranks 1..n (average rank for ties, ties at float32 precision). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const keys = float32Keys(values);
  const order = argsortKeys(keys);
  const n = keys.length;
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const key = keys[order[i]!]!;
    while (j < n && keys[order[j]!]! === key) j++;
    const rank = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let k = i; k < j; k++) out[order[k]!] = rank;
    i = j;
  }
  return out;
}

/** Pearson correlation of two rank vectors (0 when either has no spread). */
function rankPearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - mean;
    const y = b[i]! - mean;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  if (saa === 0 || sbb === 0) return 0;
  return sab / Math.sqrt(saa * sbb);
}

/** Spearman rank correlation of two samples (ties at float32 precision). */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return rankPearson(ranks(a), ranks(b));
}

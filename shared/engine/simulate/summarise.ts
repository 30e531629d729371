/**
 * From the raw blocks of a simulation to the figures of MODEL.md §5 and of
 * `arbitra simulate --json` (CLI.md). Blocks may arrive in any order and any
 * size: they are put back in iteration order first, so the figures do not
 * depend on how the work was split.
 *
 * Quantiles are of the empirical distribution, interpolated linearly between
 * order statistics (Hyndman & Fan type 7, R's default): with the sorted
 * sample x_0 <= … <= x_{n-1}, Q(p) = x_j + (h - j)(x_{j+1} - x_j), h = (n-1)p, j = ⌊h⌋.
 */
import type { BlockResult } from './block';
import type { PreparedSimulation } from './prepare';

export interface Quantiles3 {
  p50: number;
  p80: number;
  p90: number;
}

export interface ProjectRisk {
  project: string;
  /** Planned start year. */
  start: number;
  finishMonth: Quantiles3;
  /** "YYYY-MM" of the month the finish falls in (month ceil(f) - 1). */
  finish: { p50: string; p80: string; p90: string };
  pWithinMandate: number;
  pLateStart: number;
}

export interface SpendYear extends Quantiles3 {
  year: number;
  mean: number;
  envelope: number;
  /** Probability that the year's net spend is strictly above its envelope. */
  pOverEnvelope: number;
}

export interface Driver {
  project: string;
  /** Spearman rank correlation of the project's duration with the delivered value (0 when either is constant). */
  rankCorrelation: number;
  /** Probability that it finishes after the planned start of one of its planned successors. */
  delaysSuccessor: number;
}

export interface Distribution {
  mean: number;
  p10: number;
  p50: number;
  p80: number;
  p90: number;
}

export interface SimulationResult {
  /** Iterations summarised (fewer than asked when cancelled). */
  iterations: number;
  seed: number;
  cancelled: boolean;
  /** Month of delivery deadline: finish <= mandateMonth counts as within the mandate. */
  mandateMonth: number;
  projects: ProjectRisk[];
  value: { planned: number; mean: number; p10: number; p50: number; p90: number; stdError: number };
  /** Number of projects delivered within the mandate. */
  delivered: Distribution & { planned: number };
  /** Net spend per horizon year (MODEL.md §5). */
  investment: SpendYear[];
  /** Net spend falling after the last horizon year (not in `investment`). */
  afterHorizon: Distribution;
  /** Gross actual investment, Σ K_p × Σ investment_p, and its plan figure (all factors 1). */
  totalCost: Distribution & { planned: number };
  /** Net actual investment, Σ over years of the net spend including after the horizon. */
  netCost: Distribution;
  /** Sorted by decreasing |rankCorrelation|, then plan order. */
  drivers: Driver[];
  warnings: string[];
}

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

function distribution(sample: Float64Array): Distribution {
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i]!;
  const sorted = sortedCopy(sample);
  return {
    mean: sum / sample.length,
    p10: sortedQuantile(sorted, 0.1),
    p50: sortedQuantile(sorted, 0.5),
    p80: sortedQuantile(sorted, 0.8),
    p90: sortedQuantile(sorted, 0.9),
  };
}

/** "YYYY-MM" of the month a finish at month f falls in: month ceil(f) - 1. */
export function finishYearMonth(f: number, firstYear: number): string {
  const m = Math.max(0, Math.ceil(f) - 1);
  const year = firstYear + Math.floor(m / 12);
  return `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/**
 * Sort keys of numbers at float32 precision: unsigned 32-bit words that
 * order like the numbers (sign bit flipped for positives, all bits for negatives).
 */
export function float32Keys(values: ArrayLike<number>): Uint32Array {
  const f = Float32Array.from(values);
  const keys = new Uint32Array(f.buffer);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    keys[i] = k & 0x80000000 ? ~k >>> 0 : (k | 0x80000000) >>> 0;
  }
  return keys;
}

/** Indices 0..n-1 in ascending order of the keys (stable): LSD radix sort, 3 passes of 11 bits. */
export function argsortKeys(keys: Uint32Array): Uint32Array {
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

/**
 * An ascending copy of the sample, exact in double precision: a radix sort
 * on float32 keys (linear time), then insertion sort to order the few values
 * that share a float32 key.
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const order = argsortKeys(float32Keys(values));
  const n = order.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[order[i]!]!;
  for (let i = 1; i < n; i++) {
    const x = out[i]!;
    let j = i - 1;
    if (out[j]! <= x) continue;
    while (j >= 0 && out[j]! > x) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = x;
  }
  return out;
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
export function rankPearson(a: Float64Array, b: Float64Array): number {
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

/** Puts blocks in iteration order and checks they cover 0 .. n-1 exactly. */
function ordered(parts: readonly BlockResult[]): BlockResult[] {
  const sorted = [...parts].sort((a, b) => a.firstIteration - b.firstIteration);
  let next = 0;
  for (const part of sorted) {
    if (part.firstIteration !== next) {
      throw new Error(
        `blocs de simulation incohérents : itération ${next} attendue, ${part.firstIteration} reçue`,
      );
    }
    next += part.count;
  }
  return sorted;
}

/** Merges blocks (any order, any sizes, covering iterations 0 .. n-1) into the result. */
export function summarise(
  prepared: PreparedSimulation,
  parts: readonly BlockResult[],
  seed: number,
  cancelled = false,
): SimulationResult {
  const blocks = ordered(parts);
  const n = blocks.reduce((sum, b) => sum + b.count, 0);
  const P = prepared.projectCount;
  const Y = prepared.years;
  const buckets = Y + 1;
  const value = new Float64Array(n);
  const delivered = new Float64Array(n);
  const gross = new Float64Array(n);
  const netCost = new Float64Array(n);
  const yearly = Array.from({ length: buckets }, () => new Float64Array(n));
  const withinMandate = new Float64Array(P);
  const lateStart = new Float64Array(P);
  const delaysSuccessor = new Float64Array(P);
  let offset = 0;
  for (const block of blocks) {
    value.set(block.value, offset);
    delivered.set(block.delivered, offset);
    gross.set(block.grossCost, offset);
    for (let i = 0; i < block.count; i++) {
      let total = 0;
      for (let y = 0; y < buckets; y++) {
        const s = block.spend[i * buckets + y]!;
        yearly[y]![offset + i] = s;
        total += s;
      }
      netCost[offset + i] = total;
    }
    for (let p = 0; p < P; p++) {
      withinMandate[p]! += block.withinMandate[p]!;
      lateStart[p]! += block.lateStart[p]!;
      delaysSuccessor[p]! += block.delaysSuccessor[p]!;
    }
    offset += block.count;
  }

  const empty = n === 0;
  const valueDist = distribution(value);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (value[i]! - valueDist.mean) ** 2;
  const stdError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
  const planned = prepared.value.reduce((sum, v) => sum + v, 0);
  const valueRanks = ranks(value);

  const projects: ProjectRisk[] = [];
  const drivers: Driver[] = [];
  const column = new Float32Array(n);
  for (let p = 0; p < P; p++) {
    offset = 0;
    for (const block of blocks) {
      column.set(block.finish.subarray(p * block.count, (p + 1) * block.count), offset);
      offset += block.count;
    }
    const sorted = sortedCopy(column);
    const q = {
      p50: sortedQuantile(sorted, 0.5),
      p80: sortedQuantile(sorted, 0.8),
      p90: sortedQuantile(sorted, 0.9),
    };
    projects.push({
      project: prepared.projectIds[p]!,
      start: prepared.startYears[p]!,
      finishMonth: q,
      finish: {
        p50: finishYearMonth(q.p50, prepared.firstYear),
        p80: finishYearMonth(q.p80, prepared.firstYear),
        p90: finishYearMonth(q.p90, prepared.firstYear),
      },
      pWithinMandate: empty ? 0 : withinMandate[p]! / n,
      pLateStart: empty ? 0 : lateStart[p]! / n,
    });
    offset = 0;
    for (const block of blocks) {
      column.set(block.duration.subarray(p * block.count, (p + 1) * block.count), offset);
      offset += block.count;
    }
    drivers.push({
      project: prepared.projectIds[p]!,
      rankCorrelation: rankPearson(ranks(column), valueRanks),
      delaysSuccessor: empty ? 0 : delaysSuccessor[p]! / n,
    });
  }
  const position = new Map(prepared.projectIds.map((id, i) => [id, i]));
  drivers.sort(
    (a, b) =>
      Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) ||
      position.get(a.project)! - position.get(b.project)!,
  );

  const investment: SpendYear[] = [];
  for (let y = 0; y < Y; y++) {
    const sample = yearly[y]!;
    const envelope = prepared.envelope[y]!;
    let over = 0;
    for (let i = 0; i < n; i++) if (sample[i]! > envelope) over++;
    const d = distribution(sample);
    investment.push({
      year: prepared.firstYear + y,
      p50: d.p50,
      p80: d.p80,
      p90: d.p90,
      mean: d.mean,
      envelope,
      pOverEnvelope: empty ? 0 : over / n,
    });
  }

  return {
    iterations: n,
    seed,
    cancelled,
    mandateMonth: prepared.mandateMonth,
    projects,
    value: {
      planned,
      mean: valueDist.mean,
      p10: valueDist.p10,
      p50: valueDist.p50,
      p90: valueDist.p90,
      stdError,
    },
    delivered: { ...distribution(delivered), planned: P },
    investment,
    afterHorizon: distribution(yearly[Y]!),
    totalCost: { ...distribution(gross), planned: prepared.plannedCost.reduce((s, v) => s + v, 0) },
    netCost: distribution(netCost),
    drivers,
    warnings: [...prepared.warnings],
  };
}

/**
 * From the per-iteration outputs of a simulation to the figures of MODEL.md
 * §5 and of `arbitra simulate --json` (CLI.md).
 *
 * The work is split so that it can run where the data is: `summariseColumns`
 * reads whole-run columns (iterations 0 .. n-1 in order); the per-project
 * figures (`projectFigures`: finish quantiles and the driver correlation, the
 * bulk of the work) are a pure function of one project's columns and of the
 * value's ranks, so the Node runner computes them on its worker threads, on
 * the shared columns, and hands them in. `summarise(prepared, blocks)` puts
 * blocks (any order, any sizes) back in iteration order first. Sums run in
 * iteration order and counts are integers, so the figures do not depend on
 * how the work was split nor on where each piece ran.
 *
 * Quantiles and ranks come from `order.ts`.
 */
import {
  allocateColumns,
  emptyCounts,
  type BlockCounts,
  type BlockResult,
  type IterationColumns,
} from './block';
import type { PreparedSimulation } from './prepare';
import { ranks, selectQuantiles } from './order';
import { finishYearMonth } from '../calendar';

export { finishYearMonth };

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

export interface CostFigures {
  /** Σ investment of the plan (all factors 1). */
  planned: number;
  mean: number;
  p50: number;
  p80: number;
  /** Mean of K_p − 1 over projects and iterations, black swans included. */
  meanOverrun: number;
  /** Share of project-iterations hit by a black swan. */
  blackSwanShare: number;
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
  /** CLI.md `cost`: the plan's gross investment planned and simulated, the mean overrun and the black swans' share. */
  cost: CostFigures;
  /** Sorted by decreasing |rankCorrelation|, then plan order. */
  drivers: Driver[];
  warnings: string[];
}

function distribution(sample: ArrayLike<number>, n: number, scratch?: Float64Array): Distribution {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sample[i]!;
  const [p10, p50, p80, p90] = selectQuantiles(sample, n, [0.1, 0.5, 0.8, 0.9], scratch);
  return { mean: sum / n, p10: p10!, p50: p50!, p80: p80!, p90: p90! };
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

/** Every project's figures from p = from to to - 1, PROJECT_FIGURES numbers each, in this thread. */
export function projectFiguresRange(
  columns: IterationColumns,
  projectCount: number,
  n: number,
  value: ValueRanks,
  from = 0,
  to = projectCount,
): Float64Array {
  const out = new Float64Array(PROJECT_FIGURES * (to - from));
  const scratch = projectScratch(n);
  const stride = columns.length;
  for (let p = from; p < to; p++) {
    projectFigures(
      columns.finish.subarray(p * stride, p * stride + n),
      columns.duration.subarray(p * stride, p * stride + n),
      n,
      value,
      out,
      PROJECT_FIGURES * (p - from),
      scratch,
    );
  }
  return out;
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

/** Adds a block's per-project counts to a running total (integers: exact in any order). */
export function addCounts(total: BlockCounts, block: BlockCounts): void {
  for (let p = 0; p < total.withinMandate.length; p++) {
    total.withinMandate[p]! += block.withinMandate[p]!;
    total.lateStart[p]! += block.lateStart[p]!;
    total.delaysSuccessor[p]! += block.delaysSuccessor[p]!;
    total.blackSwans[p]! += block.blackSwans[p]!;
  }
}

function costFigures(
  prepared: PreparedSimulation,
  columns: IterationColumns,
  n: number,
  counts: BlockCounts,
  gross: Distribution & { planned: number },
): CostFigures {
  const P = prepared.projectCount;
  let factors = 0;
  for (let i = 0; i < n; i++) factors += columns.factorSum[i]!;
  let swans = 0;
  for (let p = 0; p < P; p++) swans += counts.blackSwans[p]!;
  const draws = n * P;
  return {
    planned: gross.planned,
    mean: gross.mean,
    p50: gross.p50,
    p80: gross.p80,
    meanOverrun: draws > 0 ? factors / draws - 1 : 0,
    blackSwanShare: draws > 0 ? swans / draws : 0,
  };
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
  const buckets = prepared.years + 1;
  const columns = allocateColumns(prepared, n);
  const counts = emptyCounts(P);
  let offset = 0;
  for (const block of blocks) {
    columns.value.set(block.value, offset);
    columns.delivered.set(block.delivered, offset);
    columns.grossCost.set(block.grossCost, offset);
    columns.factorSum.set(block.factorSum, offset);
    columns.spend.set(block.spend, offset * buckets);
    for (let p = 0; p < P; p++) {
      const from = p * block.count;
      columns.finish.set(block.finish.subarray(from, from + block.count), p * n + offset);
      columns.duration.set(block.duration.subarray(from, from + block.count), p * n + offset);
    }
    addCounts(counts, block);
    offset += block.count;
  }
  const value = valueRanks(columns.value, n);
  const figures = projectFiguresRange(columns, P, n, value);
  return summariseColumns(prepared, columns, n, counts, figures, seed, cancelled);
}

/**
 * The result from columns holding iterations 0 .. n-1 in rows 0 .. n-1, the
 * run's counts, and every project's `projectFigures` (from these columns and
 * `valueRanks(columns.value, n)`, computed in this thread or elsewhere).
 */
export function summariseColumns(
  prepared: PreparedSimulation,
  columns: IterationColumns,
  n: number,
  counts: BlockCounts,
  figures: Float64Array,
  seed: number,
  cancelled = false,
): SimulationResult {
  const P = prepared.projectCount;
  const Y = prepared.years;
  const buckets = Y + 1;
  const empty = n === 0;
  const scratch = new Float64Array(n);
  const valueDist = distribution(columns.value, n, scratch);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (columns.value[i]! - valueDist.mean) ** 2;
  const stdError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
  const planned = prepared.value.reduce((sum, v) => sum + v, 0);

  const projects: ProjectRisk[] = [];
  const drivers: Driver[] = [];
  for (let p = 0; p < P; p++) {
    const at = PROJECT_FIGURES * p;
    const q = { p50: figures[at]!, p80: figures[at + 1]!, p90: figures[at + 2]! };
    projects.push({
      project: prepared.projectIds[p]!,
      start: prepared.startYears[p]!,
      finishMonth: q,
      finish: {
        p50: finishYearMonth(q.p50, prepared.firstYear),
        p80: finishYearMonth(q.p80, prepared.firstYear),
        p90: finishYearMonth(q.p90, prepared.firstYear),
      },
      pWithinMandate: empty ? 0 : counts.withinMandate[p]! / n,
      pLateStart: empty ? 0 : counts.lateStart[p]! / n,
    });
    drivers.push({
      project: prepared.projectIds[p]!,
      rankCorrelation: figures[at + 3]!,
      delaysSuccessor: empty ? 0 : counts.delaysSuccessor[p]! / n,
    });
  }
  const position = new Map(prepared.projectIds.map((id, i) => [id, i]));
  drivers.sort(
    (a, b) =>
      Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) ||
      position.get(a.project)! - position.get(b.project)!,
  );

  // Net spend: one year at a time out of the iteration-major table, and the total.
  const spend = columns.spend;
  const sample = new Float64Array(n);
  const investment: SpendYear[] = [];
  for (let y = 0; y < Y; y++) {
    const envelope = prepared.envelope[y]!;
    let over = 0;
    for (let i = 0; i < n; i++) {
      const s = spend[i * buckets + y]!;
      sample[i] = s;
      if (s > envelope) over++;
    }
    const d = distribution(sample, n, scratch);
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
  for (let i = 0; i < n; i++) sample[i] = spend[i * buckets + Y]!;
  const afterHorizon = distribution(sample, n, scratch);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let y = 0; y < buckets; y++) total += spend[i * buckets + y]!;
    sample[i] = total;
  }
  const netCost = distribution(sample, n, scratch);
  const gross = {
    ...distribution(columns.grossCost, n, scratch),
    planned: prepared.plannedCost.reduce((s, v) => s + v, 0),
  };

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
    delivered: { ...distribution(columns.delivered, n, scratch), planned: P },
    investment,
    afterHorizon,
    totalCost: gross,
    netCost,
    cost: costFigures(prepared, columns, n, counts, gross),
    drivers,
    warnings: [...prepared.warnings],
  };
}

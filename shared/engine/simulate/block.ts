/**
 * One block of iterations of the risk simulation (MODEL.md §5), the unit of
 * work that runs in-process, in a Node worker thread or in a Web Worker.
 *
 * Iteration `i` draws from its own stream (random.ts), always in the same
 * order and the same number of draws whatever the parameters:
 * `M_duration`, `M_cost`, then for each planned project in plan order
 * `ε_duration`, `ε_cost`, `u_swan`. So a block's figures depend only on
 * (prepared, seed, i), and two runs that differ only in their estimates are
 * coupled draw by draw (a longer estimate never finishes earlier).
 *
 * `simulateInto` writes a block's iterations straight into the columns of a
 * whole run (possibly shared between threads), `simulateBlock` into columns
 * of its own. Nothing is allocated per iteration: the stream's state lives in
 * local variables and the raw draws of an iteration in one reused buffer.
 */
import { readTable } from './distributions';
import type { PreparedSimulation } from './prepare';
import { mix32, normalQuantile, seedKeys } from './random';

/** Raw per-iteration outputs of iterations firstIteration .. firstIteration+count-1. */
export interface BlockResult {
  firstIteration: number;
  count: number;
  /** Value delivered within the mandate, per iteration. */
  value: Float64Array;
  /** Number of projects delivered within the mandate, per iteration. */
  delivered: Int32Array;
  /** Gross actual investment Σ K_p × Σ investment_p, per iteration. */
  grossCost: Float64Array;
  /** Σ_p K_p, black swans included, per iteration (the mean overrun of CLI.md `cost`). */
  factorSum: Float64Array;
  /** Net spend of each year, iteration-major: spend[i × (years + 1) + y]; bucket `years` is after the horizon. */
  spend: Float64Array;
  /** Finish month, project-major: finish[p × count + i]. */
  finish: Float32Array;
  /** Drawn duration D_p in months, project-major. */
  duration: Float32Array;
  /** Per project: iterations delivered within the mandate. */
  withinMandate: Float64Array;
  /** Per project: iterations starting after 12·s_p because of a predecessor. */
  lateStart: Float64Array;
  /** Per project: iterations finishing after the planned start of a planned successor. */
  delaysSuccessor: Float64Array;
  /** Per project: iterations hit by a black swan. */
  blackSwans: Float64Array;
}

/**
 * The per-iteration columns of a run of `length` iterations (or of one
 * block): row `r` of iteration-indexed arrays, and `finish[p × length + r]`,
 * `duration[p × length + r]` for project `p`. The arrays may sit on
 * SharedArrayBuffers so that worker threads fill disjoint rows in place.
 */
export interface IterationColumns {
  length: number;
  value: Float64Array;
  delivered: Int32Array;
  grossCost: Float64Array;
  factorSum: Float64Array;
  /** spend[r × (years + 1) + y]. */
  spend: Float64Array;
  finish: Float32Array;
  duration: Float32Array;
}

/** Per-project counts of a block (integers, so sums over blocks are exact in any order). */
export interface BlockCounts {
  withinMandate: Float64Array;
  lateStart: Float64Array;
  delaysSuccessor: Float64Array;
  blackSwans: Float64Array;
}

/** Columns for `length` iterations of a prepared simulation, on plain or shared memory. */
export function allocateColumns(
  prepared: PreparedSimulation,
  length: number,
  shared = false,
): IterationColumns {
  const P = prepared.projectCount;
  const buckets = prepared.years + 1;
  const buffer = (bytes: number): ArrayBuffer =>
    shared ? (new SharedArrayBuffer(bytes) as unknown as ArrayBuffer) : new ArrayBuffer(bytes);
  return {
    length,
    value: new Float64Array(buffer(8 * length)),
    delivered: new Int32Array(buffer(4 * length)),
    grossCost: new Float64Array(buffer(8 * length)),
    factorSum: new Float64Array(buffer(8 * length)),
    spend: new Float64Array(buffer(8 * length * buckets)),
    finish: new Float32Array(buffer(4 * length * P)),
    duration: new Float32Array(buffer(4 * length * P)),
  };
}

export function emptyCounts(projectCount: number): BlockCounts {
  return {
    withinMandate: new Float64Array(projectCount),
    lateStart: new Float64Array(projectCount),
    delaysSuccessor: new Float64Array(projectCount),
    blackSwans: new Float64Array(projectCount),
  };
}

const TWO_POW_M32 = 1 / 4294967296;

/**
 * Runs iterations firstIteration .. firstIteration+count-1 and writes
 * iteration firstIteration+i in row `row + i` of `out` (by default the row
 * of the same number: `out` holds the whole run). Adds the block's counts to
 * `counts` (fresh zeros when not given) and returns them.
 */
export function simulateInto(
  prepared: PreparedSimulation,
  seed: number,
  firstIteration: number,
  count: number,
  out: IterationColumns,
  counts: BlockCounts = emptyCounts(prepared.projectCount),
  row = firstIteration,
): BlockCounts {
  const P = prepared.projectCount;
  const Y = prepared.years;
  const buckets = Y + 1;
  if (row < 0 || row + count > out.length) {
    throw new RangeError(`lignes ${row}..${row + count - 1} hors des colonnes (${out.length})`);
  }
  const {
    order,
    plannedStart,
    predStart,
    predList,
    successorStart,
    durationLow,
    durationRange,
    durationTable,
    costLow,
    costRange,
    costTable,
    tables,
    plannedCost,
    ownShare,
    subsidyRate,
    profileStart,
    profileShares,
    mandateMonth,
    sqrtRho,
    sqrtOneMinusRho,
    swanProbability,
    swanSchedule,
    swanCost,
  } = prepared;
  const projectValue = prepared.value;
  const {
    value,
    delivered,
    grossCost,
    factorSum,
    spend,
    finish: finishOut,
    duration: durationOut,
  } = out;
  const stride = out.length;
  const { withinMandate, lateStart, delaysSuccessor, blackSwans } = counts;
  // Local bindings: one module lookup per block, direct calls in the loops.
  const quantile = normalQuantile;
  const read = readTable;
  const mix = mix32;

  const keys = seedKeys(seed);
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const k3 = keys[3]!;
  const k4 = keys[4]!;
  const k5 = keys[5]!;
  const k6 = keys[6]!;
  const k7 = keys[7]!;
  const draws = 2 + 3 * P;
  const raw = new Float64Array(draws);
  const duration = new Float64Array(P);
  const factor = new Float64Array(P);
  const finish = new Float64Array(P);

  for (let i = 0; i < count; i++) {
    // The iteration's stream (random.ts seedIteration and xoshiro128**, inlined).
    const iteration = firstIteration + i;
    let s0 = mix(mix(iteration ^ k0) ^ k4) | 0;
    let s1 = mix(mix(iteration ^ k1) ^ k5) | 0;
    let s2 = mix(mix(iteration ^ k2) ^ k6) | 0;
    let s3 = mix(mix(iteration ^ k3) ^ k7) | 0;
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    for (let r = 0; r < draws; r++) {
      const m = Math.imul(s1, 5);
      raw[r] = ((Math.imul((m << 7) | (m >>> 25), 9) >>> 0) + 0.5) * TWO_POW_M32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const commonDuration = sqrtRho * quantile(raw[0]!);
    const commonCost = sqrtRho * quantile(raw[1]!);
    for (let p = 0, r = 2; p < P; p++, r += 3) {
      const zd = commonDuration + sqrtOneMinusRho * quantile(raw[r]!);
      const zk = commonCost + sqrtOneMinusRho * quantile(raw[r + 1]!);
      let d = durationLow[p]! + durationRange[p]! * read(tables, durationTable[p]!, zd);
      let k = costLow[p]! + costRange[p]! * read(tables, costTable[p]!, zk);
      if (raw[r + 2]! < swanProbability) {
        d *= swanSchedule;
        k *= swanCost;
        blackSwans[p]!++;
      }
      duration[p] = d;
      factor[p] = k;
    }

    let delivery = 0;
    let deliveredCount = 0;
    let gross = 0;
    let factors = 0;
    const at = row + i;
    const base = at * buckets;
    for (let o = 0; o < P; o++) {
      const p = order[o]!;
      const planned = plannedStart[p]!;
      let start = planned;
      for (let e = predStart[p]!, end = predStart[p + 1]!; e < end; e++) {
        const f = finish[predList[e]!]!;
        if (f > start) start = f;
      }
      if (start > planned) lateStart[p]!++;
      const d = duration[p]!;
      const f = start + d;
      finish[p] = f;
      if (f <= mandateMonth) {
        delivery += projectValue[p]!;
        deliveredCount++;
        withinMandate[p]!++;
      }
      if (f > successorStart[p]!) delaysSuccessor[p]!++;
      finishOut[p * stride + at] = f;
      durationOut[p * stride + at] = d;

      // Money: actual = K × Σ investment; net = actual × (1 - partner) - subsidyRate × actual / K.
      const k = factor[p]!;
      const total = plannedCost[p]!;
      gross += k * total;
      factors += k;
      const net = total * (k * ownShare[p]! - subsidyRate[p]!);
      // Spread over the stretched CP profile: planned year j covers [start + j·d/n, start + (j+1)·d/n).
      const first = profileStart[p]!;
      const n = profileStart[p + 1]! - first;
      const piece = d / n;
      let before = 0;
      for (let j = 0; j < n; j++) {
        const cumulative = profileShares[first + j]!;
        const amount = net * (cumulative - before);
        before = cumulative;
        if (amount === 0) continue;
        const a = start + j * piece;
        const b = a + piece;
        // Calendar year y holds months [12y, 12y + 12): a piece [a, b) starts in year ⌊a/12⌋ and ends in ⌈b/12⌉ - 1.
        let ya = Math.floor(a / 12);
        let yb = Math.ceil(b / 12) - 1;
        if (yb <= ya || piece === 0) {
          spend[base + (ya < 0 ? 0 : ya > Y ? Y : ya)]! += amount;
          continue;
        }
        const rate = amount / piece;
        if (ya < 0) ya = 0;
        if (yb > Y) yb = Y;
        // The first and last buckets take the partial months; the ones between, 12 months each.
        let placedAmount = 0;
        for (let y = ya; y < yb; y++) {
          const upper = Math.max(a, Math.min(b, 12 * (y + 1)));
          const lower = y === ya ? a : 12 * y;
          const share = rate * (upper - lower);
          spend[base + y]! += share;
          placedAmount += share;
        }
        spend[base + yb]! += amount - placedAmount;
      }
    }
    value[at] = delivery;
    delivered[at] = deliveredCount;
    grossCost[at] = gross;
    factorSum[at] = factors;
  }
  return counts;
}

/** Runs iterations firstIteration .. firstIteration+count-1 of the simulation seeded by `seed`. */
export function simulateBlock(
  prepared: PreparedSimulation,
  seed: number,
  firstIteration: number,
  count: number,
): BlockResult {
  const columns = allocateColumns(prepared, count);
  const counts = simulateInto(prepared, seed, firstIteration, count, columns, undefined, 0);
  return {
    firstIteration,
    count,
    value: columns.value,
    delivered: columns.delivered,
    grossCost: columns.grossCost,
    factorSum: columns.factorSum,
    spend: columns.spend,
    finish: columns.finish,
    duration: columns.duration,
    ...counts,
  };
}

/** The buffers of a block's arrays, to transfer them (not copy) between threads. */
export function blockBuffers(result: BlockResult): ArrayBuffer[] {
  return [
    result.value,
    result.delivered,
    result.grossCost,
    result.factorSum,
    result.spend,
    result.finish,
    result.duration,
    result.withinMandate,
    result.lateStart,
    result.delaysSuccessor,
    result.blackSwans,
  ].map((array) => array.buffer as ArrayBuffer);
}

/**
 * One block of iterations of the risk simulation (MODEL.md §5), the unit of
 * work that runs in-process, in a Node worker thread or in a Web Worker.
 *
 * Iteration `i` draws from its own stream (random.ts), always in the same
 * order whatever the estimates: one 32-bit output for each of the standard
 * normals `M_duration`, `M_cost`, then `ε_duration`, `ε_cost` of each
 * planned project in the prepared order (predecessors first, ties in plan
 * order), then, with a black swan, one output per project in that order.
 * The ziggurat's rare rejections draw from the iteration's second stream
 * (normal.ts), so the positions of the draws are fixed. A block's outputs
 * depend only on (prepared, seed, i), and two runs that differ only in
 * their estimates are coupled draw by draw (a longer estimate never
 * finishes earlier).
 *
 * `simulateInto` writes a block's iterations into per-iteration columns
 * (one block's, reused from block to block, or a whole run's in tests) and
 * adds the block's per-project counts. Nothing is allocated per iteration:
 * the stream's state lives in local variables, the draws of an iteration in
 * one reused buffer. Each copula deviate and its inverse distribution are
 * one table read (distributions.ts), and a project's yearly spend is one
 * step per calendar year its build touches.
 */
import { TABLE_INTERVALS, Z_LIMIT } from './distributions';
import { ZIGGURAT_K, ZIGGURAT_W, zigguratSlow } from './normal';
import type { PreparedSimulation } from './prepare';
import { mix32, seedKeys, seedRejection } from './random';

/** Raw per-iteration outputs of iterations firstIteration .. firstIteration+count-1. */
export interface BlockResult extends BlockCounts {
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
}

/**
 * The per-iteration columns of `length` iterations: row `r` of
 * iteration-indexed arrays, and `finish[p × length + r]`,
 * `duration[p × length + r]` for project `p`.
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

/** Per-project counts (integers, so sums over blocks are exact in any order). */
export interface BlockCounts {
  /** Iterations delivered within the mandate. */
  withinMandate: Float64Array;
  /** Iterations starting after 12·s_p because of a predecessor. */
  lateStart: Float64Array;
  /** Iterations finishing after the planned start of a planned successor. */
  delaysSuccessor: Float64Array;
  /** Iterations hit by a black swan. */
  blackSwans: Float64Array;
  /** Iterations finishing by the project's deadline (MODEL.md §8; 0 without one). */
  onTime: Float64Array;
  /**
   * Per predecessor link (prepared.predList's entries): iterations where
   * that predecessor, finishing last and after the planned start, set the
   * project's start (the first of equal finishes in plan order).
   */
  delayedBy: Float64Array;
}

/** Columns for `length` iterations of a prepared simulation. */
export function allocateColumns(prepared: PreparedSimulation, length: number): IterationColumns {
  const P = prepared.projectCount;
  return {
    length,
    value: new Float64Array(length),
    delivered: new Int32Array(length),
    grossCost: new Float64Array(length),
    factorSum: new Float64Array(length),
    spend: new Float64Array(length * (prepared.years + 1)),
    finish: new Float32Array(length * P),
    duration: new Float32Array(length * P),
  };
}

export function emptyCounts(prepared: PreparedSimulation): BlockCounts {
  const P = prepared.projectCount;
  return {
    withinMandate: new Float64Array(P),
    lateStart: new Float64Array(P),
    delaysSuccessor: new Float64Array(P),
    blackSwans: new Float64Array(P),
    onTime: new Float64Array(P),
    delayedBy: new Float64Array(prepared.predList.length),
  };
}

/** z to the table's interval coordinate: t = z / step + TABLE_INTERVALS / 2 (distributions.ts readTable). */
const STEP_INVERSE = TABLE_INTERVALS / (2 * Z_LIMIT);
const MIDDLE = TABLE_INTERVALS / 2;
const LAST = 4 * TABLE_INTERVALS;

/**
 * Runs iterations firstIteration .. firstIteration+count-1 and writes
 * iteration firstIteration+i in row `row + i` of `out` (by default the row
 * of the same number). Adds the block's counts to `counts` (fresh zeros when
 * not given) and returns them.
 */
export function simulateInto(
  prepared: PreparedSimulation,
  seed: number,
  firstIteration: number,
  count: number,
  out: IterationColumns,
  counts: BlockCounts = emptyCounts(prepared),
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
    deadline,
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
    profile,
    mandateMonth,
    sqrtRho,
    sqrtOneMinusRho,
    swanThreshold,
    swanSchedule,
    swanCost,
  } = prepared;
  const projectValue = prepared.value;
  const { value, delivered, grossCost, factorSum, spend } = out;
  const finishOut = out.finish;
  const durationOut = out.duration;
  const stride = out.length;
  const { withinMandate, lateStart, delaysSuccessor, blackSwans, onTime, delayedBy } = counts;
  // Local bindings of module constants: the loops below read registers, not module cells.
  const K = ZIGGURAT_K;
  const W = ZIGGURAT_W;
  const slow = zigguratSlow;
  const mix = mix32;
  const intervals = TABLE_INTERVALS;
  const middle = MIDDLE;
  const last = LAST;
  const inverseStep = STEP_INVERSE;

  const keys = seedKeys(seed);
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const k3 = keys[3]!;
  const k4 = keys[4]!;
  const k5 = keys[5]!;
  const k6 = keys[6]!;
  const k7 = keys[7]!;
  const normals = 2 + 2 * P;
  // The copula's deviates in table coordinates: t = (√ρ·M + √(1-ρ)·ε) / step + TABLE_INTERVALS / 2.
  const commonScale = sqrtRho * inverseStep;
  const ownScale = sqrtOneMinusRho * inverseStep;
  const draws = new Float64Array(normals + P);
  /** Slots whose ziggurat draw was not accepted on the fast path, and their 32-bit outputs. */
  const pendingSlot = new Int32Array(normals);
  const pendingOutput = new Int32Array(normals);
  const rejection = new Int32Array(4);
  const finish = new Float64Array(P);

  for (let i = 0; i < count; i++) {
    // The iteration's stream (random.ts seedIteration, then xoshiro128** inlined): exactly one
    // 32-bit output per deviate, then one per project for its black swan.
    const iteration = firstIteration + i;
    let s0 = mix(mix(iteration ^ k0) ^ k4) | 0;
    let s1 = mix(mix(iteration ^ k1) ^ k5) | 0;
    let s2 = mix(mix(iteration ^ k2) ^ k6) | 0;
    let s3 = mix(mix(iteration ^ k3) ^ k7) | 0;
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    let pending = 0;
    for (let r = 0; r < normals; r++) {
      const m = Math.imul(s1, 5);
      const j = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // Ziggurat: layer j & 127, position j >> 7; the rare rest below, on the rejection stream.
      const layer = j & 127;
      const position = j >> 7;
      const limit = K[layer]!;
      if (position < limit && position > -limit) {
        draws[r] = position * W[layer]!;
      } else {
        pendingSlot[pending] = r;
        pendingOutput[pending++] = j;
      }
    }
    for (let r = normals, end = swanThreshold > 0 ? draws.length : 0; r < end; r++) {
      const m = Math.imul(s1, 5);
      draws[r] = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) + 0.5;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    if (pending > 0) {
      // The wedges and the tail (about 1.2 % of draws) in slot order, from the iteration's second stream.
      seedRejection(rejection, keys, iteration);
      for (let q = 0; q < pending; q++) {
        const j = pendingOutput[q]!;
        draws[pendingSlot[q]!] = slow(rejection, j & 127, j >> 7);
      }
    }

    const commonDuration = commonScale * draws[0]! + middle;
    const commonCost = commonScale * draws[1]! + middle;
    let delivery = 0;
    let deliveredCount = 0;
    let gross = 0;
    let factors = 0;
    const at = row + i;
    const base = at * buckets;
    for (let y = 0; y < buckets; y++) spend[base + y] = 0;
    // Projects in the prepared order (predecessors first); slot o's deviates are draws[2 + 2o], draws[3 + 2o].
    for (let o = 0; o < P; o++) {
      const p = order[o]!;
      // d = low + range × G(z): the table's cubic on z's interval (distributions.ts readTable, inlined).
      let t = commonDuration + ownScale * draws[2 + 2 * o]!;
      let cell = durationTable[p]!;
      let g: number;
      if (t <= 0) g = tables[cell]!;
      else if (t >= intervals) g = tables[cell + last]!;
      else {
        const j = Math.floor(t);
        t -= j;
        cell += 4 * j;
        g =
          tables[cell]! + t * (tables[cell + 1]! + t * (tables[cell + 2]! + t * tables[cell + 3]!));
      }
      let d = durationLow[p]! + durationRange[p]! * g;
      t = commonCost + ownScale * draws[3 + 2 * o]!;
      cell = costTable[p]!;
      if (t <= 0) g = tables[cell]!;
      else if (t >= intervals) g = tables[cell + last]!;
      else {
        const j = Math.floor(t);
        t -= j;
        cell += 4 * j;
        g =
          tables[cell]! + t * (tables[cell + 1]! + t * (tables[cell + 2]! + t * tables[cell + 3]!));
      }
      let k = costLow[p]! + costRange[p]! * g;
      if (draws[normals + o]! < swanThreshold) {
        d *= swanSchedule;
        k *= swanCost;
        blackSwans[p]!++;
      }

      // Schedule: start = max(12·s_p, predecessors' finishes).
      const planned = plannedStart[p]!;
      let start = planned;
      let cause = -1;
      for (let e = predStart[p]!, end = predStart[p + 1]!; e < end; e++) {
        const f = finish[predList[e]!]!;
        if (f > start) {
          start = f;
          cause = e;
        }
      }
      if (cause >= 0) {
        lateStart[p]!++;
        delayedBy[cause]!++;
      }
      const f = start + d;
      finish[p] = f;
      if (f <= mandateMonth) {
        delivery += projectValue[p]!;
        deliveredCount++;
        withinMandate[p]!++;
      }
      if (f <= deadline[p]!) onTime[p]!++;
      if (f > successorStart[p]!) delaysSuccessor[p]!++;
      finishOut[p * stride + at] = f;
      durationOut[p * stride + at] = d;

      // Money: actual = K × Σ investment; net = actual × (1 - partner) - subsidyRate × actual / K.
      const total = plannedCost[p]!;
      gross += k * total;
      factors += k;
      const net = total * (k * ownShare[p]! - subsidyRate[p]!);
      if (net === 0) continue;
      // The planned profile stretched over [start, f): the share spent by month m is
      // profile(n·(m - start)/d), piecewise linear between planned year boundaries.
      // Calendar year y takes what falls in [12y, 12y + 12); what is left after year Y - 1 goes past the horizon.
      const first = profileStart[p]!;
      const n = profileStart[p + 1]! - first - 1;
      const scale = n / d;
      let y = Math.floor(start * (1 / 12));
      if (y < 0) y = 0;
      else if (y > Y) y = Y;
      let before = 0;
      for (; y < Y; y++) {
        const boundary = 12 * y + 12;
        if (boundary >= f) break;
        const u = (boundary - start) * scale;
        let share: number;
        if (n === 1) share = u;
        else {
          const kk = Math.floor(u);
          if (kk >= n) break;
          const low = profile[first + kk]!;
          share = low + (profile[first + kk + 1]! - low) * (u - kk);
        }
        spend[base + y]! += net * (share - before);
        before = share;
      }
      spend[base + y]! += net * (1 - before);
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
  return { firstIteration, count, ...columns, ...counts };
}

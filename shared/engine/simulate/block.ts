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
 * The block allocates its outputs once and nothing per iteration.
 */
import { readTable } from './distributions';
import type { PreparedSimulation } from './prepare';
import { nextNormal, nextUniform, seedIteration, seedKeys } from './random';

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
}

/** Runs iterations firstIteration .. firstIteration+count-1 of the simulation seeded by `seed`. */
export function simulateBlock(
  prepared: PreparedSimulation,
  seed: number,
  firstIteration: number,
  count: number,
): BlockResult {
  const P = prepared.projectCount;
  const Y = prepared.years;
  const buckets = Y + 1;
  const value = new Float64Array(count);
  const delivered = new Int32Array(count);
  const grossCost = new Float64Array(count);
  const spend = new Float64Array(count * buckets);
  const finishOut = new Float32Array(count * P);
  const durationOut = new Float32Array(count * P);
  const withinMandate = new Float64Array(P);
  const lateStart = new Float64Array(P);
  const delaysSuccessor = new Float64Array(P);

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

  const keys = seedKeys(seed);
  const state = new Uint32Array(4);
  const duration = new Float64Array(P);
  const factor = new Float64Array(P);
  const finish = new Float64Array(P);

  for (let i = 0; i < count; i++) {
    seedIteration(state, keys, firstIteration + i);
    const commonDuration = sqrtRho * nextNormal(state);
    const commonCost = sqrtRho * nextNormal(state);
    for (let p = 0; p < P; p++) {
      const zd = commonDuration + sqrtOneMinusRho * nextNormal(state);
      const zk = commonCost + sqrtOneMinusRho * nextNormal(state);
      const swan = nextUniform(state) < swanProbability;
      let d = durationLow[p]! + durationRange[p]! * readTable(tables, durationTable[p]!, zd);
      let k = costLow[p]! + costRange[p]! * readTable(tables, costTable[p]!, zk);
      if (swan) {
        d *= swanSchedule;
        k *= swanCost;
      }
      duration[p] = d;
      factor[p] = k;
    }

    let delivery = 0;
    let deliveredCount = 0;
    let gross = 0;
    const row = i * buckets;
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
      finishOut[p * count + i] = f;
      durationOut[p * count + i] = d;

      // Money: actual = K × Σ investment; net = actual × (1 - partner) - subsidyRate × actual / K.
      const k = factor[p]!;
      const total = plannedCost[p]!;
      gross += k * total;
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
          spend[row + (ya < 0 ? 0 : ya > Y ? Y : ya)]! += amount;
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
          spend[row + y]! += share;
          placedAmount += share;
        }
        spend[row + yb]! += amount - placedAmount;
      }
    }
    value[i] = delivery;
    delivered[i] = deliveredCount;
    grossCost[i] = gross;
  }
  return {
    firstIteration,
    count,
    value,
    delivered,
    grossCost,
    spend,
    finish: finishOut,
    duration: durationOut,
    withinMandate,
    lateStart,
    delaysSuccessor,
  };
}

/** The buffers of a block's arrays, to transfer them (not copy) between threads. */
export function blockBuffers(result: BlockResult): ArrayBuffer[] {
  return [
    result.value,
    result.delivered,
    result.grossCost,
    result.spend,
    result.finish,
    result.duration,
    result.withinMandate,
    result.lateStart,
    result.delaysSuccessor,
  ].map((array) => array.buffer as ArrayBuffer);
}

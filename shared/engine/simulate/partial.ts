/**
 * Partial summaries: what a worker keeps of the blocks it ran, in memory
 * that does not grow with the number of iterations (layout.ts), and that
 * merges exactly with any other worker's: integer counts and histograms,
 * bin minima and maxima, order-free sums (sums.ts), and the kept outputs of
 * the first `exactIterations` iterations. The same functions serve every
 * scheduler: the calling thread, Node worker threads and Web Workers
 * (protocol.ts), so every way of running a simulation gives the same figures.
 */
import { emptyCounts, type BlockCounts, type IterationColumns } from './block';
import {
  DURATION_BINS,
  DURATION_CELLS,
  HIST_BINS,
  HIST_GROSS,
  HIST_NET,
  HIST_SPEND,
  HIST_VALUE,
  SUM_FACTORS,
  SUM_GROSS,
  SUM_NET,
  SUM_SPEND,
  SUM_VALUE,
  SUM_VALUE_COARSE,
  SUM_VALUE_SQUARES,
  histogramCount,
  valueBinCount,
  type SummaryLayout,
} from './layout';
import type { PreparedSimulation } from './prepare';
import { addInteger, emptySums, mergeSums } from './sums';

/** Outputs kept for iterations first .. first+count-1 (all below layout.exactIterations). */
export interface SampleChunk {
  first: number;
  count: number;
  value: Float64Array;
  grossCost: Float64Array;
  netCost: Float64Array;
  factorSum: Float64Array;
  /** spend[i × (years + 1) + y]. */
  spend: Float64Array;
  /** finish[p × count + i], duration likewise (empty for the 'spend' scope). */
  finish: Float32Array;
  duration: Float32Array;
}

export interface PartialSummary {
  /** Iteration ranges summarised, [first, count, first, count, …], in arrival order. */
  ranges: number[];
  counts: BlockCounts;
  /** Iterations delivering the whole planned value. */
  fullValue: number;
  /** Per horizon year: iterations whose net spend is strictly above the envelope. */
  overEnvelope: Float64Array;
  /** Exact sums (SUM_* of layout.ts). */
  sums: Float64Array;
  /** Iterations by number of projects delivered within the mandate, 0 .. projectCount. */
  delivered: Float64Array;
  /** Histograms with min/max (HIST_*), HIST_BINS each; empty unless streaming. */
  histCount: Uint32Array;
  histMin: Float64Array;
  histMax: Float64Array;
  /** Finish bins of every project (layout.finishStart), and each project's smallest and largest finish. */
  finishCount: Uint32Array;
  finishMin: Float64Array;
  finishMax: Float64Array;
  /** Joint (duration bin, value bin) counts: [p][durationBin][valueBin]. */
  joint: Uint32Array;
  samples: SampleChunk[];
}

export function emptyPartial(prepared: PreparedSimulation, layout: SummaryLayout): PartialSummary {
  const P = prepared.projectCount;
  const streaming = layout.streaming;
  const full = layout.scope === 'full';
  const bins = streaming ? histogramCount(layout) * HIST_BINS : 0;
  return {
    ranges: [],
    counts: emptyCounts(prepared),
    fullValue: 0,
    overEnvelope: new Float64Array(layout.years),
    sums: emptySums(SUM_SPEND + layout.years + 1),
    delivered: new Float64Array(P + 1),
    histCount: new Uint32Array(bins),
    histMin: new Float64Array(bins).fill(Number.POSITIVE_INFINITY),
    histMax: new Float64Array(bins).fill(Number.NEGATIVE_INFINITY),
    finishCount: new Uint32Array(streaming && full ? layout.finishStart[P]! : 0),
    finishMin: new Float64Array(P).fill(Number.POSITIVE_INFINITY),
    finishMax: new Float64Array(P).fill(Number.NEGATIVE_INFINITY),
    joint: new Uint32Array(streaming && full ? P * DURATION_BINS * valueBinCount(layout) : 0),
    samples: [],
  };
}

/** Adds x[0 .. count-1] (every `stride`-th number from `from`) to histogram h, with each bin's min and max. */
function record(
  partial: PartialSummary,
  layout: SummaryLayout,
  h: number,
  x: Float64Array,
  from: number,
  stride: number,
  count: number,
): void {
  const { histCount, histMin, histMax } = partial;
  const low = layout.histLow[h]!;
  const scale = layout.histScale[h]!;
  const base = h * HIST_BINS;
  const top = HIST_BINS - 1;
  for (let i = 0, k = from; i < count; i++, k += stride) {
    const v = x[k]!;
    let b = Math.floor((v - low) * scale);
    if (b < 0) b = 0;
    else if (b > top) b = top;
    b += base;
    histCount[b]!++;
    if (v < histMin[b]!) histMin[b] = v;
    if (v > histMax[b]!) histMax[b] = v;
  }
}

/** Value bin: 2k + 1 when v equals edge k, else 2 × (number of edges below v). */
export function valueBin(edges: Float64Array, v: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid]! < v) low = mid + 1;
    else high = mid;
  }
  return 2 * low + (low < edges.length && edges[low] === v ? 1 : 0);
}

/**
 * Adds rows 0 .. count-1 of a block's columns, iterations firstIteration ..
 * firstIteration+count-1, to a partial summary. The block's counts were
 * already added to `partial.counts` by simulateInto. `scratch` holds at
 * least `count` numbers.
 */
export function accumulateBlock(
  partial: PartialSummary,
  layout: SummaryLayout,
  columns: IterationColumns,
  firstIteration: number,
  count: number,
  scratch: AccumulateScratch,
): void {
  const buckets = layout.years + 1;
  const full = layout.scope === 'full';
  const { sums, overEnvelope } = partial;
  const { sumScale, envelope, streaming } = layout;
  const { value, grossCost, factorSum, spend, delivered } = columns;
  const net = scratch.net;
  for (let i = 0; i < count; i++) net[i] = 0;
  for (let y = 0; y < buckets; y++) {
    const scale = sumScale[SUM_SPEND + y]!;
    const cap = y < buckets - 1 ? envelope[y]! : Number.POSITIVE_INFINITY;
    let over = 0;
    for (let i = 0, k = y; i < count; i++, k += buckets) {
      const s = spend[k]!;
      net[i] = net[i]! + s;
      if (s > cap) over++;
      addInteger(sums, SUM_SPEND + y, Math.round(s * scale));
    }
    if (y < buckets - 1) overEnvelope[y]! += over;
    if (streaming) record(partial, layout, HIST_SPEND + y, spend, y, buckets, count);
  }
  const netScale = sumScale[SUM_NET]!;
  for (let i = 0; i < count; i++) addInteger(sums, SUM_NET, Math.round(net[i]! * netScale));
  if (streaming) record(partial, layout, HIST_NET, net, 0, 1, count);
  partial.ranges.push(firstIteration, count);
  if (full) {
    const valueScale = sumScale[SUM_VALUE]!;
    const coarseScale = sumScale[SUM_VALUE_COARSE]!;
    const grossScale = sumScale[SUM_GROSS]!;
    const factorScale = sumScale[SUM_FACTORS]!;
    const whole = layout.fullValue;
    const edges = layout.valueEdges;
    const bins = scratch.valueBins;
    let fullValue = 0;
    for (let i = 0; i < count; i++) {
      const v = value[i]!;
      addInteger(sums, SUM_VALUE, Math.round(v * valueScale));
      const q = Math.round(v * coarseScale);
      addInteger(sums, SUM_VALUE_COARSE, q);
      addInteger(sums, SUM_VALUE_SQUARES, q * q);
      addInteger(sums, SUM_GROSS, Math.round(grossCost[i]! * grossScale));
      addInteger(sums, SUM_FACTORS, Math.round(factorSum[i]! * factorScale));
      partial.delivered[delivered[i]!]!++;
      if (v > whole) fullValue++;
      if (streaming) bins[i] = valueBin(edges, v);
    }
    partial.fullValue += fullValue;
    if (streaming) {
      record(partial, layout, HIST_VALUE, value, 0, 1, count);
      record(partial, layout, HIST_GROSS, grossCost, 0, 1, count);
    }
    accumulateProjects(partial, layout, columns, count, bins);
  }
  keepSamples(partial, layout, columns, firstIteration, count, net);
}

/** Work arrays of accumulateBlock for blocks of up to `size` iterations. */
export interface AccumulateScratch {
  net: Float64Array;
  valueBins: Int32Array;
}

export function accumulateScratch(size: number): AccumulateScratch {
  return { net: new Float64Array(size), valueBins: new Int32Array(size) };
}

/**
 * Each project's smallest and largest finish and, when streaming, its
 * finish bins and (duration, value) table: one project at a time, so that
 * its tables stay in cache.
 */
function accumulateProjects(
  partial: PartialSummary,
  layout: SummaryLayout,
  columns: IterationColumns,
  count: number,
  valueBins: Int32Array,
): void {
  const P = layout.projectCount;
  const stride = columns.length;
  const vb = valueBinCount(layout);
  const { finishCount, joint, finishMin, finishMax } = partial;
  const { finishOrigin, finishWidth, finishStart, durationLow, durationScale, durationBin } =
    layout;
  const { finish, duration } = columns;
  const streaming = layout.streaming;
  const cells = DURATION_CELLS;
  const top = DURATION_CELLS - 1;
  for (let p = 0; p < P; p++) {
    let min = finishMin[p]!;
    let max = finishMax[p]!;
    const at0 = p * stride;
    if (!streaming) {
      for (let i = 0; i < count; i++) {
        const f = finish[at0 + i]!;
        if (f < min) min = f;
        if (f > max) max = f;
      }
      finishMin[p] = min;
      finishMax[p] = max;
      continue;
    }
    const origin = finishOrigin[p]!;
    const perMonth = 1 / finishWidth[p]!;
    const from = finishStart[p]!;
    const last = finishStart[p + 1]! - from - 1;
    const low = durationLow[p]!;
    const scale = durationScale[p]!;
    const cellBase = p * cells;
    const tableBase = p * DURATION_BINS * vb;
    for (let i = 0; i < count; i++) {
      const f = finish[at0 + i]!;
      if (f < min) min = f;
      if (f > max) max = f;
      // Bins closed on the right: (origin + b·w, origin + (b+1)·w].
      let b = Math.ceil((f - origin) * perMonth) - 1;
      if (b < 0) b = 0;
      else if (b > last) b = last;
      finishCount[from + b]!++;
      let c = Math.floor((duration[at0 + i]! - low) * scale);
      if (c < 0) c = 0;
      else if (c > top) c = top;
      joint[tableBase + durationBin[cellBase + c]! * vb + valueBins[i]!]!++;
    }
    finishMin[p] = min;
    finishMax[p] = max;
  }
}

/** Copies the outputs of the block's iterations below layout.exactIterations. */
function keepSamples(
  partial: PartialSummary,
  layout: SummaryLayout,
  columns: IterationColumns,
  firstIteration: number,
  count: number,
  net: Float64Array,
): void {
  const kept = Math.min(count, layout.exactIterations - firstIteration);
  if (kept <= 0) return;
  const P = layout.projectCount;
  const buckets = layout.years + 1;
  const full = layout.scope === 'full';
  const finish = new Float32Array(full ? P * kept : 0);
  const duration = new Float32Array(full ? P * kept : 0);
  if (full) {
    for (let p = 0; p < P; p++) {
      const from = p * columns.length;
      finish.set(columns.finish.subarray(from, from + kept), p * kept);
      duration.set(columns.duration.subarray(from, from + kept), p * kept);
    }
  }
  partial.samples.push({
    first: firstIteration,
    count: kept,
    value: columns.value.slice(0, kept),
    grossCost: columns.grossCost.slice(0, kept),
    netCost: net.slice(0, kept),
    factorSum: columns.factorSum.slice(0, kept),
    spend: columns.spend.slice(0, kept * buckets),
    finish,
    duration,
  });
}

function addCounts(into: BlockCounts, from: BlockCounts): void {
  for (const key of Object.keys(into) as (keyof BlockCounts)[]) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
  }
}

/** Adds `from` into `into` (exact, so the order of merges does not matter). */
export function mergePartial(into: PartialSummary, from: PartialSummary): void {
  into.ranges.push(...from.ranges);
  addCounts(into.counts, from.counts);
  into.fullValue += from.fullValue;
  for (let y = 0; y < into.overEnvelope.length; y++) into.overEnvelope[y]! += from.overEnvelope[y]!;
  mergeSums(into.sums, from.sums);
  for (let k = 0; k < into.delivered.length; k++) into.delivered[k]! += from.delivered[k]!;
  for (let b = 0; b < into.histCount.length; b++) {
    into.histCount[b]! += from.histCount[b]!;
    if (from.histMin[b]! < into.histMin[b]!) into.histMin[b] = from.histMin[b]!;
    if (from.histMax[b]! > into.histMax[b]!) into.histMax[b] = from.histMax[b]!;
  }
  for (let b = 0; b < into.finishCount.length; b++) into.finishCount[b]! += from.finishCount[b]!;
  for (let p = 0; p < into.finishMin.length; p++) {
    into.finishMin[p] = Math.min(into.finishMin[p]!, from.finishMin[p]!);
    into.finishMax[p] = Math.max(into.finishMax[p]!, from.finishMax[p]!);
  }
  for (let c = 0; c < into.joint.length; c++) into.joint[c]! += from.joint[c]!;
  into.samples.push(...from.samples);
}

/** The buffers of a partial summary, to transfer (not copy) it between threads. */
export function partialBuffers(partial: PartialSummary): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...Object.values(partial.counts),
    partial.overEnvelope,
    partial.sums,
    partial.delivered,
    partial.histCount,
    partial.histMin,
    partial.histMax,
    partial.finishCount,
    partial.finishMin,
    partial.finishMax,
    partial.joint,
  ];
  for (const s of partial.samples) {
    arrays.push(s.value, s.grossCost, s.netCost, s.factorSum, s.spend, s.finish, s.duration);
  }
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

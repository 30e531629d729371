/**
 * The shape of a run's summary, fixed before the first block so that every
 * worker accumulates into the same bins (partial.ts) and partial summaries
 * add up exactly.
 *
 * Small runs are summarised exactly: the per-iteration outputs of the first
 * `exactIterations` iterations are kept (EXACT_CELLS numbers at most), and a
 * run of that many iterations or fewer reports order statistics of the
 * whole sample. Larger runs stream into histograms whose memory does not
 * depend on the number of iterations:
 *
 * - each project's finish, in bins of 1/64 month (wider, by powers of two,
 *   only when a project's finish range exceeds MAX_FINISH_BINS / 64 months)
 *   between bounds that hold for every draw (prepare.ts), aligned on whole
 *   months and closed on the right, so that a bin never straddles the end
 *   of a month;
 * - the value delivered, the gross and net cost and each year's net spend,
 *   in HIST_BINS bins with each bin's smallest and largest value, between
 *   bounds read on a pilot (values outside fall in the end bins, whose
 *   min/max still bound the error);
 * - for the drivers, each project's joint table of (duration bin, value
 *   bin): DURATION_BINS bins of about equal probability built from
 *   DURATION_CELLS equal cells, and value bins between the pilot's 1/32
 *   quantiles, where a value met often in the pilot (an atom: "everything
 *   delivered") gets a bin of its own. The table is small (8 KB a project)
 *   so that it stays in cache while a block is added: the drivers' bound
 *   (histogram.ts) is then about 0.06, the error measured about 0.002.
 *
 * The pilot is iterations 0 .. PILOT_ITERATIONS-1 of the same seed: a
 * function of (prepared, seed) only, so the bins are the same in every
 * worker and for every number of iterations.
 */
import { allocateColumns, emptyCounts, simulateInto } from './block';
import type { PreparedSimulation } from './prepare';
import { quantum } from './sums';

/** Numbers kept per run for the exact figures of small runs. */
export const EXACT_CELLS = 2 ** 18;
export const PILOT_ITERATIONS = 512;
export const HIST_BINS = 2 ** 15;
export const FINISH_BINS_PER_MONTH = 64;
export const MAX_FINISH_BINS = 2 ** 14;
export const DURATION_CELLS = 256;
export const DURATION_BINS = 32;
/** Value bins: at most VALUE_EDGES pilot quantiles, each an exact bin between two open ones. */
export const VALUE_EDGES = 31;

/** Exact sums of a partial summary (sums.ts), by index. */
export const SUM_VALUE = 0;
/** Σq and Σq² of the value quantised coarsely, q = round(value × scale) with |q| <= 2^25 (the spread). */
export const SUM_VALUE_COARSE = 1;
export const SUM_VALUE_SQUARES = 2;
export const SUM_GROSS = 3;
export const SUM_NET = 4;
export const SUM_FACTORS = 5;
/** Then one per spend bucket (years + 1). */
export const SUM_SPEND = 6;

/** Histograms with min/max, by index. */
export const HIST_VALUE = 0;
export const HIST_GROSS = 1;
export const HIST_NET = 2;
/** Then one per spend bucket (years + 1). */
export const HIST_SPEND = 3;

export type SummaryScope = 'full' | 'spend';

export interface SummaryLayout {
  scope: SummaryScope;
  projectCount: number;
  years: number;
  /** Iterations whose outputs are kept; a run of at most this many is summarised exactly. */
  exactIterations: number;
  /** Whether histograms are accumulated (the run asks for more than exactIterations). */
  streaming: boolean;
  /** Scale 2^k of each exact sum (SUM_*). */
  sumScale: Float64Array;
  /** An iteration delivering more than this value delivers the whole plan. */
  fullValue: number;
  /** Net investment envelope per horizon year (prepare.ts). */
  envelope: Float64Array;
  /** Per histogram (HIST_*): lower bound and bins per unit. */
  histLow: Float64Array;
  histScale: Float64Array;
  /** Per project: finish bins from finishOrigin, finishWidth months wide, at finishStart[p] .. finishStart[p+1]. */
  finishOrigin: Float64Array;
  finishWidth: Float64Array;
  finishStart: Int32Array;
  /** Per project: duration cells from durationLow, durationScale cells per month (0: constant). */
  durationLow: Float64Array;
  durationScale: Float64Array;
  /** Duration bin of each cell, DURATION_CELLS per project. */
  durationBin: Uint8Array;
  /** Distinct ascending value edges: 2 × length + 1 value bins. */
  valueEdges: Float64Array;
}

export function valueBinCount(layout: SummaryLayout): number {
  return 2 * layout.valueEdges.length + 1;
}

export function histogramCount(layout: SummaryLayout): number {
  return HIST_SPEND + layout.years + 1;
}

/** Iterations whose outputs fit in EXACT_CELLS numbers (at least one). */
export function exactIterations(prepared: PreparedSimulation): number {
  return Math.max(1, Math.floor(EXACT_CELLS / (prepared.projectCount + prepared.years + 4)));
}

/** Largest |net cost| a project can reach: Σ investment × max |K × (1 − partner) − subsidy|. */
function netBound(prepared: PreparedSimulation, p: number): number {
  const low = prepared.costLow[p]!;
  const high = (low + prepared.costRange[p]!) * Math.max(1, prepared.swanCost);
  const own = prepared.ownShare[p]!;
  const sub = prepared.subsidyRate[p]!;
  return prepared.plannedCost[p]! * Math.max(Math.abs(low * own - sub), Math.abs(high * own - sub));
}

/** Histogram bounds from a pilot's extremes, widened by half their spread, within hard bounds. */
function pilotRange(min: number, max: number, hardLow: number, hardHigh: number): [number, number] {
  const margin = max > min ? 0.5 * (max - min) : 1e-3 * Math.max(1, Math.abs(max));
  const low = Math.max(hardLow, min - margin);
  let high = Math.min(hardHigh, max + margin);
  if (!(high > low)) high = low + Math.max(1e-9, 1e-9 * Math.abs(low));
  return [low, high];
}

/**
 * The layout of a run of `iterations` (the number asked: histograms are
 * needed only beyond exactIterations). `scope: 'spend'` summarises the
 * yearly spend only (envelope.ts).
 */
export function summaryLayout(
  prepared: PreparedSimulation,
  seed: number,
  iterations: number,
  scope: SummaryScope = 'full',
): SummaryLayout {
  const P = prepared.projectCount;
  const Y = prepared.years;
  const exact = exactIterations(prepared);
  const streaming = iterations > exact;
  const planned = prepared.value.reduce((s, v) => s + v, 0);
  let grossBound = 0;
  let factorBound = 0;
  let netTotal = 0;
  for (let p = 0; p < P; p++) {
    const k = (prepared.costLow[p]! + prepared.costRange[p]!) * Math.max(1, prepared.swanCost);
    grossBound += prepared.plannedCost[p]! * k;
    factorBound += k;
    netTotal += netBound(prepared, p);
  }
  const sumScale = new Float64Array(SUM_SPEND + Y + 1);
  sumScale[SUM_VALUE] = quantum(planned);
  // q = round(value × scale) with |q| <= 2^25, so q² <= 2^50.
  sumScale[SUM_VALUE_COARSE] = quantum(planned) / 2 ** 25;
  sumScale[SUM_VALUE_SQUARES] = sumScale[SUM_VALUE_COARSE]! ** 2;
  sumScale[SUM_GROSS] = quantum(grossBound);
  sumScale[SUM_NET] = quantum(netTotal);
  sumScale[SUM_FACTORS] = quantum(factorBound);
  for (let y = 0; y <= Y; y++) sumScale[SUM_SPEND + y] = quantum(netTotal);

  const layout: SummaryLayout = {
    scope,
    projectCount: P,
    years: Y,
    exactIterations: exact,
    streaming,
    sumScale,
    fullValue: planned - 1e-9,
    envelope: Float64Array.from(prepared.envelope),
    histLow: new Float64Array(HIST_SPEND + Y + 1),
    histScale: new Float64Array(HIST_SPEND + Y + 1),
    finishOrigin: new Float64Array(P),
    finishWidth: new Float64Array(P),
    finishStart: new Int32Array(P + 1),
    durationLow: new Float64Array(P),
    durationScale: new Float64Array(P),
    durationBin: new Uint8Array(0),
    valueEdges: new Float64Array(0),
  };
  if (!streaming) return layout;

  const m = PILOT_ITERATIONS;
  const pilot = allocateColumns(prepared, m);
  simulateInto(prepared, seed, 0, m, pilot, emptyCounts(prepared), 0);
  const buckets = Y + 1;
  const range = (h: number, read: (i: number) => number, hardLow: number, hardHigh: number) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const x = read(i);
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const [low, high] = pilotRange(min, max, hardLow, hardHigh);
    layout.histLow[h] = low;
    layout.histScale[h] = HIST_BINS / (high - low);
  };
  const net = (i: number) => {
    let total = 0;
    for (let y = 0; y < buckets; y++) total += pilot.spend[i * buckets + y]!;
    return total;
  };
  range(HIST_VALUE, (i) => pilot.value[i]!, 0, Math.max(planned, 1e-9));
  range(HIST_GROSS, (i) => pilot.grossCost[i]!, 0, grossBound);
  range(HIST_NET, net, -netTotal, netTotal);
  for (let y = 0; y < buckets; y++) {
    range(HIST_SPEND + y, (i) => pilot.spend[i * buckets + y]!, -netTotal, netTotal);
  }
  if (scope === 'spend') return layout;

  // Finish bins: 1/64 month, doubled until the project's range fits.
  for (let p = 0; p < P; p++) {
    const low = prepared.finishLow[p]!;
    const high = prepared.finishHigh[p]!;
    let width = 1 / FINISH_BINS_PER_MONTH;
    let origin = Math.floor(low / width) * width;
    while (Math.ceil((high - origin) / width) + 1 > MAX_FINISH_BINS) {
      width *= 2;
      origin = Math.floor(low / width) * width;
    }
    layout.finishOrigin[p] = origin;
    layout.finishWidth[p] = width;
    layout.finishStart[p + 1] = layout.finishStart[p]! + Math.ceil((high - origin) / width) + 1;
  }

  // Duration cells and bins of about equal pilot mass.
  const durationBin = new Uint8Array(P * DURATION_CELLS);
  const cells = new Int32Array(DURATION_CELLS);
  const stretch = prepared.swanThreshold > 0 ? Math.max(1, prepared.swanSchedule) : 1;
  for (let p = 0; p < P; p++) {
    const low = prepared.durationLow[p]!;
    const high = (low + prepared.durationRange[p]!) * stretch;
    layout.durationLow[p] = low;
    const scale = high > low ? DURATION_CELLS / (high - low) : 0;
    layout.durationScale[p] = scale;
    if (scale === 0) continue;
    cells.fill(0);
    for (let i = 0; i < m; i++) {
      const c = Math.floor((pilot.duration[p * m + i]! - low) * scale);
      cells[c < 0 ? 0 : c >= DURATION_CELLS ? DURATION_CELLS - 1 : c]!++;
    }
    const target = m / DURATION_BINS;
    let bin = 0;
    let mass = 0;
    for (let c = 0; c < DURATION_CELLS; c++) {
      durationBin[p * DURATION_CELLS + c] = bin;
      mass += cells[c]!;
      if (mass >= target && bin < DURATION_BINS - 1) {
        bin++;
        mass = 0;
      }
    }
  }
  layout.durationBin = durationBin;

  // Value edges: the pilot's quantiles at k / (VALUE_EDGES + 1), distinct.
  const sorted = Float64Array.from(pilot.value).sort();
  const edges: number[] = [];
  for (let k = 1; k <= VALUE_EDGES; k++) {
    const v = sorted[Math.floor((k * m) / (VALUE_EDGES + 1))]!;
    if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v);
  }
  layout.valueEdges = Float64Array.from(edges);
  return layout;
}

/** Memory a run may use at most for its summaries, every worker's included. */
export const SIMULATION_MEMORY_LIMIT = 1024 * 1024 * 1024;

/**
 * Refuses, with a French sentence and the estimate, a run whose `copies`
 * partial summaries (one per worker, plus the merge) would take more than
 * `limit` bytes. The estimate does not depend on the number of iterations.
 */
export function checkSummaryMemory(
  layout: SummaryLayout,
  blockSize: number,
  copies: number,
  limit = SIMULATION_MEMORY_LIMIT,
): void {
  const bytes = summaryBytes(layout, blockSize) * copies;
  if (bytes > limit) {
    const mb = (x: number) => Math.ceil(x / 2 ** 20).toLocaleString('fr-FR');
    throw new RangeError(
      `la simulation de ${layout.projectCount.toLocaleString('fr-FR')} projets demanderait environ ${mb(bytes)} Mo de mémoire (limite : ${mb(limit)} Mo) ; simulez moins de projets à la fois.`,
    );
  }
}

/** Bytes of one partial summary of this layout, samples of the exact iterations included. */
export function summaryBytes(layout: SummaryLayout, blockSize: number): number {
  const P = layout.projectCount;
  const buckets = layout.years + 1;
  const sampleRow = layout.scope === 'spend' ? 8 * buckets : 8 * (buckets + 3) + 8 * P;
  let bytes = layout.exactIterations * sampleRow + 64 * P + 16 * (SUM_SPEND + buckets);
  // The block's own columns.
  bytes += blockSize * (8 * (buckets + 4) + 8 * P);
  if (!layout.streaming) return bytes;
  bytes += histogramCount(layout) * HIST_BINS * 20;
  if (layout.scope === 'full') {
    bytes += 4 * layout.finishStart[P]! + 16 * P;
    bytes += 4 * P * DURATION_BINS * valueBinCount(layout) + P * DURATION_CELLS;
  }
  return bytes;
}

/**
 * From a run's merged partial summary (partial.ts) to the figures of
 * MODEL.md §5 and §8 and of `arbitra simulate --json` (CLI.md).
 *
 * A run of at most `exactIterations` iterations (layout.ts) is summarised
 * exactly from its kept outputs (exact.ts: order statistics, radix ranks);
 * a larger one from its histograms (histogram.ts), each approximated figure
 * with its bound in `precision`. Means, probabilities and counts are exact
 * in both cases (integer counts, order-free sums: sums.ts), and every
 * figure is a function of the iterations only, not of how they were split
 * into blocks nor of where each block ran.
 */
import { finishYearMonth } from '../calendar';
import {
  projectFigures,
  projectScratch,
  valueRanks,
  PROJECT_FIGURES,
  type Distribution,
} from './exact';
import {
  finishQuantiles,
  histogramQuantiles,
  jointSpearman,
  valueBinRanks,
  type ValueBins,
} from './histogram';
import {
  DURATION_BINS,
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
  valueBinCount,
  type SummaryLayout,
} from './layout';
import { sortedQuantile } from './order';
import type { PartialSummary, SampleChunk } from './partial';
import type { PreparedSimulation } from './prepare';
import type {
  DelayCause,
  Driver,
  ProjectRisk,
  SimulationOutput,
  SimulationResult,
  SpendYear,
} from './result';
import { integerVariance, sumBigInt, sumValue } from './sums';

export { finishYearMonth };
export type { Distribution };
export type {
  CostFigures,
  DelayCause,
  Driver,
  Precision,
  ProjectRisk,
  Quantiles3,
  SimulationOutput,
  SimulationResult,
  SpendYear,
  ValuePoint,
} from './result';

const CURVE_STEPS = 200;
const FIGURES = [0.1, 0.5, 0.8, 0.9];

/** The number of iterations 0 .. n-1 the ranges cover exactly (throws on a gap or an overlap). */
export function coveredIterations(ranges: readonly number[]): number {
  const pairs: [number, number][] = [];
  for (let k = 0; k < ranges.length; k += 2) pairs.push([ranges[k]!, ranges[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [first, count] of pairs) {
    if (first !== next) {
      throw new Error(
        `blocs de simulation incohérents : itération ${next} attendue, ${first} reçue`,
      );
    }
    next += count;
  }
  return next;
}

/** The kept outputs of iterations 0 .. n-1, in order, as columns. */
function assemble(chunks: readonly SampleChunk[], n: number, P: number, buckets: number) {
  const sorted = [...chunks].sort((a, b) => a.first - b.first);
  const columns = {
    value: new Float64Array(n),
    grossCost: new Float64Array(n),
    netCost: new Float64Array(n),
    spend: new Float64Array(n * buckets),
    finish: new Float32Array(P * n),
    duration: new Float32Array(P * n),
  };
  let at = 0;
  for (const c of sorted) {
    if (c.first !== at) throw new Error(`itérations conservées incomplètes : ${at} attendue`);
    columns.value.set(c.value, at);
    columns.grossCost.set(c.grossCost, at);
    columns.netCost.set(c.netCost, at);
    columns.spend.set(c.spend, at * buckets);
    for (let p = 0; p < P && c.finish.length > 0; p++) {
      columns.finish.set(c.finish.subarray(p * c.count, (p + 1) * c.count), p * n + at);
      columns.duration.set(c.duration.subarray(p * c.count, (p + 1) * c.count), p * n + at);
    }
    at += c.count;
  }
  if (at < n) throw new Error(`itérations conservées incomplètes : ${at} sur ${n}`);
  return columns;
}

/** Reads quantiles and means of one quantity, exactly or on its histogram. */
class Reader {
  money = 0;
  value = 0;
  constructor(
    private readonly layout: SummaryLayout,
    private readonly partial: PartialSummary,
    readonly n: number,
    readonly exact: boolean,
  ) {}

  /** Type-7 quantiles at `ps` of histogram h or of its sample. */
  quantiles(h: number, sample: () => Float64Array, ps: readonly number[]): number[] {
    if (this.n === 0) return ps.map(() => 0);
    if (this.exact) {
      const sorted = sample().sort();
      return ps.map((p) => sortedQuantile(sorted, p));
    }
    const { values, error } = histogramQuantiles(
      this.partial.histCount,
      this.partial.histMin,
      this.partial.histMax,
      h * HIST_BINS,
      this.n,
      ps,
    );
    if (h === HIST_VALUE) this.value = Math.max(this.value, error);
    else this.money = Math.max(this.money, error);
    return values;
  }

  mean(sum: number): number {
    return this.n > 0 ? sumValue(this.partial.sums, sum) / this.layout.sumScale[sum]! / this.n : 0;
  }

  distribution(h: number, sum: number, sample: () => Float64Array): Distribution {
    const [p10, p50, p80, p90] = this.quantiles(h, sample, FIGURES);
    return { mean: this.mean(sum), p10: p10!, p50: p50!, p80: p80!, p90: p90! };
  }
}

/** The run's figures from its merged partial summary. */
export function finishSummary(
  prepared: PreparedSimulation,
  layout: SummaryLayout,
  partial: PartialSummary,
  seed: number,
  cancelled = false,
): SimulationOutput {
  const n = coveredIterations(partial.ranges);
  const P = prepared.projectCount;
  const Y = prepared.years;
  const buckets = Y + 1;
  const exact = n <= layout.exactIterations;
  const kept = exact ? assemble(partial.samples, n, P, buckets) : null;
  const read = new Reader(layout, partial, n, exact);
  const share = (count: number) => (n > 0 ? count / n : 0);
  const { counts } = partial;

  // Value delivered: mean and spread from exact sums (values quantised at 2^-k, k in layout.ts).
  const planned = prepared.value.reduce((sum, v) => sum + v, 0);
  const variance =
    integerVariance(
      sumBigInt(partial.sums, SUM_VALUE_COARSE),
      sumBigInt(partial.sums, SUM_VALUE_SQUARES),
      n,
    ) / layout.sumScale[SUM_VALUE_SQUARES]!;
  const valueSample = () => kept!.value.slice();
  const valueDist = read.distribution(HIST_VALUE, SUM_VALUE, valueSample);
  const curvePs = Array.from({ length: CURVE_STEPS + 1 }, (_, k) => k / CURVE_STEPS);
  const curveValues = read.quantiles(HIST_VALUE, valueSample, curvePs);

  // Per project: finish quantiles and the driver correlation.
  const figures = new Float64Array(PROJECT_FIGURES * P);
  let finishError = 0;
  let rankError = 0;
  if (exact && n > 0) {
    const ranks = valueRanks(kept!.value, n);
    const scratch = projectScratch(n);
    for (let p = 0; p < P; p++) {
      const column = (a: Float32Array) => a.subarray(p * n, (p + 1) * n);
      projectFigures(
        column(kept!.finish),
        column(kept!.duration),
        n,
        ranks,
        figures,
        4 * p,
        scratch,
      );
    }
  } else if (n > 0) {
    const vb = valueBinCount(layout);
    const valueCounts = new Float64Array(vb);
    for (let a = 0, k = 0; a < DURATION_BINS; a++) {
      for (let b = 0; b < vb; b++, k++) valueCounts[b]! += partial.joint[k]!;
    }
    const valueBins: ValueBins = valueBinRanks(valueCounts, n);
    for (let p = 0; p < P; p++) {
      const from = layout.finishStart[p]!;
      const q = finishQuantiles(
        partial.finishCount,
        from,
        layout.finishStart[p + 1]!,
        layout.finishOrigin[p]!,
        layout.finishWidth[p]!,
        partial.finishMin[p]!,
        partial.finishMax[p]!,
        n,
        [0.5, 0.8, 0.9],
      );
      figures.set(q, PROJECT_FIGURES * p);
      if (partial.finishMin[p]! < partial.finishMax[p]!)
        finishError = Math.max(finishError, layout.finishWidth[p]!);
      // A constant build takes one value, or two with a black swan (each in its own cell).
      const kind =
        layout.durationScale[p] === 0
          ? 'constant'
          : prepared.durationRange[p] === 0
            ? 'atoms'
            : 'spread';
      const { rho, error } = jointSpearman(
        partial.joint,
        p * DURATION_BINS * vb,
        DURATION_BINS,
        valueBins,
        kind,
      );
      figures[PROJECT_FIGURES * p + 3] = rho;
      rankError = Math.max(rankError, error);
    }
  }

  const projects: ProjectRisk[] = [];
  const drivers: Driver[] = [];
  for (let p = 0; p < P; p++) {
    const at = PROJECT_FIGURES * p;
    const q = { p50: figures[at]!, p80: figures[at + 1]!, p90: figures[at + 2]! };
    const risk: ProjectRisk = {
      project: prepared.projectIds[p]!,
      start: prepared.startYears[p]!,
      finishMonth: q,
      finish: {
        p50: finishYearMonth(q.p50, prepared.firstYear),
        p80: finishYearMonth(q.p80, prepared.firstYear),
        p90: finishYearMonth(q.p90, prepared.firstYear),
      },
      pWithinMandate: share(counts.withinMandate[p]!),
      pLateStart: share(counts.lateStart[p]!),
    };
    if (Number.isFinite(prepared.deadline[p]!)) risk.pOnTime = share(counts.onTime[p]!);
    const first = prepared.predStart[p]!;
    const last = prepared.predStart[p + 1]!;
    if (last > first) {
      const causes: DelayCause[] = [];
      for (let e = first; e < last; e++) {
        const c = counts.delayedBy[e]!;
        if (c > 0)
          causes.push({
            predecessor: prepared.projectIds[prepared.predList[e]!]!,
            share: share(c),
          });
      }
      causes.sort((a, b) => b.share - a.share || a.predecessor.localeCompare(b.predecessor));
      risk.delayedBy = causes;
    }
    projects.push(risk);
    drivers.push({
      project: prepared.projectIds[p]!,
      rankCorrelation: figures[at + 3]!,
      delaysSuccessor: share(counts.delaysSuccessor[p]!),
    });
  }
  const position = new Map(prepared.projectIds.map((id, i) => [id, i]));
  drivers.sort(
    (a, b) =>
      Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) ||
      position.get(a.project)! - position.get(b.project)!,
  );

  // Money: each year's net spend, what falls after the horizon, gross and net cost.
  const bucket = (y: number) => () =>
    Float64Array.from({ length: n }, (_, i) => kept!.spend[i * buckets + y]!);
  const investment: SpendYear[] = [];
  for (let y = 0; y < Y; y++) {
    const d = read.distribution(HIST_SPEND + y, SUM_SPEND + y, bucket(y));
    investment.push({
      year: prepared.firstYear + y,
      p50: d.p50,
      p80: d.p80,
      p90: d.p90,
      mean: d.mean,
      envelope: prepared.envelope[y]!,
      pOverEnvelope: share(partial.overEnvelope[y]!),
    });
  }
  const afterHorizon = read.distribution(HIST_SPEND + Y, SUM_SPEND + Y, bucket(Y));
  const netCost = read.distribution(HIST_NET, SUM_NET, () => kept!.netCost.slice());
  const gross = {
    ...read.distribution(HIST_GROSS, SUM_GROSS, () => kept!.grossCost.slice()),
    planned: prepared.plannedCost.reduce((s, v) => s + v, 0),
  };
  const draws = n * P;
  let swans = 0;
  for (let p = 0; p < P; p++) swans += counts.blackSwans[p]!;
  const factors = n > 0 ? read.mean(SUM_FACTORS) * n : 0;

  const result: SimulationResult = {
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
      stdError: n > 1 ? Math.sqrt(Math.max(0, variance) / n) : 0,
    },
    delivered: { ...deliveredDistribution(partial.delivered, n), planned: P },
    investment,
    afterHorizon,
    totalCost: gross,
    netCost,
    cost: {
      planned: gross.planned,
      mean: gross.mean,
      p50: gross.p50,
      p80: gross.p80,
      meanOverrun: draws > 0 ? factors / draws - 1 : 0,
      blackSwanShare: draws > 0 ? swans / draws : 0,
    },
    drivers,
    precision: {
      exact,
      exactIterations: layout.exactIterations,
      finishMonths: finishError,
      value: read.value,
      money: read.money,
      rankCorrelation: rankError,
    },
    warnings: [...prepared.warnings],
  };
  const curve = curveValues.map((value, k) => ({ value, probability: curvePs[k]! }));
  return { result, curve: n > 0 ? curve : [], pAll: share(partial.fullValue) };
}

/** Mean and type-7 quantiles of the number delivered, exact from its counts by value. */
function deliveredDistribution(counts: Float64Array, n: number): Distribution {
  if (n === 0) return { mean: 0, p10: 0, p50: 0, p80: 0, p90: 0 };
  const cumulative = new Float64Array(counts.length);
  let total = 0;
  let sum = 0;
  counts.forEach((c, k) => {
    total += c;
    sum += k * c;
    cumulative[k] = total;
  });
  const statistic = (rank: number) => {
    let k = 0;
    while (cumulative[k]! <= rank) k++;
    return k;
  };
  const quantile = (p: number) => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const lo = statistic(j);
    return j + 1 >= n ? lo : lo + (h - j) * (statistic(j + 1) - lo);
  };
  return {
    mean: sum / n,
    p10: quantile(0.1),
    p50: quantile(0.5),
    p80: quantile(0.8),
    p90: quantile(0.9),
  };
}

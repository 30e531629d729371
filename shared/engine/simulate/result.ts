/**
 * The figures of a simulation run (MODEL.md §5 and §8, CLI.md `simulate
 * --json`), as summarise.ts computes them.
 */
import type { Distribution } from './exact';

export interface Quantiles3 {
  p50: number;
  p80: number;
  p90: number;
}

export interface DelayCause {
  /** A planned predecessor that, finishing last and after the planned start, set the project's start. */
  predecessor: string;
  /** Share of iterations where it did. */
  share: number;
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
  /** With a deadline only (MODEL.md §8): P(finish <= monthIndex(deadline) + 1). */
  pOnTime?: number;
  /** With planned predecessors only: who delayed its start, by decreasing share. */
  delayedBy?: DelayCause[];
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

/** How far the figures may be from the exact order statistics of the same iterations (histogram.ts). */
export interface Precision {
  /** Every figure is exact (a run of at most `exactIterations` iterations). */
  exact: boolean;
  exactIterations: number;
  /** Largest error of a finish quantile, months. */
  finishMonths: number;
  /** Largest error of a value quantile, points. */
  value: number;
  /** Largest error of a spend or cost quantile, euros. */
  money: number;
  /** Largest error of a driver's rank correlation. */
  rankCorrelation: number;
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
  precision: Precision;
  warnings: string[];
}

export interface ValuePoint {
  value: number;
  probability: number;
}

/** What a screen needs of a finished run: the figures, the S-curve of delivered value, P(all of it). */
export interface SimulationOutput {
  result: SimulationResult;
  /** The value delivered at probabilities 0, 1/200, …, 1 (type-7 quantiles, as P10/P50/P90). */
  curve: ValuePoint[];
  /** Probability that the whole planned value is delivered. */
  pAll: number;
}

/**
 * What the charts draw, as plain data: each chart's rows (the screens and
 * the figures modules build them from the engine's results) and the small
 * shaping the charts do themselves (the roadmap's bars, the heatmap's cells,
 * nice ticks, which frontier points have a plan). Pure: no Svelte, no DOM,
 * tested in Node.
 */
import type { FrontierPoint } from '../../../shared/engine/optimise';
import type { Ceilings, YearLoads } from '../../../shared/engine/plan';
import type { DelayCause } from '../../../shared/engine/simulate';
import { projectValue } from '../../../shared/engine/value';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';

export type { ValuePoint as CurvePoint } from '../../../shared/engine/simulate';

export interface RoadmapBar {
  project: string;
  name: string;
  /** Direction id, or '' when the project has none. */
  direction: string;
  /** First and last build year (calendar years, inclusive). */
  start: number;
  end: number;
  /** Undiscounted value, 0..100 points. */
  value: number;
  /** MODEL.md §8: the scenario's earliest start (« pas avant 2029 »), when it postpones the project. */
  notBefore?: number;
  /** MODEL.md §8: YYYY-MM the project must be delivered by. */
  deadline?: string;
}

/**
 * One bar per planned project, by start year, then direction, then id; with
 * the scenario's postponements (`notBefore`, shown only when later than the
 * first year) and the projects' deadlines.
 */
export function roadmapBars(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  notBefore: Readonly<Record<string, number>> = {},
): RoadmapBar[] {
  const bars: RoadmapBar[] = [];
  for (const entry of plan) {
    const p = portfolio.projects.find((x) => x.id === entry.project);
    if (!p) continue;
    bars.push({
      project: p.id,
      name: p.name,
      direction: p.direction ?? '',
      start: entry.start,
      end: entry.start + p.investment.length - 1,
      value: projectValue(portfolio.criteria, p),
      ...obligations(portfolio, p.id, p.deadline, notBefore),
    });
  }
  return bars.sort(
    (a, b) =>
      a.start - b.start ||
      a.direction.localeCompare(b.direction) ||
      a.project.localeCompare(b.project),
  );
}

/** The postponement (when it moves the start past the first year) and deadline of a project. */
function obligations(
  portfolio: Portfolio,
  id: string,
  deadline: string | undefined,
  notBefore: Readonly<Record<string, number>>,
): { notBefore?: number; deadline?: string } {
  const out: { notBefore?: number; deadline?: string } = {};
  const year = Object.hasOwn(notBefore, id) ? notBefore[id] : undefined;
  if (year !== undefined && year > portfolio.horizon.firstYear) out.notBefore = year;
  if (deadline) out.deadline = deadline;
  return out;
}

export interface EnvelopeYear {
  year: number;
  used: number;
  ceiling: number;
  /** used − ceiling when above the ceiling (a saved plan may no longer fit), else 0. */
  over: number;
}

export function envelopeYears(
  firstYear: number,
  used: readonly number[],
  ceiling: readonly number[],
): EnvelopeYear[] {
  return ceiling.map((c, t) => {
    const u = used[t] ?? 0;
    return { year: firstYear + t, used: u, ceiling: c, over: u > c + 1e-6 ? u - c : 0 };
  });
}

export interface HeatCell {
  year: number;
  days: number;
  capacity: number;
  /** days / capacity; null when the capacity is zero (any use is then an overload). */
  share: number | null;
}

export interface HeatRow {
  team: string;
  label: string;
  cells: HeatCell[];
}

/** Each team's load as a share of its capacity, year by year. */
export function teamHeatmap(portfolio: Portfolio, loads: YearLoads, limits: Ceilings): HeatRow[] {
  const first = portfolio.horizon.firstYear;
  return portfolio.teams.map((team) => ({
    team: team.id,
    label: team.label,
    cells: (limits.teams[team.id] ?? []).map((capacity, t) => {
      const days = loads.teams[team.id]?.[t] ?? 0;
      return { year: first + t, days, capacity, share: capacity > 0 ? days / capacity : null };
    }),
  }));
}

/** Nice round ticks from 0 to at least `max` (about `count` of them). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** A point with a plan (optimal, or feasible with a gap). */
export const hasPlan = (p: FrontierPoint): boolean =>
  p.status === 'optimal' || p.status === 'feasible';

/** The current scenario's point: factor 1. */
export const isCurrent = (p: FrontierPoint): boolean => Math.abs(p.factor - 1) < 1e-9;

export interface RoadmapRow {
  project: string;
  name: string;
  /** Planned build in months from 1 January of the first year: start and start + modal duration. */
  plannedStart: number;
  plannedEnd: number;
  p50: number;
  p80: number;
  p90: number;
  pWithinMandate: number;
  pLateStart: number;
  cause: DelayCause | null;
  /** MODEL.md §8: the scenario's earliest start, in months from 1 January of the first year. */
  notBefore?: number;
  /** MODEL.md §8: the deadline YYYY-MM, and the month it ends (monthIndex + 1) … */
  deadline?: string;
  deadlineMonth?: number;
  /** … and the probability of finishing by then (the simulation's `pOnTime`). */
  pOnTime?: number;
}

/** The roadmap rows of projects with a deadline, for the list « chance d'être à l'heure ». */
export function onTimeRows(rows: readonly RoadmapRow[]): RoadmapRow[] {
  return rows
    .filter((r) => r.deadline !== undefined && r.pOnTime !== undefined)
    .sort((a, b) => a.pOnTime! - b.pOnTime! || a.project.localeCompare(b.project));
}

export interface FanYear {
  year: number;
  p50: number;
  p80: number;
  p90: number;
  envelope: number;
  pOver: number;
}

export interface TornadoBar {
  project: string;
  name: string;
  rankCorrelation: number;
  delaysSuccessor: number;
}

/** One level of the price of confidence (MODEL.md §7). */
export interface ConfidenceBar {
  /** The confidence level, or null for the plan with no risk margin. */
  confidence: number | null;
  /** The plan's value, or null when no plan that holds was found. */
  value: number | null;
  /** Share of the value given up against the plan with no risk margin. */
  price: number;
  /** The simulated risk of overrun of the most exposed year (null for the plan with no margin). */
  worst: number | null;
}

/** One budget year of the execution chart (MODEL.md §9, ExecutionChart.svelte). */
export interface ExecutionBar {
  year: number;
  /** CP voted that year (the adopted plan's). */
  voted: number;
  /** CP paid, for a closed year (its execution recorded); null otherwise. */
  paid: number | null;
  /** paid / voted for a closed year with something voted; null otherwise. */
  rate: number | null;
  /** The re-forecast of the gross CP still to pay, for a year not closed; null otherwise. */
  forecast: { p50: number; p80: number; p90: number } | null;
}

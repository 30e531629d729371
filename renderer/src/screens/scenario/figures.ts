/**
 * The figures the scenario screen draws from a plan, computed straight from
 * the rules of MODEL.md §4 (not from the solver's model): what the plan uses
 * of each yearly envelope, team and direction, the ceilings the scenario
 * sets, the bars of the roadmap, the team heatmap and the comparison with
 * the ranking heuristic. Pure functions, so a saved plan, a plan received
 * mid-solve and a finished result are all shown the same way.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../../../shared/model/portfolio';
import { projectValue } from '../../../../shared/engine/value';

export interface YearLoads {
  /** Net investment per horizon year (investment × (1 − subsidy − partner share)). */
  investment: number[];
  /** Net operating cost per year (run cost after partners, minus believed savings). */
  operating: number[];
  /** Person-days per team id per year. */
  teams: Record<string, number[]>;
  /** Projects in build per direction id per year. */
  directions: Record<string, number[]>;
}

export interface Ceilings {
  investment: number[];
  operating: number[];
  teams: Record<string, number[]>;
  /** Directions that have a `maxConcurrent`. */
  directions: Record<string, number>;
}

const finite = (x: number | undefined | null): number =>
  typeof x === 'number' && Number.isFinite(x) ? x : 0;

/** The yearly ceilings of a scenario: envelopes and capacities with its factors applied. */
export function ceilings(portfolio: Portfolio, scenario: ResolvedScenario): Ceilings {
  const years = portfolio.horizon.years;
  const scaled = (values: readonly number[], factor: number) =>
    Array.from({ length: years }, (_, t) => finite(values[t]) * factor);
  const directions: Record<string, number> = {};
  for (const d of portfolio.directions ?? []) {
    if (typeof d.maxConcurrent === 'number') directions[d.id] = d.maxConcurrent;
  }
  return {
    investment: scaled(portfolio.budget.investment, scenario.budgetFactor.investment),
    operating: scaled(portfolio.budget.operating, scenario.budgetFactor.operating),
    teams: Object.fromEntries(
      portfolio.teams.map((t) => [t.id, scaled(t.capacity, scenario.capacityFactor)]),
    ),
    directions,
  };
}

/** What one project started in `start` adds to each year (MODEL.md §4, constraints 2–5). */
export function projectLoads(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  projectId: string,
  start: number,
): YearLoads {
  const loads = emptyLoads(portfolio);
  addProject(portfolio, scenario, loads, projectId, start);
  return loads;
}

export function emptyLoads(portfolio: Portfolio): YearLoads {
  const years = portfolio.horizon.years;
  const zeros = () => new Array<number>(years).fill(0);
  return {
    investment: zeros(),
    operating: zeros(),
    teams: Object.fromEntries(portfolio.teams.map((t) => [t.id, zeros()])),
    directions: Object.fromEntries(
      (portfolio.directions ?? [])
        .filter((d) => typeof d.maxConcurrent === 'number')
        .map((d) => [d.id, zeros()]),
    ),
  };
}

function addProject(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  loads: YearLoads,
  projectId: string,
  start: number,
): void {
  const p = portfolio.projects.find((x) => x.id === projectId);
  if (!p) return;
  const years = portfolio.horizon.years;
  const s = start - portfolio.horizon.firstYear;
  const n = p.investment.length;
  const partner = finite(p.partnerShare);
  const net = 1 - finite(p.subsidyRate) - partner;
  const running = finite(p.runCost) * (1 - partner) - scenario.savingsCredit * finite(p.savings);
  for (let t = Math.max(0, s); t < years; t++) {
    const k = t - s;
    if (k < n) {
      loads.investment[t]! += finite(p.investment[k]) * net;
      for (const need of p.staff ?? []) {
        const row = loads.teams[need.team];
        if (row) row[t]! += finite(need.days[k]);
      }
      const row = p.direction !== undefined ? loads.directions[p.direction] : undefined;
      if (row) row[t]! += 1;
    } else {
      loads.operating[t]! += running;
    }
  }
}

/** What a plan uses each year, by the rules of MODEL.md §4. */
export function planLoads(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): YearLoads {
  const loads = emptyLoads(portfolio);
  for (const entry of plan) addProject(portfolio, scenario, loads, entry.project, entry.start);
  return loads;
}

/** The plan's objective: Σ V_p × (1 − timePreference)^(start − firstYear). */
export function planValue(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): number {
  let total = 0;
  for (const entry of plan) {
    const p = portfolio.projects.find((x) => x.id === entry.project);
    if (!p) continue;
    const t = entry.start - portfolio.horizon.firstYear;
    total += projectValue(portfolio.criteria, p) * (1 - scenario.timePreference) ** t;
  }
  return total;
}

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
}

/** One bar per planned project, by start year, then direction, then id. */
export function roadmapBars(portfolio: Portfolio, plan: readonly PlanEntry[]): RoadmapBar[] {
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
    });
  }
  return bars.sort(
    (a, b) =>
      a.start - b.start ||
      a.direction.localeCompare(b.direction) ||
      a.project.localeCompare(b.project),
  );
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

/** How much the plan beats the heuristic: points, and share of the heuristic's value. */
export function comparison(
  planObjective: number,
  heuristicObjective: number,
): { points: number; share: number | null } {
  const points = planObjective - heuristicObjective;
  return { points, share: heuristicObjective > 0 ? points / heuristicObjective : null };
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

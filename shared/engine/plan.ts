/**
 * Plan arithmetic: the one home of the rules every engine and every screen
 * applies to a plan (project, start year), so the optimiser, the simulation,
 * finance, the screens, the slides and the dossier tell the same figures.
 *
 * - **Net share** of a project's investment: what the authority pays itself,
 *   `1 − subsidyRate − partnerShare` (MODEL.md §4 `net_p`), never below 0.
 * - **Net running cost** once built: `runCost × (1 − partnerShare) −
 *   savingsCredit × savings` (§4 constraint 3); a net saving is negative.
 * - **Yearly use** of a plan: net investment in its build years, net running
 *   cost from the year after its last build year, person-days per team,
 *   projects in build per direction with a `maxConcurrent` (§4, 2–5).
 * - **Ceilings** of a scenario: envelopes and capacities with its factors.
 * - **What an optimisation depends on** (`optimisationKey`): a result is up
 *   to date while this key is unchanged; screens compare keys to mark a plan
 *   stale.
 * - **Relative gap** between a plan's objective and a proven bound.
 *
 * Amounts that are not finite numbers count as 0, so a document being
 * edited (not yet valid) still draws.
 */
import type { PlanEntry, Portfolio, Project, ResolvedScenario } from '../model/portfolio';

export const finite = (x: number | undefined | null): number =>
  typeof x === 'number' && Number.isFinite(x) ? x : 0;

/** Share of the investment the authority pays itself: 1 − subsidyRate − partnerShare (≥ 0). */
export function netShare(project: Project): number {
  return Math.max(0, 1 - finite(project.subsidyRate) - finite(project.partnerShare));
}

/** Net investment by project year (year 1 = start year). */
export function netInvestmentSchedule(project: Project): number[] {
  const share = netShare(project);
  return project.investment.map((a) => finite(a) * share);
}

/** Net investment over the whole build. */
export function netInvestment(project: Project): number {
  return netInvestmentSchedule(project).reduce((s, x) => s + x, 0);
}

/** Gross investment over the whole build (the AP): Σ of the CP schedule. */
export function grossInvestment(project: Project): number {
  return project.investment.reduce((s, x) => s + finite(x), 0);
}

/** Net running cost per year once built (negative when the savings believed exceed it). */
export function netRunningCost(project: Project, savingsCredit: number): number {
  return (
    finite(project.runCost) * (1 - finite(project.partnerShare)) -
    savingsCredit * finite(project.savings)
  );
}

export interface YearLoads {
  /** Net investment per horizon year. */
  investment: number[];
  /** Net operating cost per horizon year. */
  operating: number[];
  /** Person-days per team id per year. */
  teams: Record<string, number[]>;
  /** Projects in build per year, per direction id that has a `maxConcurrent`. */
  directions: Record<string, number[]>;
}

export interface Ceilings {
  investment: number[];
  operating: number[];
  teams: Record<string, number[]>;
  /** `maxConcurrent` of the directions that have one. */
  directions: Record<string, number>;
}

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

/** What one project adds to each year of its build and after, once its scenario is known. */
export interface LoadProfile {
  /** Build years n_p. */
  duration: number;
  /** Net investment by project year. */
  investment: number[];
  /** Net running cost per year from year n_p on. */
  operating: number;
  /** Person-days by project year, per team id. */
  staff: { team: string; days: number[] }[];
  /** Its direction id, or null. */
  direction: string | null;
}

export function loadProfile(project: Project, scenario: ResolvedScenario): LoadProfile {
  return {
    duration: project.investment.length,
    investment: netInvestmentSchedule(project),
    operating: netRunningCost(project, scenario.savingsCredit),
    staff: (project.staff ?? []).map((need) => ({ team: need.team, days: need.days.map(finite) })),
    direction: project.direction ?? null,
  };
}

/**
 * Adds (sign 1) or removes (sign −1) a project started at horizon index `s`
 * to `loads`: the rows of teams and directions `loads` does not have are
 * ignored (unknown team, direction without `maxConcurrent`).
 */
export function addLoads(loads: YearLoads, profile: LoadProfile, s: number, sign = 1): void {
  const years = loads.investment.length;
  for (let t = Math.max(0, s); t < years; t++) {
    const k = t - s;
    if (k < profile.duration) {
      loads.investment[t]! += sign * (profile.investment[k] ?? 0);
      for (const need of profile.staff) {
        const row = loads.teams[need.team];
        if (row) row[t]! += sign * (need.days[k] ?? 0);
      }
      const row = profile.direction !== null ? loads.directions[profile.direction] : undefined;
      if (row) row[t]! += sign;
    } else {
      loads.operating[t]! += sign * profile.operating;
    }
  }
}

/** Whether `used <= cap`, with a tolerance for rounding. */
export function fits(used: number, cap: number): boolean {
  return used <= cap + 1e-7 * Math.max(1, Math.abs(cap));
}

/**
 * Whether adding a project started at horizon index `s` keeps every row of
 * `loads` within `limits` (rows it does not touch are not checked; a net
 * saving never breaks a row).
 */
export function addsWithin(
  loads: YearLoads,
  limits: Ceilings,
  profile: LoadProfile,
  s: number,
): boolean {
  const years = loads.investment.length;
  for (let t = Math.max(0, s); t < years; t++) {
    const k = t - s;
    if (k < profile.duration) {
      if (!fits(loads.investment[t]! + (profile.investment[k] ?? 0), limits.investment[t]!)) {
        return false;
      }
      for (const need of profile.staff) {
        const row = loads.teams[need.team];
        const cap = limits.teams[need.team];
        if (row && cap && !fits(row[t]! + (need.days[k] ?? 0), cap[t]!)) return false;
      }
      if (profile.direction !== null) {
        const row = loads.directions[profile.direction];
        const max = limits.directions[profile.direction];
        if (row && max !== undefined && row[t]! + 1 > max) return false;
      }
    } else if (profile.operating > 0) {
      if (!fits(loads.operating[t]! + profile.operating, limits.operating[t]!)) return false;
    }
  }
  return true;
}

/** Whether every row of `loads` is within `limits`, every year. */
export function withinCeilings(loads: YearLoads, limits: Ceilings): boolean {
  const years = loads.investment.length;
  for (let t = 0; t < years; t++) {
    if (!fits(loads.investment[t]!, limits.investment[t]!)) return false;
    if (!fits(loads.operating[t]!, limits.operating[t]!)) return false;
    for (const [team, row] of Object.entries(loads.teams)) {
      const cap = limits.teams[team];
      if (cap && !fits(row[t]!, cap[t]!)) return false;
    }
    for (const [direction, row] of Object.entries(loads.directions)) {
      const max = limits.directions[direction];
      if (max !== undefined && row[t]! > max + 1e-9) return false;
    }
  }
  return true;
}

/** What a plan uses each year, by the rules of MODEL.md §4 (plan entries naming no project are skipped). */
export function planLoads(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): YearLoads {
  const loads = emptyLoads(portfolio);
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  for (const entry of plan) {
    const project = byId.get(entry.project);
    if (!project) continue;
    addLoads(loads, loadProfile(project, scenario), entry.start - portfolio.horizon.firstYear);
  }
  return loads;
}

/** What one project started in `start` adds to each year. */
export function projectLoads(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  projectId: string,
  start: number,
): YearLoads {
  return planLoads(portfolio, scenario, [{ project: projectId, start }]);
}

/** Total net investment of a plan inside the horizon. */
export function planNetInvestment(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): number {
  return planLoads(portfolio, scenario, plan).investment.reduce((a, b) => a + b, 0);
}

/**
 * What an optimised plan of a scenario depends on: every part of the
 * document the optimiser reads (projects, criteria, envelopes, teams,
 * directions, horizon, mandate end and risk settings, for the mandate
 * objective and the confidence of §7) and the scenario's settings, its saved
 * plan and name aside. `extra` adds run parameters (time limit, factors).
 */
export function optimisationKey(
  portfolio: Portfolio,
  scenarioId: string | undefined,
  ...extra: unknown[]
): string {
  const s =
    scenarioId === undefined
      ? portfolio.scenarios?.[0]
      : portfolio.scenarios?.find((x) => x.id === scenarioId);
  const settings = s ? { ...s, plan: undefined, name: undefined } : null;
  return JSON.stringify([
    portfolio.criteria.map((c) => [c.id, c.weight]),
    portfolio.projects,
    portfolio.budget,
    portfolio.teams,
    portfolio.directions ?? [],
    portfolio.horizon,
    portfolio.mandateEnd ?? null,
    portfolio.risk ?? null,
    settings,
    ...extra,
  ]);
}

/**
 * Relative gap between a plan's objective and a proven bound (maximisation):
 * `(bound − objective) / objective`, 0 when the bound is reached, 1 when
 * nothing is known (no bound, or an objective of 0 below a positive bound).
 */
export function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(bound)) return 1;
  const diff = Math.max(0, bound - objective);
  if (diff <= 1e-9 * Math.max(1, Math.abs(bound))) return 0;
  return Math.abs(objective) > 1e-9 ? diff / Math.abs(objective) : 1;
}

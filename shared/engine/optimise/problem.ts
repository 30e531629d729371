/**
 * The optimisation problem of MODEL.md §4, prepared once from a portfolio and
 * a scenario: every quantity the model builder, the ranking heuristic, the
 * plan checker and the infeasibility diagnosis share, with the scenario
 * factors applied and the rules that need no solver already worked out
 * (allowed starts, projects forced out through a dependency, projects that
 * must be in the plan).
 */
import type { PlanEntry, Portfolio, Project, ResolvedScenario } from '../../model/portfolio';
import { mandateMonth, monthIndex } from '../calendar';
import {
  addLoads,
  ceilings,
  emptyLoads,
  loadProfile,
  netShare,
  planLoads,
  type Ceilings,
  type LoadProfile,
  type YearLoads,
} from '../plan';
import { effectiveRisk, pFinishBy, type EffectiveRisk } from '../risk';
import { projectValue } from '../value';

export { fits } from '../plan';

/** Why a project must be in every plan. */
export type RequiredBecause =
  | { kind: 'mandatory' }
  | { kind: 'forceIn' }
  | { kind: 'fixed'; year: number }
  | { kind: 'dependency'; of: string };

export interface PreparedProject {
  index: number;
  id: string;
  project: Project;
  /** V_p, 0..100 points (MODEL.md §3). */
  value: number;
  /** n_p, build years. */
  duration: number;
  /** 1 - subsidyRate - partnerShare (plan.ts `netShare`). */
  net: number;
  /** What it adds to each year (plan.ts `loadProfile`). */
  profile: LoadProfile;
  /** Net investment by project year (`profile.investment`). */
  investmentNet: number[];
  /** Net operating cost per year once built (`profile.operating`). */
  operatingNet: number;
  /**
   * Objective coefficient of each start t (horizon index; 0 for starts not
   * allowed): V_p × (1 − timePreference)^t, times P_p(t) under the mandate
   * objective (MODEL.md §7).
   */
  gain: number[];
  /** P_p(t): probability of finishing within the mandate when started in t (1 under `discounted`). */
  pMandate: number[];
  /** Person-days by team index and project year. */
  staff: { team: number; days: number[] }[];
  /** Index in `directions` when its direction has a `maxConcurrent`, else -1. */
  direction: number;
  /** Allowed start years, as horizon indices t (0 = firstYear), ascending. */
  starts: number[];
  /** Why it must be chosen (empty when optional). */
  required: RequiredBecause[];
  /** Forced out by the scenario (`self`) or through a predecessor that is. */
  forcedOut: 'self' | { through: string } | null;
  /** Indices of the projects it depends on. */
  dependsOn: number[];
}

export interface PreparedProblem {
  portfolio: Portfolio;
  scenario: ResolvedScenario;
  firstYear: number;
  years: number;
  projects: PreparedProject[];
  byId: Map<string, PreparedProject>;
  /** Envelopes and capacities with the scenario's factors (plan.ts `ceilings`). */
  ceilings: Ceilings;
  /** Net investment envelope per year, factor applied (`ceilings.investment`). */
  investmentCap: number[];
  /** Operating envelope per year, factor applied (`ceilings.operating`). */
  operatingCap: number[];
  teams: { id: string; label: string; capacity: number[] }[];
  /** Directions that have a `maxConcurrent`. */
  directions: { id: string; label: string; max: number }[];
  /** Pairs of project indices of which at most one may be chosen (i < j). */
  exclusions: [number, number][];
  /** (1 - timePreference)^t for every horizon year. */
  discount: number[];
  /** Under the mandate objective (§7): the risk in force and the mandate's end month. */
  mandate: { risk: EffectiveRisk; limit: number } | null;
}

const clean = (x: number | undefined): number => (Number.isFinite(x) ? (x as number) : 0);

export function isRequired(p: PreparedProject): boolean {
  return p.required.length > 0;
}

/** Builds the prepared problem. Pure; does not judge feasibility. */
export function prepareProblem(portfolio: Portfolio, scenario: ResolvedScenario): PreparedProblem {
  const firstYear = portfolio.horizon.firstYear;
  const years = portfolio.horizon.years;
  const limits = ceilings(portfolio, scenario);
  const teams = portfolio.teams.map((t) => ({
    id: t.id,
    label: t.label,
    capacity: limits.teams[t.id] as number[],
  }));
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const directions = (portfolio.directions ?? [])
    .filter((d) => d.maxConcurrent !== undefined && d.maxConcurrent !== null)
    .map((d) => ({ id: d.id, label: d.label, max: d.maxConcurrent as number }));
  const directionIndex = new Map(directions.map((d, i) => [d.id, i]));
  const forceIn = new Set(scenario.forceIn);
  const forceOut = new Set(scenario.forceOut);

  const projects: PreparedProject[] = portfolio.projects.map((project, index) => {
    const profile = loadProfile(project, scenario);
    const required: RequiredBecause[] = [];
    if (project.mandatory) required.push({ kind: 'mandatory' });
    if (forceIn.has(project.id)) required.push({ kind: 'forceIn' });
    if (project.fixedStart !== undefined && project.fixedStart !== null) {
      required.push({ kind: 'fixed', year: project.fixedStart });
    }
    const staff: { team: number; days: number[] }[] = [];
    for (const need of project.staff ?? []) {
      const team = teamIndex.get(need.team);
      if (team !== undefined) staff.push({ team, days: need.days.map(clean) });
    }
    return {
      index,
      id: project.id,
      project,
      value: projectValue(portfolio.criteria, project),
      duration: project.investment.length,
      net: netShare(project),
      profile,
      investmentNet: profile.investment,
      operatingNet: profile.operating,
      gain: [],
      pMandate: [],
      staff,
      direction:
        project.direction !== undefined ? (directionIndex.get(project.direction) ?? -1) : -1,
      starts: [],
      required,
      forcedOut: forceOut.has(project.id) ? 'self' : null,
      dependsOn: [],
    };
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const p of projects) {
    p.dependsOn = (p.project.dependsOn ?? [])
      .map((id) => byId.get(id)?.index)
      .filter((i): i is number => i !== undefined && i !== p.index);
  }

  // Predecessors of a required project are required; dependants of a forced-out
  // project are forced out. Fixed-point iteration, safe even on a cycle.
  for (let changed = true; changed;) {
    changed = false;
    for (const q of projects) {
      for (const pi of q.dependsOn) {
        const p = projects[pi] as PreparedProject;
        if (isRequired(q) && !p.required.some((r) => r.kind === 'dependency' && r.of === q.id)) {
          p.required.push({ kind: 'dependency', of: q.id });
          changed = true;
        }
        if (p.forcedOut && !q.forcedOut) {
          q.forcedOut = { through: p.id };
          changed = true;
        }
      }
    }
  }

  // Allowed starts: earliestStart (or fixedStart), tightened by the
  // scenario's notBefore (§8), build inside the horizon and before the
  // deadline (§8), and late enough for every predecessor to finish first.
  const earliest = projects.map((p) => {
    const fixed = p.project.fixedStart;
    if (fixed !== undefined && fixed !== null) return fixed - firstYear;
    const e = p.project.earliestStart;
    const postponed = scenario.notBefore[p.id];
    return Math.max(
      0,
      e !== undefined && e !== null ? e - firstYear : 0,
      postponed !== undefined ? postponed - firstYear : 0,
    );
  });
  const fixedOnly = projects.map(
    (p) => p.project.fixedStart !== undefined && p.project.fixedStart !== null,
  );
  for (let round = 0; round <= projects.length; round++) {
    let changed = false;
    for (const q of projects) {
      for (const pi of q.dependsOn) {
        const p = projects[pi] as PreparedProject;
        const need = (earliest[pi] as number) + p.duration;
        if ((earliest[q.index] as number) < need) {
          earliest[q.index] = need;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  for (const p of projects) {
    const e = earliest[p.index] as number;
    const last = Math.min(years - p.duration, latestStart(p.project, firstYear));
    if (p.forcedOut || e < 0) continue;
    if (fixedOnly[p.index]) {
      const fixed = (p.project.fixedStart as number) - firstYear;
      if (e === fixed && fixed <= last) p.starts = [fixed];
    } else {
      for (let s = e; s <= last; s++) p.starts.push(s);
    }
  }

  const exclusionKeys = new Set<string>();
  const exclusions: [number, number][] = [];
  for (const p of projects) {
    for (const id of p.project.excludes ?? []) {
      const q = byId.get(id);
      if (!q || q.index === p.index) continue;
      const a = Math.min(p.index, q.index);
      const b = Math.max(p.index, q.index);
      const key = `${a}:${b}`;
      if (!exclusionKeys.has(key)) {
        exclusionKeys.add(key);
        exclusions.push([a, b]);
      }
    }
  }

  // Objective coefficients (MODEL.md §4, and §7 for the mandate objective).
  const discount = Array.from({ length: years }, (_, t) => (1 - scenario.timePreference) ** t);
  const mandate = scenario.objective === 'mandate';
  const risk = mandate ? effectiveRisk(portfolio) : null;
  const limit = mandate ? mandateMonth(portfolio) : 0;
  for (const p of projects) {
    p.pMandate = Array.from({ length: years }, (_, t) =>
      risk ? pFinishBy(risk, p.project, t, limit) : 1,
    );
    p.gain = Array.from(
      { length: years },
      (_, t) => p.value * (discount[t] as number) * (p.pMandate[t] as number),
    );
  }

  return {
    portfolio,
    scenario,
    firstYear,
    years,
    projects,
    byId,
    ceilings: limits,
    investmentCap: limits.investment,
    operatingCap: limits.operating,
    teams,
    directions,
    exclusions,
    discount,
    mandate: risk ? { risk, limit } : null,
  };
}

/**
 * Latest start (horizon index) a project's deadline allows (MODEL.md §8):
 * `12·(s + n_p) <= monthIndex(deadline) + 1`; no limit without a deadline.
 */
export function latestStart(project: Project, firstYear: number): number {
  if (!project.deadline) return Number.POSITIVE_INFINITY;
  const end = monthIndex(project.deadline, firstYear) + 1;
  return Math.floor(end / 12) - project.investment.length;
}

/** The plan's objective: Σ of its projects' coefficients `gain` (MODEL.md §4, §7). */
export function planObjective(problem: PreparedProblem, plan: readonly PlanEntry[]): number {
  let total = 0;
  for (const entry of plan) {
    const p = problem.byId.get(entry.project);
    const t = entry.start - problem.firstYear;
    if (p) total += startGain(problem, p, t);
  }
  return total;
}

/** The objective of a plan under a scenario (prepares the problem: for screens, not hot loops). */
export function scenarioObjective(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): number {
  return planObjective(prepareProblem(portfolio, scenario), plan);
}

/** A project's objective coefficient when started in horizon year t (also outside the horizon). */
export function startGain(problem: PreparedProblem, p: PreparedProject, t: number): number {
  const known = p.gain[t];
  if (known !== undefined) return known;
  // A saved plan may start outside the horizon: the same rule, computed on the spot.
  const m = problem.mandate;
  const share = m ? pFinishBy(m.risk, p.project, t, m.limit) : 1;
  return p.value * (1 - problem.scenario.timePreference) ** t * share;
}

/** What a plan consumes, in the units of the constraints of MODEL.md §4 (plan.ts `planLoads`). */
export type PlanUsage = YearLoads;

/** What a plan consumes, in the units of the constraints of MODEL.md §4. */
export function planUsage(problem: PreparedProblem, plan: readonly PlanEntry[]): PlanUsage {
  return planLoads(problem.portfolio, problem.scenario, plan);
}

/** Empty yearly use for this problem's horizon, teams and directions. */
export function emptyUsage(problem: PreparedProblem): PlanUsage {
  return emptyLoads(problem.portfolio);
}

/** Adds (sign 1) or removes (sign -1) one project started at index s. */
export function addProject(
  _problem: PreparedProblem,
  usage: PlanUsage,
  p: PreparedProject,
  s: number,
  sign: number,
): void {
  addLoads(usage, p.profile, s, sign);
}

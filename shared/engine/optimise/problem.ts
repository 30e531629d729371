/**
 * The optimisation problem of MODEL.md §4, prepared once from a portfolio and
 * a scenario: every quantity the model builder, the ranking heuristic, the
 * plan checker and the infeasibility diagnosis share, with the scenario
 * factors applied and the rules that need no solver already worked out
 * (allowed starts, projects forced out through a dependency, projects that
 * must be in the plan).
 */
import type { PlanEntry, Portfolio, Project, ResolvedScenario } from '../../model/portfolio';
import { projectValue } from '../value';

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
  /** 1 - subsidyRate - partnerShare. */
  net: number;
  /** Net investment by project year (investment × net). */
  investmentNet: number[];
  /** Net operating cost per year once built: runCost × (1 - partnerShare) - savingsCredit × savings. */
  operatingNet: number;
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
  /** Net investment envelope per year, factor applied. */
  investmentCap: number[];
  /** Operating envelope per year, factor applied. */
  operatingCap: number[];
  teams: { id: string; label: string; capacity: number[] }[];
  /** Directions that have a `maxConcurrent`. */
  directions: { id: string; label: string; max: number }[];
  /** Pairs of project indices of which at most one may be chosen (i < j). */
  exclusions: [number, number][];
  /** (1 - timePreference)^t for every horizon year. */
  discount: number[];
}

const clean = (x: number | undefined): number => (Number.isFinite(x) ? (x as number) : 0);

export function isRequired(p: PreparedProject): boolean {
  return p.required.length > 0;
}

/** Builds the prepared problem. Pure; does not judge feasibility. */
export function prepareProblem(portfolio: Portfolio, scenario: ResolvedScenario): PreparedProblem {
  const firstYear = portfolio.horizon.firstYear;
  const years = portfolio.horizon.years;
  const teams = portfolio.teams.map((t) => ({
    id: t.id,
    label: t.label,
    capacity: Array.from(
      { length: years },
      (_, y) => clean(t.capacity[y]) * scenario.capacityFactor,
    ),
  }));
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const directions = (portfolio.directions ?? [])
    .filter((d) => d.maxConcurrent !== undefined && d.maxConcurrent !== null)
    .map((d) => ({ id: d.id, label: d.label, max: d.maxConcurrent as number }));
  const directionIndex = new Map(directions.map((d, i) => [d.id, i]));
  const forceIn = new Set(scenario.forceIn);
  const forceOut = new Set(scenario.forceOut);

  const projects: PreparedProject[] = portfolio.projects.map((project, index) => {
    const subsidy = clean(project.subsidyRate);
    const partner = clean(project.partnerShare);
    const net = 1 - subsidy - partner;
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
      net,
      investmentNet: project.investment.map((a) => clean(a) * net),
      operatingNet:
        clean(project.runCost) * (1 - partner) - scenario.savingsCredit * clean(project.savings),
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

  // Allowed starts: earliestStart (or fixedStart), build inside the horizon,
  // and late enough for every predecessor to finish first.
  const earliest = projects.map((p) => {
    const fixed = p.project.fixedStart;
    if (fixed !== undefined && fixed !== null) return fixed - firstYear;
    const e = p.project.earliestStart;
    return Math.max(0, e !== undefined && e !== null ? e - firstYear : 0);
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
    const last = years - p.duration;
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

  const range = (values: readonly number[], factor: number) =>
    Array.from({ length: years }, (_, y) => clean(values[y]) * factor);
  return {
    portfolio,
    scenario,
    firstYear,
    years,
    projects,
    byId,
    investmentCap: range(portfolio.budget.investment, scenario.budgetFactor.investment),
    operatingCap: range(portfolio.budget.operating, scenario.budgetFactor.operating),
    teams,
    directions,
    exclusions,
    discount: Array.from({ length: years }, (_, t) => (1 - scenario.timePreference) ** t),
  };
}

/** The plan's objective: Σ V_p × (1 - timePreference)^s over the plan. */
export function planObjective(problem: PreparedProblem, plan: readonly PlanEntry[]): number {
  let total = 0;
  for (const entry of plan) {
    const p = problem.byId.get(entry.project);
    const t = entry.start - problem.firstYear;
    if (p) total += p.value * (1 - problem.scenario.timePreference) ** t;
  }
  return total;
}

export interface PlanUsage {
  /** Net investment per year. */
  investment: number[];
  /** Net operating cost per year. */
  operating: number[];
  /** Person-days per team per year. */
  teams: Record<string, number[]>;
  /** Projects in build per year, for each direction with a `maxConcurrent`. */
  directions: Record<string, number[]>;
}

/** What a plan consumes, in the units of the constraints of MODEL.md §4. */
export function planUsage(problem: PreparedProblem, plan: readonly PlanEntry[]): PlanUsage {
  const Y = problem.years;
  const zeros = () => new Array<number>(Y).fill(0);
  const usage: PlanUsage = {
    investment: zeros(),
    operating: zeros(),
    teams: Object.fromEntries(problem.teams.map((t) => [t.id, zeros()])),
    directions: Object.fromEntries(problem.directions.map((d) => [d.id, zeros()])),
  };
  for (const entry of plan) {
    const p = problem.byId.get(entry.project);
    if (!p) continue;
    addProject(problem, usage, p, entry.start - problem.firstYear, 1);
  }
  return usage;
}

/** Adds (sign 1) or removes (sign -1) one project started at index s. */
export function addProject(
  problem: PreparedProblem,
  usage: PlanUsage,
  p: PreparedProject,
  s: number,
  sign: number,
): void {
  for (let t = Math.max(0, s); t < problem.years; t++) {
    const k = t - s;
    if (k < p.duration) {
      usage.investment[t] = (usage.investment[t] as number) + sign * (p.investmentNet[k] as number);
      for (const need of p.staff) {
        const row = usage.teams[(problem.teams[need.team] as { id: string }).id] as number[];
        row[t] = (row[t] as number) + sign * (need.days[k] ?? 0);
      }
      if (p.direction >= 0) {
        const row = usage.directions[(problem.directions[p.direction] as { id: string }).id];
        if (row) row[t] = (row[t] as number) + sign;
      }
    } else {
      usage.operating[t] = (usage.operating[t] as number) + sign * p.operatingNet;
    }
  }
}

/** Whether `used <= cap`, with a tolerance for rounding. */
export function fits(used: number, cap: number): boolean {
  return used <= cap + 1e-7 * Math.max(1, Math.abs(cap));
}

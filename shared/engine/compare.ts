/**
 * Two plans side by side (the scenario comparison screen): which projects
 * enter, leave or move (start year changed) from plan A to plan B, the value
 * of each, and what each uses per year of the investment and operating
 * envelopes and of every team, in the units of the optimiser's constraints
 * (MODEL.md §4: net investment, net operating cost with the scenario's
 * `savingsCredit`, person-days), so the figures match what the optimiser and
 * the scenario screen show.
 *
 * Each plan is read with its own scenario settings (factors, savings credit,
 * time preference): comparing two scenarios means comparing each plan under
 * the rules it was made for. Pure: no DOM, no Node.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../model/portfolio';
import { resolveScenario } from '../model/portfolio';
import { planObjective, planUsage, prepareProblem } from './optimise';

export interface ProjectInOut {
  project: string;
  name: string;
  start: number;
  /** V_p, 0..100 points. */
  value: number;
}

export interface ProjectMoved {
  project: string;
  name: string;
  startA: number;
  startB: number;
  value: number;
}

export interface YearMoney {
  year: number;
  /** Net investment of each plan (after subsidies and partner shares). */
  investmentA: number;
  investmentB: number;
  /** Net operating cost of each plan (run cost less credited savings). */
  operatingA: number;
  operatingB: number;
  /** Envelopes of each scenario, factors applied. */
  investmentCapA: number;
  investmentCapB: number;
  operatingCapA: number;
  operatingCapB: number;
}

export interface TeamLoad {
  team: string;
  label: string;
  /** Person-days per horizon year. */
  a: number[];
  b: number[];
  /** Capacity per horizon year under each scenario (capacity factor applied). */
  capacityA: number[];
  capacityB: number[];
}

export interface PlanComparison {
  years: number[];
  /** In B, not in A. */
  added: ProjectInOut[];
  /** In A, not in B. */
  removed: ProjectInOut[];
  /** In both, with another start year. */
  moved: ProjectMoved[];
  /** In both, same start year. */
  unchanged: number;
  /** Sum of the values of the plan's projects (points, not discounted). */
  valueA: number;
  valueB: number;
  /** The optimiser's objective: values discounted by each scenario's time preference. */
  objectiveA: number;
  objectiveB: number;
  /**
   * Plan B's objective read with A's settings (A's time preference and
   * objective): the one measure by which the two plans' discounted values compare.
   */
  objectiveBAtA: number;
  moneyByYear: YearMoney[];
  totals: { investmentA: number; investmentB: number; operatingA: number; operatingB: number };
  teamLoadByYear: TeamLoad[];
}

export interface CompareOptions {
  /** Settings plan A is read with (default: neutral settings). */
  scenarioA?: ResolvedScenario;
  /** Settings plan B is read with (default: those of A). */
  scenarioB?: ResolvedScenario;
}

/** Neutral settings: every factor 1, no forced project (MODEL.md §4). */
export function neutralScenario(portfolio: Portfolio): ResolvedScenario {
  return resolveScenario({ ...portfolio, scenarios: [] }) as ResolvedScenario;
}

/**
 * Refuses a plan the comparison cannot read, naming the entry and the
 * problem: an unknown project, a project twice, a start that is not a year.
 */
export function checkPlanEntries(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  name: string,
): void {
  const known = new Set(portfolio.projects.map((p) => p.id));
  const seen = new Set<string>();
  plan.forEach((entry, i) => {
    const where = `${name}[${i}]`;
    if (!known.has(entry.project)) {
      throw new Error(
        `${where}.project : le projet « ${entry.project} » n'est pas au portefeuille.`,
      );
    }
    if (seen.has(entry.project)) {
      throw new Error(
        `${where}.project : le projet « ${entry.project} » figure deux fois dans le plan.`,
      );
    }
    if (!Number.isInteger(entry.start)) {
      throw new Error(
        `${where}.start : une année entière est attendue, pas « ${String(entry.start)} ».`,
      );
    }
    seen.add(entry.project);
  });
}

export function comparePlans(
  portfolio: Portfolio,
  planA: readonly PlanEntry[],
  planB: readonly PlanEntry[],
  options: CompareOptions = {},
): PlanComparison {
  checkPlanEntries(portfolio, planA, 'planA');
  checkPlanEntries(portfolio, planB, 'planB');
  const scenarioA = options.scenarioA ?? neutralScenario(portfolio);
  const scenarioB = options.scenarioB ?? scenarioA;
  const problemA = prepareProblem(portfolio, scenarioA);
  const problemB = prepareProblem(portfolio, scenarioB);
  const usageA = planUsage(problemA, planA);
  const usageB = planUsage(problemB, planB);

  const info = (id: string) => {
    const p = problemA.byId.get(id);
    return { name: p?.project.name ?? id, value: p?.value ?? 0 };
  };
  const startA = new Map(planA.map((e) => [e.project, e.start]));
  const startB = new Map(planB.map((e) => [e.project, e.start]));
  // Portfolio order, so both lists read like the project list.
  const order = portfolio.projects.map((p) => p.id);
  const added: ProjectInOut[] = [];
  const removed: ProjectInOut[] = [];
  const moved: ProjectMoved[] = [];
  let unchanged = 0;
  for (const id of order) {
    const a = startA.get(id);
    const b = startB.get(id);
    if (a === undefined && b === undefined) continue;
    const { name, value } = info(id);
    if (a === undefined) added.push({ project: id, name, start: b as number, value });
    else if (b === undefined) removed.push({ project: id, name, start: a, value });
    else if (a !== b) moved.push({ project: id, name, startA: a, startB: b, value });
    else unchanged++;
  }

  const sumValue = (plan: readonly PlanEntry[]) =>
    plan.reduce((total, e) => total + info(e.project).value, 0);
  const years = Array.from({ length: problemA.years }, (_, t) => problemA.firstYear + t);
  const moneyByYear: YearMoney[] = years.map((year, t) => ({
    year,
    investmentA: usageA.investment[t] as number,
    investmentB: usageB.investment[t] as number,
    operatingA: usageA.operating[t] as number,
    operatingB: usageB.operating[t] as number,
    investmentCapA: problemA.investmentCap[t] as number,
    investmentCapB: problemB.investmentCap[t] as number,
    operatingCapA: problemA.operatingCap[t] as number,
    operatingCapB: problemB.operatingCap[t] as number,
  }));
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    years,
    added,
    removed,
    moved,
    unchanged,
    valueA: sumValue(planA),
    valueB: sumValue(planB),
    objectiveA: planObjective(problemA, planA),
    objectiveB: planObjective(problemB, planB),
    objectiveBAtA: planObjective(problemA, planB),
    moneyByYear,
    totals: {
      investmentA: sum(usageA.investment),
      investmentB: sum(usageB.investment),
      operatingA: sum(usageA.operating),
      operatingB: sum(usageB.operating),
    },
    teamLoadByYear: problemA.teams.map((team, k) => ({
      team: team.id,
      label: team.label,
      a: [...(usageA.teams[team.id] as number[])],
      b: [...(usageB.teams[team.id] as number[])],
      capacityA: [...team.capacity],
      capacityB: [...(problemB.teams[k] as { capacity: number[] }).capacity],
    })),
  };
}

/** Whether the comparison finds no difference of projects or start years. */
export function samePlan(c: PlanComparison): boolean {
  return c.added.length === 0 && c.removed.length === 0 && c.moved.length === 0;
}

export type NumberSetting =
  'investmentFactor' | 'operatingFactor' | 'capacityFactor' | 'timePreference' | 'savingsCredit';

export type SettingDifference =
  | { kind: NumberSetting; a: number; b: number }
  | { kind: 'forceIn' | 'forceOut'; onlyA: string[]; onlyB: string[] }
  /** MODEL.md §8: the projects postponed differently, with each side's year (null: none). */
  | { kind: 'notBefore'; postponed: { project: string; a: number | null; b: number | null }[] };

/** How the settings of two scenarios differ (empty when they are the same). */
export function compareSettings(a: ResolvedScenario, b: ResolvedScenario): SettingDifference[] {
  const out: SettingDifference[] = [];
  const numbers: [NumberSetting, number, number][] = [
    ['investmentFactor', a.budgetFactor.investment, b.budgetFactor.investment],
    ['operatingFactor', a.budgetFactor.operating, b.budgetFactor.operating],
    ['capacityFactor', a.capacityFactor, b.capacityFactor],
    ['timePreference', a.timePreference, b.timePreference],
    ['savingsCredit', a.savingsCredit, b.savingsCredit],
  ];
  for (const [kind, x, y] of numbers) {
    if (x !== y) out.push({ kind, a: x, b: y });
  }
  for (const kind of ['forceIn', 'forceOut'] as const) {
    const onlyA = a[kind].filter((id) => !b[kind].includes(id));
    const onlyB = b[kind].filter((id) => !a[kind].includes(id));
    if (onlyA.length + onlyB.length > 0) out.push({ kind, onlyA, onlyB });
  }
  const ids = [...new Set([...Object.keys(a.notBefore), ...Object.keys(b.notBefore)])].sort();
  const year = (s: ResolvedScenario, id: string) =>
    Object.hasOwn(s.notBefore, id) ? (s.notBefore[id] ?? null) : null;
  const postponed = ids
    .map((project) => ({ project, a: year(a, project), b: year(b, project) }))
    .filter((p) => p.a !== p.b);
  if (postponed.length > 0) out.push({ kind: 'notBefore', postponed });
  return out;
}

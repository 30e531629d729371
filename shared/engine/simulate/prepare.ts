/**
 * From a portfolio, a scenario and a plan to the flat, typed-array input of
 * the simulation (`PreparedSimulation`). The prepared input is plain data
 * (numbers, strings, typed arrays): it crosses to worker threads and Web
 * Workers by structured clone, and every block of iterations reads it only.
 */
import type { Portfolio, PlanEntry, ResolvedScenario } from '../../model/portfolio';
import { projectValue } from '../value';
import { mandateMonth as mandateLimit, monthIndex } from '../calendar';
import { effectiveRisk } from '../risk';

export { monthIndex };
import { buildTable, shapeKey, shapeOf, TABLE_STRIDE, type Shape } from './distributions';

export interface PreparedSimulation {
  /** Number of planned projects; index `p` below is the position in `projectIds`. */
  projectCount: number;
  projectIds: string[];
  /** Planned start year of each project (calendar year). */
  startYears: number[];
  firstYear: number;
  /** Horizon years; spend is bucketed into these plus one bucket after the horizon. */
  years: number;
  /** Delivered within the mandate when finish <= mandateMonth (months from 1 Jan firstYear). */
  mandateMonth: number;
  /** Projects in an order where predecessors come first. */
  order: Int32Array;
  /** Planned start month 12·s_p. */
  plannedStart: Float64Array;
  /** Predecessors in the plan, CSR: predecessors of p are predList[predStart[p] .. predStart[p+1]). */
  predStart: Int32Array;
  predList: Int32Array;
  /** Earliest planned start month of a planned successor (Infinity when none). */
  successorStart: Float64Array;
  /** Month by which the project is on time: monthIndex(deadline) + 1 (MODEL.md §8); Infinity without a deadline. */
  deadline: Float64Array;
  /** Bounds of the finish month over every possible draw (predecessors, black swan included). */
  finishLow: Float64Array;
  finishHigh: Float64Array;
  durationLow: Float64Array;
  durationRange: Float64Array;
  durationTable: Int32Array;
  costLow: Float64Array;
  costRange: Float64Array;
  costTable: Int32Array;
  /** Tables of G (see distributions.ts), TABLE_STRIDE numbers each; offsets above. */
  tables: Float64Array;
  /** V_p (MODEL.md §3). */
  value: Float64Array;
  /** Σ investment_p (gross planned cost). */
  plannedCost: Float64Array;
  /** 1 - partnerShare_p. */
  ownShare: Float64Array;
  subsidyRate: Float64Array;
  /**
   * Cumulative shares of the CP profile at the planned year boundaries, CSR:
   * project p's are profile[profileStart[p] .. profileStart[p+1]), n_p + 1
   * numbers from 0 to 1 (share spent before planned year k at index k).
   */
  profileStart: Int32Array;
  profile: Float64Array;
  /** Net investment envelope per horizon year, scenario factor applied. */
  envelope: Float64Array;
  sqrtRho: number;
  sqrtOneMinusRho: number;
  swanProbability: number;
  swanSchedule: number;
  swanCost: number;
  /** A black swan hits when the stream's 32-bit output x has x + 0.5 < swanThreshold (= probability × 2^32). */
  swanThreshold: number;
  warnings: string[];
}

/** The warning of MODEL.md §7 when per-project overruns are stacked on a black swan. */
export function doubleCountWarning(ids: readonly string[]): string {
  const shown = ids.slice(0, 8).join(', ') + (ids.length > 8 ? ` et ${ids.length - 8} autres` : '');
  return `${shown} : leur coefficient de coût prévoit déjà un dépassement moyen, et le cygne noir s’y ajoute ; le même risque est compté deux fois (retirez ces coefficients ou le cygne noir).`;
}

/**
 * Prepares a plan for simulation. Throws when the plan names an unknown
 * project, twice the same project, or when dependencies in the plan form a
 * cycle (a validated document has none). A predecessor not in the plan is
 * taken as done, with a warning.
 */
export function prepareSimulation(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  scenario?: ResolvedScenario,
): PreparedSimulation {
  const warnings: string[] = [];
  const { firstYear, years } = portfolio.horizon;
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const index = new Map<string, number>();
  plan.forEach((entry, i) => {
    if (!byId.has(entry.project))
      throw new Error(`le plan cite un projet inconnu « ${entry.project} »`);
    if (index.has(entry.project))
      throw new Error(`le plan cite deux fois le projet « ${entry.project} »`);
    index.set(entry.project, i);
  });
  const count = plan.length;
  const projects = plan.map((e) => byId.get(e.project)!);
  const risk = effectiveRisk(portfolio);
  const distribution = risk.distribution;
  const rho = risk.correlation;
  const swan = risk.blackSwan;

  const doubled = risk.doubleCounted.filter((id) => index.has(id));
  if (doubled.length > 0) warnings.push(doubleCountWarning(doubled));

  const plannedStart = new Float64Array(count);
  plan.forEach((entry, i) => {
    const s = entry.start - firstYear;
    if (s < 0 || s >= years) {
      warnings.push(
        `${entry.project} démarre en ${entry.start}, hors de l’horizon ${firstYear}–${firstYear + years - 1}.`,
      );
    }
    plannedStart[i] = 12 * s;
  });

  // Predecessors within the plan.
  const preds: number[][] = projects.map(() => []);
  projects.forEach((project, q) => {
    for (const dep of project.dependsOn ?? []) {
      const p = index.get(dep);
      if (p === undefined) {
        warnings.push(
          `${project.id} dépend de ${dep}, absent du plan : ${dep} est supposé achevé.`,
        );
      } else {
        preds[q]!.push(p);
      }
    }
  });
  const predStart = new Int32Array(count + 1);
  for (let q = 0; q < count; q++) predStart[q + 1] = predStart[q]! + preds[q]!.length;
  const predList = Int32Array.from(preds.flat());
  const successorStart = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  preds.forEach((list, q) => {
    for (const p of list) successorStart[p] = Math.min(successorStart[p]!, plannedStart[q]!);
  });

  // Topological order (Kahn), ties in plan order.
  const remaining = preds.map((list) => list.length);
  const successors: number[][] = projects.map(() => []);
  preds.forEach((list, q) => list.forEach((p) => successors[p]!.push(q)));
  const order = new Int32Array(count);
  const ready: number[] = [];
  for (let q = 0; q < count; q++) if (remaining[q] === 0) ready.push(q);
  let placed = 0;
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const p = ready.shift()!;
    order[placed++] = p;
    for (const q of successors[p]!) if (--remaining[q]! === 0) ready.push(q);
  }
  if (placed < count) throw new Error('les dépendances des projets du plan forment un cycle');

  // Distributions, one table per distinct shape.
  const tableIndex = new Map<string, number>();
  const shapes: Shape[] = [];
  const tableOf = (shape: Shape): number => {
    const key = shapeKey(shape);
    let found = tableIndex.get(key);
    if (found === undefined) {
      found = shapes.length;
      shapes.push(shape);
      tableIndex.set(key, found);
    }
    return found * TABLE_STRIDE;
  };
  const durationLow = new Float64Array(count);
  const durationRange = new Float64Array(count);
  const durationTable = new Int32Array(count);
  const costLow = new Float64Array(count);
  const costRange = new Float64Array(count);
  const costTable = new Int32Array(count);
  const value = new Float64Array(count);
  const plannedCost = new Float64Array(count);
  const ownShare = new Float64Array(count);
  const subsidyRate = new Float64Array(count);
  const profileStart = new Int32Array(count + 1);
  const shares: number[] = [];
  projects.forEach((project, p) => {
    const d = project.durationMonths;
    durationLow[p] = d.low;
    durationRange[p] = Math.max(0, d.high - d.low);
    durationTable[p] = tableOf(shapeOf(distribution, d.low, d.mode, d.high));
    const k = risk.costLaw(project) ?? { low: 1, mode: 1, high: 1 };
    costLow[p] = k.low;
    costRange[p] = Math.max(0, k.high - k.low);
    costTable[p] = tableOf(shapeOf(distribution, k.low, k.mode, k.high));
    value[p] = projectValue(portfolio.criteria, project);
    const total = project.investment.reduce((sum, v) => sum + v, 0);
    plannedCost[p] = total;
    ownShare[p] = 1 - (project.partnerShare ?? 0);
    subsidyRate[p] = project.subsidyRate ?? 0;
    let cumulative = 0;
    const n = Math.max(1, project.investment.length);
    shares.push(0);
    for (let k2 = 0; k2 < n; k2++) {
      cumulative += total > 0 ? (project.investment[k2] ?? 0) / total : 1 / n;
      shares.push(k2 === n - 1 ? 1 : cumulative);
    }
    profileStart[p + 1] = profileStart[p]! + n + 1;
  });
  const tables = new Float64Array(Math.max(1, shapes.length) * TABLE_STRIDE);
  shapes.forEach((shape, i) => buildTable(shape, tables, i * TABLE_STRIDE));

  const factor = scenario?.budgetFactor.investment ?? 1;
  const envelope = Float64Array.from(
    { length: years },
    (_, y) => (portfolio.budget.investment[y] ?? 0) * factor,
  );
  const mandateMonth = mandateLimit(portfolio);
  const deadline = Float64Array.from(projects, (project) =>
    project.deadline ? monthIndex(project.deadline, firstYear) + 1 : Number.POSITIVE_INFINITY,
  );

  // Finish bounds in topological order: the earliest and latest start, plus the shortest and longest build.
  const stretch = swan && swan.probability > 0 ? Math.max(1, swan.scheduleFactor) : 1;
  const finishLow = new Float64Array(count);
  const finishHigh = new Float64Array(count);
  for (const p of order) {
    let early = plannedStart[p]!;
    let late = early;
    for (const q of preds[p]!) {
      early = Math.max(early, finishLow[q]!);
      late = Math.max(late, finishHigh[q]!);
    }
    finishLow[p] = early + durationLow[p]! * Math.min(1, stretch);
    finishHigh[p] = late + (durationLow[p]! + durationRange[p]!) * stretch;
  }

  return {
    projectCount: count,
    projectIds: plan.map((e) => e.project),
    startYears: plan.map((e) => e.start),
    firstYear,
    years,
    mandateMonth,
    order,
    plannedStart,
    predStart,
    predList,
    successorStart,
    deadline,
    finishLow,
    finishHigh,
    durationLow,
    durationRange,
    durationTable,
    costLow,
    costRange,
    costTable,
    tables,
    value,
    plannedCost,
    ownShare,
    subsidyRate,
    profileStart,
    profile: Float64Array.from(shares),
    envelope,
    sqrtRho: Math.sqrt(rho),
    sqrtOneMinusRho: Math.sqrt(1 - rho),
    swanProbability: swan ? swan.probability : 0,
    swanSchedule: swan ? swan.scheduleFactor : 1,
    swanCost: swan ? swan.costFactor : 1,
    swanThreshold: swan ? swan.probability * 4294967296 : 0,
    warnings,
  };
}

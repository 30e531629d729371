/**
 * What a committee's postponement costs (MODEL.md §8 `scenarios[].notBefore`):
 * the scenario optimised as it is, and again without the postponement, read
 * side by side with the comparison of compare.ts (value, projects that
 * enter, leave or move).
 *
 * - A postponement **binds** when its year is later than the start the
 *   project could have without it (its `earliestStart`, else the first year
 *   of the horizon); one at or before that start delays nothing, and a
 *   committed project (`fixedStart`) ignores it (problem.ts): neither needs
 *   an optimisation.
 * - Its **cost** is the optimiser's objective without it minus the
 *   objective with it (discounted value, §4): lifting a constraint never
 *   lowers the optimum, so the cost is at least 0 once both are optimal.
 *   Runs stopped by their time limit leave a gap: the cost is then an
 *   estimate, and the screen says so. The plan without the postponement is
 *   solved from the plan with it, a feasible start of the looser problem,
 *   so it is never reported worse than it.
 * - With several postponements, each is lifted alone (the others kept), and
 *   all of them together.
 *
 * Pure: the optimisations run in the compute wing (renderer/src/compute/
 * plan-variants.svelte.ts), or in tests with the optimiser directly.
 */
import type { PlanEntry, Portfolio, Scenario } from '../model/portfolio';
import { resolveScenario } from '../model/portfolio';
import { comparePlans, type PlanComparison } from './compare';

export interface Postponement {
  project: string;
  year: number;
  /** The start the project could have without the postponement (calendar year). */
  otherwise: number;
  /** False: the postponement delays nothing (see the module header). */
  binds: boolean;
}

/** The scenario's postponements in portfolio order, with whether each binds. */
export function postponementsOf(portfolio: Portfolio, scenarioId: string): Postponement[] {
  const scenario = portfolio.scenarios?.find((s) => s.id === scenarioId);
  const notBefore = scenario?.notBefore ?? {};
  const first = portfolio.horizon.firstYear;
  const out: Postponement[] = [];
  for (const p of portfolio.projects) {
    if (!Object.hasOwn(notBefore, p.id)) continue;
    const year = notBefore[p.id]!;
    const fixed = p.fixedStart ?? null;
    const otherwise = fixed ?? Math.max(first, p.earliestStart ?? first);
    out.push({ project: p.id, year, otherwise, binds: fixed === null && year > otherwise });
  }
  return out;
}

/** The document with the scenario's postponements of `projects` lifted (every one when omitted). */
export function withoutPostponements(
  portfolio: Portfolio,
  scenarioId: string,
  projects?: readonly string[],
): Portfolio {
  const lifted = projects ? new Set(projects) : null;
  return {
    ...portfolio,
    scenarios: (portfolio.scenarios ?? []).map((s): Scenario => {
      if (s.id !== scenarioId || !s.notBefore) return s;
      const kept = Object.entries(s.notBefore).filter(([id]) => lifted !== null && !lifted.has(id));
      const next: Scenario = { ...s, notBefore: Object.fromEntries(kept) };
      if (kept.length === 0) delete next.notBefore;
      return next;
    }),
  };
}

export interface PostponementEffect {
  /** The postponed projects lifted (one, or all of them). */
  projects: string[];
  /** Objective without the postponement minus objective with it (points of discounted value). */
  cost: number;
  /** Undiscounted value of the plan without minus with (points). */
  valueDifference: number;
  /** A: the plan without the postponement, B: the plan with it (compare.ts). */
  comparison: PlanComparison;
}

/** The effect of lifting `projects`' postponements, from the two optimised plans. */
export function postponementEffect(
  portfolio: Portfolio,
  scenarioId: string,
  projects: readonly string[],
  planWith: readonly PlanEntry[],
  planWithout: readonly PlanEntry[],
): PostponementEffect {
  const scenarioWith = resolveScenario(portfolio, scenarioId);
  if (!scenarioWith) throw new Error(`Le scénario « ${scenarioId} » n'existe pas.`);
  const lifted = withoutPostponements(portfolio, scenarioId, projects);
  const scenarioWithout = resolveScenario(lifted, scenarioId)!;
  const comparison = comparePlans(portfolio, planWithout, planWith, {
    scenarioA: scenarioWithout,
    scenarioB: scenarioWith,
  });
  return {
    projects: [...projects],
    cost: comparison.objectiveA - comparison.objectiveB,
    valueDifference: comparison.valueA - comparison.valueB,
    comparison,
  };
}

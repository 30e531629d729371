/**
 * The ranking heuristic most portfolio tools use (MODEL.md §4): sort the
 * projects by value per euro of net investment, then take each one at its
 * earliest start where every rule still holds. Projects that must be in the
 * plan are placed first, predecessors before dependants.
 *
 * It is what the optimiser is compared with ("the value of optimising"), and
 * its plan is the fallback the solver starts from, so it is computed, and can
 * be reported, before the solver runs.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../model/portfolio';
import { addLoads, addsWithin } from '../plan';
import {
  emptyUsage,
  isRequired,
  planObjective,
  prepareProblem,
  type PreparedProblem,
  type PreparedProject,
} from './problem';

export interface HeuristicResult {
  /** Σ V_p (1 - timePreference)^s over the plan, as for the optimiser. */
  objective: number;
  plan: PlanEntry[];
  /** False when a project that must be in the plan could not be placed. */
  feasible: boolean;
}

export function rankingHeuristic(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
): HeuristicResult {
  return rankingHeuristicPrepared(prepareProblem(portfolio, scenario));
}

/** Value per euro of net investment; free projects come first, by value. */
export function valuePerEuro(p: PreparedProject): number {
  const cost = p.investmentNet.reduce((a, b) => a + b, 0);
  return cost > 0 ? p.value / cost : Number.POSITIVE_INFINITY;
}

export function rankingHeuristicPrepared(problem: PreparedProblem): HeuristicResult {
  const usage = emptyUsage(problem);
  const start = new Map<number, number>();
  const excluded = new Map<number, number[]>();
  for (const [a, b] of problem.exclusions) {
    excluded.set(a, [...(excluded.get(a) ?? []), b]);
    excluded.set(b, [...(excluded.get(b) ?? []), a]);
  }

  const fitsAt = (p: PreparedProject, s: number): boolean => {
    for (const pi of p.dependsOn) {
      const ps = start.get(pi);
      if (ps === undefined || ps + (problem.projects[pi] as PreparedProject).duration > s) {
        return false;
      }
    }
    for (const q of excluded.get(p.index) ?? []) if (start.has(q)) return false;
    return addsWithin(usage, problem.ceilings, p.profile, s);
  };
  const take = (p: PreparedProject, s: number) => {
    start.set(p.index, s);
    addLoads(usage, p.profile, s);
  };
  const tryPlace = (p: PreparedProject): boolean => {
    for (const s of p.starts) {
      if (fitsAt(p, s)) {
        take(p, s);
        return true;
      }
    }
    return false;
  };

  // Required projects, predecessors first (a dependant's earliest start is
  // after its predecessors', so ordering by earliest start then by duration works).
  let feasible = true;
  const required = problem.projects.filter(isRequired);
  const pending = [...required];
  for (let progress = true; pending.length > 0 && progress;) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i] as PreparedProject;
      if (p.dependsOn.every((pi) => start.has(pi)) && tryPlace(p)) {
        pending.splice(i, 1);
        i--;
        progress = true;
      }
    }
  }
  if (pending.length > 0) feasible = false;

  const ranked = problem.projects
    .filter((p) => !isRequired(p) && p.starts.length > 0 && p.value > 0)
    .sort((a, b) => valuePerEuro(b) - valuePerEuro(a) || b.value - a.value || a.index - b.index);
  // A project whose predecessor comes later in the ranking gets another chance
  // once the predecessor is in.
  for (let progress = true; progress;) {
    progress = false;
    for (const p of ranked) {
      if (start.has(p.index)) continue;
      if (!p.dependsOn.every((pi) => start.has(pi))) continue;
      if (tryPlace(p)) progress = true;
    }
  }

  const plan = problem.projects
    .filter((p) => start.has(p.index))
    .map((p) => ({ project: p.id, start: problem.firstYear + (start.get(p.index) as number) }));
  return { objective: planObjective(problem, plan), plan, feasible };
}

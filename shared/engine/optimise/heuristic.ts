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
import {
  fits,
  isRequired,
  planObjective,
  prepareProblem,
  type PlanUsage,
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
  const Y = problem.years;
  const zeros = () => new Array<number>(Y).fill(0);
  const usage: PlanUsage = {
    investment: zeros(),
    operating: zeros(),
    teams: Object.fromEntries(problem.teams.map((t) => [t.id, zeros()])),
    directions: Object.fromEntries(problem.directions.map((d) => [d.id, zeros()])),
  };
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
    for (let t = s; t < Y; t++) {
      const k = t - s;
      if (k < p.duration) {
        const inv = (usage.investment[t] as number) + (p.investmentNet[k] as number);
        if (!fits(inv, problem.investmentCap[t] as number)) return false;
        for (const need of p.staff) {
          const team = problem.teams[need.team] as PreparedProblem['teams'][number];
          const used = ((usage.teams[team.id] as number[])[t] as number) + (need.days[k] ?? 0);
          if (!fits(used, team.capacity[t] as number)) return false;
        }
        if (p.direction >= 0) {
          const d = problem.directions[p.direction] as PreparedProblem['directions'][number];
          if (((usage.directions[d.id] as number[])[t] as number) + 1 > d.max) return false;
        }
      } else if (p.operatingNet > 0) {
        const op = (usage.operating[t] as number) + p.operatingNet;
        if (!fits(op, problem.operatingCap[t] as number)) return false;
      }
    }
    return true;
  };
  const take = (p: PreparedProject, s: number) => {
    start.set(p.index, s);
    for (let t = s; t < Y; t++) {
      const k = t - s;
      if (k < p.duration) {
        usage.investment[t] = (usage.investment[t] as number) + (p.investmentNet[k] as number);
        for (const need of p.staff) {
          const row = usage.teams[(problem.teams[need.team] as { id: string }).id] as number[];
          row[t] = (row[t] as number) + (need.days[k] ?? 0);
        }
        if (p.direction >= 0) {
          const row = usage.directions[
            (problem.directions[p.direction] as { id: string }).id
          ] as number[];
          row[t] = (row[t] as number) + 1;
        }
      } else {
        usage.operating[t] = (usage.operating[t] as number) + p.operatingNet;
      }
    }
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

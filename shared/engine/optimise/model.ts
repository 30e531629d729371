/**
 * The MILP of MODEL.md §4 as sparse rows for HiGHS.
 *
 * Columns are the binaries x[p,s] for each allowed start s of each project
 * that is not forced out. Rows, each tagged with the rule it stands for so
 * that the infeasibility diagnosis can relax one rule at a time:
 *
 * 1. choice: Σ_s x[p,s] <= 1, >= 1 when the project is mandatory, forced in
 *    or fixed (forced-out projects simply have no column);
 * 2. investment, 3. operating, 4. staff, 5. change load: one row per year
 *    (and per team or direction) with the scenario factors on the right;
 * 6. dependencies in aggregated, cumulative form: for each start s of q and
 *    each predecessor p, Σ_{s'' <= s} x[q,s''] <= Σ_{s' + n_p <= s} x[p,s'].
 *    This is stronger than one row per x[q,s] (its LP relaxation is tighter)
 *    and needs no big-M;
 * 7. exclusions: Σ_s x[p,s] + Σ_s x[q,s] <= 1.
 *
 * Objective: maximise Σ x[p,s] × gain[p,s], that is V_p × (1 - timePreference)^s,
 * times P_p(s) under the mandate objective of MODEL.md §7 (problem.ts).
 */
import type { PlanEntry } from '../../model/portfolio';
import type { PreparedProblem } from './problem';

/** The rule a row stands for. */
export type RowRule =
  | { kind: 'choice'; project: number }
  | { kind: 'investment'; t: number }
  | { kind: 'operating'; t: number }
  | { kind: 'staff'; team: number; t: number }
  | { kind: 'direction'; direction: number; t: number }
  | { kind: 'dependency'; project: number; on: number }
  | { kind: 'exclusion'; a: number; b: number };

export interface ModelRow {
  rule: RowRule;
  lower: number;
  upper: number;
  /** Bounds once the rule is lifted (a choice row keeps "at most one"). */
  relaxedLower: number;
  relaxedUpper: number;
  indices: number[];
  values: number[];
}

export interface BuiltModel {
  /** Project index and start index of each column. */
  columns: { project: number; start: number }[];
  cost: number[];
  rows: ModelRow[];
}

export function buildModel(problem: PreparedProblem, only?: ReadonlySet<number>): BuiltModel {
  const Y = problem.years;
  const columns: { project: number; start: number }[] = [];
  const cost: number[] = [];
  /** columnsOf[p] = [start, column index] pairs. */
  const columnsOf: [number, number][][] = problem.projects.map(() => []);
  for (const p of problem.projects) {
    if (p.forcedOut || (only && !only.has(p.index))) continue;
    for (const s of p.starts) {
      (columnsOf[p.index] as [number, number][]).push([s, columns.length]);
      columns.push({ project: p.index, start: s });
      cost.push(p.gain[s] as number);
    }
  }

  const rows: ModelRow[] = [];
  const push = (rule: RowRule, lower: number, upper: number, entries: Map<number, number>) => {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [j, v] of entries) {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    }
    const choice = rule.kind === 'choice';
    if (indices.length === 0 && lower <= 0 && upper >= 0) return;
    rows.push({
      rule,
      lower,
      upper,
      relaxedLower: choice ? 0 : -Infinity,
      relaxedUpper: choice ? 1 : Infinity,
      indices,
      values,
    });
  };

  for (const p of problem.projects) {
    if (only && !only.has(p.index)) continue;
    const direct = p.required.some((r) => r.kind !== 'dependency');
    const cols = columnsOf[p.index] as [number, number][];
    if (cols.length === 0 && !direct) continue;
    push(
      { kind: 'choice', project: p.index },
      direct ? 1 : 0,
      1,
      new Map(cols.map(([, j]) => [j, 1])),
    );
  }

  // Investment, operating, staff, change load: accumulate per year.
  const investment = Array.from({ length: Y }, () => new Map<number, number>());
  const operating = Array.from({ length: Y }, () => new Map<number, number>());
  const staff = problem.teams.map(() => Array.from({ length: Y }, () => new Map<number, number>()));
  const load = problem.directions.map(() =>
    Array.from({ length: Y }, () => new Map<number, number>()),
  );
  columns.forEach(({ project, start: s }, j) => {
    const p = problem.projects[project] as PreparedProblem['projects'][number];
    for (let t = s; t < Y; t++) {
      const k = t - s;
      if (k < p.duration) {
        (investment[t] as Map<number, number>).set(j, p.investmentNet[k] as number);
        for (const need of p.staff) {
          const row = (staff[need.team] as Map<number, number>[])[t] as Map<number, number>;
          row.set(j, (row.get(j) ?? 0) + (need.days[k] ?? 0));
        }
        if (p.direction >= 0) {
          ((load[p.direction] as Map<number, number>[])[t] as Map<number, number>).set(j, 1);
        }
      } else {
        (operating[t] as Map<number, number>).set(j, p.operatingNet);
      }
    }
  });
  for (let t = 0; t < Y; t++) {
    push(
      { kind: 'investment', t },
      -Infinity,
      problem.investmentCap[t] as number,
      investment[t] as Map<number, number>,
    );
    push(
      { kind: 'operating', t },
      -Infinity,
      problem.operatingCap[t] as number,
      operating[t] as Map<number, number>,
    );
    problem.teams.forEach((team, k) => {
      push(
        { kind: 'staff', team: k, t },
        -Infinity,
        team.capacity[t] as number,
        (staff[k] as Map<number, number>[])[t] as Map<number, number>,
      );
    });
    problem.directions.forEach((d, k) => {
      const row = (load[k] as Map<number, number>[])[t] as Map<number, number>;
      // A row that cannot bind is left out.
      if (row.size > d.max) push({ kind: 'direction', direction: k, t }, -Infinity, d.max, row);
    });
  }

  for (const q of problem.projects) {
    const qCols = columnsOf[q.index] as [number, number][];
    if (qCols.length === 0) continue;
    for (const pi of q.dependsOn) {
      const p = problem.projects[pi] as PreparedProblem['projects'][number];
      const pCols = columnsOf[pi] as [number, number][];
      for (const [s] of qCols) {
        const entries = new Map<number, number>();
        for (const [sq, j] of qCols) if (sq <= s) entries.set(j, 1);
        for (const [sp, j] of pCols) if (sp + p.duration <= s) entries.set(j, -1);
        push({ kind: 'dependency', project: q.index, on: pi }, -Infinity, 0, entries);
      }
    }
  }

  for (const [a, b] of problem.exclusions) {
    const entries = new Map<number, number>();
    for (const [, j] of columnsOf[a] as [number, number][]) entries.set(j, 1);
    for (const [, j] of columnsOf[b] as [number, number][]) entries.set(j, 1);
    if (entries.size > 0) push({ kind: 'exclusion', a, b }, -Infinity, 1, entries);
  }
  return { columns, cost, rows };
}

/** The 0/1 column vector of a plan (columns it cannot use are left at 0). */
export function planToColumns(
  problem: PreparedProblem,
  model: BuiltModel,
  plan: readonly PlanEntry[],
): number[] {
  const wanted = new Map<number, number>();
  for (const entry of plan) {
    const p = problem.byId.get(entry.project);
    if (p) wanted.set(p.index, entry.start - problem.firstYear);
  }
  return model.columns.map(({ project, start }) => (wanted.get(project) === start ? 1 : 0));
}

/** The plan a column vector stands for. */
export function columnsToPlan(
  problem: PreparedProblem,
  model: BuiltModel,
  values: ArrayLike<number>,
): PlanEntry[] {
  const plan: PlanEntry[] = [];
  model.columns.forEach(({ project, start }, j) => {
    if ((values[j] ?? 0) > 0.5) {
      plan.push({
        project: (problem.projects[project] as { id: string }).id,
        start: problem.firstYear + start,
      });
    }
  });
  const order = new Map(problem.projects.map((p) => [p.id, p.index]));
  return plan.sort(
    (a, b) => a.start - b.start || (order.get(a.project) ?? 0) - (order.get(b.project) ?? 0),
  );
}

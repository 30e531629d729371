/**
 * Reading the execution record (MODEL.md §9 `actuals`): what was paid on a
 * project, in which years, and where it stands.
 *
 * Rules (MODEL.md §9 is silent on these; the choices a finance director
 * expects, written here and in the calculation notes):
 *
 * - **Paid** = the sum of the project's `actuals[].paid`, every year. A row
 *   is the CP actually paid (mandaté) that year, gross: partner shares and
 *   subsidies come in as receipts, not as less expense.
 * - **Latest status** = the `status` of the row with the greatest `year`
 *   among the rows that carry one (two rows of the same year: the later in
 *   the list; validation refuses that anyway). A project whose rows carry no
 *   status at all is `en-cours` when something was paid (Σ paid > 0), and
 *   not started (`non-demarre`) otherwise, as is a project with no row.
 * - **Started in** = the first year with something paid or a status
 *   `en-cours` or `livre`; none for a project not started.
 * - **Paid before the horizon** = the rows of years before
 *   `horizon.firstYear`: CP of past budget years, facts no plan changes
 *   (the document of the next year keeps last year's rows, MODEL.md §9).
 * - **Current AP** (*AP actualisée*) of a project = what was paid before the
 *   horizon + Σ of its `investment` (the CP still planned from its start).
 *   In a first-year document nothing was paid before the horizon and the AP
 *   is Σ investment (MODEL.md §6); in the next year's document a continued
 *   project's `investment` is its remainder (`next-year.ts`), so this gives
 *   back its whole AP.
 */
import type { ActualStatus, Portfolio, Project } from '../model/portfolio';
import { toCents } from './finance';
import { finite } from './plan';

/** A project's standing: the statuses of MODEL.md §9, or not started. */
export type ExecutionState = ActualStatus | 'non-demarre';

export interface ProjectActuals {
  status: ExecutionState;
  /** Σ paid, every year. */
  paid: number;
  /** Paid per calendar year (years with a row). */
  paidByYear: Map<number, number>;
  /** Σ paid in the years before `horizon.firstYear`. */
  paidBefore: number;
  /** First year with something paid or a status en-cours / livre; null when not started. */
  startedIn: number | null;
}

const NOT_STARTED: ProjectActuals = {
  status: 'non-demarre',
  paid: 0,
  paidByYear: new Map(),
  paidBefore: 0,
  startedIn: null,
};

/** The execution record of every project that has a row, by project id. */
export function actualsByProject(portfolio: Portfolio): Map<string, ProjectActuals> {
  const firstYear = portfolio.horizon.firstYear;
  const rows = new Map<string, { year: number; paid: number; status?: ActualStatus }[]>();
  for (const row of portfolio.actuals ?? []) {
    const list = rows.get(row.project) ?? [];
    list.push({ year: row.year, paid: finite(row.paid), status: row.status });
    rows.set(row.project, list);
  }
  const out = new Map<string, ProjectActuals>();
  for (const [id, list] of rows) {
    const paidByYear = new Map<number, number>();
    let paid = 0;
    let paidBefore = 0;
    let startedIn: number | null = null;
    let latest: { year: number; status: ActualStatus } | null = null;
    for (const row of list) {
      paidByYear.set(row.year, toCents((paidByYear.get(row.year) ?? 0) + row.paid));
      paid += row.paid;
      if (row.year < firstYear) paidBefore += row.paid;
      if (row.paid > 0 || row.status === 'en-cours' || row.status === 'livre') {
        startedIn = startedIn === null ? row.year : Math.min(startedIn, row.year);
      }
      if (row.status && (latest === null || row.year >= latest.year)) {
        latest = { year: row.year, status: row.status };
      }
    }
    const status: ExecutionState = latest?.status ?? (paid > 0 ? 'en-cours' : 'non-demarre');
    out.set(id, {
      status,
      paid: toCents(paid),
      paidByYear,
      paidBefore: toCents(paidBefore),
      startedIn,
    });
  }
  return out;
}

/** One project's execution record (not started when it has no row). */
export function projectActuals(
  record: ReadonlyMap<string, ProjectActuals>,
  projectId: string,
): ProjectActuals {
  return record.get(projectId) ?? NOT_STARTED;
}

/** AP actualisée: paid before the horizon + Σ of the CP still planned (see the header). */
export function currentAp(project: Project, actuals: ProjectActuals): number {
  return toCents(actuals.paidBefore + project.investment.reduce((s, x) => s + finite(x), 0));
}

/** The last budget year whose execution is recorded (the greatest `actuals[].year`), or null. */
export function lastActualYear(portfolio: Portfolio): number | null {
  let last: number | null = null;
  for (const row of portfolio.actuals ?? [])
    last = last === null ? row.year : Math.max(last, row.year);
  return last;
}

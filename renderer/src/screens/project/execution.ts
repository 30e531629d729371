/**
 * A project's execution on its sheet (MODEL.md §9 `actuals`): which budget
 * years its table shows, what was voted for each (the baseline's CP, else
 * the CP planned by the scenario's plan), and the edits of one cell (the
 * CP paid or the status of a year), each one edit of the `actuals` section.
 * Pure: tested in Node.
 *
 * Rules of a cell:
 *
 * - **CP payés**: a number of euros ≥ 0 sets the year's row (added when the
 *   year had none, in year order among the project's rows); emptied, the
 *   row goes, unless it carries a status, which stays with 0 paid.
 * - **État**: a status sets it on the year's row (a row with 0 paid is
 *   added when there was none); « — » removes it, and the row with it when
 *   nothing was paid that year.
 */
import { adoptedSchedule, plannedStart } from '../../../../shared/engine/baseline';
import type { EditOp } from '../../../../shared/model/edits';
import {
  resolveScenario,
  type ActualEntry,
  type ActualStatus,
  type Portfolio,
  type Project,
} from '../../../../shared/model/portfolio';

export interface ExecutionColumn {
  year: number;
  /** CP voted (or planned) that year; null when the project has no planned start. */
  voted: number | null;
  /** The year's row, if any. */
  row: ActualEntry | undefined;
}

export interface ExecutionTable {
  columns: ExecutionColumn[];
  /** 'adopted': CP of the baseline; 'planned': of the scenario's plan; 'none'. */
  source: 'adopted' | 'planned' | 'none';
  start: number | null;
}

/** The years shown: the horizon, widened to the planned years and the years with a row. */
export function executionTable(portfolio: Portfolio, project: Project): ExecutionTable {
  const rows = (portfolio.actuals ?? []).filter((a) => a.project === project.id);
  const adopted = adoptedSchedule(portfolio, project);
  const scenario =
    resolveScenario(portfolio, portfolio.baseline?.scenario) ?? resolveScenario(portfolio);
  const start = adopted?.start ?? plannedStart(portfolio, project, scenario) ?? null;
  const cp = adopted?.cp ?? project.investment;
  const source = adopted ? 'adopted' : start !== null ? 'planned' : 'none';
  const { firstYear, years } = portfolio.horizon;
  const span = [firstYear, firstYear + years - 1, ...rows.map((r) => r.year)];
  if (start !== null) span.push(start, start + cp.length - 1);
  const first = Math.min(...span);
  const last = Math.max(...span);
  const columns = Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const k = start === null ? -1 : year - start;
    return {
      year,
      voted: start === null ? null : k >= 0 && k < cp.length ? (cp[k] ?? 0) : 0,
      row: rows.find((r) => r.year === year),
    };
  });
  return { columns, source, start };
}

function put(portfolio: Portfolio, actuals: ActualEntry[]): EditOp[] {
  return [
    {
      op: 'section.put',
      section: 'actuals',
      value: actuals.length > 0 ? actuals : undefined,
    },
  ];
}

/** `list` with `row` in year order among the project's rows. */
function inserted(list: ActualEntry[], row: ActualEntry): ActualEntry[] {
  const later = list.findIndex((a) => a.project === row.project && a.year > row.year);
  if (later >= 0) return [...list.slice(0, later), row, ...list.slice(later)];
  let lastOwn = -1;
  list.forEach((a, i) => {
    if (a.project === row.project) lastOwn = i;
  });
  if (lastOwn >= 0) return [...list.slice(0, lastOwn + 1), row, ...list.slice(lastOwn + 1)];
  return [...list, row];
}

/** Sets (a number) or clears (undefined) the CP paid of a year (see the header). */
export function paidOps(
  portfolio: Portfolio,
  project: string,
  year: number,
  paid: number | undefined,
): EditOp[] {
  const list = portfolio.actuals ?? [];
  const at = list.findIndex((a) => a.project === project && a.year === year);
  if (at < 0) {
    if (paid === undefined) return [];
    return put(portfolio, inserted(list, { project, year, paid }));
  }
  const row = list[at]!;
  if (paid === undefined && row.status === undefined) {
    return put(
      portfolio,
      list.filter((_, i) => i !== at),
    );
  }
  const next = { ...row, paid: paid ?? 0 };
  return put(
    portfolio,
    list.map((a, i) => (i === at ? next : a)),
  );
}

/** Sets (a status) or clears (undefined) the status of a year (see the header). */
export function statusOps(
  portfolio: Portfolio,
  project: string,
  year: number,
  status: ActualStatus | undefined,
): EditOp[] {
  const list = portfolio.actuals ?? [];
  const at = list.findIndex((a) => a.project === project && a.year === year);
  if (at < 0) {
    if (status === undefined) return [];
    return put(portfolio, inserted(list, { project, year, paid: 0, status }));
  }
  const row = list[at]!;
  if (status === undefined) {
    if (row.paid === 0) {
      return put(
        portfolio,
        list.filter((_, i) => i !== at),
      );
    }
    const { status: _gone, ...rest } = row;
    return put(
      portfolio,
      list.map((a, i) => (i === at ? rest : a)),
    );
  }
  return put(
    portfolio,
    list.map((a, i) => (i === at ? { ...row, status } : a)),
  );
}

export const STATUSES: readonly ActualStatus[] = ['en-cours', 'livre', 'abandonne'];

export function isStatus(value: string): value is ActualStatus {
  return (STATUSES as readonly string[]).includes(value);
}

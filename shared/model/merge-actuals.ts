/**
 * Merging execution rows read elsewhere (a workbook, an accounting export)
 * into a document's `actuals` (MODEL.md §9), the rule the import applies:
 *
 * - a row is a project and a budget year; an incoming row for a project and
 *   year the document already has **replaces** that row's figures in
 *   place: its `paid` when the incoming row gives one, its `status` when it
 *   gives one; what it leaves empty keeps what the document had (an
 *   accounting export without a status column does not erase the statuses
 *   entered on the project sheets); other fields of the row are kept;
 * - a row for a project and year the document does not have is **added**
 *   after the existing rows, in the order read; an empty amount is then 0;
 * - rows the import does not name are kept as they are.
 *
 * Pure: the main process checks the merged document before the renderer
 * sends the same merge as one edit.
 */
import type { ActualEntry, ActualStatus } from './portfolio';

/** A row as read: the amount or the status may be left empty. */
export interface IncomingActual {
  project: string;
  year: number;
  paid?: number;
  status?: ActualStatus;
}

export interface MergedActuals {
  actuals: ActualEntry[];
  /** Indices in `actuals` of the rows added. */
  added: number[];
  /** Indices in `actuals` of the existing rows whose figures were replaced. */
  replaced: number[];
  /** For each incoming row, its index in `actuals`. */
  placed: number[];
}

const keyOf = (project: string, year: number) => JSON.stringify([project, year]);

/** The rows of `incoming` merged into `existing` (see the header); inputs untouched. */
export function mergeActuals(
  existing: readonly ActualEntry[] | undefined,
  incoming: readonly IncomingActual[],
): MergedActuals {
  const actuals: ActualEntry[] = (existing ?? []).map((row) => ({ ...row }));
  const index = new Map<string, number>();
  actuals.forEach((row, i) => {
    const key = keyOf(row.project, row.year);
    if (!index.has(key)) index.set(key, i);
  });
  const added: number[] = [];
  const replaced = new Set<number>();
  const placed: number[] = [];
  for (const row of incoming) {
    const key = keyOf(row.project, row.year);
    const at = index.get(key);
    if (at === undefined) {
      const entry: ActualEntry = { project: row.project, year: row.year, paid: row.paid ?? 0 };
      if (row.status !== undefined) entry.status = row.status;
      index.set(key, actuals.length);
      added.push(actuals.length);
      placed.push(actuals.length);
      actuals.push(entry);
      continue;
    }
    const entry = actuals[at]!;
    if (row.paid !== undefined) entry.paid = row.paid;
    if (row.status !== undefined) entry.status = row.status;
    if (!added.includes(at)) replaced.add(at);
    placed.push(at);
  }
  return { actuals, added, replaced: [...replaced].sort((a, b) => a - b), placed };
}

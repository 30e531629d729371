/**
 * The AP/CP annex as voted (MODEL.md §9, CLI.md `finance --json` `annex`):
 * one row per planned project with its AP number, label, amount, CP per
 * year and first year, and its revision against the plan adopted in
 * committee; and the adoption itself (`adoptPlan`), which records what the
 * annex showed.
 *
 * Rules (where MODEL.md is silent):
 *
 * - **Rows** follow the plan's order, one per plan entry.
 * - **CP per year** run from the row's first year to its last CP: the CP
 *   paid in the years before the horizon (`actuals`, realised: facts of
 *   past budgets), then the CP planned, `investment[k]` in `start + k` (also
 *   past the horizon). **First year** = the earliest of the first year
 *   something was paid before the horizon and the plan's start.
 * - **Amount** = gross AP = Σ of the row's CP (the *AP actualisée*, see
 *   `currentAp` in `actuals.ts`), rounded to the cent.
 * - **AP number**: the project's `apNumber` when set (trimmed); else the
 *   number the baseline kept when the plan was adopted; else a generated
 *   `AP-<first year>-<nn>`: `nn` counts from 01, per first year, the rows
 *   needing a number in plan order, skipping every number already carried by
 *   a project or kept by the baseline (two digits, more past 99).
 * - **Revisions** (*AP initiale, révisions, AP actualisée*): AP initiale =
 *   the AP voted in the baseline (`baseline.ts`; null for a project the
 *   baseline does not hold, a new AP, or a baseline that did not keep its
 *   amounts); révision = amount − AP initiale; AP actualisée = amount.
 * - **Adoption** (`adoptPlan`): the baseline of a plan holds, per entry, its
 *   `start`, the annex's `amount` as `ap`, the project's CP schedule from its
 *   start as `cp`, and the row's AP number as `apNumber`.
 */
import type { Baseline, PlanEntry, Portfolio } from '../model/portfolio';
import { actualsByProject, projectActuals } from './actuals';
import { adoptedSchedule, recordedApNumber } from './baseline';
import { toCents } from './finance';
import { finite } from './plan';

export interface AnnexRow {
  /** AP number. */
  ap: string;
  project: string;
  /** The project's name. */
  label: string;
  /** Gross AP: Σ of `cp` (AP actualisée). */
  amount: number;
  /** CP by calendar year from `firstYear` (realised before the horizon, planned after). */
  cp: number[];
  firstYear: number;
  /** The plan's start year. */
  start: number;
  /** AP voted in the baseline, or null (see the header). */
  initial: number | null;
  /** amount − initial, or null. */
  revision: number | null;
}

export interface AnnexTotal {
  amount: number;
  /** Σ of the rows' CP by calendar year from `firstYear`. */
  cp: number[];
  firstYear: number;
  /** Σ of the known AP initiales and revisions. */
  initial: number;
  revision: number;
}

/** The annex of a plan (see the header). Throws when the plan names an unknown project. */
export function annexRows(portfolio: Portfolio, plan: readonly PlanEntry[]): AnnexRow[] {
  const firstYear = portfolio.horizon.firstYear;
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const record = actualsByProject(portfolio);
  const drafts = plan.map((entry) => {
    const project = byId.get(entry.project);
    if (!project) {
      throw new Error(`Le plan cite le projet « ${entry.project} », absent du portefeuille.`);
    }
    const paidBefore = [...projectActuals(record, project.id).paidByYear].filter(
      ([year, paid]) => year < firstYear && paid !== 0,
    );
    const n = project.investment.length;
    const first = Math.min(entry.start, ...paidBefore.map(([year]) => year));
    const last = Math.max(entry.start + n - 1, ...paidBefore.map(([year]) => year));
    const cp = Array.from({ length: last - first + 1 }, (_, i) => {
      const year = first + i;
      const k = year - entry.start;
      const planned = k >= 0 && k < n ? finite(project.investment[k]) : 0;
      const paid = year < firstYear ? (paidBefore.find(([y]) => y === year)?.[1] ?? 0) : 0;
      return toCents(planned + paid);
    });
    const amount = toCents(cp.reduce((s, x) => s + x, 0));
    const initial = adoptedSchedule(portfolio, project)?.ap ?? null;
    return {
      project: project.id,
      label: project.name,
      amount,
      cp,
      firstYear: first,
      start: entry.start,
      initial,
      revision: initial === null ? null : toCents(amount - initial),
    };
  });
  const numbers = apNumbers(
    portfolio,
    drafts.map((d) => ({ project: d.project, firstYear: d.firstYear })),
  );
  return drafts.map((d, i) => ({ ap: numbers[i]!, ...d }));
}

/**
 * AP numbers of rows in plan order (see the header): the project's own,
 * else the baseline's, else generated.
 */
export function apNumbers(
  portfolio: Portfolio,
  rows: readonly { project: string; firstYear: number }[],
): string[] {
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const own = (id: string) => {
    const n = byId.get(id)?.apNumber;
    return typeof n === 'string' && n.trim() !== '' ? n.trim() : undefined;
  };
  const kept = (id: string) =>
    recordedApNumber(portfolio.baseline?.plan.find((e) => e.project === id));
  const taken = new Set<string>();
  for (const p of portfolio.projects) {
    const n = own(p.id);
    if (n) taken.add(n);
  }
  for (const e of portfolio.baseline?.plan ?? []) {
    const n = recordedApNumber(e);
    if (n) taken.add(n);
  }
  const counters = new Map<number, number>();
  return rows.map(({ project, firstYear }) => {
    const given = own(project) ?? kept(project);
    if (given) return given;
    let k = counters.get(firstYear) ?? 0;
    let number: string;
    do {
      k += 1;
      number = `AP-${firstYear}-${String(k).padStart(2, '0')}`;
    } while (taken.has(number));
    counters.set(firstYear, k);
    taken.add(number);
    return number;
  });
}

/** The total row of an annex: amounts, CP by year over every row's years, revisions. */
export function annexTotal(rows: readonly AnnexRow[], fallbackYear: number): AnnexTotal {
  if (rows.length === 0)
    return { amount: 0, cp: [], firstYear: fallbackYear, initial: 0, revision: 0 };
  const firstYear = Math.min(...rows.map((r) => r.firstYear));
  const lastYear = Math.max(...rows.map((r) => r.firstYear + r.cp.length - 1));
  const cp = new Array<number>(lastYear - firstYear + 1).fill(0);
  for (const r of rows) r.cp.forEach((v, i) => (cp[r.firstYear - firstYear + i]! += v));
  const sum = (xs: (number | null)[]) => toCents(xs.reduce<number>((s, x) => s + (x ?? 0), 0));
  return {
    amount: sum(rows.map((r) => r.amount)),
    cp: cp.map(toCents),
    firstYear,
    initial: sum(rows.map((r) => r.initial)),
    revision: sum(rows.map((r) => r.revision)),
  };
}

/** A row's CP in a calendar year (0 outside its years). */
export function cpIn(row: Pick<AnnexRow, 'cp' | 'firstYear'>, year: number): number {
  return row.cp[year - row.firstYear] ?? 0;
}

export interface Adoption {
  /** YYYY-MM-DD */
  date: string;
  meeting?: string;
  scenario?: string;
}

/**
 * The baseline that adopting `plan` in committee records: per entry its
 * start, the AP voted (`ap`), the CP voted from its start (`cp`) and its AP
 * number (`apNumber`), as the annex shows them now.
 */
export function adoptPlan(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  adoption: Adoption,
): Baseline {
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const rows = annexRows(portfolio, plan);
  return {
    date: adoption.date,
    ...(adoption.meeting !== undefined ? { meeting: adoption.meeting } : {}),
    ...(adoption.scenario !== undefined ? { scenario: adoption.scenario } : {}),
    plan: rows.map((r) => ({
      project: r.project,
      start: r.start,
      ap: r.amount,
      cp: byId.get(r.project)!.investment.map((x) => toCents(finite(x))),
      apNumber: r.ap,
    })),
  };
}

/**
 * Execution of the adopted plan (MODEL.md §9): per project and year, the CP
 * voted against the CP paid (*taux de réalisation*), the AP still to pay,
 * and the projects late against the baseline. The follow-up screen shows
 * these figures; the re-forecast of the remaining spend is `reforecast.ts`.
 *
 * Rules (where MODEL.md is silent):
 *
 * - **Voted**: the baseline's CP schedule (`baseline.ts`: the CP kept on
 *   adoption, `cp[k]` in `start + k`, else the project's current schedule
 *   from the adopted start). Without a baseline, the plan passed in (the
 *   scenario's) stands for it; without either nothing is voted.
 * - **Paid**: the `actuals` rows (`actuals.ts`).
 * - **Projects followed**: those of the baseline (in its order), then those
 *   with actuals but not adopted (voted 0), in document order.
 * - **Closed years** (*exercices clos*): the years up to `asOf`, by default
 *   the last year with an `actuals` row (the engine knows no calendar: a
 *   year is past once its execution is recorded). Later years show what is
 *   voted, and no rate.
 * - **Taux de réalisation** of a year = paid / voted (null when nothing was
 *   voted); in total = Σ paid / Σ voted over the closed years. The same per
 *   project and over every project.
 * - **Remaining AP** = current AP (*AP actualisée*: paid before the horizon
 *   + Σ investment) − Σ paid.
 * - **Late** against the baseline, for a project whose latest status is not
 *   `livre` (a project delivered for less is not late): started later than
 *   planned (its first year with a payment or a status `en-cours`/`livre`
 *   after the adopted start), or not started while its adopted start is a
 *   closed year (`start`); or paid less than voted in a closed year (`paid`,
 *   by more than half a cent; the years are listed). An `abandonne` project
 *   is listed too, with its status, since the baseline counted on it.
 */
import type { PlanEntry, Portfolio, Project } from '../model/portfolio';
import {
  actualsByProject,
  currentAp,
  lastActualYear,
  projectActuals,
  type ExecutionState,
} from './actuals';
import { adoptedSchedule } from './baseline';
import { toCents } from './finance';
import { finite } from './plan';

export interface ExecutionYear {
  year: number;
  voted: number;
  paid: number;
  /** paid / voted for a closed year with something voted; else null. */
  rate: number | null;
  /** A year whose execution is recorded (≤ asOf). */
  closed: boolean;
}

export type LateReason =
  { kind: 'start'; planned: number; actual: number | null } | { kind: 'paid'; years: number[] };

export interface ProjectExecution {
  project: string;
  status: ExecutionState;
  /** Adopted start; null for a project followed only through its actuals. */
  plannedStart: number | null;
  startedIn: number | null;
  years: ExecutionYear[];
  /** Σ voted over every year (the CP voted). */
  voted: number;
  /** Σ paid over every year. */
  paid: number;
  /** Rate over the closed years. */
  rate: number | null;
  /** AP actualisée. */
  ap: number;
  /** ap − paid */
  remaining: number;
  /** Empty when on time. */
  late: LateReason[];
}

export interface ExecutionReport {
  /** Last closed year, or null when no execution is recorded. */
  asOf: number | null;
  /** Over every project followed, per calendar year. */
  years: ExecutionYear[];
  rate: number | null;
  projects: ProjectExecution[];
  /** Ids of the late projects, in the order of `projects`. */
  late: string[];
}

export interface ExecutionOptions {
  /** Stands for the baseline when the document has none (e.g. the scenario's plan). */
  plan?: readonly PlanEntry[];
  /** Last closed year (default: the last year with an actuals row). */
  asOf?: number | null;
}

const rateOf = (paid: number, voted: number): number | null => (voted > 0 ? paid / voted : null);

/** Voted CP by calendar year of one project (see the header). */
function votedByYear(
  portfolio: Portfolio,
  project: Project,
  fallback: PlanEntry | undefined,
): { start: number; byYear: Map<number, number> } | undefined {
  const adopted = adoptedSchedule(portfolio, project);
  const start = adopted?.start ?? fallback?.start;
  if (start === undefined) return undefined;
  const cp = adopted?.cp ?? project.investment.map(finite);
  return { start, byYear: new Map(cp.map((v, k) => [start + k, v])) };
}

/** Voted against paid, remaining AP and lateness (see the header). */
export function executionReport(
  portfolio: Portfolio,
  options: ExecutionOptions = {},
): ExecutionReport {
  const record = actualsByProject(portfolio);
  const asOf = options.asOf !== undefined ? options.asOf : lastActualYear(portfolio);
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const adopted = portfolio.baseline ? portfolio.baseline.plan : (options.plan ?? []);
  const fallback = new Map((options.plan ?? []).map((e) => [e.project, e]));
  const ids: string[] = [];
  for (const e of adopted) if (byId.has(e.project) && !ids.includes(e.project)) ids.push(e.project);
  for (const p of portfolio.projects) if (record.has(p.id) && !ids.includes(p.id)) ids.push(p.id);

  const rows = ids.map((id) => {
    const project = byId.get(id)!;
    const actuals = projectActuals(record, id);
    const inPlan = adopted.some((e) => e.project === id);
    const voted = inPlan
      ? votedByYear(portfolio, project, portfolio.baseline ? undefined : fallback.get(id))
      : undefined;
    return { project, actuals, voted };
  });

  const allYears = rows.flatMap((r) => [
    ...(r.voted ? [...r.voted.byYear.keys()] : []),
    ...r.actuals.paidByYear.keys(),
  ]);
  const first = allYears.length ? Math.min(...allYears) : portfolio.horizon.firstYear;
  const last = allYears.length ? Math.max(...allYears) : first - 1;
  const calendar = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const closed = (year: number) => asOf !== null && year <= asOf;

  const projects: ProjectExecution[] = rows.map(({ project, actuals, voted }) => {
    const years = calendar.map((year) => {
      const v = voted?.byYear.get(year) ?? 0;
      const paid = actuals.paidByYear.get(year) ?? 0;
      return {
        year,
        voted: v,
        paid,
        rate: closed(year) ? rateOf(paid, v) : null,
        closed: closed(year),
      };
    });
    const closedYears = years.filter((y) => y.closed);
    const late: LateReason[] = [];
    if (voted && actuals.status !== 'livre') {
      const { startedIn } = actuals;
      if (startedIn !== null ? startedIn > voted.start : closed(voted.start)) {
        late.push({ kind: 'start', planned: voted.start, actual: startedIn });
      }
      const short = closedYears.filter((y) => y.paid < y.voted - 0.005).map((y) => y.year);
      if (short.length) late.push({ kind: 'paid', years: short });
    }
    const ap = currentAp(project, actuals);
    const votedTotal = toCents(years.reduce((s, y) => s + y.voted, 0));
    return {
      project: project.id,
      status: actuals.status,
      plannedStart: voted?.start ?? null,
      startedIn: actuals.startedIn,
      years,
      voted: votedTotal,
      paid: actuals.paid,
      rate: rateOf(
        closedYears.reduce((s, y) => s + y.paid, 0),
        closedYears.reduce((s, y) => s + y.voted, 0),
      ),
      ap,
      remaining: toCents(ap - actuals.paid),
      late,
    };
  });

  const years = calendar.map((year, i) => {
    const v = toCents(projects.reduce((s, p) => s + p.years[i]!.voted, 0));
    const paid = toCents(projects.reduce((s, p) => s + p.years[i]!.paid, 0));
    return {
      year,
      voted: v,
      paid,
      rate: closed(year) ? rateOf(paid, v) : null,
      closed: closed(year),
    };
  });
  const closedYears = years.filter((y) => y.closed);
  return {
    asOf,
    years,
    rate: rateOf(
      closedYears.reduce((s, y) => s + y.paid, 0),
      closedYears.reduce((s, y) => s + y.voted, 0),
    ),
    projects,
    late: projects.filter((p) => p.late.length > 0).map((p) => p.project),
  };
}

/**
 * The plan adopted in committee (MODEL.md §9 `baseline`) as the engines read
 * it: which projects were voted, from which year, with which amounts.
 *
 * **What the baseline keeps** (an Arbitra extension of format 1, written by
 * `adoptPlan` in `annex.ts` when the committee adopts a plan): each
 * `baseline.plan[]` entry may carry, besides `project` and `start`,
 *
 * - `ap`: the AP voted, in euros: the project's whole amount as the AP/CP
 *   annex showed it on adoption (CP paid in earlier years included);
 * - `cp`: the CP voted, gross, by project year from `start` (year 1 = start);
 * - `apNumber`: the AP number the annex gave it (so that a number generated
 *   on adoption stays the same in later years).
 *
 * Without them (a baseline written by hand, as in MODEL.md §9), the CP voted
 * are taken as the project's current `investment` from the adopted `start`,
 * and the AP voted is unknown (`null`: no revision can be shown).
 *
 * **The planned start** of a project, for the follow-up and the next year
 * (MODEL.md §9: « the baseline's start, else the scenario's plan »): its
 * `fixedStart` when set (every plan starts it then, and a project continued
 * by `next-year` has its arrays from that year), else its start in the
 * baseline, else its start in the scenario's plan; none otherwise.
 */
import type { Baseline, PlanEntry, Portfolio, Project, ResolvedScenario } from '../model/portfolio';
import { toCents } from './finance';
import { finite } from './plan';

/** What the baseline says of one project. */
export interface AdoptedSchedule {
  start: number;
  /** CP voted by project year from `start`, gross. */
  cp: number[];
  /** AP voted; null when the baseline did not keep its amounts. */
  ap: number | null;
  /** Whether `cp` was kept by the baseline (else it is the project's current schedule). */
  recorded: boolean;
  /** AP number kept on adoption, if any. */
  apNumber?: string;
}

const isAmounts = (x: unknown): x is number[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** The baseline's entry for a project, if it was adopted. */
export function baselineEntry(baseline: Baseline | undefined, id: string): PlanEntry | undefined {
  return baseline?.plan.find((e) => e.project === id);
}

/** An AP number kept in a baseline entry (trimmed), if any. */
export function recordedApNumber(entry: PlanEntry | undefined): string | undefined {
  const n = entry?.apNumber;
  return typeof n === 'string' && n.trim() !== '' ? n.trim() : undefined;
}

/** The CP and AP voted for a project in the baseline; undefined when it was not adopted. */
export function adoptedSchedule(
  portfolio: Portfolio,
  project: Project,
): AdoptedSchedule | undefined {
  const entry = baselineEntry(portfolio.baseline, project.id);
  if (!entry) return undefined;
  const recorded = isAmounts(entry.cp);
  const cp = recorded ? (entry.cp as number[]).slice() : project.investment.map(finite);
  const ap =
    typeof entry.ap === 'number' && Number.isFinite(entry.ap)
      ? entry.ap
      : recorded
        ? toCents(cp.reduce((s, x) => s + x, 0))
        : null;
  const apNumber = recordedApNumber(entry);
  return { start: entry.start, cp, ap, recorded, ...(apNumber ? { apNumber } : {}) };
}

/**
 * The plan the follow-up and the next year work from: the baseline's
 * entries, then those of the scenario's plan for projects the baseline does
 * not hold (a plan entry naming no project is skipped), each at its planned
 * start (a `fixedStart` wins, see the header).
 */
export function plannedPlan(portfolio: Portfolio, scenario?: ResolvedScenario): PlanEntry[] {
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const out: PlanEntry[] = [];
  const seen = new Set<string>();
  for (const e of [...(portfolio.baseline?.plan ?? []), ...(scenario?.plan ?? [])]) {
    const project = byId.get(e.project);
    if (seen.has(e.project) || !project) continue;
    seen.add(e.project);
    const fixed = project.fixedStart;
    out.push({ project: e.project, start: typeof fixed === 'number' ? fixed : e.start });
  }
  return out;
}

/** The planned start of a project (see the header), or undefined. */
export function plannedStart(
  portfolio: Portfolio,
  project: Project,
  scenario?: ResolvedScenario,
): number | undefined {
  if (typeof project.fixedStart === 'number') return project.fixedStart;
  return (
    baselineEntry(portfolio.baseline, project.id)?.start ??
    scenario?.plan?.find((e) => e.project === project.id)?.start
  );
}

/**
 * The committee's decision log (MODEL.md §2 `decisions`, §8 `until`) and what
 * it means for a scenario, as pure functions of the document. Each edit
 * function returns the operations of one undoable edit (shared/model/edits.ts).
 *
 * The rule from decisions to a scenario (MODEL.md says the forced lists are
 * "committee decisions to respect" and that a dated postponement is written
 * into `notBefore`; the rest is the rule the app follows):
 *
 * - only the **latest** decision on each project counts: latest by date,
 *   and for two decisions on the same date, the one recorded last;
 * - `retenu` → forced in (`forceIn`);
 * - `rejeté` → forced out (`forceOut`);
 * - `reporté` with a year (`until`, « reporté à 2029 ») → the scenario's
 *   `notBefore[project] = until` (§8: the earliest start in this scenario
 *   only), and the project is neither forced in nor forced out: the
 *   optimiser may start it from that year, or leave it out;
 * - `reporté` without a year → forced out of the scenario; the project comes
 *   back when a later decision says so;
 * - `à instruire` → nothing: the project keeps whatever the scenario said.
 *
 * Since the latest decision replaces the earlier ones, a postponement the
 * scenario holds (`notBefore`) is lifted by a later `retenu`, `rejeté` or
 * undated `reporté` on the same project; `à instruire` keeps it.
 *
 * Applying the decisions to a scenario moves only the projects that have a
 * decision; the other entries of the forced lists and of `notBefore` stay as
 * they are. The scenario's saved plan is not changed (it may need a new
 * optimisation; validation warns when it starts a project before its
 * postponement). A postponement that leaves a project no start at all (past
 * the horizon, or past what its deadline allows) is named before applying
 * (`postponementConflicts`).
 */
import type { EditOp } from '../model/edits';
import type { Decision, DecisionEntry, Portfolio, Scenario } from '../model/portfolio';
import { latestStart } from './optimise/problem';

export const DECISIONS: readonly Decision[] = ['retenu', 'reporté', 'rejeté', 'à instruire'];

export type Force = 'in' | 'out' | 'free';

/** What an undated decision asks of a scenario's forced lists; undefined: nothing. */
export function forceFor(decision: Decision): Force | undefined {
  switch (decision) {
    case 'retenu':
      return 'in';
    case 'rejeté':
    case 'reporté':
      return 'out';
    case 'à instruire':
      return undefined;
  }
}

/** What a decision asks of a scenario: its place in the forced lists and its postponement. */
export interface DecisionEffect {
  force: Force;
  /** The earliest start written in the scenario's `notBefore`; null: none. */
  notBefore: number | null;
}

/** The effect of a decision on a scenario; undefined: nothing (`à instruire`). */
export function effectOf(entry: DecisionEntry): DecisionEffect | undefined {
  if (entry.decision === 'reporté' && entry.until !== undefined) {
    return { force: 'free', notBefore: entry.until };
  }
  const force = forceFor(entry.decision);
  return force === undefined ? undefined : { force, notBefore: null };
}

/** The latest decision on each project (by date, then by order recorded). */
export function latestDecisions(portfolio: Portfolio): Map<string, DecisionEntry> {
  const latest = new Map<string, DecisionEntry>();
  for (const d of portfolio.decisions ?? []) {
    const known = latest.get(d.project);
    if (!known || d.date >= known.date) latest.set(d.project, d);
  }
  return latest;
}

export function forceOf(scenario: Scenario | undefined, projectId: string): Force {
  if (scenario?.forceIn?.includes(projectId)) return 'in';
  if (scenario?.forceOut?.includes(projectId)) return 'out';
  return 'free';
}

/** The scenario's earliest start for a project (§8 `notBefore`); null: none. */
export function notBeforeOf(scenario: Scenario | undefined, projectId: string): number | null {
  const notBefore = scenario?.notBefore;
  if (!notBefore || !Object.hasOwn(notBefore, projectId)) return null;
  return notBefore[projectId] ?? null;
}

export interface ForceChange {
  project: string;
  from: Force;
  to: Force;
  /** The scenario's postponement of the project now (null: none). */
  notBeforeFrom: number | null;
  /** … and after applying the decision. */
  notBeforeTo: number | null;
  decision: DecisionEntry;
}

/** The changes applying the decisions would make to a scenario's forced lists and postponements. */
export function decisionChanges(portfolio: Portfolio, scenarioId: string): ForceChange[] {
  const scenario = portfolio.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) return [];
  const known = new Set(portfolio.projects.map((p) => p.id));
  const changes: ForceChange[] = [];
  for (const [project, decision] of latestDecisions(portfolio)) {
    if (!known.has(project)) continue;
    const effect = effectOf(decision);
    if (effect === undefined) continue;
    const from = forceOf(scenario, project);
    const notBeforeFrom = notBeforeOf(scenario, project);
    if (from !== effect.force || notBeforeFrom !== effect.notBefore) {
      changes.push({
        project,
        from,
        to: effect.force,
        notBeforeFrom,
        notBeforeTo: effect.notBefore,
        decision,
      });
    }
  }
  const order = new Map(portfolio.projects.map((p, i) => [p.id, i]));
  return changes.sort((a, b) => order.get(a.project)! - order.get(b.project)!);
}

/** One edit: the scenario's forced lists and postponements with the changes applied. */
export function applyDecisionsOps(
  portfolio: Portfolio,
  scenarioId: string,
  changes: readonly ForceChange[],
): EditOp[] {
  const list = portfolio.scenarios ?? [];
  const moved = new Set(changes.map((c) => c.project));
  const value = list.map((s) => {
    if (s.id !== scenarioId) return s;
    const forceIn = (s.forceIn ?? []).filter((id) => !moved.has(id));
    const forceOut = (s.forceOut ?? []).filter((id) => !moved.has(id));
    const notBefore: Record<string, number> = { ...s.notBefore };
    for (const c of changes) {
      if (c.to === 'in') forceIn.push(c.project);
      if (c.to === 'out') forceOut.push(c.project);
      if (c.notBeforeTo === null) delete notBefore[c.project];
      else notBefore[c.project] = c.notBeforeTo;
    }
    const next: Scenario = { ...s, forceIn, forceOut, notBefore };
    if (Object.keys(notBefore).length === 0 && s.notBefore === undefined) delete next.notBefore;
    return next;
  });
  return [{ op: 'section.put', section: 'scenarios', value }];
}

/**
 * A postponement no plan can honour: the build would leave the horizon
 * (`horizon`), or the project would finish after its deadline (`deadline`,
 * §8). `lastStart` is the latest start year that still fits (below the
 * horizon's first year when none does).
 */
export interface PostponementConflict {
  project: string;
  until: number;
  reason: 'horizon' | 'deadline';
  lastStart: number;
  /** A mandatory project: the scenario becomes infeasible, not just without it. */
  mandatory: boolean;
}

/** The postponements among the changes that leave the project no allowed start. */
export function postponementConflicts(
  portfolio: Portfolio,
  changes: readonly ForceChange[],
): PostponementConflict[] {
  const { firstYear, years } = portfolio.horizon;
  const out: PostponementConflict[] = [];
  for (const c of changes) {
    if (c.notBeforeTo === null) continue;
    const project = portfolio.projects.find((p) => p.id === c.project);
    if (!project || (project.fixedStart ?? null) !== null) continue;
    const duration = project.investment.length;
    const horizonLast = firstYear + years - duration;
    const deadlineLast = firstYear + latestStart(project, firstYear);
    const mandatory = project.mandatory === true;
    if (deadlineLast < horizonLast && c.notBeforeTo > deadlineLast) {
      out.push({
        project: c.project,
        until: c.notBeforeTo,
        reason: 'deadline',
        lastStart: deadlineLast,
        mandatory,
      });
    } else if (c.notBeforeTo > horizonLast) {
      out.push({
        project: c.project,
        until: c.notBeforeTo,
        reason: 'horizon',
        lastStart: horizonLast,
        mandatory,
      });
    }
  }
  return out;
}

/** One edit: a decision added to the log. */
export function addDecisionOps(portfolio: Portfolio, entry: DecisionEntry): EditOp[] {
  return [
    { op: 'section.put', section: 'decisions', value: [...(portfolio.decisions ?? []), entry] },
  ];
}

export interface DecisionDraft {
  project: string;
  decision: string;
  date: string;
  meeting: string;
  rationale: string;
  /** For `reporté`: the year before which the project does not start ('' or absent: none). */
  until?: string;
}

export type DraftField = 'project' | 'decision' | 'date' | 'meeting' | 'until';

/** Checks a draft; the keys of the result are the fields in error (message keys). */
export function checkDraft(
  portfolio: Portfolio,
  draft: DecisionDraft,
): { entry?: DecisionEntry; errors: Partial<Record<DraftField, string>> } {
  const errors: Partial<Record<DraftField, string>> = {};
  if (!portfolio.projects.some((p) => p.id === draft.project)) errors.project = 'err.project';
  if (!(DECISIONS as readonly string[]).includes(draft.decision)) errors.decision = 'err.decision';
  if (!isDate(draft.date)) errors.date = 'err.date';
  if (draft.meeting.trim() === '') errors.meeting = 'err.meeting';
  const untilText = draft.decision === 'reporté' ? (draft.until ?? '').trim() : '';
  const until = untilText === '' ? undefined : Number(untilText);
  if (until !== undefined) {
    if (!/^\d{4}$/.test(untilText) || until < 2000 || until > 2100) errors.until = 'err.until';
    else if (until < portfolio.horizon.firstYear) errors.until = 'err.untilEarly';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const entry: DecisionEntry = {
    date: draft.date,
    meeting: draft.meeting.trim(),
    project: draft.project,
    decision: draft.decision as Decision,
  };
  if (draft.rationale.trim() !== '') entry.rationale = draft.rationale.trim();
  if (until !== undefined) entry.until = until;
  return { entry, errors };
}

/** A real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export interface MeetingGroup {
  key: string;
  date: string;
  meeting: string;
  entries: DecisionEntry[];
}

/** The log by meeting (date and meeting name), most recent first. */
export function byMeeting(portfolio: Portfolio): MeetingGroup[] {
  const groups = new Map<string, MeetingGroup>();
  for (const d of portfolio.decisions ?? []) {
    const meeting = d.meeting ?? '';
    const key = `${d.date}\u0000${meeting}`;
    const g = groups.get(key) ?? { key, date: d.date, meeting, entries: [] };
    g.entries.push(d);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.date.localeCompare(a.date) || a.meeting.localeCompare(b.meeting, 'fr'),
  );
}

export interface ProjectGroup {
  project: string;
  entries: DecisionEntry[];
  latest: DecisionEntry;
}

/** The log by project, in portfolio order; each project's decisions oldest first. */
export function byProject(portfolio: Portfolio): ProjectGroup[] {
  const latest = latestDecisions(portfolio);
  const order = new Map(portfolio.projects.map((p, i) => [p.id, i]));
  const groups = new Map<string, DecisionEntry[]>();
  for (const d of portfolio.decisions ?? []) {
    groups.set(d.project, [...(groups.get(d.project) ?? []), d]);
  }
  return [...groups.entries()]
    .map(([project, entries]) => ({
      project,
      entries: [...entries].sort((a, b) => a.date.localeCompare(b.date)),
      latest: latest.get(project)!,
    }))
    .sort(
      (a, b) =>
        (order.get(a.project) ?? Infinity) - (order.get(b.project) ?? Infinity) ||
        a.project.localeCompare(b.project),
    );
}

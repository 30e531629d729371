/**
 * The committee's decision log (MODEL.md §2 `decisions`) and what it means
 * for a scenario, as pure functions of the document. Each edit function
 * returns the operations of one undoable edit (shared/model/edits.ts).
 *
 * The rule from decisions to a scenario's forced lists (MODEL.md says the
 * forced lists are "committee decisions to respect" and is silent on the
 * mapping; this is the rule the app follows):
 *
 * - only the **latest** decision on each project counts: latest by date,
 *   and for two decisions on the same date, the one recorded last;
 * - `retenu` → forced in (`forceIn`);
 * - `rejeté` → forced out (`forceOut`);
 * - `reporté` → forced out of this scenario: a scenario has no per-project
 *   earliest start of its own (only the project's `earliestStart`, shared by
 *   every scenario), so "not before next year" cannot be written in the
 *   scenario; the project comes back when a later decision says so;
 * - `à instruire` → nothing: the project keeps whatever the scenario said.
 *
 * Applying the decisions to a scenario moves only the projects that have a
 * decision; the other entries of the forced lists stay as they are. The
 * scenario's saved plan is not changed (it may need a new optimisation).
 */
import type { EditOp } from '../model/edits';
import type { Decision, DecisionEntry, Portfolio, Scenario } from '../model/portfolio';

export const DECISIONS: readonly Decision[] = ['retenu', 'reporté', 'rejeté', 'à instruire'];

export type Force = 'in' | 'out' | 'free';

/** What a decision asks of a scenario's forced lists; undefined: nothing. */
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

export interface ForceChange {
  project: string;
  from: Force;
  to: Force;
  decision: DecisionEntry;
}

/** The changes applying the decisions would make to a scenario's forced lists. */
export function decisionChanges(portfolio: Portfolio, scenarioId: string): ForceChange[] {
  const scenario = portfolio.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) return [];
  const known = new Set(portfolio.projects.map((p) => p.id));
  const changes: ForceChange[] = [];
  for (const [project, decision] of latestDecisions(portfolio)) {
    if (!known.has(project)) continue;
    const to = forceFor(decision.decision);
    if (to === undefined) continue;
    const from = forceOf(scenario, project);
    if (from !== to) changes.push({ project, from, to, decision });
  }
  const order = new Map(portfolio.projects.map((p, i) => [p.id, i]));
  return changes.sort((a, b) => order.get(a.project)! - order.get(b.project)!);
}

/** One edit: the scenario's forced lists with the changes applied. */
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
    for (const c of changes) {
      if (c.to === 'in') forceIn.push(c.project);
      if (c.to === 'out') forceOut.push(c.project);
    }
    return { ...s, forceIn, forceOut };
  });
  return [{ op: 'section.put', section: 'scenarios', value }];
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
}

export type DraftField = 'project' | 'decision' | 'date' | 'meeting';

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
  if (Object.keys(errors).length > 0) return { errors };
  const entry: DecisionEntry = {
    date: draft.date,
    meeting: draft.meeting.trim(),
    project: draft.project,
    decision: draft.decision as Decision,
  };
  if (draft.rationale.trim() !== '') entry.rationale = draft.rationale.trim();
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

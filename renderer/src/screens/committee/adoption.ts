/**
 * Adopting a scenario's plan in committee (MODEL.md §9 `baseline`), the
 * committee screen's action « Adopter ce plan »: the form's rules, the one
 * edit that writes the baseline (`adoptPlan`, shared/engine/annex.ts), and
 * what a new adoption changes against the baseline already recorded, said
 * before anything changes. Pure: tested in Node.
 */
import { adoptPlan } from '../../../../shared/engine/annex';
import { isDate } from '../../../../shared/engine/decisions';
import type { EditOp } from '../../../../shared/model/edits';
import type { Baseline, PlanEntry, Portfolio } from '../../../../shared/model/portfolio';

export interface AdoptionDraft {
  /** YYYY-MM-DD, as `<input type="date">` gives it. */
  date: string;
  meeting: string;
}

export type AdoptionField = 'date' | 'meeting' | 'plan';

/** The message key of each problem of the form (committee/vote-messages.ts). */
export type AdoptionError = 'adopt.err.date' | 'adopt.err.meeting' | 'adopt.err.plan';

export function checkAdoption(
  draft: AdoptionDraft,
  plan: readonly PlanEntry[] | undefined,
): Partial<Record<AdoptionField, AdoptionError>> {
  const errors: Partial<Record<AdoptionField, AdoptionError>> = {};
  if (!isDate(draft.date.trim())) errors.date = 'adopt.err.date';
  if (draft.meeting.trim() === '') errors.meeting = 'adopt.err.meeting';
  if (!plan || plan.length === 0) errors.plan = 'adopt.err.plan';
  return errors;
}

/** The edit's operations: the baseline of the scenario's plan, replacing any earlier one. */
export function adoptionOps(
  portfolio: Portfolio,
  scenarioId: string,
  plan: readonly PlanEntry[],
  draft: AdoptionDraft,
): EditOp[] {
  const baseline = adoptPlan(portfolio, plan, {
    date: draft.date.trim(),
    meeting: draft.meeting.trim(),
    scenario: scenarioId,
  });
  return [{ op: 'section.put', section: 'baseline', value: baseline }];
}

export interface BaselineChanges {
  /** Projects the new plan adopts that the recorded one did not. */
  added: string[];
  /** Projects of the recorded plan the new one leaves out. */
  removed: string[];
  /** Projects adopted in both, with another start. */
  moved: { project: string; from: number; to: number }[];
  /** Projects adopted in both, with another AP (to the cent). */
  revised: { project: string; from: number; to: number }[];
}

/** What adopting `next` changes against the recorded baseline `before`. */
export function baselineChanges(before: Baseline, next: Baseline): BaselineChanges {
  const old = new Map(before.plan.map((e) => [e.project, e]));
  const now = new Map(next.plan.map((e) => [e.project, e]));
  const out: BaselineChanges = { added: [], removed: [], moved: [], revised: [] };
  for (const e of next.plan) {
    const was = old.get(e.project);
    if (!was) {
      out.added.push(e.project);
      continue;
    }
    if (was.start !== e.start) out.moved.push({ project: e.project, from: was.start, to: e.start });
    if (
      typeof was.ap === 'number' &&
      typeof e.ap === 'number' &&
      Math.abs(was.ap - e.ap) >= 0.005
    ) {
      out.revised.push({ project: e.project, from: was.ap, to: e.ap });
    }
  }
  for (const e of before.plan) if (!now.has(e.project)) out.removed.push(e.project);
  return out;
}

/** Nothing would change but the date and the meeting. */
export function noChange(c: BaselineChanges): boolean {
  return !c.added.length && !c.removed.length && !c.moved.length && !c.revised.length;
}

/**
 * Scenario list edits of the comparison screen, as pure functions of the
 * document: each returns the operations of one undoable edit
 * (shared/model/edits.ts) or throws an Error that says what is wrong.
 */
import type { EditOp } from '../../../../shared/model/edits';
import type { PlanEntry, Portfolio, Scenario } from '../../../../shared/model/portfolio';

const list = (portfolio: Portfolio): Scenario[] => portfolio.scenarios ?? [];

function find(portfolio: Portfolio, id: string): Scenario {
  const s = list(portfolio).find((x) => x.id === id);
  if (!s) throw new Error(`Le scénario « ${id} » n'existe pas.`);
  return s;
}

/** An id not used by any scenario: `base-copie`, `base-copie-2`, … */
export function copyId(portfolio: Portfolio, id: string): string {
  const used = new Set(list(portfolio).map((s) => s.id));
  const stem = `${id}-copie`;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A name not used by any scenario: `Base (copie)`, `Base (copie 2)`, … */
export function copyName(portfolio: Portfolio, name: string, suffix = 'copie'): string {
  const used = new Set(list(portfolio).map((s) => s.name));
  const first = `${name} (${suffix})`;
  if (!used.has(first)) return first;
  for (let n = 2; ; n++)
    if (!used.has(`${name} (${suffix} ${n})`)) return `${name} (${suffix} ${n})`;
}

/** The copy of a scenario (settings and saved plan), right after it. */
export function duplicateScenarioOps(
  portfolio: Portfolio,
  id: string,
  suffix = 'copie',
): { ops: EditOp[]; copy: Scenario } {
  const original = find(portfolio, id);
  const copy: Scenario = {
    ...structuredClone(original),
    id: copyId(portfolio, id),
    name: copyName(portfolio, original.name, suffix),
  };
  const value = list(portfolio).flatMap((s) => (s.id === id ? [s, copy] : [s]));
  return { ops: [{ op: 'section.put', section: 'scenarios', value }], copy };
}

/** Renames a scenario; the name must be non-blank and not another scenario's. */
export function renameScenarioOps(portfolio: Portfolio, id: string, name: string): EditOp[] {
  find(portfolio, id);
  const clean = name.trim();
  if (clean === '') throw new Error('Le nom du scénario ne peut pas être vide.');
  if (list(portfolio).some((s) => s.id !== id && s.name === clean)) {
    throw new Error(`Un autre scénario s'appelle déjà « ${clean} ».`);
  }
  const value = list(portfolio).map((s) => (s.id === id ? { ...s, name: clean } : s));
  return [{ op: 'section.put', section: 'scenarios', value }];
}

/** Removes a scenario (and its saved plan). */
export function deleteScenarioOps(portfolio: Portfolio, id: string): EditOp[] {
  find(portfolio, id);
  const value = list(portfolio).filter((s) => s.id !== id);
  return [{ op: 'section.put', section: 'scenarios', value }];
}

/** Saves a plan as the scenario's chosen plan. */
export function savePlanOps(
  portfolio: Portfolio,
  id: string,
  plan: readonly PlanEntry[],
): EditOp[] {
  find(portfolio, id);
  const value = list(portfolio).map((s) =>
    s.id === id ? { ...s, plan: plan.map((e) => ({ project: e.project, start: e.start })) } : s,
  );
  return [{ op: 'section.put', section: 'scenarios', value }];
}

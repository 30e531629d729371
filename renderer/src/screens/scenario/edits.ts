/**
 * The edits the scenario screen makes, as pure functions of the document:
 * each returns the operations of one undoable edit (shared/model/edits.ts).
 * Envelopes and capacities are the portfolio's own (MODEL.md §2: `budget`,
 * `teams[].capacity`); factors, forced lists and the saved plan belong to
 * the scenario (`scenarios[]`).
 */
import type { EditOp } from '../../../../shared/model/edits';
import type { PlanEntry, Portfolio, Scenario } from '../../../../shared/model/portfolio';

export type Force = 'in' | 'out' | 'free';

/** Replaces fields of one scenario (a field set to undefined is removed). */
export function scenarioPatchOps(
  portfolio: Portfolio,
  scenarioId: string,
  patch: Partial<Scenario>,
): EditOp[] {
  const list = portfolio.scenarios ?? [];
  if (!list.some((s) => s.id === scenarioId)) {
    throw new Error(`Le scénario « ${scenarioId} » n'existe pas.`);
  }
  const value = list.map((s) => {
    if (s.id !== scenarioId) return s;
    const next: Record<string, unknown> = { ...s, ...patch };
    for (const [key, v] of Object.entries(patch)) if (v === undefined) delete next[key];
    return next as Scenario;
  });
  return [{ op: 'section.put', section: 'scenarios', value }];
}

/** The scenario's budget factor for one section, the other kept. */
export function budgetFactorOps(
  portfolio: Portfolio,
  scenarioId: string,
  kind: 'investment' | 'operating',
  factor: number,
): EditOp[] {
  const s = portfolio.scenarios?.find((x) => x.id === scenarioId);
  return scenarioPatchOps(portfolio, scenarioId, {
    budgetFactor: { ...s?.budgetFactor, [kind]: factor },
  });
}

/** Where a project stands in a scenario's forced lists. */
export function forceOf(scenario: Scenario | undefined, projectId: string): Force {
  if (scenario?.forceIn?.includes(projectId)) return 'in';
  if (scenario?.forceOut?.includes(projectId)) return 'out';
  return 'free';
}

/** Moves a project to the forced-in list, the forced-out list, or neither. */
export function forceOps(
  portfolio: Portfolio,
  scenarioId: string,
  projectId: string,
  force: Force,
): EditOp[] {
  const s = portfolio.scenarios?.find((x) => x.id === scenarioId);
  const forceIn = (s?.forceIn ?? []).filter((id) => id !== projectId);
  const forceOut = (s?.forceOut ?? []).filter((id) => id !== projectId);
  if (force === 'in') forceIn.push(projectId);
  if (force === 'out') forceOut.push(projectId);
  return scenarioPatchOps(portfolio, scenarioId, { forceIn, forceOut });
}

/** Saves a plan in the scenario, in start-year order. */
export function savePlanOps(
  portfolio: Portfolio,
  scenarioId: string,
  plan: readonly PlanEntry[],
): EditOp[] {
  const sorted = [...plan]
    .map((e) => ({ project: e.project, start: e.start }))
    .sort((a, b) => a.start - b.start || a.project.localeCompare(b.project));
  return scenarioPatchOps(portfolio, scenarioId, { plan: sorted });
}

/** One year of a global envelope (`budget.investment` or `budget.operating`). */
export function envelopeOps(
  portfolio: Portfolio,
  kind: 'investment' | 'operating',
  yearIndex: number,
  amount: number,
): EditOp[] {
  const list = portfolio.budget[kind].map((x, t) => (t === yearIndex ? amount : x));
  return [{ op: 'section.put', section: 'budget', value: { ...portfolio.budget, [kind]: list } }];
}

/** One year of a team's capacity. */
export function capacityOps(
  portfolio: Portfolio,
  teamId: string,
  yearIndex: number,
  days: number,
): EditOp[] {
  const teams = portfolio.teams.map((team) =>
    team.id === teamId
      ? { ...team, capacity: team.capacity.map((x, t) => (t === yearIndex ? days : x)) }
      : team,
  );
  return [{ op: 'section.put', section: 'teams', value: teams }];
}

/** A first scenario for a document that has none: neutral settings. */
export function newScenarioOps(portfolio: Portfolio, name: string): EditOp[] {
  const taken = new Set((portfolio.scenarios ?? []).map((s) => s.id));
  let id = 'reference';
  for (let k = 2; taken.has(id); k++) id = `reference-${k}`;
  const scenario: Scenario = {
    id,
    name,
    budgetFactor: { investment: 1, operating: 1 },
    capacityFactor: 1,
    forceIn: [],
    forceOut: [],
    timePreference: 0.04,
    savingsCredit: 1,
  };
  return [
    { op: 'section.put', section: 'scenarios', value: [...(portfolio.scenarios ?? []), scenario] },
  ];
}

/** Checks a factor typed by the user; returns an error message key or null. */
export function checkFactor(
  field: 'budget' | 'capacity' | 'timePreference' | 'savingsCredit',
  value: number,
): 'negative' | 'max05' | 'max1' | null {
  if (!Number.isFinite(value) || value < 0) return 'negative';
  if (field === 'timePreference' && value > 0.5) return 'max05';
  if (field === 'savingsCredit' && value > 1) return 'max1';
  return null;
}

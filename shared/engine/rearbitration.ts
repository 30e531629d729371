/**
 * « Préparer l'arbitrage de l'année suivante » in the app (MODEL.md §9): the
 * next budget year's document of `nextYear` (next-year.ts, the same as
 * `arbitra next-year`), with the adopted plan carried into it as a scenario
 * of its own, so that the committee compares the plan optimised again with
 * what it adopted, on the comparison screen (which compares scenarios of one
 * document).
 *
 * Rules (where MODEL.md is silent):
 *
 * - **The scenario optimised again** is the one chosen (default: the
 *   baseline's `scenario`, else the first), as `nextYear` rewrote it: its
 *   plan removed, the projects that left forced out. A document without
 *   any scenario gets the neutral « Scénario de référence » (`base`), so
 *   that the optimised scenario is never the carried one.
 * - **The carried scenario** « Plan adopté en <first year> » (id
 *   `plan-adopte-<first year>`, `-2`, `-3`… when taken), made only when the
 *   document has a `baseline`: the optimised scenario's settings, and as its
 *   plan the adopted plan as it stands in the new year: each continued
 *   project at the new first year (it is committed there, adopted or not:
 *   every plan of the new year holds it), each project of the baseline not
 *   started at its adopted start, or the new first year if that is past;
 *   delivered and abandoned projects have nothing left in the horizon and
 *   are not in it. It sits right after the optimised scenario.
 *   It is a record to compare with, not a plan the optimiser made: the
 *   comparison screen says when it breaks a rule of the new year (an
 *   envelope it no longer fits, for example).
 * - The first year in its name is the horizon's first year of the document
 *   the plan was adopted for (the budget year it was voted with), not the
 *   year of the meeting.
 */
import type { PlanEntry, Portfolio, Scenario } from '../model/portfolio';
import { nextYear, type RollForward } from './next-year';

export interface Rearbitration extends RollForward {
  /** The scenario to optimise in the new document. */
  scenarioId: string;
  /** The carried adopted plan, or null without a baseline. */
  carried: { id: string; name: string; plan: PlanEntry[] } | null;
}

export interface RearbitrationOptions {
  /** Default: the baseline's scenario when it still exists, else the first. */
  scenarioId?: string;
}

/** The id of the carried scenario: `plan-adopte-<year>`, made unique. */
function carriedId(scenarios: readonly Scenario[], year: number): string {
  const taken = new Set(scenarios.map((s) => s.id));
  const base = `plan-adopte-${year}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The scenario re-arbitration starts from when none is chosen (see the header). */
export function defaultRearbitrationScenario(portfolio: Portfolio): string | undefined {
  const adopted = portfolio.baseline?.scenario;
  if (adopted && portfolio.scenarios?.some((s) => s.id === adopted)) return adopted;
  return portfolio.scenarios?.[0]?.id;
}

/** The next budget year's document with the adopted plan carried as a scenario (see the header). */
export function prepareRearbitration(
  portfolio: Portfolio,
  options: RearbitrationOptions = {},
): Rearbitration {
  const chosen = options.scenarioId ?? defaultRearbitrationScenario(portfolio);
  const rolled = nextYear(portfolio, chosen === undefined ? {} : { scenarioId: chosen });
  const doc = rolled.portfolio;
  if (!doc.scenarios || doc.scenarios.length === 0) {
    doc.scenarios = [{ id: 'base', name: 'Scénario de référence' }];
  }
  const scenarios = doc.scenarios;
  const scenarioId = chosen ?? scenarios[0]!.id;
  if (!portfolio.baseline) return { ...rolled, scenarioId, carried: null };

  const at = Math.max(
    0,
    scenarios.findIndex((s) => s.id === scenarioId),
  );
  const year = portfolio.horizon.firstYear;
  const adopted = new Set(portfolio.baseline.plan.map((e) => e.project));
  const plan: PlanEntry[] = [
    ...rolled.continued.map((c) => ({ project: c.project, start: rolled.fromYear })),
    ...rolled.plannedNotStarted.filter((e) => adopted.has(e.project)),
  ];
  const id = carriedId(scenarios, year);
  const name = `Plan adopté en ${year}`;
  const { plan: _none, ...settings } = scenarios[at]!;
  const carried: Scenario = { ...settings, id, name, plan };
  doc.scenarios = [...scenarios.slice(0, at + 1), carried, ...scenarios.slice(at + 1)];
  return { ...rolled, scenarioId, carried: { id, name, plan } };
}

/**
 * Re-forecast of the remaining spend (MODEL.md §9) with the risk engine.
 *
 * Definition (MODEL.md says « a re-forecast »; this is the one chosen):
 *
 * - **From year** = the first budget year not yet executed: the year after
 *   the last year with an `actuals` row, and never before the horizon (no
 *   actuals: the horizon's first year).
 * - **The remainder as a plan**: the document moved to that year by
 *   `rollForward` (`next-year.ts`: horizon, envelopes and capacities
 *   shifted, the projects under way continued with their remaining CP, AP −
 *   paid, over their remaining planned years, with their durations scaled),
 *   and the plan made of those continued projects, started on the from
 *   year, and of the planned projects not started yet (baseline, else the
 *   scenario's plan), at their planned start or the from year if later.
 *   Delivered and abandoned projects have nothing left to spend.
 * - That plan is simulated as any plan (MODEL.md §5): durations and cost
 *   factors drawn on what remains, delays passed on to successors, net spend
 *   per year against the shifted envelopes. `remaining` is the same plan's
 *   gross CP without risk: what the annex still has to pay.
 */
import type { PlanEntry, Portfolio } from '../model/portfolio';
import { resolveScenario } from '../model/portfolio';
import { lastActualYear } from './actuals';
import { rollForward, type RollForward } from './next-year';
import { simulatePlan, type SimulationOptions, type SimulationResult } from './simulate';
import { finite } from './plan';
import { toCents } from './finance';

export interface Reforecast {
  fromYear: number;
  /** The remainder as a plan, in the moved document. */
  plan: PlanEntry[];
  /** The moved document the plan belongs to, and what the move did. */
  rolled: RollForward;
  /** Gross CP still planned: per year of the moved horizon, after it, in all. */
  remaining: { years: number[]; cp: number[]; afterHorizon: number; total: number };
  simulation: SimulationResult;
}

export interface ReforecastOptions extends SimulationOptions {
  scenarioId?: string;
}

/** The from year of the re-forecast (see the header). */
export function reforecastYear(portfolio: Portfolio): number {
  const last = lastActualYear(portfolio);
  return Math.max(portfolio.horizon.firstYear, last === null ? -Infinity : last + 1);
}

/** Simulates what remains to spend of the adopted plan (see the header). */
export async function reforecast(
  portfolio: Portfolio,
  options: ReforecastOptions = {},
): Promise<Reforecast> {
  const fromYear = reforecastYear(portfolio);
  const rolled = rollForward(portfolio, fromYear, { scenarioId: options.scenarioId });
  const doc = rolled.portfolio;
  const plan: PlanEntry[] = [
    ...rolled.continued.map((c) => ({ project: c.project, start: fromYear })),
    ...rolled.plannedNotStarted,
  ];
  const byId = new Map(doc.projects.map((p) => [p.id, p]));
  const years = Array.from({ length: doc.horizon.years }, (_, t) => fromYear + t);
  const cp = years.map(() => 0);
  let afterHorizon = 0;
  for (const e of plan) {
    byId.get(e.project)!.investment.forEach((v, k) => {
      const t = e.start + k - fromYear;
      if (t < years.length) cp[t]! += finite(v);
      else afterHorizon += finite(v);
    });
  }
  const scenario = resolveScenario(doc, options.scenarioId);
  const simulation = await simulatePlan(doc, plan, scenario, options);
  const rounded = cp.map(toCents);
  const total = toCents(rounded.reduce((s, x) => s + x, 0) + afterHorizon);
  return {
    fromYear,
    plan,
    rolled,
    remaining: { years, cp: rounded, afterHorizon: toCents(afterHorizon), total },
    simulation,
  };
}

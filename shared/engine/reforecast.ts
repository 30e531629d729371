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
 * - **Gross spend** (`spend: 'gross'`, what the follow-up screen shows next
 *   to the CP voted and paid): the same plan simulated with every project's
 *   `subsidyRate` and `partnerShare` set to 0 in the simulated copy, so the
 *   simulated spend of a year is the gross CP the annex would pay that year
 *   (cost overruns included, since nothing then finances them). The
 *   envelopes are net amounts: with gross spend the probability of going
 *   over them is not a figure to read.
 *
 * `reforecastPlan` is the part before the simulation (pure and quick: the
 * page prepares it and runs the simulation in its Web Workers);
 * `reforecast` runs both in one call (command line, tests).
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../model/portfolio';
import { resolveScenario } from '../model/portfolio';
import { lastActualYear } from './actuals';
import { rollForward, type RollForward } from './next-year';
import { simulatePlan, type SimulationOptions, type SimulationResult } from './simulate';
import { finite } from './plan';
import { toCents } from './finance';

export interface ReforecastPlan {
  fromYear: number;
  /** The remainder as a plan, in the moved document. */
  plan: PlanEntry[];
  /** The moved document the plan belongs to, and what the move did. */
  rolled: RollForward;
  /** Gross CP still planned: per year of the moved horizon, after it, in all. */
  remaining: { years: number[]; cp: number[]; afterHorizon: number; total: number };
  /** What is simulated: the moved document (gross: without subsidies nor partner shares). */
  simulated: Portfolio;
  /** The scenario of the moved document whose settings apply. */
  scenario: ResolvedScenario;
  spend: ReforecastSpend;
}

export interface Reforecast extends ReforecastPlan {
  simulation: SimulationResult;
}

/** Net spend against the envelopes (MODEL.md §5), or gross CP (see the header). */
export type ReforecastSpend = 'net' | 'gross';

export interface ReforecastPlanOptions {
  scenarioId?: string;
  /** Default 'net'. */
  spend?: ReforecastSpend;
}

export interface ReforecastOptions extends SimulationOptions, ReforecastPlanOptions {}

/** The from year of the re-forecast (see the header). */
export function reforecastYear(portfolio: Portfolio): number {
  const last = lastActualYear(portfolio);
  return Math.max(portfolio.horizon.firstYear, last === null ? -Infinity : last + 1);
}

/** What remains to spend of the adopted plan, as a plan to simulate (see the header). */
export function reforecastPlan(
  portfolio: Portfolio,
  options: ReforecastPlanOptions = {},
): ReforecastPlan {
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
  const spend = options.spend ?? 'net';
  const simulated: Portfolio =
    spend === 'gross'
      ? {
          ...doc,
          projects: doc.projects.map((p) => {
            const { subsidyRate: _s, partnerShare: _p, ...rest } = p;
            return rest;
          }),
        }
      : doc;
  const scenario = resolveScenario(simulated, options.scenarioId)!;
  const rounded = cp.map(toCents);
  const total = toCents(rounded.reduce((s, x) => s + x, 0) + afterHorizon);
  return {
    fromYear,
    plan,
    rolled,
    remaining: { years, cp: rounded, afterHorizon: toCents(afterHorizon), total },
    simulated,
    scenario,
    spend,
  };
}

/** Simulates what remains to spend of the adopted plan (see the header). */
export async function reforecast(
  portfolio: Portfolio,
  options: ReforecastOptions = {},
): Promise<Reforecast> {
  const prepared = reforecastPlan(portfolio, options);
  const simulation = await simulatePlan(
    prepared.simulated,
    prepared.plan,
    prepared.scenario,
    options,
  );
  return { ...prepared, simulation };
}

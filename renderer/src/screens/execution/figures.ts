/**
 * Pure shaping of the follow-up screen (« Suivi d'exécution », MODEL.md §9):
 * the plan the execution is read against, the lateness in words, the bars
 * of the execution chart, and the re-forecast run's shape for the compute
 * wing (the remaining spend simulated in gross CP, `reforecastPlan`). No
 * DOM: tested in Node (test/unit/renderer/execution-figures.test.ts).
 */
import { plannedPlan } from '../../../../shared/engine/baseline';
import {
  executionReport,
  type ExecutionReport,
  type LateReason,
} from '../../../../shared/engine/execution';
import { reforecastPlan } from '../../../../shared/engine/reforecast';
import type { SimulationOutput } from '../../../../shared/engine/simulate';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
} from '../../../../shared/model/portfolio';
import type { ExecutionBar } from '../../charts/data';
import type { PlanChoice, RiskShape } from '../../compute/run-shape';

/**
 * What the follow-up reads the execution against: the baseline when there
 * is one (its plan is the voted one); else the scenario's plan, the CP it
 * plans standing for the CP voted (`executionReport`'s `plan` option).
 */
export function followUp(
  portfolio: Portfolio,
  scenarioId: string | undefined,
): { report: ExecutionReport; plan: PlanEntry[]; adopted: boolean } {
  const scenario = resolveScenario(portfolio, scenarioId) ?? resolveScenario(portfolio);
  const plan = plannedPlan(portfolio, scenario);
  return {
    report: executionReport(portfolio, { plan }),
    plan,
    adopted: portfolio.baseline !== undefined,
  };
}

/** The words a lateness reason is said with (execution/messages.ts `x`). */
export type LateKey = 'late.start' | 'late.notStarted' | 'late.paid';

/**
 * A lateness reason in words, `say` being the screen's messages: « démarré
 * en 2028 au lieu de 2027 », « moins payé que voté en 2027, 2028 » (years
 * as written, without a thousands separator).
 */
export function lateWords(
  reason: LateReason,
  say: (key: LateKey, params: Record<string, string | number>) => string,
): string {
  if (reason.kind === 'start') {
    return reason.actual === null
      ? say('late.notStarted', { planned: String(reason.planned) })
      : say('late.start', { actual: String(reason.actual), planned: String(reason.planned) });
  }
  return say('late.paid', { years: reason.years.join(', ') });
}

/** The re-forecast figures of one year: the gross CP still to pay, simulated. */
export interface ForecastYear {
  year: number;
  p50: number;
  p80: number;
  p90: number;
  mean: number;
  /** The same CP without risk (the remainder as planned). */
  planned: number;
}

export interface ReforecastFigures {
  /** The settings the figures are for (RiskRun's request key). */
  key: string;
  fromYear: number;
  iterations: number;
  seed: number;
  cancelled: boolean;
  years: ForecastYear[];
  /** Spent after the moved horizon: median, and the remainder planned there. */
  afterHorizon: { p50: number; planned: number };
  /** Gross CP still to pay in all: planned, median, P80. */
  total: { planned: number; p50: number; p80: number };
}

export interface ReforecastChoice extends PlanChoice {
  portfolio: Portfolio;
  fromYear: number;
  remaining: { years: number[]; cp: number[]; afterHorizon: number; total: number };
}

/** The compute wing's re-forecast run (compute/simulate.svelte.ts `RiskRun`). */
export const reforecastShape: RiskShape<ReforecastChoice, ReforecastFigures> = {
  plan(portfolio, scenarioId) {
    const r = reforecastPlan(portfolio, {
      spend: 'gross',
      ...(scenarioId ? { scenarioId } : {}),
    });
    return {
      scenario: r.scenario,
      plan: r.plan,
      portfolio: r.simulated,
      fromYear: r.fromYear,
      remaining: r.remaining,
    };
  },
  figures(_request, key, choice, output: SimulationOutput) {
    const { result } = output;
    return {
      key,
      fromYear: choice.fromYear,
      iterations: result.iterations,
      seed: result.seed,
      cancelled: result.cancelled,
      years: result.investment.map((y, t) => ({
        year: y.year,
        p50: y.p50,
        p80: y.p80,
        p90: y.p90,
        mean: y.mean,
        planned: choice.remaining.cp[t] ?? 0,
      })),
      afterHorizon: { p50: result.afterHorizon.p50, planned: choice.remaining.afterHorizon },
      total: {
        planned: choice.remaining.total,
        p50: result.totalCost.p50,
        p80: result.totalCost.p80,
      },
    };
  },
};

/**
 * The bars of the execution chart: every year of the execution report, and
 * the years the re-forecast covers; voted and paid from the report (paid
 * only for closed years), the re-forecast for the years from its first on.
 */
export function executionBars(
  report: ExecutionReport,
  forecast: readonly ForecastYear[] | null,
): ExecutionBar[] {
  const byYear = new Map(report.years.map((y) => [y.year, y]));
  const ahead = new Map((forecast ?? []).map((f) => [f.year, f]));
  const all = [...byYear.keys(), ...ahead.keys()];
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const y = byYear.get(year);
    const f = ahead.get(year);
    const closed = y?.closed === true;
    return {
      year,
      voted: y?.voted ?? 0,
      paid: closed ? y!.paid : null,
      rate: closed ? y!.rate : null,
      forecast: !closed && f ? { p50: f.p50, p80: f.p80, p90: f.p90 } : null,
    };
  });
}

/**
 * What the presentation and the dossier show of a scenario, computed once
 * from the document: the plan (the scenario's own, else the ranking
 * heuristic's, provisional), its value against the heuristic, the yearly
 * envelope use and the roadmap facts. Pure (no Svelte, no DOM); the charts
 * reuse the scenario, frontier and risk screens' own shaping functions.
 */
import {
  rankingHeuristic,
  scenarioObjective,
  type HeuristicResult,
} from '../../../../shared/engine/optimise';
import { ceilings, planLoads } from '../../../../shared/engine/plan';
import type { Portfolio } from '../../../../shared/model/portfolio';
import { simulatedPlan, type SimulatedPlan } from '../risk/figures';
import { envelopeYears, roadmapBars, type EnvelopeYear } from '../../charts/data';
import { overruns, type RoadmapFacts, type YearOver } from './titles';

export interface ScenarioFacts {
  chosen: SimulatedPlan;
  heuristic: HeuristicResult;
  /** The optimiser's objective of the plan (values discounted by the time preference). */
  value: number;
  investment: EnvelopeYear[];
  operating: EnvelopeYear[];
  overs: YearOver[];
  roadmap: RoadmapFacts;
}

/** The facts of a scenario; throws when `scenarioId` names no scenario. */
export function scenarioFacts(portfolio: Portfolio, scenarioId: string | undefined): ScenarioFacts {
  const chosen = simulatedPlan(portfolio, scenarioId);
  const heuristic = rankingHeuristic(portfolio, chosen.scenario);
  const first = portfolio.horizon.firstYear;
  const loads = planLoads(portfolio, chosen.scenario, chosen.plan);
  const caps = ceilings(portfolio, chosen.scenario);
  const investment = envelopeYears(first, loads.investment, caps.investment);
  const operating = envelopeYears(first, loads.operating, caps.operating);
  const bars = roadmapBars(portfolio, chosen.plan);
  return {
    chosen,
    heuristic,
    value: scenarioObjective(portfolio, chosen.scenario, chosen.plan),
    investment,
    operating,
    overs: overruns(investment, operating),
    roadmap: { starts: bars.map((b) => b.start), ends: bars.map((b) => b.end) },
  };
}

/** The scenario shown by default: the first with a saved plan, else the first. */
export function defaultScenario(portfolio: Portfolio): string {
  const list = portfolio.scenarios ?? [];
  return (list.find((s) => s.plan && s.plan.length > 0) ?? list[0])?.id ?? '';
}

/**
 * The scenario a screen shows: the one the user chose while it still exists
 * (an undo may remove it), else the default; '' without a document.
 */
export function shownScenario(portfolio: Portfolio | null, chosen: string | undefined): string {
  if (!portfolio) return '';
  if (chosen !== undefined && (portfolio.scenarios ?? []).some((s) => s.id === chosen))
    return chosen;
  return defaultScenario(portfolio);
}

/** A computation's result, or its error's message, as data a template can show. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

export function attempt<T>(compute: () => T): Attempt<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

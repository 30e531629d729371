/**
 * Pure shaping of the risk simulation's output for the charts of the risk
 * screen: which plan is simulated, the S-curve of delivered value, the
 * roadmap rows, who delays whom, the fan of yearly spend and the tornado.
 * No Svelte, no DOM: tested in Node (test/unit/renderer/risk*.test.ts).
 */
import { monthIndex } from '../../../../shared/engine/calendar';
import { rankingHeuristic } from '../../../../shared/engine/optimise';
import type { SimulationResult, ValuePoint } from '../../../../shared/engine/simulate';
import type { RiskShape } from '../../compute/run-shape';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type ResolvedScenario,
  type ReferenceClass,
  type RiskSettings,
} from '../../../../shared/model/portfolio';
import { presetBlackSwan, REFERENCE_CLASS_PRESETS } from '../../../../shared/engine/risk';
import type { DelayCause } from '../../../../shared/engine/simulate';
import type { FanYear, RoadmapRow, TornadoBar } from '../../charts/data';

export type { ValuePoint as CurvePoint } from '../../../../shared/engine/simulate';
export type { FanYear, RoadmapRow, TornadoBar } from '../../charts/data';

/** The black-swan preset of MODEL.md §5: Flyvbjerg & Budzier (HBR, 2011), 1,471 IT projects. */
export const BLACK_SWAN_PRESET = { probability: 0.167, scheduleFactor: 1.7, costFactor: 3.0 };

/** The risk settings in force, with the defaults of MODEL.md §2 filled in. */
export interface RiskView {
  distribution: 'pert' | 'triangular';
  correlation: number;
  blackSwan: { probability: number; scheduleFactor: number; costFactor: number } | null;
  /** MODEL.md §7: the reference class calibrating the risk, or null. */
  referenceClass: ReferenceClass | null;
}

/**
 * The black swan written in the document when a reference class is chosen:
 * the preset's own (shared/engine/risk.ts), rounded to 4 decimals, so that
 * the document says what is in force (validation sees no conflict).
 */
export function presetSwanOf(id: ReferenceClass): RiskView['blackSwan'] {
  const swan = presetBlackSwan(REFERENCE_CLASS_PRESETS[id]);
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    probability: r(swan.probability),
    scheduleFactor: r(swan.scheduleFactor),
    costFactor: r(swan.costFactor),
  };
}

export function riskView(risk: RiskSettings | undefined): RiskView {
  return {
    referenceClass: risk?.referenceClass ?? null,
    distribution: risk?.distribution ?? 'pert',
    correlation: risk?.correlation ?? 0.3,
    blackSwan: risk?.blackSwan
      ? {
          probability: risk.blackSwan.probability,
          scheduleFactor: risk.blackSwan.scheduleFactor,
          costFactor: risk.blackSwan.costFactor,
        }
      : null,
  };
}

/** The document's risk section with `change` applied, unknown fields kept. */
export function riskWith(risk: RiskSettings | undefined, change: Partial<RiskView>): RiskSettings {
  const view = riskView(risk);
  const next: RiskSettings = { ...(risk ?? {}), ...view, ...change };
  // No reference class: the field is left out rather than written null.
  if (next.referenceClass === null) delete next.referenceClass;
  return next;
}

/** Correlation must be 0 <= rho < 1 (MODEL.md §2): the slider stops just below 1. */
export const MAX_CORRELATION = 0.95;

export interface SimulatedPlan {
  scenario: ResolvedScenario;
  plan: PlanEntry[];
  /** 'saved': the scenario's own plan; 'heuristic': the ranking heuristic's, provisional. */
  source: 'saved' | 'heuristic';
}

/**
 * The plan to simulate: the scenario's saved plan (MODEL.md §2, scenarios[].plan),
 * else the ranking heuristic's plan under the scenario's settings, so the
 * screen always has something to show. Throws when `scenarioId` names no scenario.
 */
export function simulatedPlan(portfolio: Portfolio, scenarioId?: string): SimulatedPlan {
  const scenario = resolveScenario(portfolio, scenarioId || undefined);
  if (!scenario) throw new Error(`scénario inconnu « ${scenarioId} »`);
  if (scenario.plan && scenario.plan.length > 0) {
    return { scenario, plan: scenario.plan, source: 'saved' };
  }
  return { scenario, plan: rankingHeuristic(portfolio, scenario).plan, source: 'heuristic' };
}

/**
 * The risk roadmap's rows, one per simulated project; with the scenario's
 * postponements (`notBefore`, when past the first year) and, for a project
 * with a deadline, the month it ends and the probability of being on time.
 */
export function roadmapRows(
  portfolio: Portfolio,
  result: SimulationResult,
  causeList: Iterable<[string, DelayCause[]]>,
  notBefore: Readonly<Record<string, number>> = {},
): RoadmapRow[] {
  const causes = new Map(causeList);
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const first = portfolio.horizon.firstYear;
  return result.projects.map((r) => {
    const project = byId.get(r.project);
    const start = 12 * (r.start - first);
    const postponed = Object.hasOwn(notBefore, r.project) ? notBefore[r.project] : undefined;
    const deadline = project?.deadline;
    return {
      project: r.project,
      name: project?.name ?? r.project,
      plannedStart: start,
      plannedEnd: start + (project?.durationMonths.mode ?? 0),
      p50: r.finishMonth.p50,
      p80: r.finishMonth.p80,
      p90: r.finishMonth.p90,
      pWithinMandate: r.pWithinMandate,
      pLateStart: r.pLateStart,
      cause: causes.get(r.project)?.[0] ?? null,
      ...(postponed !== undefined && postponed > first
        ? { notBefore: 12 * (postponed - first) }
        : {}),
      ...(deadline
        ? {
            deadline,
            deadlineMonth: monthIndex(deadline, first) + 1,
            ...(r.pOnTime !== undefined ? { pOnTime: r.pOnTime } : {}),
          }
        : {}),
    };
  });
}

/** The yearly spend fan, each year's quantiles forced into order (they are, up to rounding). */
export function fanYears(result: SimulationResult): FanYear[] {
  return result.investment.map((y) => {
    const p50 = y.p50;
    const p80 = Math.max(p50, y.p80);
    const p90 = Math.max(p80, y.p90);
    return { year: y.year, p50, p80, p90, envelope: y.envelope, pOver: y.pOverEnvelope };
  });
}

/** The `limit` projects whose duration moves the delivered value most (non-zero correlations only). */
export function tornadoBars(
  portfolio: Portfolio,
  result: SimulationResult,
  limit = 10,
): TornadoBar[] {
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  return [...result.drivers]
    .filter((d) => d.rankCorrelation !== 0)
    .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation))
    .slice(0, limit)
    .map((d) => ({
      project: d.project,
      name: names.get(d.project) ?? d.project,
      rankCorrelation: d.rankCorrelation,
      delaysSuccessor: d.delaysSuccessor,
    }));
}

/** What the risk, presentation and dossier screens show of a finished run. */
export interface RiskFigures {
  /** The request's key, to tell the figures of the current settings from older ones. */
  key: string;
  plan: SimulatedPlan;
  result: SimulationResult;
  curve: ValuePoint[];
  /** Probability that the whole planned value is delivered. */
  pAll: number;
  rows: RoadmapRow[];
  fan: FanYear[];
  tornado: TornadoBar[];
}

/** Who delayed each project, as the engine counted it (projects with planned predecessors). */
export function delaysOf(result: SimulationResult): [string, DelayCause[]][] {
  return result.projects.flatMap((p) =>
    p.delayedBy ? [[p.project, p.delayedBy] as [string, DelayCause[]]] : [],
  );
}

/** The risk screens' choice of plan and layout of a run, for the compute wing's RiskRun. */
export const riskShape: RiskShape<SimulatedPlan, RiskFigures> = {
  plan: (portfolio, scenarioId) => simulatedPlan(portfolio, scenarioId),
  figures: (request, key, plan, { result, curve, pAll }) => ({
    key,
    plan,
    result,
    curve,
    pAll,
    rows: roadmapRows(request.portfolio, result, delaysOf(result), plan.scenario.notBefore),
    fan: fanYears(result),
    tornado: tornadoBars(request.portfolio, result),
  }),
};

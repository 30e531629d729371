/**
 * What the deck shows, computed once from a prepared meeting (or, before
 * the meeting is prepared, from the document alone): the plan and its
 * value, against the ranking heuristic, the roadmap in pages whose every
 * label reads from the back of the room, the money (financing plan, AP/CP,
 * FCTVA, net cost per year), the frontier and the price of confidence, the
 * risk in plain words, the projects left out and why, the decisions to
 * record, and which slides the deck holds. Pure (no Svelte, no DOM), tested
 * in Node (test/unit/renderer/present-deck.test.ts) against the engine's
 * figures recomputed independently.
 */
import { annexRows, annexTotal } from '../../../../shared/engine/annex';
import { comparePlans, type PlanComparison } from '../../../../shared/engine/compare';
import { latestDecisions } from '../../../../shared/engine/decisions';
import { financePlan, type FinanceReport } from '../../../../shared/engine/finance';
import {
  rankingHeuristic,
  scenarioObjective,
  type ConfidencePoint,
  type FrontierPoint,
  type OptimiseResult,
} from '../../../../shared/engine/optimise';
import { exclusionReasons, type Exclusion } from '../../../../shared/engine/optimise/exclusions';
import { ceilings, planLoads, planNetInvestment } from '../../../../shared/engine/plan';
import type { SimulationOutput } from '../../../../shared/engine/simulate';
import { projectValue } from '../../../../shared/engine/value';
import {
  resolveScenario,
  type DecisionEntry,
  type PlanEntry,
  type Portfolio,
  type ResolvedScenario,
} from '../../../../shared/model/portfolio';
import {
  envelopeYears,
  hasPlan,
  roadmapBars,
  type EnvelopeYear,
  type RoadmapBar,
} from '../../charts/data';
import type { Meeting, MeetingPlanSource } from '../../compute/meeting';
import { headline, type Headline } from '../frontier/figures';
import { overruns, shareAtLeast, type YearOver } from './titles';

/** Projects per roadmap slide: each name on at most two lines, readable at 18 px on 1280 × 720. */
export const ROADMAP_ROWS = 9;
/** Projects left out named on their slide (the most valuable; the dossier lists them all). */
export const LEFT_OUT_ROWS = 6;
/** The share of the planned value the risk slide speaks of. */
export const RISK_THRESHOLD = 0.8;

/** What the deck is built from: a prepared meeting, or the document alone. */
export interface DeckSource {
  portfolio: Portfolio;
  scenarioId: string;
  plan: PlanEntry[];
  source: MeetingPlanSource;
  optimised: OptimiseResult | null;
  frontier: FrontierPoint[];
  confidence: ConfidencePoint[];
  simulation: SimulationOutput | null;
  /** Another scenario's plan to compare with, when one is known. */
  other: { scenarioId: string; plan: PlanEntry[] } | null;
  /** When the figures were computed (ISO 8601), null when not prepared. */
  computedAt: string | null;
}

/** The deck of a prepared meeting. */
export function meetingSource(meeting: Meeting, other: DeckSource['other'] = null): DeckSource {
  return {
    portfolio: meeting.portfolio,
    scenarioId: meeting.scenarioId,
    plan: meeting.plan,
    source: meeting.source,
    optimised: meeting.optimised,
    frontier: meeting.frontier,
    confidence: meeting.confidence,
    simulation: meeting.simulation,
    other,
    computedAt: meeting.computedAt,
  };
}

/** The deck before the meeting is prepared: the saved plan, else the ranking heuristic's. */
export function documentSource(
  portfolio: Portfolio,
  scenarioId: string,
  other: DeckSource['other'] = null,
): DeckSource {
  const scenario = resolveScenario(portfolio, scenarioId || undefined);
  if (!scenario) throw new Error(`scénario inconnu « ${scenarioId} »`);
  const saved = scenario.plan && scenario.plan.length > 0 ? scenario.plan : null;
  return {
    portfolio,
    scenarioId,
    plan: saved ?? rankingHeuristic(portfolio, scenario).plan,
    source: saved ? 'saved' : 'heuristic',
    optimised: null,
    frontier: [],
    confidence: [],
    simulation: null,
    other,
    computedAt: null,
  };
}

export interface RiskFacts {
  /** P(value delivered within the mandate ≥ RISK_THRESHOLD × planned value). */
  share: number;
  p50: number;
  planned: number;
  /** Probability of delivering the whole planned value. */
  pAll: number;
  /** The year most likely to go over its investment envelope, and how likely. */
  worstYear: { year: number; p: number } | null;
  /** P80 of the plan's gross cost, and its planned cost. */
  cost80: number;
  costPlanned: number;
  /** The projects least likely to be delivered within the mandate. */
  leastLikely: { project: string; name: string; p: number }[];
  iterations: number;
  seed: number;
}

export interface ConfidenceFacts {
  /** The level with a plan the title speaks of (80 % when it has one). */
  level: number;
  /** Share of the value given up at that level (null: no level found a plan). */
  price: number | null;
  levels: {
    confidence: number | null;
    value: number | null;
    price: number;
    worst: number | null;
  }[];
}

export interface RecordItem {
  kind: 'adopt' | 'vote' | 'leftOut' | 'study' | 'conflict' | 'recorded';
  /** Projects named (ids). */
  projects: string[];
  count: number;
  amount?: number;
}

export interface DeckFacts {
  portfolio: Portfolio;
  scenario: ResolvedScenario;
  plan: PlanEntry[];
  source: MeetingPlanSource;
  computedAt: string | null;
  firstYear: number;
  lastYear: number;
  /** The optimiser's objective of the plan (its measure: the scenario's objective). */
  value: number;
  /** Σ V of the plan, not discounted. */
  planned: number;
  /** Net investment of the plan over the horizon. */
  investment: number;
  heuristic: { objective: number; investment: number; count: number } | null;
  finance: FinanceReport;
  annex: { count: number; amount: number };
  envelope: EnvelopeYear[];
  overs: YearOver[];
  bars: RoadmapBar[];
  pages: RoadmapBar[][];
  leftOut: Exclusion[];
  frontier: { points: FrontierPoint[]; headline: Headline } | null;
  confidence: ConfidenceFacts | null;
  risk: RiskFacts | null;
  compare: { comparison: PlanComparison; other: ResolvedScenario; count: number } | null;
  record: RecordItem[];
}

/** `items` cut into `pages` pages of nearly equal size, in order. */
export function balancedPages<T>(items: readonly T[], perPage: number): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / perPage);
  const size = Math.ceil(items.length / count);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

function riskFacts(portfolio: Portfolio, output: SimulationOutput): RiskFacts {
  const { result, curve, pAll } = output;
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const worst = [...result.investment].sort((a, b) => b.pOverEnvelope - a.pOverEnvelope)[0];
  return {
    share: shareAtLeast(curve, RISK_THRESHOLD * result.value.planned),
    p50: result.value.p50,
    planned: result.value.planned,
    pAll,
    worstYear:
      worst && worst.pOverEnvelope > 0 ? { year: worst.year, p: worst.pOverEnvelope } : null,
    cost80: result.totalCost.p80,
    costPlanned: result.totalCost.planned,
    leastLikely: [...result.projects]
      .sort((a, b) => a.pWithinMandate - b.pWithinMandate || a.project.localeCompare(b.project))
      .slice(0, 4)
      .map((p) => ({
        project: p.project,
        name: names.get(p.project) ?? p.project,
        p: p.pWithinMandate,
      })),
    iterations: result.iterations,
    seed: result.seed,
  };
}

function confidenceFacts(levels: readonly ConfidencePoint[]): ConfidenceFacts | null {
  const planned = (s: string) => s === 'optimal' || s === 'feasible';
  const rows = levels.map((p) => ({
    confidence: p.confidence,
    value: planned(p.status) ? p.objective : null,
    price: p.priceOfConfidence,
    worst: p.pOverEnvelope ? Math.max(0, ...p.pOverEnvelope) : null,
  }));
  const withPlan = rows.filter((r) => r.confidence !== null && r.value !== null);
  if (rows.length === 0 || !rows.some((r) => r.confidence !== null)) return null;
  const head = withPlan.find((r) => r.confidence === 0.8) ?? withPlan[withPlan.length - 1];
  // No level found a plan: the title names the lowest level asked, with no price.
  const lowest = Math.min(...rows.flatMap((r) => (r.confidence === null ? [] : [r.confidence])));
  return head
    ? { level: head.confidence ?? 0, price: head.price, levels: rows }
    : { level: lowest, price: null, levels: rows };
}

/** What the committee records at the end of the meeting, from the plan and the decision log. */
export function recordItems(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  leftOut: readonly Exclusion[],
  annexAmount: number,
): RecordItem[] {
  const latest = latestDecisions(portfolio);
  const inPlan = new Set(plan.map((e) => e.project));
  const items: RecordItem[] = [];
  if (plan.length > 0) {
    items.push({ kind: 'adopt', projects: [], count: plan.length });
    items.push({ kind: 'vote', projects: [], count: plan.length, amount: annexAmount });
  }
  // A project in the plan the committee last postponed or rejected, or one left out it approved.
  const conflicts = [...latest.values()]
    .filter(
      (d) =>
        (inPlan.has(d.project) && (d.decision === 'rejeté' || d.decision === 'reporté')) ||
        (!inPlan.has(d.project) && d.decision === 'retenu'),
    )
    .map((d) => d.project)
    .sort();
  if (conflicts.length > 0)
    items.push({ kind: 'conflict', projects: conflicts, count: conflicts.length });
  const undecided = leftOut.filter((e) => !latest.has(e.project)).map((e) => e.project);
  if (undecided.length > 0)
    items.push({ kind: 'leftOut', projects: undecided, count: undecided.length });
  const study = [...latest.values()]
    .filter((d) => d.decision === 'à instruire')
    .map((d) => d.project)
    .sort();
  if (study.length > 0) items.push({ kind: 'study', projects: study, count: study.length });
  const recorded = portfolio.decisions?.length ?? 0;
  if (recorded > 0) items.push({ kind: 'recorded', projects: [], count: recorded });
  return items;
}

export function deckFacts(source: DeckSource): DeckFacts {
  const { portfolio, plan } = source;
  const scenario = resolveScenario(portfolio, source.scenarioId || undefined);
  if (!scenario) throw new Error(`scénario inconnu « ${source.scenarioId} »`);
  const firstYear = portfolio.horizon.firstYear;
  const heuristic = rankingHeuristic(portfolio, scenario);
  const finance = financePlan(portfolio, scenario, plan);
  const annex = annexTotal(annexRows(portfolio, plan), firstYear);
  const loads = planLoads(portfolio, scenario, plan);
  const caps = ceilings(portfolio, scenario);
  const envelope = envelopeYears(firstYear, loads.investment, caps.investment);
  const operating = envelopeYears(firstYear, loads.operating, caps.operating);
  const bars = roadmapBars(portfolio, plan).sort(
    (a, b) => a.start - b.start || a.project.localeCompare(b.project),
  );
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const leftOut = exclusionReasons(portfolio, scenario, plan);
  const points = source.frontier.filter(hasPlan);
  const head = headline(points);
  let compare: DeckFacts['compare'] = null;
  if (source.other) {
    const other = resolveScenario(portfolio, source.other.scenarioId);
    if (other) {
      try {
        compare = {
          comparison: comparePlans(portfolio, plan, source.other.plan, {
            scenarioA: scenario,
            scenarioB: other,
          }),
          other,
          count: source.other.plan.length,
        };
      } catch {
        compare = null;
      }
    }
  }
  return {
    portfolio,
    scenario,
    plan,
    source: source.source,
    computedAt: source.computedAt,
    firstYear,
    lastYear: firstYear + portfolio.horizon.years - 1,
    value: scenarioObjective(portfolio, scenario, plan),
    planned: plan.reduce((s, e) => {
      const p = byId.get(e.project);
      return s + (p ? projectValue(portfolio.criteria, p) : 0);
    }, 0),
    investment: planNetInvestment(portfolio, scenario, plan),
    heuristic: heuristic.feasible
      ? {
          objective: heuristic.objective,
          investment: planNetInvestment(portfolio, scenario, heuristic.plan),
          count: heuristic.plan.length,
        }
      : null,
    finance,
    annex: { count: plan.length, amount: annex.amount },
    envelope,
    overs: overruns(envelope, operating),
    bars,
    pages: balancedPages(bars, ROADMAP_ROWS),
    leftOut,
    frontier: head && points.length >= 2 ? { points, headline: head } : null,
    confidence: confidenceFacts(source.confidence),
    risk: source.simulation ? riskFacts(portfolio, source.simulation) : null,
    compare,
    record: recordItems(portfolio, plan, leftOut, annex.amount),
  };
}

export type SlideKind =
  | 'decision'
  | 'noPlan'
  | 'roadmap'
  | 'value'
  | 'frontier'
  | 'confidence'
  | 'money'
  | 'risk'
  | 'compare'
  | 'leftOut'
  | 'record';

export interface Slide {
  kind: SlideKind;
  /** The page of a slide that spans several (roadmap), from 0. */
  page: number;
  pages: number;
}

/**
 * The slides in order: the decision to take, the plan's provenance when it
 * is not the scenario's saved one, the roadmap (in pages), value per euro
 * against the ranking heuristic (unless the plan is the heuristic's),
 * the frontier and the price of confidence (once computed), the money, the
 * risk (once simulated), another scenario's plan when one is known, what is
 * left out, and the decisions to record.
 */
export function deckSlides(f: DeckFacts): Slide[] {
  const one = (kind: SlideKind): Slide => ({ kind, page: 0, pages: 1 });
  const slides: Slide[] = [one('decision')];
  if (f.source !== 'saved') slides.push(one('noPlan'));
  f.pages.forEach((_, page) => slides.push({ kind: 'roadmap', page, pages: f.pages.length }));
  // The heuristic's plan against the heuristic says nothing.
  if (f.plan.length > 0 && f.source !== 'heuristic') slides.push(one('value'));
  if (f.frontier) slides.push(one('frontier'));
  if (f.confidence) slides.push(one('confidence'));
  slides.push(one('money'));
  if (f.risk) slides.push(one('risk'));
  if (f.compare) slides.push(one('compare'));
  if (f.leftOut.length > 0) slides.push(one('leftOut'));
  slides.push(one('record'));
  return slides;
}

/** Decisions in date order (the order of the log), for the dossier and the notes. */
export function decisionsByDate(portfolio: Portfolio): DecisionEntry[] {
  return [...(portfolio.decisions ?? [])].sort((a, b) => a.date.localeCompare(b.date));
}

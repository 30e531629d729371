/**
 * The optimiser (MODEL.md §4): the best plan under every rule, its proven
 * bound and gap, what it uses of each envelope and team, the ranking
 * heuristic it improves on, and, when no plan exists, why.
 *
 * HiGHS runs synchronously and blocks its thread, so the UI runs this in a
 * Web Worker. The heuristic plan is computed and reported through
 * `onProgress` before the solver starts: a worker terminated mid-solve still
 * has a valid plan to show. `signal` is checked at every solver checkpoint;
 * when it is aborted the solve stops and the best plan so far is returned
 * with its gap.
 */
import type { HighsCallbackMap } from 'highs';
import {
  resolveScenario,
  type Portfolio,
  type PlanEntry,
  type ResolvedScenario,
  type ScenarioObjective,
} from '../../model/portfolio';
import { checkPreparedPlan } from './check';
import {
  DEFAULT_CONFIDENCE_ITERATIONS,
  DEFAULT_CONFIDENCE_SEED,
  holdPlan,
  MIN_CONFIDENCE_ITERATIONS,
  SOLVE_GAP,
  type ConfidenceReport,
} from './confidence';
import { conflictByDeletion, staticReasons } from './diagnose';
import { rankingHeuristicPrepared, type HeuristicResult } from './heuristic';
import { improvePlan } from './improve';
import { resolveHighs, type HighsSource } from './highs';
import { buildModel, columnsToPlan, planToColumns } from './model';
import { raceModel, type RaceTransport } from './race';
import { solveThenSearch } from './search';
import { relativeGap } from '../plan';
import { planObjective, planUsage, prepareProblem } from './problem';

export type OptimiseStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface OptimiseProgress {
  /** `heuristic`: the fallback plan is ready; `solving`: solver news; `done`. */
  phase: 'heuristic' | 'solving' | 'done';
  /** Best objective so far (null before any plan). */
  objective: number | null;
  /** Best proven bound so far (null when not known yet). */
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** The best plan so far, when it changed. */
  plan?: PlanEntry[];
  /** What the confidence method (MODEL.md §7) just tried, in words. */
  note?: string;
}

export interface OptimiseOptions {
  /** Scenario id (default: the first scenario, else neutral settings). */
  scenarioId?: string;
  /** Settings to use instead of looking the scenario up. */
  scenario?: ResolvedScenario;
  /** Default 30 s. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which to stop (default 1e-4, HiGHS's own). */
  gap?: number;
  onProgress?: (progress: OptimiseProgress) => void;
  /** Anything with an `aborted` flag (an AbortSignal, or a flag set from a SharedArrayBuffer). */
  signal?: { readonly aborted: boolean };
  /** Other plans to start from (e.g. the previous point of a frontier); used when feasible. */
  startPlans?: readonly (readonly PlanEntry[])[];
  /** MODEL.md §7: overrides the scenario's confidence (null: the deterministic plan of §4). */
  confidence?: number | null;
  /** MODEL.md §7: overrides the scenario's objective. */
  objective?: ScenarioObjective;
  /** Simulation draws checking a plan's confidence (default 20 000, at least 10 000). */
  iterations?: number;
  /** Seed of those draws (default 42). */
  seed?: number;
  /** With a confidence: the deterministic result, when already known (not solved again). */
  deterministic?: OptimiseResult;
  /** Threads to race the solve on (race.ts); without, HiGHS runs on this thread. */
  race?: RaceTransport;
  /** HiGHS options over the base settings of highs.ts (and over each lane's). */
  settings?: Readonly<Record<string, number | boolean | string>>;
}

export interface OptimiseResult {
  /**
   * `optimal` (within the gap asked for), `feasible` (stopped with a gap),
   * `infeasible` (proven, with reasons), or `unknown`: stopped before any
   * plan was found and before infeasibility was proven (rare; reasons say so).
   */
  status: OptimiseStatus;
  scenario: string;
  objective: number;
  bound: number;
  gap: number;
  seconds: number;
  plan: PlanEntry[];
  usage: { investment: number[]; operating: number[]; teams: Record<string, number[]> };
  heuristic: HeuristicResult;
  reasons: string[];
  /** With a confidence (MODEL.md §7): what the simulation says of the plan, and the price. */
  confidence?: ConfidenceReport;
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`Le scénario « ${scenarioId} » n'existe pas dans ce portefeuille.`);
  }
}

/** The scenario settings an option set stands for, or an UnknownScenarioError. */
export function scenarioFor(portfolio: Portfolio, options: OptimiseOptions): ResolvedScenario {
  const s = options.scenario ?? resolveScenario(portfolio, options.scenarioId);
  if (!s) throw new UnknownScenarioError(options.scenarioId ?? '');
  return {
    ...s,
    objective: options.objective ?? s.objective,
    confidence: options.confidence !== undefined ? options.confidence : s.confidence,
  };
}

export async function optimise(
  highsSource: HighsSource,
  portfolio: Portfolio,
  options: OptimiseOptions = {},
): Promise<OptimiseResult> {
  const scenario = scenarioFor(portfolio, options);
  if (scenario.confidence !== null) {
    return optimiseWithConfidence(highsSource, portfolio, scenario, options);
  }
  const began = Date.now();
  const elapsed = () => (Date.now() - began) / 1000;
  const problem = prepareProblem(portfolio, scenario);
  const heuristic = rankingHeuristicPrepared(problem);
  options.onProgress?.({
    phase: 'heuristic',
    objective: heuristic.feasible ? heuristic.objective : null,
    bound: null,
    gap: null,
    seconds: elapsed(),
    plan: heuristic.plan,
  });

  const finish = (
    status: OptimiseStatus,
    plan: PlanEntry[],
    bound: number,
    reasons: string[],
  ): OptimiseResult => {
    const objective = planObjective(problem, plan);
    const gap = status === 'feasible' ? relativeGap(objective, bound) : 0;
    const usage = planUsage(problem, plan);
    const result: OptimiseResult = {
      status,
      scenario: scenario.id,
      objective,
      bound: status === 'infeasible' || status === 'unknown' ? bound : Math.max(bound, objective),
      gap: status === 'optimal' ? relativeGap(objective, Math.max(bound, objective)) : gap,
      seconds: elapsed(),
      plan,
      usage: { investment: usage.investment, operating: usage.operating, teams: usage.teams },
      heuristic,
      reasons,
    };
    options.onProgress?.({
      phase: 'done',
      objective: status === 'infeasible' || status === 'unknown' ? null : objective,
      bound: Number.isFinite(result.bound) ? result.bound : null,
      gap: result.gap,
      seconds: result.seconds,
      plan,
    });
    return result;
  };

  const simple = staticReasons(problem);
  if (simple.length > 0) return finish('infeasible', [], 0, simple);

  const highs = await resolveHighs(highsSource);
  const model = buildModel(problem);

  // The best feasible plan we already know: the solver's starting point.
  let fallback: PlanEntry[] | undefined;
  let fallbackValue = -Infinity;
  for (const candidate of [
    heuristic.feasible ? heuristic.plan : undefined,
    ...(options.startPlans ?? []),
  ]) {
    if (!candidate || checkPreparedPlan(problem, candidate).length > 0) continue;
    const value = planObjective(problem, candidate);
    if (value > fallbackValue) {
      fallback = [...candidate];
      fallbackValue = value;
    }
  }
  if (options.signal?.aborted) {
    return fallback
      ? finish('feasible', fallback, Infinity, [])
      : finish('unknown', [], Infinity, ['Calcul interrompu avant le premier plan.']);
  }

  const limit = options.timeLimitSeconds ?? 30;
  let lastReport = -1;
  const reportPlan = (values: ArrayLike<number>, dual: number | undefined) => {
    if (!options.onProgress) return;
    const plan = columnsToPlan(problem, model, values);
    const objective = planObjective(problem, plan);
    const bound = dual !== undefined && Number.isFinite(dual) ? dual : null;
    options.onProgress({
      phase: 'solving',
      objective,
      bound,
      gap: bound === null ? null : relativeGap(objective, bound),
      seconds: elapsed(),
      plan,
    });
  };
  const reportTick = (primal: number | undefined, dual: number | undefined) => {
    const now = elapsed();
    if (!options.onProgress || now - lastReport < 0.25) return;
    lastReport = now;
    const objective = primal !== undefined && Number.isFinite(primal) ? primal : null;
    const bound = dual !== undefined && Number.isFinite(dual) ? dual : null;
    options.onProgress({
      phase: 'solving',
      objective,
      bound,
      gap: objective !== null && bound !== null ? relativeGap(objective, bound) : null,
      seconds: now,
    });
  };
  const cb = highs.constants.callbackType;
  const callbacks: HighsCallbackMap = {
    [cb.mipImprovingSolution]: (event) => {
      if (event.data.mip_solution) reportPlan(event.data.mip_solution, event.data.mip_dual_bound);
      return undefined;
    },
    [cb.mipInterrupt]: (event) => {
      if (options.signal?.aborted) event.interrupt();
      else reportTick(event.data.mip_primal_bound, event.data.mip_dual_bound);
      return undefined;
    },
  };
  // Time kept, out of the limit, to polish a plan the solver could not prove optimal.
  const polish = Math.min(1, Math.max(0.1, 0.05 * limit));
  const solve = {
    timeLimitSeconds: Math.max(0.01, limit - polish - elapsed()),
    gap: options.gap ?? 1e-4,
    start: fallback ? planToColumns(problem, model, fallback) : undefined,
    settings: options.settings,
  };
  // Several lanes when the caller has threads for them (race.ts), else this thread.
  const out = options.race
    ? await raceModel(options.race, model, {
        ...solve,
        signal: options.signal,
        onImproving: (values, _objective, bound) => reportPlan(values, bound),
        onTick: reportTick,
      })
    : solveThenSearch(highs, model, {
        ...solve,
        callbacks,
        aborted: () => options.signal?.aborted === true,
        onImproving: (values, _objective, bound) => reportPlan(values, bound),
      });

  if (out.status === 'infeasible') {
    const why =
      conflictByDeletion(highs, problem) ??
      'Aucun plan ne respecte toutes les règles à la fois (le solveur le prouve), sans qu’un petit groupe de règles incompatibles ait pu être isolé.';
    return finish('infeasible', [], -Infinity, [why]);
  }
  if (out.status === 'error') throw new Error('Le solveur HiGHS a échoué sur ce portefeuille.');

  let plan = out.values ? columnsToPlan(problem, model, out.values) : undefined;
  let proven = out.status === 'optimal';
  // Belt and braces: a solver plan that the checker refuses (rounding) is
  // never returned; the known feasible plan stands in, without the proof.
  if (plan && checkPreparedPlan(problem, plan).length > 0) {
    plan = undefined;
    proven = false;
  }
  if (plan && fallback && planObjective(problem, fallback) > planObjective(problem, plan) + 1e-9) {
    plan = fallback;
  }
  plan ??= fallback;
  if (plan && !proven && !options.signal?.aborted) {
    const better = improvePlan(
      problem,
      plan,
      1000 * Math.max(0, Math.min(polish, limit - elapsed())),
    );
    if (
      planObjective(problem, better) > planObjective(problem, plan) + 1e-9 &&
      checkPreparedPlan(problem, better).length === 0
    ) {
      plan = better;
      options.onProgress?.({
        phase: 'solving',
        objective: planObjective(problem, better),
        bound: Number.isFinite(out.bound) ? out.bound : null,
        gap: relativeGap(planObjective(problem, better), out.bound),
        seconds: elapsed(),
        plan: better,
      });
    }
  }
  if (!plan) {
    return finish('unknown', [], out.bound, [
      `Aucun plan trouvé en ${limit} s, et l'absence de plan n'est pas prouvée : relancez avec plus de temps.`,
    ]);
  }
  const status: OptimiseStatus = proven ? 'optimal' : 'feasible';
  return finish(status, plan, out.bound, []);
}

/**
 * MODEL.md §7: the best plan that holds every year's envelope with the
 * scenario's confidence (confidence.ts), after the deterministic optimum,
 * which bounds it. Progress reports the best plan that holds so far.
 */
async function optimiseWithConfidence(
  highsSource: HighsSource,
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  options: OptimiseOptions,
): Promise<OptimiseResult> {
  const began = Date.now();
  const elapsed = () => (Date.now() - began) / 1000;
  const limit = options.timeLimitSeconds ?? 30;
  const target = scenario.confidence as number;
  const iterations = Math.max(
    MIN_CONFIDENCE_ITERATIONS,
    Math.floor(options.iterations ?? DEFAULT_CONFIDENCE_ITERATIONS),
  );
  const seed = options.seed ?? DEFAULT_CONFIDENCE_SEED;
  const highs = await resolveHighs(highsSource);
  const plain = { ...scenario, confidence: null };
  const det = await optimise(highs, portfolio, {
    ...options,
    scenario: plain,
    confidence: null,
    timeLimitSeconds: Math.max(0.5, 0.35 * limit),
    onProgress: (p) =>
      options.onProgress?.({
        ...p,
        phase: p.phase === 'done' ? 'solving' : p.phase,
        plan: undefined,
      }),
  });
  const problem = prepareProblem(portfolio, plain);
  const found = det.status === 'optimal' || det.status === 'feasible';
  if (!found) return { ...det, seconds: elapsed() };

  const held = await holdPlan({
    highs,
    problem,
    target,
    iterations,
    seed,
    deterministic: {
      plan: det.plan,
      objective: det.objective,
      bound: det.bound,
      proven: det.status === 'optimal',
    },
    candidates: options.startPlans,
    solveScaled: async (factor, timeLimitSeconds) => {
      const scaled = {
        ...plain,
        budgetFactor: { ...plain.budgetFactor, investment: plain.budgetFactor.investment * factor },
      };
      const r = await optimise(highs, portfolio, {
        scenario: scaled,
        confidence: null,
        timeLimitSeconds,
        gap: SOLVE_GAP,
        signal: options.signal,
        startPlans: [det.heuristic.plan],
      });
      return r.status === 'optimal' || r.status === 'feasible' ? r.plan : null;
    },
    remaining: () => limit - elapsed(),
    aborted: () => options.signal?.aborted === true,
    onStep: (note) =>
      options.onProgress?.({
        phase: 'solving',
        objective: null,
        bound: det.bound,
        gap: null,
        seconds: elapsed(),
        note,
      }),
    onPlan: (plan, objective) =>
      options.onProgress?.({
        phase: 'solving',
        objective,
        bound: det.bound,
        gap: relativeGap(objective, det.bound),
        seconds: elapsed(),
        plan,
      }),
  });

  const report = held.report;
  const proven = report.source === 'deterministic' && det.status === 'optimal';
  const usage = planUsage(problem, held.plan);
  const result: OptimiseResult = {
    status: report.holds ? (proven ? 'optimal' : 'feasible') : 'unknown',
    scenario: scenario.id,
    objective: held.objective,
    bound: Math.max(det.bound, held.objective),
    gap: report.holds ? relativeGap(held.objective, Math.max(det.bound, held.objective)) : 1,
    seconds: elapsed(),
    plan: held.plan,
    usage: { investment: usage.investment, operating: usage.operating, teams: usage.teams },
    heuristic: det.heuristic,
    reasons: report.holds
      ? []
      : [
          `Aucun plan trouvé en ${Math.round(limit)} s ne tient chaque année son enveloppe d’investissement avec une probabilité d’au moins ${Math.round(100 * target)} % : baissez la confiance demandée, desserrez les enveloppes ou relancez avec plus de temps.`,
        ],
    confidence: report,
  };
  options.onProgress?.({
    phase: 'done',
    objective: report.holds ? held.objective : null,
    bound: det.bound,
    gap: result.gap,
    seconds: result.seconds,
    plan: held.plan,
  });
  return result;
}

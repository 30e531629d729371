/**
 * Preparing the committee meeting, as a sequence the page can follow with
 * one progress bar: everything the deck and the dossier need, computed once
 * from one snapshot of the document, so the deck is the same every time it
 * is shown and says when its figures were computed.
 *
 * 1. the scenario's plan (the optimiser, MODEL.md §4 — §7 when the scenario
 *    asks for a confidence);
 * 2. the frontier around it (the plan the deck shows stands for factor 1
 *    instead of being solved again, frontier.ts `known`);
 * 3. the price of confidence (MODEL.md §7, the same plan as the deterministic
 *    one when step 1 was computed without a confidence);
 * 4. the risk simulation (MODEL.md §5) of the plan the deck shows: the
 *    scenario's saved plan, else step 1's, else the ranking heuristic's.
 *
 * Each step gets an estimate (its time limit; the simulation's from its size)
 * and the progress is the share of the estimated seconds done, a finished
 * step counting for what it really took. Nothing here touches a worker: the
 * page passes the steps (compute/meeting.svelte.ts runs them in Web Workers),
 * the unit tests pass fakes (test/unit/compute/meeting.test.ts).
 */
import type {
  ConfidencePoint,
  FrontierPoint,
  KnownPoint,
  OptimiseResult,
} from '../../../shared/engine/optimise';
import type { SimulationOutput } from '../../../shared/engine/simulate';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import { relativeGap } from '../../../shared/engine/plan';

/** The budget factors of the meeting's frontier: close to the envelope, where a committee decides. */
export const MEETING_FACTORS = [0.8, 0.9, 1, 1.1, 1.2] as const;
/** The confidence levels of the price of confidence (null: no risk margin). */
export const MEETING_LEVELS = [null, 0.8, 0.9] as const;
/** Draws of the meeting's risk simulation (the risk screen's default). */
export const MEETING_ITERATIONS = 10_000;
/** The time limits a user may give each optimisation, seconds. */
export const MEETING_LIMITS = [2, 5, 10, 30, 60] as const;
/**
 * The least time each confidence level gets, seconds: a plan that holds
 * under risk needs the deterministic plan, its simulated spend and several
 * solves; on the demo, under 20 s per level finds none, and the slide would
 * only say so.
 */
export const MEETING_CONFIDENCE_MIN_SECONDS = 20;

/** Time limit of each confidence level for a meeting's time limit per solve. */
export function confidenceSeconds(secondsPerSolve: number): number {
  return Math.max(secondsPerSolve, MEETING_CONFIDENCE_MIN_SECONDS);
}

export type MeetingStepKind = 'optimise' | 'frontier' | 'confidence' | 'simulate';

export interface MeetingRequest {
  /** A snapshot of the document: every figure of the meeting comes from it. */
  portfolio: Portfolio;
  /** '' for the neutral settings of a document without scenarios. */
  scenarioId: string;
  /** Time limit of each optimisation. */
  secondsPerSolve: number;
  /** The inputs' key (shared/engine/plan `optimisationKey`), to tell later when they changed. */
  key: string;
  iterations?: number;
  seed: number;
  /** Another scenario's plan known at the time, for the deck's comparison (kept as it is). */
  other?: { scenarioId: string; plan: PlanEntry[] } | null;
}

/** Where the deck's plan comes from. */
export type MeetingPlanSource = 'saved' | 'optimised' | 'heuristic';

/** What a prepared meeting holds (kept as it is for the session). */
export interface Meeting {
  scenarioId: string;
  key: string;
  portfolio: Portfolio;
  /** When the preparation ended (ISO 8601). */
  computedAt: string;
  secondsPerSolve: number;
  /** Step 1's result (null when it failed). */
  optimised: OptimiseResult | null;
  /** The plan the deck and the dossier show. */
  plan: PlanEntry[];
  source: MeetingPlanSource;
  frontier: FrontierPoint[];
  confidence: ConfidencePoint[];
  simulation: SimulationOutput | null;
  iterations: number;
  seed: number;
  /** Seconds the preparation took. */
  seconds: number;
  other: { scenarioId: string; plan: PlanEntry[] } | null;
}

/**
 * The steps, as the page runs them. Each resolves with its result, or null
 * when it was cancelled or failed (the preparation then stops).
 */
export interface MeetingSteps {
  optimise(request: MeetingRequest): Promise<OptimiseResult | null>;
  frontier(request: MeetingRequest, known: KnownPoint[]): Promise<FrontierPoint[] | null>;
  confidence(
    request: MeetingRequest,
    deterministic: OptimiseResult | undefined,
  ): Promise<ConfidencePoint[] | null>;
  simulate(
    request: MeetingRequest,
    plan: PlanEntry[],
    onProgress: (done: number, total: number) => void,
  ): Promise<SimulationOutput | null>;
  /** The plan of the ranking heuristic under the scenario (the last resort). */
  heuristicPlan(request: MeetingRequest): PlanEntry[];
  /** The objective of a plan under the request's scenario (the optimiser's measure). */
  planValue(request: MeetingRequest, plan: readonly PlanEntry[]): number;
  /** Now, in milliseconds (a fake clock in tests). */
  now(): number;
}

export interface StepPlan {
  kind: MeetingStepKind;
  /** Seconds this step is expected to take. */
  estimate: number;
  /** Seconds it took, once done. */
  took?: number;
  /** When it started (ms), while it runs. */
  startedAt?: number;
  /** Its own share done (0..1), when it reports one (the simulation). */
  fraction?: number;
}

/** Seconds a simulation of `iterations` draws of `projects` projects may take here (measured roughly). */
export function simulationEstimate(iterations: number, projects: number): number {
  return 1 + (iterations * Math.max(1, projects)) / 250_000;
}

/**
 * The steps and their estimates: each optimisation at most its time limit
 * (each confidence level at least MEETING_CONFIDENCE_MIN_SECONDS; the frontier's factor 1 is not solved again when step 1 proves it, but
 * that is known only then), plus the start-up of the solver, and the
 * simulation by its size.
 */
export function planSteps(request: MeetingRequest): StepPlan[] {
  const limit = request.secondsPerSolve;
  const startUp = 1;
  const scenario = request.portfolio.scenarios?.find((s) => s.id === request.scenarioId);
  const projects = scenario?.plan?.length || request.portfolio.projects.length;
  return [
    { kind: 'optimise', estimate: limit + startUp },
    { kind: 'frontier', estimate: MEETING_FACTORS.length * limit + startUp },
    { kind: 'confidence', estimate: MEETING_LEVELS.length * confidenceSeconds(limit) + startUp },
    {
      kind: 'simulate',
      estimate: simulationEstimate(request.iterations ?? MEETING_ITERATIONS, projects),
    },
  ];
}

/** Share of the work done (0..1) and seconds left, at `now` (ms). */
export function progressOf(
  steps: readonly StepPlan[],
  now: number,
): { fraction: number; left: number } {
  let done = 0;
  let left = 0;
  for (const s of steps) {
    if (s.took !== undefined) {
      done += s.took;
    } else if (s.startedAt !== undefined) {
      const spent = Math.max(0, (now - s.startedAt) / 1000);
      // A step is never shown done before it is; one that runs late keeps a little left.
      const share = s.fraction ?? Math.min(0.95, spent / Math.max(s.estimate, 1e-9));
      const expected = Math.max(s.estimate, spent / Math.max(share, 0.05));
      done += share * expected;
      left += (1 - share) * expected;
    } else {
      left += s.estimate;
    }
  }
  const total = done + left;
  return { fraction: total > 0 ? Math.min(1, done / total) : 1, left };
}

const found = (r: OptimiseResult | null) => r?.status === 'optimal' || r?.status === 'feasible';

/**
 * Runs the four steps in order and gives the meeting, or null when a step
 * was cancelled or failed (`onStep` has said which). `onSteps` receives the
 * steps with their estimates and times each time one starts, progresses or
 * ends, for the progress bar.
 */
export async function prepareMeeting(
  request: MeetingRequest,
  steps: MeetingSteps,
  onSteps: (plan: StepPlan[]) => void,
): Promise<Meeting | null> {
  const began = steps.now();
  let plan = planSteps(request);
  const update = (i: number, change: Partial<StepPlan>) => {
    plan = plan.map((s, k) => (k === i ? { ...s, ...change } : s));
    onSteps(plan);
  };
  const begin = (i: number) => update(i, { startedAt: steps.now() });
  const end = (i: number) => update(i, { took: (steps.now() - plan[i]!.startedAt!) / 1000 });

  begin(0);
  const optimised = await steps.optimise(request);
  if (optimised === null) return null;
  end(0);

  // The plan the deck shows: the scenario's saved plan, else step 1's, else
  // the ranking heuristic's.
  const saved = request.portfolio.scenarios?.find((s) => s.id === request.scenarioId)?.plan;
  const source: MeetingPlanSource =
    saved && saved.length > 0 ? 'saved' : found(optimised) ? 'optimised' : 'heuristic';
  const shown =
    source === 'saved'
      ? saved!
      : source === 'optimised'
        ? optimised.plan
        : steps.heuristicPlan(request);
  // That plan stands for factor 1 and for the deterministic plan, proven or
  // not: the deck shows one figure for it, not three solves of the same
  // envelope. A saved plan keeps step 1's bound (it holds for every plan).
  const standing: OptimiseResult | undefined =
    source === 'optimised'
      ? optimised
      : source === 'saved' && found(optimised)
        ? {
            ...optimised,
            status: 'feasible',
            plan: [...shown],
            objective: steps.planValue(request, shown),
          }
        : undefined;
  if (standing && standing !== optimised)
    standing.gap = relativeGap(standing.objective, Math.max(standing.bound, standing.objective));
  const known: KnownPoint[] = standing ? [{ factor: 1, result: standing }] : [];
  begin(1);
  const frontier = await steps.frontier(request, known);
  if (frontier === null) return null;
  end(1);

  // The deterministic plan of the price of confidence: step 1's, when it is one (no confidence asked).
  const deterministic = standing && !optimised.confidence ? standing : undefined;
  begin(2);
  const confidence = await steps.confidence(request, deterministic);
  if (confidence === null) return null;
  end(2);

  begin(3);
  const simulation =
    shown.length === 0
      ? { result: null }
      : {
          result: await steps.simulate(request, shown, (done, total) =>
            update(3, { fraction: total > 0 ? done / total : 0 }),
          ),
        };
  if (shown.length > 0 && simulation.result === null) return null;
  end(3);

  return {
    scenarioId: request.scenarioId,
    key: request.key,
    portfolio: request.portfolio,
    computedAt: new Date(steps.now()).toISOString(),
    secondsPerSolve: request.secondsPerSolve,
    optimised,
    plan: shown,
    source,
    frontier,
    confidence,
    simulation: simulation.result,
    iterations: request.iterations ?? MEETING_ITERATIONS,
    seed: request.seed,
    seconds: (steps.now() - began) / 1000,
    other: request.other ?? null,
  };
}

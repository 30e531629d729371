/**
 * Preparing the meeting (renderer/src/compute/meeting.ts) with fake steps and
 * a fake clock: the steps run in order, each given what the one before
 * found (its plan as the frontier's factor 1 and as the deterministic plan
 * of the price of confidence, proven or not), the deck's plan is the
 * saved one, else the optimiser's, else the heuristic's, a cancelled step
 * stops everything after it, and the one progress bar only moves forward,
 * reaching 1 exactly when the last step ends.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import type {
  ConfidencePoint,
  FrontierPoint,
  KnownPoint,
  OptimiseResult,
} from '../../../shared/engine/optimise';
import type { SimulationOutput } from '../../../shared/engine/simulate';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import {
  confidenceSeconds,
  MEETING_CONFIDENCE_MIN_SECONDS,
  MEETING_FACTORS,
  MEETING_ITERATIONS,
  MEETING_LEVELS,
  planSteps,
  prepareMeeting,
  progressOf,
  simulationEstimate,
  type MeetingRequest,
  type MeetingSteps,
  type StepPlan,
} from '../../../renderer/src/compute/meeting';

const portfolio = demo as unknown as Portfolio;
const withPlan = portfolio.scenarios!.find((s) => (s.plan ?? []).length > 0)!;
const withoutPlan = portfolio.scenarios!.find((s) => (s.plan ?? []).length === 0)!;

const optimumPlan: PlanEntry[] = [{ project: 'P01', start: 2027 }];
const heuristic: PlanEntry[] = [{ project: 'P02', start: 2028 }];

function result(status: OptimiseResult['status'], confidence = false): OptimiseResult {
  return {
    status,
    scenario: 'x',
    objective: 10,
    bound: 10,
    gap: 0,
    seconds: 1,
    plan: status === 'optimal' || status === 'feasible' ? optimumPlan : [],
    usage: { investment: [], operating: [], teams: {} },
    heuristic: { feasible: true, objective: 8, plan: heuristic },
    reasons: [],
    ...(confidence ? { confidence: {} as OptimiseResult['confidence'] } : {}),
  } as OptimiseResult;
}

/** Fake steps: each takes `seconds[kind]` on a fake clock; records what it was given. */
function fakeSteps(
  optimised: OptimiseResult,
  options: { cancelAt?: string; seconds?: Record<string, number> } = {},
) {
  let clock = 1_000_000;
  const seconds = { optimise: 3, frontier: 12, confidence: 7, simulate: 2, ...options.seconds };
  const calls: string[] = [];
  const given: { known?: KnownPoint[]; deterministic?: OptimiseResult; plan?: PlanEntry[] } = {};
  const wait = (kind: keyof typeof seconds) => {
    calls.push(kind);
    clock += seconds[kind] * 1000;
    return options.cancelAt === kind;
  };
  const steps: MeetingSteps = {
    now: () => clock,
    heuristicPlan: () => heuristic,
    // A fake measure: two points per project of the plan.
    planValue: (_r, plan) => 2 * plan.length,
    optimise: async () => (wait('optimise') ? null : optimised),
    frontier: async (_r, known) => {
      given.known = known;
      return wait('frontier') ? null : ([] as FrontierPoint[]);
    },
    confidence: async (_r, deterministic) => {
      given.deterministic = deterministic;
      return wait('confidence') ? null : ([] as ConfidencePoint[]);
    },
    simulate: async (_r, plan, onProgress) => {
      given.plan = plan;
      // Half-way, then done: the progress bar sees the simulation's own share.
      clock += 500;
      onProgress(MEETING_ITERATIONS / 2, MEETING_ITERATIONS);
      return wait('simulate') ? null : ({} as SimulationOutput);
    },
  };
  return { steps, calls, given, seconds, clock: () => clock };
}

const request = (scenarioId: string, secondsPerSolve = 5): MeetingRequest => ({
  portfolio,
  scenarioId,
  secondsPerSolve,
  key: 'k',
  seed: 42,
});

describe('preparing the meeting', () => {
  it('runs the four steps in order, and hands the proven optimum on', async () => {
    const optimal = result('optimal');
    const { steps, calls, given } = fakeSteps(optimal);
    const meeting = await prepareMeeting(request(withoutPlan.id), steps, () => {});
    expect(calls).toEqual(['optimise', 'frontier', 'confidence', 'simulate']);
    expect(given.known).toEqual([{ factor: 1, result: optimal }]);
    expect(given.deterministic).toBe(optimal);
    // No saved plan: the deck shows the optimiser's.
    expect(meeting!.source).toBe('optimised');
    expect(meeting!.plan).toEqual(optimumPlan);
    expect(given.plan).toEqual(optimumPlan);
    expect(meeting!.scenarioId).toBe(withoutPlan.id);
    expect(meeting!.iterations).toBe(MEETING_ITERATIONS);
  });

  it('hands on a plan found but not proven (one figure for the plan), never a failed run nor a plan computed with a confidence', async () => {
    const stopped = result('feasible');
    const feasible = fakeSteps(stopped);
    await prepareMeeting(request(withoutPlan.id), feasible.steps, () => {});
    expect(feasible.given.known).toEqual([{ factor: 1, result: stopped }]);
    expect(feasible.given.deterministic).toBe(stopped);

    const none = fakeSteps(result('unknown'));
    await prepareMeeting(request(withoutPlan.id), none.steps, () => {});
    expect(none.given.known).toEqual([]);
    expect(none.given.deterministic).toBeUndefined();

    const held = fakeSteps(result('optimal', true));
    await prepareMeeting(request(withoutPlan.id), held.steps, () => {});
    expect(held.given.known).toHaveLength(1);
    expect(held.given.deterministic).toBeUndefined();
  });

  it('shows the saved plan when the scenario has one, else the heuristic when nothing was found', async () => {
    const saved = fakeSteps(result('optimal'));
    const a = await prepareMeeting(request(withPlan.id), saved.steps, () => {});
    expect(a!.source).toBe('saved');
    expect(a!.plan).toEqual(withPlan.plan);
    expect(saved.given.plan).toEqual(withPlan.plan);
    // The saved plan, the one shown, also stands for factor 1 and for the
    // deterministic plan, with its own value and step 1's bound.
    const standing = saved.given.known![0]!.result;
    expect(standing.plan).toEqual(withPlan.plan);
    expect(standing.status).toBe('feasible');
    expect(standing.objective).toBe(2 * withPlan.plan!.length);
    expect(standing.bound).toBe(10);
    expect(saved.given.deterministic!.plan).toEqual(withPlan.plan);

    const none = fakeSteps(result('unknown'));
    const b = await prepareMeeting(request(withoutPlan.id), none.steps, () => {});
    expect(b!.source).toBe('heuristic');
    expect(b!.plan).toEqual(heuristic);
  });

  it('stops at a cancelled step: nothing after it runs, no meeting', async () => {
    for (const at of ['optimise', 'frontier', 'confidence', 'simulate']) {
      const { steps, calls } = fakeSteps(result('optimal'), { cancelAt: at });
      expect(await prepareMeeting(request(withPlan.id), steps, () => {})).toBeNull();
      expect(calls[calls.length - 1]).toBe(at);
    }
  });

  it('moves one progress bar forward only, to 1 when the last step ends', async () => {
    const { steps, clock } = fakeSteps(result('optimal'));
    const seen: { fraction: number; left: number; plan: StepPlan[] }[] = [];
    const start = clock();
    const meeting = await prepareMeeting(request(withPlan.id), steps, (plan) =>
      seen.push({ ...progressOf(plan, clock()), plan }),
    );
    const fractions = seen.map((s) => s.fraction);
    for (let i = 1; i < fractions.length; i++) {
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]! - 1e-12);
    }
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.slice(0, -1).every((f) => f < 1)).toBe(true);
    expect(seen[seen.length - 1]!.left).toBe(0);
    // What each step took is what the clock says; the meeting's seconds are their sum.
    const last = seen[seen.length - 1]!.plan;
    expect(last.map((s) => s.took)).toEqual([3, 12, 7, 2.5]);
    expect(meeting!.seconds).toBeCloseTo((clock() - start) / 1000, 9);
  });
});

describe('the estimate', () => {
  it('gives each optimisation its time limit and the simulation its size', () => {
    const plan = planSteps(request(withPlan.id, 30));
    expect(plan.map((s) => s.kind)).toEqual(['optimise', 'frontier', 'confidence', 'simulate']);
    expect(plan[0]!.estimate).toBe(30 + 1);
    expect(plan[1]!.estimate).toBe(30 * MEETING_FACTORS.length + 1);
    expect(plan[2]!.estimate).toBe(30 * MEETING_LEVELS.length + 1);
    expect(plan[3]!.estimate).toBe(simulationEstimate(MEETING_ITERATIONS, withPlan.plan!.length));
    // Twice the time limit: every optimisation estimate doubles (start-up aside).
    const twice = planSteps(request(withPlan.id, 60));
    for (let i = 0; i < 3; i++) expect(twice[i]!.estimate - 1).toBe(2 * (plan[i]!.estimate - 1));
  });

  it('gives each confidence level at least its floor, however short the time per solve', () => {
    const short = planSteps(request(withPlan.id, 2));
    expect(short[0]!.estimate).toBe(2 + 1);
    expect(short[2]!.estimate).toBe(MEETING_CONFIDENCE_MIN_SECONDS * MEETING_LEVELS.length + 1);
    expect(confidenceSeconds(2)).toBe(MEETING_CONFIDENCE_MIN_SECONDS);
    expect(confidenceSeconds(60)).toBe(60);
  });

  it('counts a finished step for what it took and a running one for the time spent', () => {
    const steps: StepPlan[] = [
      { kind: 'optimise', estimate: 10, took: 4 },
      { kind: 'frontier', estimate: 50, startedAt: 0 },
      { kind: 'confidence', estimate: 30 },
      { kind: 'simulate', estimate: 5 },
    ];
    // 10 s into a 50 s step: 4 + 10 done, 40 + 30 + 5 left.
    const p = progressOf(steps, 10_000);
    expect(p.fraction).toBeCloseTo(14 / 89, 12);
    expect(p.left).toBeCloseTo(75, 12);
    // A step running late is never shown done: its estimate stretches.
    const late = progressOf(steps, 200_000);
    expect(late.fraction).toBeLessThan(1);
    expect(late.left).toBeGreaterThan(35);
    // A step that reports its share is counted by it.
    const shared = progressOf(
      [
        { kind: 'optimise', estimate: 10, took: 10 },
        { kind: 'simulate', estimate: 10, startedAt: 0, fraction: 0.5 },
      ],
      1000,
    );
    expect(shared.fraction).toBeCloseTo(15 / 20, 12);
  });
});

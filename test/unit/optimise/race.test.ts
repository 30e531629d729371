/**
 * Racing one solve on several lanes (shared/engine/optimise/race.ts): the
 * board's rules, the merge of the lanes' answers, and the real thing on Node
 * worker threads (electron/optimise/pool.ts) against the brute-force oracle.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SolverPool } from '../../../electron/optimise/pool';
import { frontier, optimise } from '../../../shared/engine/optimise';
import { rankingHeuristicPrepared } from '../../../shared/engine/optimise/heuristic';
import { runModel } from '../../../shared/engine/optimise/highs';
import { buildModel, columnsToPlan, planToColumns } from '../../../shared/engine/optimise/model';
import { prepareProblem } from '../../../shared/engine/optimise/problem';
import {
  Board,
  LANES,
  proves,
  raceModel,
  runLane,
  type LaneReply,
  type LaneRequest,
  type RaceTransport,
} from '../../../shared/engine/optimise/race';
import { resolveScenario } from '../../../shared/model/portfolio';
import { generatePortfolio } from '../../support/generate';
import { bruteForce, objective, settingsOf, tinyPortfolio, violations } from './oracle';

let highs: Highs;
let pool: SolverPool;
beforeAll(async () => {
  highs = await highsLoader();
  pool = new SolverPool(2);
  await pool.start();
});
afterAll(async () => {
  await pool.close();
});

/** Lanes run one after the other on this thread: deterministic, to test the merge. */
function inline(lanes: number, fail: readonly number[] = []): RaceTransport & { seen: number[] } {
  const seen: number[] = [];
  return {
    lanes,
    seen,
    async runLane(request: LaneRequest, onImproving): Promise<LaneReply> {
      seen.push(request.lane);
      if (fail.includes(request.lane)) throw new Error('fil arrêté');
      return runLane(highs, request, onImproving);
    },
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('the board', () => {
  it('keeps the best objective offered, each lane’s bound and the stop flag', () => {
    const board = Board.create(3);
    expect(board.best).toBe(-Infinity);
    expect(board.tightest(3)).toBe(Infinity);
    board.offer(10);
    board.offer(7);
    board.offer(12.5);
    expect(board.best).toBe(12.5);
    board.setBound(0, 20);
    board.setBound(2, 15);
    expect(board.tightest(3)).toBe(15);
    expect(board.stopped).toBe(false);
    // Another view of the same memory (another thread) sees the same.
    const view = new Board(board.buffer);
    view.stop();
    expect(board.stopped).toBe(true);
    expect(view.best).toBe(12.5);
  });

  it('carries the best plan, and works without SharedArrayBuffer (a page not cross-origin isolated)', () => {
    const saved = globalThis.SharedArrayBuffer;
    try {
      for (const shared of [true, false]) {
        if (!shared) (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
        const board = Board.create(2, 3);
        expect(board.buffer instanceof ArrayBuffer).toBe(!shared);
        expect(board.bestPlan()).toBeUndefined();
        board.offerPlan([1, 0, 1], 5);
        board.offerPlan([0, 1, 0], 4);
        const v = board.version;
        board.offerPlan([1, 1, 0], 6);
        expect(board.version).toBeGreaterThan(v);
        expect(Array.from(board.bestPlan()!.values)).toEqual([1, 1, 0]);
        expect(board.best).toBe(6);
        board.waitForPlan(board.version, 1);
      }
    } finally {
      globalThis.SharedArrayBuffer = saved;
    }
  });

  it('counts a plan proven when the bound is within the gap, as HiGHS does', () => {
    expect(proves(100, 100.005, 1e-4)).toBe(true);
    expect(proves(100, 100.02, 1e-4)).toBe(false);
    expect(proves(0, 1e-7, 0)).toBe(true);
    expect(proves(100, 100.5, 0)).toBe(false);
  });
});

describe('the race', () => {
  const portfolio = generatePortfolio({ projects: 12, years: 3, teams: 2, seed: 4 });
  const problem = prepareProblem(portfolio, resolveScenario(portfolio)!);
  const model = buildModel(problem);

  it('returns the optimum the single solve finds, whichever lane proves it', async () => {
    const single = await optimise(highs, portfolio, { gap: 0 });
    const transport = inline(2);
    const out = await raceModel(transport, model, { timeLimitSeconds: 30, gap: 0 });
    expect(transport.seen).toEqual([0, 1]);
    expect(out.status).toBe('optimal');
    let value = 0;
    out.values!.forEach((v, j) => (value += v * model.cost[j]!));
    expect(close(value, single.objective)).toBe(true);
    expect(out.bound).toBeGreaterThanOrEqual(value - 1e-9);
  });

  it('still answers when a lane’s thread fails, and fails only when every lane does', async () => {
    const out = await raceModel(inline(2, [1]), model, { timeLimitSeconds: 30, gap: 0 });
    expect(out.status).toBe('optimal');
    // The searching lane alone finds plans but proves nothing.
    const unproven = await raceModel(inline(2, [0]), model, { timeLimitSeconds: 2, gap: 0 });
    expect(unproven.status).toBe('stopped');
    expect(unproven.values).toBeDefined();
    const none = await raceModel(inline(2, [0, 1]), model, { timeLimitSeconds: 30, gap: 0 });
    expect(none.status).toBe('error');
  });

  it('stops every lane when cancelled and returns the best plan so far, unproven', async () => {
    const big = generatePortfolio({ projects: 120, years: 7, teams: 8, seed: 2 });
    const signal = { aborted: false };
    const plans: number[] = [];
    setTimeout(() => (signal.aborted = true), 1500);
    const result = await optimise(highs, big, {
      gap: 0,
      timeLimitSeconds: 120,
      race: pool,
      signal,
      onProgress: (p) => {
        if (p.phase === 'solving' && p.plan) plans.push(p.objective ?? 0);
      },
    });
    expect(result.status).toBe('feasible');
    expect(result.gap).toBeGreaterThan(0);
    expect(result.objective).toBeGreaterThanOrEqual(Math.max(0, ...plans) - 1e-6);
    expect(violations(big, settingsOf(big), result.plan)).toEqual([]);
  });

  it('has distinct lanes, the first being the single solve and the second a search', () => {
    expect(LANES[0]).toEqual({ kind: 'solve', settings: {} });
    expect(LANES[1]!.kind).toBe('search');
    expect(new Set(LANES.map((l) => JSON.stringify(l))).size).toBe(LANES.length);
  });
});

describe('the search lane', () => {
  const doc = generatePortfolio({ projects: 60, years: 6, teams: 6, seed: 1 });
  const problem = prepareProblem(doc, resolveScenario(doc)!);
  const model = buildModel(problem);
  const heuristic = rankingHeuristicPrepared(problem);
  const request = (board: Board, timeLimitSeconds: number): LaneRequest => ({
    model,
    lane: 1,
    lanes: 2,
    kind: 'search',
    settings: LANES[1]!.settings,
    gap: 1e-4,
    timeLimitSeconds,
    start: planToColumns(problem, model, heuristic.plan),
    board: board.buffer,
  });

  it('finds better plans than its start that break no rule, and publishes them', () => {
    const board = Board.create(2, model.columns.length);
    const found: number[] = [];
    const reply = runLane(highs, request(board, 4), (_v, objective) => found.push(objective));
    expect(reply.status).toBe('stopped');
    expect(reply.bound).toBe(Infinity);
    const plan = columnsToPlan(problem, model, reply.values!);
    expect(violations(doc, settingsOf(doc), plan)).toEqual([]);
    const value = objective(doc, settingsOf(doc), plan);
    expect(value).toBeGreaterThan(heuristic.objective + 1);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(close(found.at(-1)!, value)).toBe(true);
    expect(close(board.best, value)).toBe(true);
    expect(close(board.bestPlan()!.objective, value)).toBe(true);
  });

  it('takes a better plan another lane publishes, and does nothing once the board says stop', () => {
    const better = runModel(highs, model, { timeLimitSeconds: 3, gap: 1e-4 });
    let value = 0;
    better.values!.forEach((v, j) => (value += v * model.cost[j]!));
    const board = Board.create(2, model.columns.length);
    board.offerPlan(better.values!, value);
    const reply = runLane(highs, request(board, 2), () => undefined);
    let got = 0;
    reply.values!.forEach((v, j) => (got += v * model.cost[j]!));
    expect(got).toBeGreaterThanOrEqual(value - 1e-9);

    const stopped = Board.create(2, model.columns.length);
    stopped.stop();
    const idle = runLane(highs, request(stopped, 30), () => undefined);
    expect(Array.from(idle.values!)).toEqual(request(stopped, 30).start);
  });
});

describe('a single-thread solve far from its bound halfway', () => {
  it('hands over to the search, keeping a plan that breaks no rule and a bound above the optimum', async () => {
    // Its proven optimum (2132.111) takes HiGHS about ten seconds; here it has three.
    const doc = generatePortfolio({ projects: 60, years: 6, teams: 6, seed: 1 });
    const st = settingsOf(doc);
    const plans: number[] = [];
    const result = await optimise(highs, doc, {
      gap: 1e-4,
      timeLimitSeconds: 3,
      onProgress: (p) => {
        if (p.phase === 'solving' && p.plan) plans.push(p.objective!);
      },
    });
    expect(['feasible', 'optimal']).toContain(result.status);
    expect(violations(doc, st, result.plan)).toEqual([]);
    expect(close(result.objective, objective(doc, st, result.plan))).toBe(true);
    expect(result.objective).toBeLessThanOrEqual(2132.111 + 1e-3);
    expect(result.bound).toBeGreaterThanOrEqual(2132.111 - 1e-3);
    expect(result.objective).toBeGreaterThanOrEqual(Math.max(...plans) - 1e-6);
  });
});

describe('optimiser raced on two worker threads', () => {
  it('equals the brute-force optimum on random tiny portfolios', async () => {
    await fc.assert(
      fc.asyncProperty(tinyPortfolio(5, 3), async (doc) => {
        const st = settingsOf(doc);
        const best = bruteForce(doc, st);
        const result = await optimise(highs, doc, { gap: 0, race: pool });
        if (best === null) {
          expect(result.status).toBe('infeasible');
          expect(result.reasons.length).toBeGreaterThan(0);
        } else {
          expect(result.status).toBe('optimal');
          expect(close(result.objective, best.objective)).toBe(true);
          expect(violations(doc, st, result.plan)).toEqual([]);
          expect(close(result.objective, objective(doc, st, result.plan))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the frontier on two solver threads', () => {
  it('has the optimum of every point, as one thread finds it, solving two points at once', async () => {
    for (const seed of [3, 5]) {
      const doc = generatePortfolio({ projects: 14, years: 4, teams: 3, seed });
      const factors = [0.5, 1, 0.75, 1.5, 1.25];
      const alone = await frontier(highs, doc, { gap: 0, factors });
      const done: number[] = [];
      const threaded = await frontier(highs, doc, {
        gap: 0,
        factors,
        race: pool,
        onPoint: (_p, n) => done.push(n),
      });
      expect(done).toEqual([1, 2, 3, 4, 5]);
      expect(threaded.points.map((p) => p.factor)).toEqual(factors);
      threaded.points.forEach((p, k) => {
        expect(p.status).toBe('optimal');
        expect(close(p.objective, alone.points[k]!.objective)).toBe(true);
        const scenario = resolveScenario(doc)!;
        const st = { ...settingsOf(doc), invF: scenario.budgetFactor.investment * p.factor };
        expect(violations(doc, st, p.plan)).toEqual([]);
      });
    }
  });
});

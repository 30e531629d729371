/**
 * One solve raced on several threads. HiGHS is single-threaded, so a laptop
 * with k cores can run k copies of the same model with different settings
 * (lanes): whichever finishes first wins, and the lanes also prove
 * optimality together — a lane stops as soon as its own proven bound is
 * within the gap of the best plan any lane has found, since that plan is
 * then proven within the gap.
 *
 * Coordination goes through a small SharedArrayBuffer (the board): a stop
 * flag, the best objective found by any lane, and each lane's proven bound.
 * Lanes read it at every solver checkpoint, so nothing waits on a message
 * while HiGHS blocks its thread. Plans travel as messages (`onImproving`).
 * (HiGHS 1.15's callback for handing a plan to a running solve drops the
 * plan in this build, so a lane cannot take another lane's plan as its own
 * incumbent; the shared proof above is what sharing buys instead.)
 *
 * This file is pure: the threads are a `RaceTransport`. The command line
 * and the bench use Node worker threads (electron/optimise/pool.ts); in a
 * browser the same lanes would run in Web Workers, which needs the page to be
 * cross-origin isolated (COOP `same-origin` and COEP `require-corp` headers)
 * for SharedArrayBuffer.
 */
import type { Highs } from 'highs';
import { relativeGap } from '../plan';
import { Board } from './board';
import { runModel, type RunOutcome } from './highs';
import type { BuiltModel } from './model';
import { searchLane } from './search';

// Timers exist in every host the engine runs in (Node, browsers, workers) but
// not in the ES library shared/ is checked against: declared here, for this file only.
declare function setInterval(handler: () => void, ms: number): unknown;
declare function clearInterval(id: unknown): void;

export { Board } from './board';

/** Settings of one lane, on top of the base settings of highs.ts. */
export type LaneSettings = Readonly<Record<string, number | boolean | string>>;

/**
 * A lane either proves (`solve`: HiGHS on the whole model, with its own
 * settings) or searches (`search`: better plans in neighbourhoods of the
 * best one, search.ts), which lets the proving lanes stop sooner and gives
 * a stopped solve a better plan.
 */
export interface Lane {
  kind: 'solve' | 'search';
  settings: LaneSettings;
}

/**
 * Lanes in the order they are used: lane 0 is the single-thread solve; lane 1
 * searches; the others prove with another seed and one strategy each (strong
 * branching trusted after 8 observations, as HiGHS does by default, which
 * was as fast as lane 0 overall but not on the same models; more effort on
 * finding plans).
 */
export const LANES: readonly Lane[] = [
  { kind: 'solve', settings: {} },
  { kind: 'search', settings: { mip_heuristic_effort: 0.2 } },
  { kind: 'solve', settings: { random_seed: 1, mip_pscost_minreliable: 8 } },
  { kind: 'solve', settings: { random_seed: 2, mip_heuristic_effort: 0.3 } },
];

/** What a lane is asked to do. */
export interface LaneRequest {
  model: BuiltModel;
  lane: number;
  lanes: number;
  kind: Lane['kind'];
  settings: LaneSettings;
  gap: number;
  timeLimitSeconds: number;
  start?: number[];
  /** The board (board.ts): shared between the lanes' threads. */
  board: SharedArrayBuffer | ArrayBuffer;
}

export interface LaneReply {
  status: RunOutcome['status'];
  values?: Float64Array;
  bound: number;
}

/** Threads that run lanes: Node worker threads, or Web Workers. */
export interface RaceTransport {
  /** How many lanes run at once. */
  readonly lanes: number;
  /** Runs `runLane` on a thread; `onImproving` receives each plan the lane finds. */
  runLane(
    request: LaneRequest,
    onImproving: (values: Float64Array, objective: number) => void,
  ): Promise<LaneReply>;
}

/**
 * The same threads, one lane per solve: for callers that run independent
 * solves at once (robustness, frontier) rather than racing one.
 */
export function oneLane(transport: RaceTransport): RaceTransport {
  return { lanes: 1, runLane: (request, onImproving) => transport.runLane(request, onImproving) };
}

/** Whether `bound` proves `objective` within `gap` (HiGHS's rule, with its absolute slack). */
export function proves(objective: number, bound: number, gap: number): boolean {
  return bound - objective <= 1e-6 || relativeGap(objective, bound) <= gap;
}

// ---- one lane (runs on its thread) -------------------------------------------

/** Runs one lane to the end, to the time limit, or until the board says stop. */
export function runLane(
  highs: Highs,
  request: LaneRequest,
  onImproving: (values: Float64Array, objective: number) => void,
): LaneReply {
  if (request.kind === 'search') return searchLane(highs, request, onImproving);
  const board = new Board(request.board);
  const cb = highs.constants.callbackType;
  let provenTogether = false;
  const out = runModel(highs, request.model, {
    timeLimitSeconds: request.timeLimitSeconds,
    gap: request.gap,
    start: request.start,
    settings: request.settings,
    callbacks: {
      [cb.mipImprovingSolution]: (event) => {
        const values = event.data.mip_solution;
        const objective = event.data.objective_function_value;
        if (values && objective !== undefined) {
          board.offerPlan(values, objective);
          onImproving(values, objective);
        }
        return undefined;
      },
      [cb.mipInterrupt]: (event) => {
        const dual = event.data.mip_dual_bound;
        if (dual !== undefined && Number.isFinite(dual)) board.setBound(request.lane, dual);
        if (board.stopped) {
          event.interrupt();
          return undefined;
        }
        const best = board.best;
        if (dual !== undefined && Number.isFinite(best) && proves(best, dual, request.gap)) {
          provenTogether = true;
          board.stop();
          event.interrupt();
        }
        return undefined;
      },
    },
  });
  if (Number.isFinite(out.bound)) board.setBound(request.lane, out.bound);
  if (out.status === 'optimal' || out.status === 'infeasible') board.stop();
  if (out.values) {
    let objective = 0;
    out.values.forEach((v, j) => (objective += v * (request.model.cost[j] as number)));
    board.offer(objective);
  }
  return { status: provenTogether ? 'optimal' : out.status, values: out.values, bound: out.bound };
}

/**
 * Runs a small knapsack for about half a second so that the WebAssembly
 * engine has compiled HiGHS's hot code before the first real solve (a cold
 * HiGHS spent about 1.5 s more CPU on the same OR-Library instance than a
 * warm one).
 */
export function warmUp(highs: Highs, seconds = 0.5): void {
  let a = 12345;
  const next = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a >>> 8) / 16777216;
  };
  const n = 60;
  const weights = Array.from({ length: 5 }, () => Array.from({ length: n }, () => 1 + 99 * next()));
  const model: BuiltModel = {
    columns: Array.from({ length: n }, (_, j) => ({ project: j, start: 0 })),
    cost: weights[0]!.map((w) => w + 50 * next()),
    rows: weights.map((w, i) => ({
      rule: { kind: 'staff', team: i, t: 0 },
      lower: -Infinity,
      upper: w.reduce((x, y) => x + y, 0) / 2,
      relaxedLower: -Infinity,
      relaxedUpper: Infinity,
      indices: w.map((_, j) => j),
      values: w,
    })),
  };
  runModel(highs, model, { timeLimitSeconds: seconds, gap: 0 });
}

// ---- the race (runs where the solve was asked) ---------------------------------

export interface RaceOptions {
  timeLimitSeconds: number;
  gap: number;
  start?: number[];
  /** Options over every lane's. */
  settings?: LaneSettings;
  /** Checked every 20 ms; aborting stops every lane, which then report their best. */
  signal?: { readonly aborted: boolean };
  /** Each improving plan of any lane (objective as the model counts it), with the best bound so far. */
  onImproving?: (values: Float64Array, objective: number, bound: number) => void;
  /** Every 250 ms: the best objective and bound so far. */
  onTick?: (objective: number, bound: number) => void;
}

/**
 * Races the model on the transport's lanes and returns what a single solve
 * would: `optimal` when some lane proved it (alone or with another lane's
 * plan), `infeasible` when some lane proved that, else `stopped` with the
 * best plan of every lane and the tightest bound any lane proved.
 */
export async function raceModel(
  transport: RaceTransport,
  model: BuiltModel,
  options: RaceOptions,
): Promise<RunOutcome> {
  const lanes = Math.max(1, Math.min(transport.lanes, LANES.length));
  const board = Board.create(lanes, model.columns.length);
  let best: { values: Float64Array; objective: number } | undefined;
  const improving = (values: Float64Array, objective: number) => {
    if (best && best.objective >= objective - 1e-9 * Math.max(1, Math.abs(objective))) return;
    best = { values, objective };
    options.onImproving?.(values, objective, board.tightest(lanes));
  };
  let ticks = 0;
  const timer = setInterval(() => {
    if (options.signal?.aborted) board.stop();
    if (options.onTick && ++ticks % 12 === 0) options.onTick(board.best, board.tightest(lanes));
  }, 20);
  try {
    // A lane that fails (its thread died) counts as an error; the others still answer.
    const replies = await Promise.all(
      Array.from({ length: lanes }, (_, lane) =>
        transport
          .runLane(
            {
              model,
              lane,
              lanes,
              kind: (LANES[lane] as Lane).kind,
              settings: { ...(LANES[lane] as Lane).settings, ...options.settings },
              gap: options.gap,
              timeLimitSeconds: options.timeLimitSeconds,
              start: options.start,
              board: board.buffer,
            },
            improving,
          )
          .catch((): LaneReply => {
            board.setBound(lane, Infinity);
            return { status: 'error', bound: Infinity };
          }),
      ),
    );
    for (const r of replies) {
      if (!r.values) continue;
      let objective = 0;
      r.values.forEach((v, j) => (objective += v * (model.cost[j] as number)));
      if (!best || objective > best.objective) best = { values: r.values, objective };
    }
    const bound = Math.min(...replies.map((r) => r.bound));
    if (replies.some((r) => r.status === 'infeasible')) {
      return { status: 'infeasible', bound: -Infinity };
    }
    if (replies.every((r) => r.status === 'error')) return { status: 'error', bound };
    const proven =
      replies.some((r) => r.status === 'optimal') ||
      (best !== undefined && proves(best.objective, bound, options.gap));
    return {
      status: proven ? 'optimal' : 'stopped',
      values: best?.values,
      bound: best ? Math.max(bound, best.objective) : bound,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Running a built model through HiGHS (the `highs` WebAssembly package).
 *
 * The engine never loads HiGHS itself: the caller passes the loaded module,
 * or a function that loads it, so the same code runs in Node (the command
 * line: `import highsLoader from 'highs'`) and in a browser Web Worker (with
 * its own `locateFile`). Only types are imported from the package here.
 */
import type { Highs, HighsCallbackMap, ModelData, ObjectiveSense } from 'highs';
import type { BuiltModel } from './model';

/** The loaded HiGHS module, or a function giving it. */
export type HighsSource = Highs | (() => Promise<Highs>);

export async function resolveHighs(source: HighsSource): Promise<Highs> {
  return typeof source === 'function' ? await source() : source;
}

export interface RunOptions {
  timeLimitSeconds?: number;
  gap?: number;
  /** A full 0/1 vector to start from (must be feasible to help). */
  start?: number[];
  /** Rows whose rule is lifted (index in `model.rows`). */
  relaxed?: ReadonlySet<number>;
  /** Solve for feasibility only (zero objective, stop at the first plan). */
  feasibilityOnly?: boolean;
  /** HiGHS options over the base settings (a racing lane's seed and strategy). */
  settings?: Readonly<Record<string, number | boolean | string>>;
  callbacks?: HighsCallbackMap;
}

export interface RunOutcome {
  status: 'optimal' | 'infeasible' | 'stopped' | 'error';
  /** Column values of the best plan found, if any. */
  values?: Float64Array;
  /** Best bound proven on the objective (maximisation). */
  bound: number;
}

export function toModelData(highs: Highs, model: BuiltModel, options: RunOptions): ModelData {
  const n = model.columns.length;
  const m = model.rows.length;
  const starts = new Int32Array(m + 1);
  let nnz = 0;
  model.rows.forEach((row, i) => {
    nnz += row.indices.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  model.rows.forEach((row, i) => {
    indices.set(row.indices, starts[i] as number);
    values.set(row.values, starts[i] as number);
    const relaxed = options.relaxed?.has(i) ?? false;
    rowLower[i] = clampInf(highs, relaxed ? row.relaxedLower : row.lower);
    rowUpper[i] = clampInf(highs, relaxed ? row.relaxedUpper : row.upper);
  });
  return {
    numCols: n,
    numRows: m,
    sense: highs.constants.objectiveSense.maximize as ObjectiveSense,
    colCost: options.feasibilityOnly ? new Float64Array(n) : Float64Array.from(model.cost),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  };
}

function clampInf(highs: Highs, x: number): number {
  if (x === Infinity) return highs.infinity;
  if (x === -Infinity) return -highs.infinity;
  return x;
}

/** Solves the model; never throws for a solver status, only for a broken model. */
export function runModel(highs: Highs, model: BuiltModel, options: RunOptions = {}): RunOutcome {
  if (model.columns.length === 0) {
    // HiGHS wants at least one column; with none, the empty plan is the only
    // candidate: feasible when every row admits an activity of 0.
    const ok = model.rows.every(
      (row, i) =>
        (options.relaxed?.has(i) ? row.relaxedLower : row.lower) <= 0 &&
        (options.relaxed?.has(i) ? row.relaxedUpper : row.upper) >= 0,
    );
    return ok
      ? { status: 'optimal', values: new Float64Array(0), bound: 0 }
      : { status: 'infeasible', bound: -Infinity };
  }
  const data = toModelData(highs, model, options);
  const hm = highs.createModel(data);
  try {
    const settings: Record<string, number | boolean | string> = {
      output_flag: false,
      // Branch on pseudo-costs without first trusting them through strong
      // branching: on these models strong branching took three quarters of
      // the simplex iterations; the demo's proof went from 30.5 to 23.1 CPU
      // seconds over three random seeds.
      mip_pscost_minreliable: 0,
      // Separate cuts at the root only: at the nodes they cost more than they
      // prune here. Over two seeds each of mknapcb1 #0–2, the demo and a
      // generated 60-project portfolio, the CPU time to proof went from 166.5
      // to 108.6 seconds (1.5 times faster; on every one of the five models).
      mip_allow_cut_separation_at_nodes: false,
    };
    if (options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)) {
      settings.time_limit = Math.max(0.01, options.timeLimitSeconds);
    }
    if (options.gap !== undefined) settings.mip_rel_gap = Math.max(0, options.gap);
    if (options.feasibilityOnly) settings.mip_max_improving_sols = 1;
    Object.assign(settings, options.settings);
    hm.options.set(settings);
    if (options.start) hm.setSolution({ colValue: options.start });
    hm.run(options.callbacks);
    const code = hm.getModelStatus();
    const ms = highs.constants.modelStatus;
    const hasPrimal = Number(hm.info.get('primal_solution_status')) === 2;
    const values = hasPrimal ? hm.getSolution().colValue : undefined;
    let bound = Infinity;
    try {
      const b = Number(hm.info.get('mip_dual_bound'));
      if (Number.isFinite(b)) bound = b;
    } catch {
      // no bound reported: keep +Infinity
    }
    if (code === ms.optimal) {
      return { status: 'optimal', values, bound: Math.max(bound, hm.getObjectiveValue()) };
    }
    if (code === ms.infeasible) return { status: 'infeasible', bound: -Infinity };
    if (
      code === ms.timeLimit ||
      code === ms.interrupted ||
      code === ms.solutionLimit ||
      code === ms.iterationLimit ||
      code === ms.objectiveBound ||
      code === ms.objectiveTarget
    ) {
      return { status: 'stopped', values, bound };
    }
    return { status: 'error', values, bound };
  } finally {
    hm.dispose();
  }
}

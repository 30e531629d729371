/**
 * Native CBC as the optimiser benchmark's reference (bench only, never a
 * dependency of the app): `CBC=/usr/bin/cbc npm run bench` (Debian:
 * `apt-get install coinor-cbc`). Without `CBC`, the reference columns are
 * left empty.
 *
 * CBC gets exactly the model HiGHS gets (the rows of model.ts, written as MPS
 * by HiGHS itself, objective negated since MPS minimises), one thread, the
 * same relative gap and time limit. Its CPU and wall seconds are the ones it
 * reports (`Total time (CPU seconds): … (Wallclock seconds): …`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Highs } from 'highs';
import { toModelData } from '../../shared/engine/optimise/highs';
import type { BuiltModel } from '../../shared/engine/optimise/model';

export interface CbcRun {
  status: 'optimal' | 'stopped' | 'infeasible' | 'error';
  /** Objective of the model (maximisation), NaN when none. */
  objective: number;
  wall: number;
  cpu: number;
}

/** The CBC binary named by the environment, if any. */
export const CBC = process.env.CBC;

/** Solves `model` with CBC; undefined when `CBC` is not set. */
export function solveWithCbc(
  highs: Highs,
  model: BuiltModel,
  options: { gap: number; timeLimitSeconds: number },
): CbcRun | undefined {
  if (!CBC) return undefined;
  const data = toModelData(highs, model, {});
  const minimise = {
    ...data,
    colCost: Float64Array.from(data.colCost, (c) => -c),
    sense: highs.constants.objectiveSense.minimize,
  };
  const hm = highs.createModel(minimise);
  let mps: Uint8Array;
  try {
    mps = hm.exportModel('mps');
  } finally {
    hm.dispose();
  }
  const dir = mkdtempSync(join(tmpdir(), 'arbitra-cbc-'));
  try {
    const file = join(dir, 'model.mps');
    writeFileSync(file, mps);
    const began = performance.now();
    const out = spawnSync(
      CBC,
      [
        file,
        '-ratioGap',
        String(options.gap),
        '-seconds',
        String(options.timeLimitSeconds),
        '-threads',
        '0',
        '-solve',
        '-quit',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const measured = (performance.now() - began) / 1000;
    const text = `${out.stdout ?? ''}${out.stderr ?? ''}`;
    const times = /Total time \(CPU seconds\):\s*([\d.]+)\s*\(Wallclock seconds\):\s*([\d.]+)/.exec(
      text,
    );
    const objective = /Objective value:\s*(-?[\d.eE+-]+)/.exec(text);
    const status = /Result - Optimal solution found/.test(text)
      ? 'optimal'
      : /Result - (Stopped on time|Stopped on iterations|Stopped on nodes)/.test(text)
        ? 'stopped'
        : /infeasible/i.test(text)
          ? 'infeasible'
          : 'error';
    return {
      status,
      objective: objective ? -Number(objective[1]) : Number.NaN,
      wall: times ? Number(times[2]) : measured,
      cpu: times ? Number(times[1]) : Number.NaN,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

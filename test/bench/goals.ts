/**
 * The optimiser's goals (issue 14), each measured side by side with its
 * reference in the same run: `npm run bench` (or `BENCH=optimise`), with
 * `CBC=/usr/bin/cbc` for the native CBC reference (bench only).
 *
 * Arbitra runs as the command line does: a single solve on one thread, the
 * frontier and the robustness analysis on `BENCH_LANES` solver threads
 * (default: the cores, at most 4) solving points at once, and one row with
 * the demo's solve raced on those threads. HiGHS is warmed up and the threads
 * started before the clocks start (an application keeps its solver warm).
 * CPU seconds are this process's, worker threads included; CBC's are the
 * ones it reports (one thread). Ratios are Arbitra's over CBC's: below 1,
 * Arbitra is faster.
 *
 * Rows: OR-Library mknapcb1 instances 0–4 and a generated 60-project
 * portfolio (6 years, 6 teams) to the proven optimum; the demo's reference
 * scenario to the proof; the demo's frontier of 5 points; the robustness of
 * the demo's weights (as `optimize --robustness`: the optimal plan given,
 * 20 samples; no reference); and a generated 200-project portfolio for 30 s,
 * its gap to the bound against CBC's after 30 CPU seconds.
 */
import highsLoader, { type Highs } from 'highs';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SolverPool, defaultLanes } from '../../electron/optimise/pool';
import { frontier, optimise } from '../../shared/engine/optimise';
import { buildModel } from '../../shared/engine/optimise/model';
import { prepareProblem } from '../../shared/engine/optimise/problem';
import { warmUp } from '../../shared/engine/optimise/race';
import { robustness } from '../../shared/engine/robustness';
import { relativeGap } from '../../shared/engine/plan';
import {
  resolveScenario,
  type Portfolio,
  type ResolvedScenario,
} from '../../shared/model/portfolio';
import { generatePortfolio } from '../support/generate';
import { CBC, solveWithCbc, type CbcRun } from './cbc';

const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  work: string;
  wall: number;
  cpu: number;
  result: string;
  ref?: { wall: number; cpu: number; result: string };
  goal: string;
}

const f = (x: number | undefined, d = 2) =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(d) : '—';

async function measure<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const c = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

function cbcRow(run: CbcRun | undefined, describe: (r: CbcRun) => string) {
  return run ? { wall: run.wall, cpu: run.cpu, result: describe(run) } : undefined;
}

/** CBC on the plain model of MODEL.md §4 for this portfolio and scenario. */
function cbcOn(
  highs: Highs,
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  gap: number,
  timeLimitSeconds: number,
): CbcRun | undefined {
  return solveWithCbc(highs, buildModel(prepareProblem(portfolio, scenario)), {
    gap,
    timeLimitSeconds,
  });
}

export async function benchGoals(instances: Portfolio[]): Promise<void> {
  const highs = await highsLoader();
  const lanes = Number(process.env.BENCH_LANES ?? defaultLanes());
  warmUp(highs);
  const pool = new SolverPool(lanes);
  const started = await measure(() => pool.start());
  const rows: Row[] = [];
  try {
    // OR-Library and the generated 60-project portfolio: time to the proven optimum.
    const proofs: { name: string; portfolio: Portfolio; gap: number }[] = [
      ...instances.map((portfolio, i) => ({ name: `mknapcb1 #${i}`, portfolio, gap: 0 })),
      {
        name: 'generated 60 projects',
        portfolio: generatePortfolio({ projects: 60, years: 6, teams: 6, seed: 1 }),
        gap: 1e-4,
      },
    ];
    for (const { name, portfolio, gap } of proofs) {
      const scenario = resolveScenario(portfolio)!;
      const ours = await measure(() =>
        optimise(highs, portfolio, { scenario, gap, timeLimitSeconds: 300 }),
      );
      const ref = cbcOn(highs, portfolio, scenario, gap, 300);
      rows.push({
        work: `${name}, proven optimum`,
        wall: ours.wall,
        cpu: ours.cpu,
        result: `${ours.value.status} ${f(ours.value.objective, 3)}`,
        ref: cbcRow(ref, (r) => `${r.status} ${f(r.objective, 3)}`),
        goal: 'ratio ≤ 1',
      });
    }

    // The demo: reference scenario, frontier, robustness.
    const demo = JSON.parse(
      readFileSync(join(here, '../../resources/demo.json'), 'utf8'),
    ) as Portfolio;
    const reference = resolveScenario(demo, 'reference')!;
    const proof = await measure(() =>
      optimise(highs, demo, { scenario: reference, gap: 1e-4, timeLimitSeconds: 60 }),
    );
    const demoRef = cbcRow(
      cbcOn(highs, demo, reference, 1e-4, 120),
      (r) => `${r.status} ${f(r.objective, 3)}`,
    );
    rows.push({
      work: 'demo, reference scenario, proven',
      wall: proof.wall,
      cpu: proof.cpu,
      result: `${proof.value.status} ${f(proof.value.objective, 3)}`,
      ref: demoRef,
      goal: '≤ 2 s',
    });
    if (lanes > 1) {
      const raced = await measure(() =>
        optimise(highs, demo, { scenario: reference, gap: 1e-4, timeLimitSeconds: 60, race: pool }),
      );
      rows.push({
        work: `demo, the same raced on ${lanes} lanes`,
        wall: raced.wall,
        cpu: raced.cpu,
        result: `${raced.value.status} ${f(raced.value.objective, 3)}`,
        ref: demoRef,
        goal: '≤ 2 s',
      });
    }

    const front = await measure(() =>
      frontier(highs, demo, { scenarioId: 'reference', gap: 1e-4, race: pool }),
    );
    const worst = Math.max(...front.value.points.map((p) => p.gap));
    const factors = front.value.points.map((p) => p.factor);
    const refRuns = CBC
      ? factors.map((factor) =>
          cbcOn(
            highs,
            demo,
            {
              ...reference,
              budgetFactor: {
                ...reference.budgetFactor,
                investment: reference.budgetFactor.investment * factor,
              },
            },
            1e-4,
            120,
          ),
        )
      : [];
    rows.push({
      work: `demo, frontier of ${factors.length} points`,
      wall: front.wall,
      cpu: front.cpu,
      result: `${front.value.points.filter((p) => p.status === 'optimal').length} proven, worst gap ${f(100 * worst, 3)} %`,
      ref: CBC
        ? {
            wall: refRuns.reduce((s, r) => s + (r?.wall ?? NaN), 0),
            cpu: refRuns.reduce((s, r) => s + (r?.cpu ?? NaN), 0),
            result: `${refRuns.filter((r) => r?.status === 'optimal').length} proven`,
          }
        : undefined,
      goal: '≤ 15 s, gaps ≤ 0.5 %',
    });

    const robust = await measure(() =>
      robustness(highs, demo, {
        scenarioId: 'reference',
        gap: 1e-4,
        timeLimitSeconds: 30,
        samples: 20,
        reference: proof.value.status === 'optimal' ? proof.value.plan : undefined,
        race: pool,
      }),
    );
    rows.push({
      work: 'demo, robustness of the weights',
      wall: robust.wall,
      cpu: robust.cpu,
      result: `${robust.value.solves} solves, ${robust.value.ranges.filter((r) => r.exact).length}/${robust.value.ranges.length} exact${robust.value.approximate ? ', approximate' : ''}`,
      goal: '≤ 20 s (was 3 min 46 s)',
    });

    // 200 projects, 30 s: gap to the bound.
    const large = generatePortfolio({ projects: 200, years: 8, teams: 10, seed: 1 });
    const largeScenario = resolveScenario(large)!;
    const big = await measure(() =>
      optimise(highs, large, { scenario: largeScenario, gap: 1e-4, timeLimitSeconds: 30 }),
    );
    const bigRef = cbcOn(highs, large, largeScenario, 1e-4, 30);
    rows.push({
      work: 'generated 200 projects, 30 s',
      wall: big.wall,
      cpu: big.cpu,
      result: `gap ${f(100 * big.value.gap, 3)} %`,
      ref: cbcRow(bigRef, (r) =>
        Number.isFinite(r.objective)
          ? `gap ${f(100 * relativeGap(r.objective, big.value.bound), 3)} % to our bound`
          : r.status,
      ),
      goal: 'gap ≤ 1 %',
    });
  } finally {
    await pool.close();
  }

  const [load1] = loadavg();
  console.log(
    `\nGoals of issue 14, side by side (HiGHS ${highs.version.string} wasm, ${lanes} solver thread(s) of ${availableParallelism()} cores; load average ${f(load1, 1)})`,
  );
  console.log(`Solver threads started and warmed up in ${f(started.wall)} s (not counted below).`);
  console.log(
    CBC
      ? `Reference: native CBC (${CBC}), one thread, the same model, gap and limit.`
      : 'Reference: set CBC=/usr/bin/cbc to measure native CBC beside each row.',
  );
  const table = rows.map((r) => [
    r.work,
    f(r.wall),
    f(r.cpu),
    r.result,
    f(r.ref?.wall),
    f(r.ref?.cpu),
    r.ref ? f(r.wall / r.ref.wall) : '—',
    r.ref ? f(r.cpu / r.ref.cpu) : '—',
    r.ref?.result ?? '—',
    r.goal,
  ]);
  const head = [
    'work',
    'wall s',
    'cpu s',
    'Arbitra',
    'CBC wall s',
    'CBC cpu s',
    'wall ratio',
    'cpu ratio',
    'CBC',
    'goal',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === 3 || i >= 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
}

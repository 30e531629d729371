/**
 * Benchmark of the risk simulation: iterations per second on the demo
 * portfolio (its reference scenario's plan, or the ranking heuristic's plan
 * when the scenario has none) and on generated portfolios of 60 and 200
 * planned projects, in this thread and on a pool of 1 worker thread and of
 * one per core.
 *
 * `npx tsx test/bench/simulate.ts`, or `BENCH=simulate npm run bench`.
 *
 * Figures (printed, never asserted). Each line gives the wall-clock time and
 * the CPU time of the whole process (all threads): on a shared machine the
 * wall clock stretches with the load average (printed too), the CPU time
 * much less, and CPU time / cores is what the run takes on idle cores.
 * - in this thread: "blocs" is the Monte Carlo itself, "projets" the
 *   per-project figures (finish quantiles, driver correlations), "totaux"
 *   the per-iteration totals (value, spend per year, cost);
 * - on the pool: the threads are started once ("démarrage", printed apart)
 *   and reused, as the command line and the app do; a run is "blocs" on the
 *   threads, "projets" on the threads, then "totaux" in this thread.
 * Goals (issue « Risque »): 10 000 iterations × 60 projects under 100 ms of
 * compute; 100 000 iterations × 200 projects under 2 s on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  allocateColumns,
  emptyCounts,
  planBlocks,
  prepareSimulation,
  projectFiguresRange,
  simulateInto,
  summariseColumns,
  valueRanks,
  type PreparedSimulation,
} from '../../shared/engine/simulate';
import { rankingHeuristic } from '../../shared/engine/optimise';
import { resolveScenario, type PlanEntry, type Portfolio } from '../../shared/model/portfolio';
import { simulationPool, type RunTimings } from '../../electron/simulate/runner';
import { generatePortfolio } from '../support/generate';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every project planned, staggered over the horizon, builds kept inside it where possible. */
function planAll(portfolio: Portfolio): PlanEntry[] {
  const { firstYear, years } = portfolio.horizon;
  return portfolio.projects.map((p, i) => {
    const latest = Math.max(0, years - p.investment.length);
    const start = p.fixedStart ?? firstYear + Math.min(latest, i % (latest + 1));
    return { project: p.id, start };
  });
}

/** CPU milliseconds of the whole process, every thread included. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeInProcess(prepared: PreparedSimulation, iterations: number, seed = 42) {
  const c0 = cpu();
  const t0 = performance.now();
  const columns = allocateColumns(prepared, iterations);
  const counts = emptyCounts(prepared.projectCount);
  for (const b of planBlocks(iterations, seed)) {
    simulateInto(prepared, seed, b.firstIteration, b.count, columns, counts);
  }
  const t1 = performance.now();
  const ranks = valueRanks(columns.value, iterations);
  const figures = projectFiguresRange(columns, prepared.projectCount, iterations, ranks);
  const t2 = performance.now();
  summariseColumns(prepared, columns, iterations, counts, figures, seed);
  const t3 = performance.now();
  return { blocks: t1 - t0, figures: t2 - t1, totals: t3 - t2, total: t3 - t0, cpu: cpu() - c0 };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const rate = (n: number, t: number) => `${Math.round((n / t) * 1000).toLocaleString('fr-FR')} it/s`;
const load = () => `charge ${loadavg()[0]!.toFixed(1)}`;

async function benchCase(label: string, portfolio: Portfolio, plan: PlanEntry[], n: number) {
  const t0 = performance.now();
  const prepared = prepareSimulation(portfolio, plan, resolveScenario(portfolio));
  const prepare = performance.now() - t0;
  timeInProcess(prepared, Math.min(n, 2000)); // warm-up (JIT)
  console.log(`${label} : ${prepared.projectCount} projets planifiés, préparation ${ms(prepare)}`);
  const iterations = `${n.toLocaleString('fr-FR')} itérations`;
  const t = timeInProcess(prepared, n);
  console.log(
    `  ${iterations}, ce fil : ${ms(t.total)} (${rate(n, t.total)}) = blocs ${ms(t.blocks)} + projets ${ms(t.figures)} + totaux ${ms(t.totals)} ; CPU ${ms(t.cpu)} ; ${load()}`,
  );
  for (const workers of [...new Set([1, availableParallelism()])]) {
    const pool = simulationPool(workers);
    await pool.run(prepared, { iterations: Math.min(n, 2000) }); // started and warm
    const timings: RunTimings = { start: 0, blocks: 0, figures: 0, summary: 0 };
    const c0 = cpu();
    const w0 = performance.now();
    await pool.run(prepared, { iterations: n, timings });
    const wt = performance.now() - w0;
    const used = cpu() - c0;
    console.log(
      `  ${iterations}, ${workers} fil(s) : ${ms(wt)} (${rate(n, wt)}) = blocs ${ms(timings.blocks)} + projets ${ms(timings.figures)} + totaux ${ms(timings.summary)} ; CPU ${ms(used)} (tous fils) ; ${load()}`,
    );
  }
}

export async function benchSimulate(): Promise<void> {
  console.log(`Cœurs disponibles : ${availableParallelism()}`);
  for (const workers of [...new Set([1, availableParallelism()])]) {
    const s0 = performance.now();
    await simulationPool(workers).start();
    console.log(`Démarrage d’un groupe de ${workers} fil(s) : ${ms(performance.now() - s0)}`);
  }
  const demo = JSON.parse(readFileSync(`${root}resources/demo.json`, 'utf8')) as Portfolio;
  const scenario = resolveScenario(demo)!;
  const demoPlan = scenario.plan ?? rankingHeuristic(demo, scenario).plan;
  const source = scenario.plan ? 'plan du scénario' : 'plan de l’heuristique';
  await benchCase(`resources/demo.json (${scenario.id}, ${source})`, demo, demoPlan, 10_000);
  for (const projects of [60, 200]) {
    const generated = generatePortfolio({ projects, years: 8, teams: 5, seed: 1 });
    await benchCase(
      `généré ${projects} projets`,
      generated,
      planAll(generated),
      projects === 60 ? 10_000 : 100_000,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSimulate();

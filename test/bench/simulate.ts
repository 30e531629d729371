/**
 * Benchmark of the risk simulation: CPU time per project-iteration against
 * the native C baseline (csim) on the same portfolio, and where the time
 * goes.
 *
 * `BENCH=simulate npm run bench`, with `CSIM=/path/to/csim` pointing at a
 * built copy of the C baseline (its folder holds csim.py, which feeds it the
 * document; python3 with numpy and scipy is needed). Without CSIM the
 * reference is skipped.
 *
 * Figures (printed, never asserted). CPU time is the process's, every thread
 * included (on a shared machine the wall clock stretches with the load,
 * printed too; CPU time much less). csim's figure is its C core (tables,
 * simulation, summaries), without Python, parsing or printing; Arbitra's is
 * the same in this thread (preparation with its tables, layout, blocks,
 * summary); both the least of three runs. For each case:
 * - "ce fil": the whole run in this thread, then its split: "simulation"
 *   (the blocks' draws, schedules and spend) and "synthèse" (adding the
 *   blocks to the partial summary: histograms, per-project finish bins and
 *   driver tables, sums; then the figures);
 * - "N fil(s)": the same run on a pool of worker threads (started and warm).
 * Goals (issue « vitesse »): at most 2× csim's CPU per project-iteration on
 * 100 000 iterations of a 60-project portfolio, the synthèse not slower than
 * the simulation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accumulateBlock,
  accumulateScratch,
  allocateColumns,
  emptyPartial,
  finishSummary,
  planBlocks,
  prepareSimulation,
  runSimulationOutput,
  simulateInto,
  summaryLayout,
  type IterationColumns,
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

const ms = (x: number) => `${x.toFixed(0)} ms`;
const ns = (x: number) => `${x.toFixed(1)} ns`;
const load = () => `charge ${loadavg()[0]!.toFixed(1)}`;

/** The whole run in this thread, tables included (as csim's C core): wall and CPU milliseconds. */
function timeRun(portfolio: Portfolio, plan: PlanEntry[], iterations: number) {
  const c0 = cpu();
  const t0 = performance.now();
  const prepared = prepareSimulation(portfolio, plan, resolveScenario(portfolio));
  runSimulationOutput(prepared, { iterations, seed: 42 });
  return { wall: performance.now() - t0, cpu: cpu() - c0 };
}

/** The same run split: every block simulated first (columns kept), then every block summarised. */
function timeSplit(prepared: PreparedSimulation, iterations: number) {
  const seed = 42;
  const blocks = planBlocks(iterations, seed, 1000);
  const columns: IterationColumns[] = blocks.map((b) => allocateColumns(prepared, b.count));
  const c0 = cpu();
  const layout = summaryLayout(prepared, seed, iterations);
  const partial = emptyPartial(prepared, layout);
  blocks.forEach((b, k) =>
    simulateInto(prepared, seed, b.firstIteration, b.count, columns[k]!, partial.counts, 0),
  );
  const c1 = cpu();
  const scratch = accumulateScratch(1000);
  blocks.forEach((b, k) =>
    accumulateBlock(partial, layout, columns[k]!, b.firstIteration, b.count, scratch),
  );
  finishSummary(prepared, layout, partial, seed);
  return { simulation: c1 - c0, summary: cpu() - c1 };
}

/** csim's C core on the same document and plan: its CPU and wall seconds, or why not. */
type CsimTiming = { skipped: string } | { cpu: number; wall: number };

function timeCsim(portfolio: Portfolio, plan: PlanEntry[], iterations: number): CsimTiming {
  const binary = process.env.CSIM;
  if (!binary) return { skipped: 'CSIM non défini (chemin d’un csim compilé)' };
  const script = join(dirname(binary), 'csim.py');
  if (!existsSync(script)) return { skipped: `${script} introuvable` };
  const doc = structuredClone(portfolio);
  const scenario = doc.scenarios?.[0] ?? { id: 'bench', name: 'bench' };
  doc.scenarios = [{ ...scenario, plan } as NonNullable<Portfolio['scenarios']>[number]];
  const file = join(mkdtempSync(join(tmpdir(), 'arbitra-csim-')), 'portfolio.json');
  writeFileSync(file, JSON.stringify(doc));
  try {
    const out = execFileSync('python3', [script, file, '--iterations', String(iterations)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const parsed = JSON.parse(out) as { cSeconds: number; cCpuSeconds: number };
    return { cpu: 1000 * parsed.cCpuSeconds, wall: 1000 * parsed.cSeconds };
  } catch (error) {
    return { skipped: `csim a échoué : ${(error as Error).message.split('\n')[0]}` };
  }
}

async function benchCase(label: string, portfolio: Portfolio, plan: PlanEntry[], n: number) {
  const prepared = prepareSimulation(portfolio, plan, resolveScenario(portfolio));
  const work = n * prepared.projectCount;
  const iterations = `${n.toLocaleString('fr-FR')} itérations`;
  console.log(`${label} : ${prepared.projectCount} projets planifiés, ${iterations}`);
  timeRun(portfolio, plan, Math.min(n, 5000)); // warm-up (JIT)
  // The least CPU of three runs, for Arbitra and for csim alike: the load of a shared machine only adds.
  const runs = [0, 1, 2].map(() => timeRun(portfolio, plan, n));
  const best = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  const perIteration = (1e6 * best.cpu) / work;
  console.log(
    `  ce fil : CPU ${ms(best.cpu)} (${ns(perIteration)} par projet-itération), horloge ${ms(best.wall)} ; ${load()}`,
  );
  const split = timeSplit(prepared, n);
  console.log(
    `    dont simulation ${ms(split.simulation)} (${ns((1e6 * split.simulation) / work)}) et synthèse ${ms(split.summary)} (${ns((1e6 * split.summary) / work)}) : synthèse / simulation = ${(split.summary / split.simulation).toFixed(2)}`,
  );
  const csims = [0, 1, 2].map(() => timeCsim(portfolio, plan, n));
  const timed = csims.flatMap((c) => ('cpu' in c ? [c] : []));

  const csim = timed.length > 0 ? timed.reduce((a, b) => (b.cpu < a.cpu ? b : a)) : csims[0]!;
  if ('skipped' in csim) {
    console.log(`  csim : ${csim.skipped}`);
  } else {
    const cPer = (1e6 * csim.cpu) / work;
    console.log(
      `  csim (C, 1 cœur) : CPU ${ms(csim.cpu)} (${ns(cPer)} par projet-itération), horloge ${ms(csim.wall)} ; rapport Arbitra / C = ${(perIteration / cPer).toFixed(2)} ; ${load()}`,
    );
  }
  for (const workers of [...new Set([1, availableParallelism()])]) {
    const pool = simulationPool(workers);
    await pool.run(prepared, { iterations: Math.min(n, 5000) }); // started and warm
    const timings: RunTimings = { start: 0, layout: 0, run: 0 };
    const c0 = cpu();
    const w0 = performance.now();
    await pool.run(prepared, { iterations: n, timings });
    const wall = performance.now() - w0;
    const used = cpu() - c0;
    console.log(
      `  ${workers} fil(s) : CPU ${ms(used)} (tous fils, ${ns((1e6 * used) / work)} par projet-itération), horloge ${ms(wall)} ; ${load()}`,
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
  const generated = generatePortfolio({ projects: 60, years: 8, teams: 5, seed: 1 });
  await benchCase('généré 60 projets', generated, planAll(generated), 100_000);
  await benchCase('généré 60 projets', generated, planAll(generated), 10_000);
  const demo = JSON.parse(readFileSync(`${root}resources/demo.json`, 'utf8')) as Portfolio;
  const scenario = resolveScenario(demo)!;
  const demoPlan = scenario.plan ?? rankingHeuristic(demo, scenario).plan;
  await benchCase(`resources/demo.json (${scenario.id})`, demo, demoPlan, 10_000);
  const large = generatePortfolio({ projects: 200, years: 8, teams: 5, seed: 1 });
  await benchCase('généré 200 projets', large, planAll(large), 100_000);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSimulate();

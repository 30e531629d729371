/**
 * Benchmark of the risk simulation: iterations per second on the demo
 * portfolio (or moyen.json) and on generated portfolios of 60 and 200
 * planned projects, in this thread and on worker threads.
 *
 * `npx tsx test/bench/simulate.ts` (also called by `npm run bench`).
 * Figures: "prepare" builds the tables; "blocks" is the Monte Carlo itself;
 * "summary" sorts and merges; worker runs include starting the threads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  planBlocks,
  prepareSimulation,
  simulateBlock,
  summarise,
  type PreparedSimulation,
} from '../../shared/engine/simulate';
import { resolveScenario, type PlanEntry, type Portfolio } from '../../shared/model/portfolio';
import { simulateInWorkers } from '../../electron/simulate/runner';
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

function timeInProcess(prepared: PreparedSimulation, iterations: number, seed = 42) {
  const t0 = performance.now();
  const parts = planBlocks(iterations, seed).map((b) =>
    simulateBlock(prepared, seed, b.firstIteration, b.count),
  );
  const t1 = performance.now();
  summarise(prepared, parts, seed);
  const t2 = performance.now();
  return { blocks: t1 - t0, summary: t2 - t1 };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const rate = (n: number, t: number) => `${Math.round((n / t) * 1000).toLocaleString('fr-FR')} it/s`;

async function benchCase(
  label: string,
  portfolio: Portfolio,
  plan: PlanEntry[],
  iterations: number[],
) {
  const t0 = performance.now();
  const prepared = prepareSimulation(portfolio, plan, resolveScenario(portfolio));
  const prepare = performance.now() - t0;
  timeInProcess(prepared, 2000); // warm-up (JIT)
  console.log(`${label}: ${prepared.projectCount} projets planifiés, préparation ${ms(prepare)}`);
  for (const n of iterations) {
    const t = timeInProcess(prepared, n);
    console.log(
      `  ${n.toLocaleString('fr-FR')} itérations, ce fil : blocs ${ms(t.blocks)} + synthèse ${ms(t.summary)} = ${ms(t.blocks + t.summary)} (${rate(n, t.blocks + t.summary)})`,
    );
    for (const workers of [...new Set([1, availableParallelism()])]) {
      const w0 = performance.now();
      await simulateInWorkers(prepared, { iterations: n, workers });
      const wt = performance.now() - w0;
      console.log(
        `  ${n.toLocaleString('fr-FR')} itérations, ${workers} fil(s) de travail : ${ms(wt)} (${rate(n, wt)})`,
      );
    }
  }
}

export async function benchSimulate(): Promise<void> {
  console.log(`Cœurs disponibles : ${availableParallelism()}`);
  const demoPath = `${root}resources/demo.json`;
  const examplePath = existsSync(demoPath) ? demoPath : '/work/shared/examples/moyen.json';
  const example = JSON.parse(readFileSync(examplePath, 'utf8')) as Portfolio;
  const examplePlan = resolveScenario(example)?.plan ?? planAll(example);
  await benchCase(examplePath.replace(root, ''), example, examplePlan, [10_000]);
  for (const projects of [60, 200]) {
    const generated = generatePortfolio({ projects, years: 8, teams: 5, seed: 1 });
    await benchCase(
      `généré ${projects} projets`,
      generated,
      planAll(generated),
      projects === 60 ? [10_000] : [100_000],
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSimulate();

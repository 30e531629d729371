/**
 * Run by memory.test.ts in a child process: simulates `iterations` of every
 * project of a generated portfolio of `projects` (one project: a hand-made
 * one) on two worker threads, and prints the iterations done, a figure and
 * the process's peak resident memory in bytes, as JSON.
 */
import { resolveScenario } from '../../../shared/model/portfolio';
import { prepareSimulation } from '../../../shared/engine/simulate';
import { simulateInWorkers, simulationPool } from '../../../electron/simulate/runner';
import { generatePortfolio } from '../../support/generate';

const [projects, iterations] = process.argv.slice(2).map(Number) as [number, number];
const doc = generatePortfolio({ projects: Math.max(2, projects), years: 10, teams: 4, seed: 8 });
doc.projects = doc.projects.slice(0, projects).map((p) => ({ ...p, dependsOn: [], excludes: [] }));
const { firstYear, years } = doc.horizon;
const plan = doc.projects.map((p, i) => {
  const latest = Math.max(0, years - p.investment.length);
  return { project: p.id, start: firstYear + Math.min(latest, i % (latest + 1)) };
});
const prepared = prepareSimulation(doc, plan, resolveScenario(doc));
const result = await simulateInWorkers(prepared, { iterations, workers: 2 });
await simulationPool(2).close();
process.stdout.write(
  JSON.stringify({
    iterations: result.iterations,
    exact: result.precision.exact,
    mean: result.value.mean,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);

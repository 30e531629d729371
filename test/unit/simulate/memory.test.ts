/**
 * The simulation's memory does not depend on the number of iterations
 * (issue: 10^7 iterations of 1 500 projects must run in bounded memory or
 * be refused up front): the summary's size is the same for 10^4 and 10^7
 * iterations, a run too large is refused before it starts with its
 * estimate, and real runs in a child process stay within a memory cap.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  MAX_ITERATIONS,
  SIMULATION_MEMORY_LIMIT,
  checkSummaryMemory,
  defaultBlockSize,
  prepareSimulation,
  summaryBytes,
  summaryLayout,
} from '../../../shared/engine/simulate';
import { resolveScenario } from '../../../shared/model/portfolio';
import { generatePortfolio } from '../../support/generate';

const child = new URL('./memory-child.ts', import.meta.url).pathname;
const MB = 2 ** 20;

function runChild(projects: number, iterations: number) {
  const out = execFileSync(
    process.execPath,
    // A small JS heap: a run that kept objects per iteration would fail here.
    ['--max-old-space-size=256', '--import', 'tsx', child, String(projects), String(iterations)],
    { encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as { iterations: number; exact: boolean; mean: number; maxRss: number };
}

describe('the memory of a simulation', () => {
  const doc = generatePortfolio({ projects: 1500, years: 10, teams: 6, seed: 4 });
  const { firstYear, years } = doc.horizon;
  const plan = doc.projects.map((p, i) => {
    const latest = Math.max(0, years - p.investment.length);
    return { project: p.id, start: firstYear + Math.min(latest, i % (latest + 1)) };
  });
  const prepared = prepareSimulation(doc, plan, resolveScenario(doc));

  it('is the same for 10^4 and 10^7 iterations of 1 500 projects, and fits the limit on two threads', () => {
    const block = defaultBlockSize(MAX_ITERATIONS, 1500, years);
    const small = summaryBytes(summaryLayout(prepared, 42, 10_000), block);
    const large = summaryBytes(summaryLayout(prepared, 42, MAX_ITERATIONS), block);
    expect(large).toBe(small);
    // Two threads' partial summaries and the merge.
    expect(3 * large).toBeLessThan(SIMULATION_MEMORY_LIMIT);
    expect(() =>
      checkSummaryMemory(summaryLayout(prepared, 42, MAX_ITERATIONS), block, 3),
    ).not.toThrow();
  });

  it('refuses up front, in French and with its estimate, a run above the limit', () => {
    const layout = summaryLayout(prepared, 42, MAX_ITERATIONS);
    const bytes = summaryBytes(layout, 1000);
    // French numbers group digits with a narrow no-break space: any space matches.
    const estimate = Math.ceil((4 * bytes) / MB)
      .toLocaleString('fr-FR')
      .replace(/\s/g, '\\s');
    expect(() => checkSummaryMemory(layout, 1000, 4, 3 * bytes)).toThrow(
      new RegExp(`de 1\\s500 projets demanderait environ ${estimate} Mo de mémoire`),
    );
  });

  it('runs 10^7 iterations to the end in a child process, within 400 MB', () => {
    const r = runChild(2, MAX_ITERATIONS);
    expect(r.iterations).toBe(MAX_ITERATIONS);
    expect(r.exact).toBe(false);
    expect(r.maxRss).toBeLessThan(400 * MB);
  });

  it('runs 1 500 projects in a child process within 1 GB', () => {
    const r = runChild(1500, 12_000);
    expect(r.iterations).toBe(12_000);
    expect(r.maxRss).toBeLessThan(1024 * MB);
  });
});

/**
 * Benchmark of a large portfolio: 500 projects over 15 years (generated,
 * seeded). Prints, never asserts (the machine may be shared, so the load
 * average is printed too):
 * - validation: validatePortfolio on the whole document (median of 5);
 * - JSON import: reading and validating the format-1 file (readPortfolioFile);
 * - store: creating the .arbitra document, opening it, and the latency of
 *   100 edits each saved (one project changed per edit, one transaction
 *   each, the whole document validated each time): median and p95.
 *
 * `npx tsx test/bench/large.ts`, or `BENCH=large npm run bench` once listed
 * in test/bench/run.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { portfolioToJson, readPortfolioFile } from '../../electron/documents/files';
import { DocumentStore } from '../../electron/documents/store';
import { validatePortfolio } from '../../shared/model/validate';
import { generatePortfolio } from '../support/generate';

function quantile(sorted: number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at]!;
}

function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

async function time<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

export async function benchLarge(): Promise<void> {
  const projects = 500;
  const years = 15;
  const portfolio = generatePortfolio({ projects, years, teams: 8, seed: 500 });
  const checked = validatePortfolio(portfolio);
  if (!checked.ok) throw new Error(`generated portfolio invalid: ${checked.problems[0]?.message}`);
  const json = portfolioToJson(portfolio);
  console.log(
    `${projects} projets, ${years} ans, ${(json.length / 1024).toFixed(0)} Ko de JSON — charge ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const validations: number[] = [];
  for (let i = 0; i < 5; i++) validations.push((await time(() => validatePortfolio(portfolio)))[1]);
  validations.sort((a, b) => a - b);
  console.log(`validation            médiane ${ms(quantile(validations, 0.5))}`);

  const dir = mkdtempSync(join(tmpdir(), 'arbitra-bench-'));
  try {
    const jsonPath = join(dir, 'grand.json');
    writeFileSync(jsonPath, json);
    const [read, importMs] = await time(() => readPortfolioFile(jsonPath));
    if (!read.ok) throw new Error('import failed');
    console.log(`import JSON           ${ms(importMs)}`);

    const file = join(dir, 'grand.arbitra');
    const [created, createMs] = await time(() => DocumentStore.create(file, portfolio));
    created.close();
    console.log(`création .arbitra     ${ms(createMs)}`);
    const [store, openMs] = await time(() => DocumentStore.open(file));
    console.log(`ouverture .arbitra    ${ms(openMs)}`);

    const edits: number[] = [];
    for (let i = 0; i < 100; i++) {
      const doc = store.read();
      const target = doc.projects[(i * 37) % doc.projects.length]!;
      const edit = {
        label: `bench ${i}`,
        ops: [
          { op: 'project.put' as const, project: { ...target, name: `${target.name} (${i})` } },
        ],
      };
      const [result, editMs] = await time(() => store.applyEdit(edit));
      if (!result.ok) throw new Error('edit refused');
      edits.push(editMs);
    }
    store.close();
    edits.sort((a, b) => a - b);
    console.log(
      `modification saisie   médiane ${ms(quantile(edits, 0.5))}, p95 ${ms(quantile(edits, 0.95))} (100 modifications enregistrées)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLarge();

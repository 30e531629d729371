/**
 * Benchmark of the optimiser: `npm run bench` (or `npx tsx test/bench/run.ts`).
 *
 * 1. Generated portfolios of 30, 60, 120 and 200 projects: time to the first
 *    feasible plan (the heuristic, then the solver's first incumbent), time
 *    to proven optimum or the gap after 10 s (and after 60 s with
 *    BENCH_LONG=1), and the heuristic's value as a share of the best.
 * 2. The demo portfolio (resources/demo.json), reference scenario: time to
 *    the proven optimum (limit 60 s).
 * 3. OR-Library mknapcb1 (100 items, 5 constraints; first 5 instances, all 30
 *    with BENCH_LONG=1) as one-year portfolios: time and value against the
 *    best known.
 *
 * 0. The goals of issue 14 side by side with their references (goals.ts).
 *
 * Tables 2 and 3 alone with BENCH_LONG=1 (the goals cover them). Figures are
 * printed, never asserted.
 */
import highsLoader, { type Highs } from 'highs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { optimise } from '../../shared/engine/optimise';
import type { Portfolio, Project } from '../../shared/model/portfolio';
import { generatePortfolio } from '../support/generate';
import { benchGoals } from './goals';

const LONG = process.env.BENCH_LONG === '1';
const here = dirname(fileURLToPath(import.meta.url));
const ORLIB = process.env.ORLIB_DIR ?? join(here, '../fixtures/orlib');

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

async function benchGenerated(highs: Highs): Promise<void> {
  const sizes = [
    { projects: 30, years: 6, teams: 5 },
    { projects: 60, years: 6, teams: 6 },
    { projects: 120, years: 7, teams: 8 },
    { projects: 200, years: 8, teams: 10 },
  ];
  const limits = LONG ? [10, 60] : [10];
  const seeds = [1, 2];
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const seed of seeds) {
      const portfolio = generatePortfolio({ ...size, seed });
      for (const limit of limits) {
        let firstSolver = Infinity;
        let heuristicAt = Infinity;
        const cpu0 = process.cpuUsage();
        const result = await optimise(highs, portfolio, {
          timeLimitSeconds: limit,
          gap: 1e-4,
          onProgress: (p) => {
            if (p.phase === 'heuristic' && p.objective !== null) heuristicAt = p.seconds;
            if (p.phase === 'solving' && p.objective !== null && firstSolver === Infinity) {
              firstSolver = p.seconds;
            }
          },
        });
        const best = Math.max(result.objective, 1e-9);
        rows.push([
          String(size.projects),
          `${size.years}/${size.teams}`,
          String(seed),
          String(limit),
          result.status,
          f(heuristicAt, 3),
          f(firstSolver, 2),
          f(result.seconds, 2),
          f(cpuSeconds(cpu0), 2),
          f(100 * result.gap, 3),
          f(result.objective, 1),
          f(result.bound, 1),
          f((100 * result.heuristic.objective) / best, 1),
        ]);
      }
    }
  }
  console.log(
    `\nGenerated portfolios (gap asked 0.01 %; limits ${limits.join(' and ')} s${LONG ? '' : ', set BENCH_LONG=1 for 60 s too'})`,
  );
  console.log(
    "'1st MIP s': the first plan reported after the heuristic (local improvement or solver); 'cpu s': this process's CPU time (wall time suffers on a shared machine).",
  );
  printTable(
    [
      'projects',
      'years/teams',
      'seed',
      'limit s',
      'status',
      'heuristic s',
      '1st MIP s',
      'total s',
      'cpu s',
      'gap %',
      'objective',
      'bound',
      'heur. % best',
    ],
    rows,
  );
}

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1e6;
};

async function benchDemo(highs: Highs): Promise<void> {
  const path = join(here, '../../resources/demo.json');
  const portfolio = JSON.parse(readFileSync(path, 'utf8')) as Portfolio;
  const rows: string[][] = [];
  for (const scenarioId of ['reference', ...(LONG ? ['dob-prudent', 'priorite-usagers'] : [])]) {
    let first = Infinity;
    const cpu0 = process.cpuUsage();
    const result = await optimise(highs, portfolio, {
      scenarioId,
      timeLimitSeconds: 60,
      gap: 1e-4,
      onProgress: (p) => {
        if (p.objective !== null && first === Infinity) first = p.seconds;
      },
    });
    rows.push([
      scenarioId,
      result.status,
      f(first, 3),
      f(result.seconds, 2),
      f(cpuSeconds(cpu0), 2),
      f(100 * result.gap, 3),
      f(result.objective, 1),
      f((100 * result.heuristic.objective) / Math.max(result.objective, 1e-9), 1),
    ]);
  }
  console.log(
    `\nDemo portfolio (${portfolio.projects.length} projects), limit 60 s, gap asked 0.01 %`,
  );
  printTable(
    ['scenario', 'status', '1st plan s', 'total s', 'cpu s', 'gap %', 'objective', 'heur. % best'],
    rows,
  );
}

/** Reads mknapcb1.txt: instances of n items, m constraints, best known value. */
export function readMknap(text: string) {
  const nums = text.split(/\s+/).filter(Boolean).map(Number);
  let k = 0;
  const next = () => nums[k++] as number;
  const count = next();
  const instances: {
    n: number;
    m: number;
    best: number;
    p: number[];
    w: number[][];
    b: number[];
  }[] = [];
  for (let i = 0; i < count; i++) {
    const n = next();
    const m = next();
    const best = next();
    const p = Array.from({ length: n }, next);
    const w = Array.from({ length: m }, () => Array.from({ length: n }, next));
    const b = Array.from({ length: m }, next);
    instances.push({ n, m, best, p, w, b });
  }
  return instances;
}

/** One instance as a format-1 portfolio (orlib/README.md). */
export function mknapPortfolio(inst: ReturnType<typeof readMknap>[number]): Portfolio {
  const pmax = Math.max(...inst.p);
  const projects: Project[] = inst.p.map((pj, j) => ({
    id: `J${String(j + 1).padStart(3, '0')}`,
    name: `Objet ${j + 1}`,
    scores: { valeur: (5 * pj) / pmax },
    investment: [0],
    staff: inst.w.map((row, i) => ({ team: `c${i + 1}`, days: [row[j] as number] })),
    durationMonths: { low: 12, mode: 12, high: 12 },
  }));
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'OR-Library', kind: 'autre', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 1 },
    criteria: [{ id: 'valeur', label: 'Valeur', weight: 1 }],
    teams: inst.b.map((b, i) => ({ id: `c${i + 1}`, label: `Contrainte ${i + 1}`, capacity: [b] })),
    budget: { investment: [0], operating: [0] },
    projects,
    scenarios: [{ id: 'knap', name: 'Sac à dos', timePreference: 0 }],
  };
}

async function benchOrlib(highs: Highs): Promise<void> {
  let text: string;
  try {
    text = readFileSync(join(ORLIB, 'mknapcb1.txt'), 'utf8');
  } catch {
    console.log(`\nOR-Library: ${ORLIB}/mknapcb1.txt not found (set ORLIB_DIR); skipped.`);
    return;
  }
  const instances = readMknap(text).slice(0, LONG ? 30 : 5);
  const limit = LONG ? 60 : 10;
  const rows: string[][] = [];
  for (const [i, inst] of instances.entries()) {
    const portfolio = mknapPortfolio(inst);
    const pmax = Math.max(...inst.p);
    let reachedBest = Infinity;
    const result = await optimise(highs, portfolio, {
      timeLimitSeconds: limit,
      gap: 0,
      onProgress: (p) => {
        if (p.objective !== null && reachedBest === Infinity) {
          if (Math.round((p.objective * pmax) / 100) >= inst.best) reachedBest = p.seconds;
        }
      },
    });
    const value = Math.round((result.objective * pmax) / 100);
    const heur = Math.round((result.heuristic.objective * pmax) / 100);
    rows.push([
      `cb1-${i + 1}`,
      String(inst.best),
      String(value),
      f((100 * value) / inst.best, 3),
      String(heur),
      f(reachedBest, 2),
      f(result.seconds, 2),
      result.status,
      f(100 * result.gap, 3),
    ]);
  }
  console.log(`\nOR-Library mknapcb1 (100 items × 5 constraints), limit ${limit} s, gap asked 0`);
  printTable(
    [
      'instance',
      'best known',
      'value',
      '% best',
      'heuristic',
      'best at s',
      'total s',
      'status',
      'gap %',
    ],
    rows,
  );
}

/** The first five mknapcb1 instances as portfolios (none when the file is missing). */
function orlibPortfolios(): Portfolio[] {
  try {
    return readMknap(readFileSync(join(ORLIB, 'mknapcb1.txt'), 'utf8'))
      .slice(0, 5)
      .map(mknapPortfolio);
  } catch {
    console.log(`\nOR-Library: ${ORLIB}/mknapcb1.txt not found (set ORLIB_DIR); skipped.`);
    return [];
  }
}

export async function benchOptimise(): Promise<void> {
  const highs = await highsLoader();
  await benchGoals(orlibPortfolios());
  console.log(
    `\nOptimiser details (HiGHS ${highs.version.string}, single thread, wasm)${LONG ? ', long' : ', set BENCH_LONG=1 for the demo and OR-Library tables alone'}`,
  );
  await benchGenerated(highs);
  if (LONG) {
    await benchDemo(highs);
    await benchOrlib(highs);
  }
}

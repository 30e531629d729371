/**
 * Benchmark of plans that hold under risk (MODEL.md §7), at confidence 0.8:
 * the demo's reference scenario and generated portfolios of 30, 60 and 120
 * projects under the reference-class preset, teams given room so that the
 * investment envelopes bind (test/support/generate.ts otherwise binds on
 * staff, where no investment risk shows).
 *
 * For each: the deterministic optimum (30 s), the uniform-margin baseline
 * computed here (every envelope × k on the 0.025 grid, largest k whose plan
 * holds, by doubling steps down from 1 then bisection; 10 s per solve), the
 * method's plan (30 s in all, its own deterministic solve included): time to
 * its first plan that holds, its value against the optimum and the baseline,
 * the share of the baseline's loss it avoids, and the worst year's P(over)
 * re-simulated with another seed. Figures are printed, never asserted.
 */
import highsLoader, { type Highs } from 'highs';
import { readFileSync } from 'node:fs';
import { optimise, prepareProblem } from '../../shared/engine/optimise';
import { holdsTarget, planEnvelopeRisk } from '../../shared/engine/optimise/confidence';
import { resolveScenario, type Portfolio } from '../../shared/model/portfolio';
import { generatePortfolio } from '../support/generate';
import { printTable } from './table';

const TARGET = 0.8;
const ITERATIONS = 20_000;
const SEED = 42;

function cases(): { name: string; doc: Portfolio; scenario?: string }[] {
  const demo = JSON.parse(
    readFileSync(new URL('../../resources/demo.json', import.meta.url), 'utf8'),
  ) as Portfolio;
  const generated = (projects: number) => {
    const doc = generatePortfolio({ projects, years: 6, teams: 6, seed: 1 });
    for (const p of doc.projects) delete p.costFactor;
    doc.risk = { referenceClass: 'flyvbjerg-2011' };
    doc.scenarios![0]!.capacityFactor = 2;
    return doc;
  };
  return [
    { name: 'démo (référence)', doc: demo, scenario: 'reference' },
    { name: 'générée 30', doc: generated(30) },
    { name: 'générée 60', doc: generated(60) },
    { name: 'générée 120', doc: generated(120) },
  ];
}

async function baseline(highs: Highs, doc: Portfolio, scenarioId?: string): Promise<number> {
  const scenario = { ...resolveScenario(doc, scenarioId)!, confidence: null };
  const problem = prepareProblem(doc, scenario);
  const steps = 40;
  const cache = new Map<number, number | null>();
  const at = async (i: number) => {
    if (!cache.has(i)) {
      const scaled = {
        ...scenario,
        budgetFactor: {
          ...scenario.budgetFactor,
          investment: (i / steps) * scenario.budgetFactor.investment,
        },
      };
      const r = await optimise(highs, doc, { scenario: scaled, timeLimitSeconds: 10, gap: 1e-3 });
      const ok =
        (r.status === 'optimal' || r.status === 'feasible') &&
        holdsTarget(planEnvelopeRisk(problem, r.plan, ITERATIONS, SEED, TARGET), TARGET);
      cache.set(i, ok ? r.objective : null);
    }
    return cache.get(i)!;
  };
  let failing = steps;
  let holding = -1;
  for (let step = 1; ; step *= 2) {
    const i = Math.max(0, failing - step);
    if ((await at(i)) !== null) {
      holding = i;
      break;
    }
    failing = i;
    if (i === 0) break;
  }
  while (holding >= 0 && failing - holding > 1) {
    const mid = (failing + holding) >> 1;
    if ((await at(mid)) !== null) holding = mid;
    else failing = mid;
  }
  return holding >= 0 ? cache.get(holding)! : 0;
}

export async function benchConfidence(): Promise<void> {
  const highs = await highsLoader();
  const rows: string[][] = [];
  for (const c of cases()) {
    const det = await optimise(highs, c.doc, { scenarioId: c.scenario, timeLimitSeconds: 30 });
    const base = await baseline(highs, c.doc, c.scenario);
    const began = Date.now();
    const cpu = process.cpuUsage();
    let firstHold = Infinity;
    const r = await optimise(highs, c.doc, {
      scenarioId: c.scenario,
      confidence: TARGET,
      iterations: ITERATIONS,
      seed: SEED,
      timeLimitSeconds: 30,
      onProgress: (p) => {
        if (p.phase === 'solving' && p.plan && p.note === undefined && firstHold === Infinity) {
          firstHold = (Date.now() - began) / 1000;
        }
      },
    });
    const seconds = (Date.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    const problem = prepareProblem(c.doc, {
      ...resolveScenario(c.doc, c.scenario)!,
      confidence: null,
    });
    const recheck = planEnvelopeRisk(problem, r.plan, ITERATIONS, 2026, TARGET);
    const best = Math.max(det.objective, r.confidence?.deterministicObjective ?? 0);
    const lossBase = best - base;
    rows.push([
      c.name,
      String(c.doc.projects.length),
      best.toFixed(1),
      base.toFixed(1),
      `${((100 * base) / best).toFixed(1)} %`,
      r.objective.toFixed(1),
      `${((100 * r.objective) / best).toFixed(1)} %`,
      lossBase > 1e-9 ? `${((100 * (best - r.objective)) / lossBase).toFixed(0)} %` : '—',
      Number.isFinite(firstHold) ? firstHold.toFixed(1) : '—',
      seconds.toFixed(1),
      ((used.user + used.system) / 1e6).toFixed(1),
      `${(100 * Math.max(...recheck.pOver)).toFixed(1)} %`,
      r.confidence?.source ?? '—',
    ]);
  }
  console.log(
    `Plans qui tiennent les enveloppes 8 années sur 10 (${ITERATIONS} tirages, graine ${SEED}; contrôle avec la graine 2026)`,
  );
  printTable(
    [
      'portefeuille',
      'projets',
      'optimum',
      'marge unif.',
      'unif./opt.',
      'méthode',
      'méth./opt.',
      'perte / perte unif.',
      '1er plan (s)',
      'durée (s)',
      'CPU (s)',
      'pire P(dép.)',
      'source',
    ],
    rows,
  );
}

/**
 * Large runs stream into histograms (layout.ts, histogram.ts): their figures
 * against the exact figures of the same iterations, computed from every
 * iteration's outputs. Each approximated figure stays within the bound the
 * run reports in `precision`; means, probabilities and counts are exact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_FIGURES,
  exactIterations,
  finishYearMonth,
  prepareSimulation,
  projectFigures,
  runSimulationOutput,
  simulateBlock,
  sortedQuantile,
  valueRanks,
  type PreparedSimulation,
} from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { portfolio, project } from './portfolio';

const demo = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
) as Portfolio;

/** Twelve projects: chains, a constant build, a black swan, subsidies and partners, a triangular law. */
function mixed(): PreparedSimulation {
  const doc = portfolio(
    Array.from({ length: 12 }, (_, i) =>
      project(`P${i}`, {
        scores: { c: 1 + (i % 5) },
        investment: i % 3 === 0 ? [200_000, 100_000] : [90_000 + 5_000 * i],
        durationMonths:
          i === 4 ? { low: 9, mode: 9, high: 9 } : { low: 6 + i, mode: 9 + i, high: 20 + 2 * i },
        costFactor: i % 2 ? { low: 0.9, mode: 1, high: 1.8 } : undefined,
        subsidyRate: i % 4 === 1 ? 0.3 : undefined,
        partnerShare: i % 5 === 2 ? 0.2 : undefined,
        dependsOn: i >= 6 ? [`P${i - 6}`] : i === 3 ? ['P1', 'P2'] : [],
      }),
    ),
    {
      years: 4,
      mandateEnd: '2029-09',
      envelope: [400_000, 500_000, 450_000, 300_000],
      risk: {
        distribution: 'triangular',
        correlation: 0.4,
        blackSwan: { probability: 0.15, scheduleFactor: 1.6, costFactor: 2.5 },
      },
    },
  );
  const plan = doc.projects.map((p, i) => ({ project: p.id, start: 2027 + (i % 3) }));
  return prepareSimulation(doc, plan);
}

function demoPlan(): PreparedSimulation {
  const scenario = resolveScenario(demo, 'priorite-usagers')!;
  return prepareSimulation(demo, scenario.plan!, scenario);
}

const cases: [string, () => PreparedSimulation][] = [
  ['the demo’s saved plan', demoPlan],
  ['twelve mixed projects', mixed],
];

describe.each(cases)('a streamed run of %s', (_, make) => {
  const prepared = make();
  const n = exactIterations(prepared) + 2_345;
  const seed = 11;
  const { result, curve } = runSimulationOutput(prepared, {
    iterations: n,
    seed,
    blockSize: 1_500,
  });
  const block = simulateBlock(prepared, seed, 0, n);
  const P = prepared.projectCount;
  const buckets = prepared.years + 1;
  const sorted = (read: (i: number) => number) =>
    Float64Array.from({ length: n }, (_, i) => read(i)).sort();
  const q = (s: Float64Array, p: number) => sortedQuantile(s, p);

  it('is streamed, with bounds of at most 1/64 month and a small money and correlation error', () => {
    expect(result.precision.exact).toBe(false);
    expect(result.precision.finishMonths).toBeLessThanOrEqual(1 / 64);
    expect(result.precision.rankCorrelation).toBeLessThan(0.1);
  });

  it('reports finish quantiles within the bound, and their months', () => {
    let worst = 0;
    for (let p = 0; p < P; p++) {
      const finish = sorted((i) => block.finish[p * n + i]!);
      const r = result.projects[p]!;
      for (const [level, key] of [
        [0.5, 'p50'],
        [0.8, 'p80'],
        [0.9, 'p90'],
      ] as const) {
        const exact = q(finish, level);
        const error = Math.abs(r.finishMonth[key] - exact);
        worst = Math.max(worst, error);
        expect(error).toBeLessThanOrEqual(result.precision.finishMonths + 1e-9);
        // The month can differ only when the exact quantile is within the bound of a month's end.
        const nearEnd = Math.abs(exact - Math.round(exact)) <= result.precision.finishMonths;
        if (!nearEnd) expect(r.finish[key]).toBe(finishYearMonth(exact, prepared.firstYear));
      }
    }
    expect(worst).toBeGreaterThan(0); // the case is not trivial
  });

  it('reports the drivers’ rank correlations within the bound, and far closer in fact', () => {
    const ranks = valueRanks(block.value, n);
    const out = new Float64Array(PROJECT_FIGURES);
    let worst = 0;
    for (let p = 0; p < P; p++) {
      const column = (a: Float32Array) => a.subarray(p * n, (p + 1) * n);
      projectFigures(column(block.finish), column(block.duration), n, ranks, out, 0);
      const driver = result.drivers.find((d) => d.project === prepared.projectIds[p])!;
      const error = Math.abs(driver.rankCorrelation - out[3]!);
      worst = Math.max(worst, error);
      expect(error).toBeLessThanOrEqual(result.precision.rankCorrelation);
    }
    expect(worst).toBeLessThan(0.005);
  });

  it('reports value and money quantiles within their bounds, and exact means and probabilities', () => {
    const value = sorted((i) => block.value[i]!);
    for (const [level, key] of [
      [0.1, 'p10'],
      [0.5, 'p50'],
      [0.9, 'p90'],
    ] as const) {
      expect(Math.abs(result.value[key] - q(value, level))).toBeLessThanOrEqual(
        result.precision.value + 1e-9,
      );
    }
    const mean = (read: (i: number) => number) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += read(i);
      return s / n;
    };
    expect(result.value.mean).toBeCloseTo(
      mean((i) => block.value[i]!),
      9,
    );
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (block.value[i]! - result.value.mean) ** 2;
    expect(result.value.stdError / Math.sqrt(squares / (n - 1) / n)).toBeCloseTo(1, 5);
    const money = result.precision.money * (1 + 1e-9) + 1e-6;
    result.investment.forEach((year, y) => {
      const spend = sorted((i) => block.spend[i * buckets + y]!);
      expect(Math.abs(year.p50 - q(spend, 0.5))).toBeLessThanOrEqual(money);
      expect(Math.abs(year.p80 - q(spend, 0.8))).toBeLessThanOrEqual(money);
      expect(Math.abs(year.p90 - q(spend, 0.9))).toBeLessThanOrEqual(money);
      const exactMean = mean((i) => block.spend[i * buckets + y]!);
      expect(Math.abs(year.mean - exactMean)).toBeLessThanOrEqual(
        1e-9 * Math.abs(exactMean) + 1e-6,
      );
      expect(year.pOverEnvelope).toBe(spend.filter((s) => s > year.envelope).length / n);
    });
    const gross = sorted((i) => block.grossCost[i]!);
    expect(Math.abs(result.totalCost.p80 - q(gross, 0.8))).toBeLessThanOrEqual(money);
    expect(result.totalCost.mean / mean((i) => block.grossCost[i]!)).toBeCloseTo(1, 12);
    const delivered = sorted((i) => block.delivered[i]!);
    expect(result.delivered.p50).toBe(q(delivered, 0.5));
    expect(result.delivered.p90).toBe(q(delivered, 0.9));
  });

  it('draws an S-curve through P10, P50 and P90, never decreasing', () => {
    expect(curve).toHaveLength(201);
    expect(curve[20]!.value).toBe(result.value.p10);
    expect(curve[100]!.value).toBe(result.value.p50);
    expect(curve[180]!.value).toBe(result.value.p90);
    for (let k = 1; k < curve.length; k++)
      expect(curve[k]!.value).toBeGreaterThanOrEqual(curve[k - 1]!.value);
  });
});

describe('streamed figures that are exact', () => {
  it('gives a project whose finish never varies its exact finish, and a binary value its atoms', () => {
    const constant = { low: 15, mode: 15, high: 15 };
    const doc = portfolio(
      [
        project('A', { durationMonths: constant }),
        project('B', { durationMonths: { low: 8, mode: 12, high: 30 } }),
      ],
      { mandateEnd: '2029-06' },
    );
    const prepared = prepareSimulation(doc, [
      { project: 'A', start: 2028 },
      { project: 'B', start: 2028 },
    ]);
    const n = exactIterations(prepared) + 500;
    const { result } = runSimulationOutput(prepared, { iterations: n, seed: 2 });
    expect(result.precision.exact).toBe(false);
    expect(result.projects[0]!.finishMonth).toEqual({ p50: 27, p80: 27, p90: 27 });
    // A is always delivered (100 points, by month 27 of 30), B when its build is at most 18 months:
    // the value is 100 or 200, atoms of its bins.
    const block = simulateBlock(prepared, 2, 0, n);
    const value = Float64Array.from(block.value).sort();
    expect(result.value.p10).toBe(sortedQuantile(value, 0.1));
    expect(result.value.p50).toBe(sortedQuantile(value, 0.5));
    expect(result.value.p90).toBe(sortedQuantile(value, 0.9));
    expect(new Set([result.value.p10, result.value.p90])).toEqual(new Set([100, 200]));
  });
});

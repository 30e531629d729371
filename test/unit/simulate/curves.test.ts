/**
 * The tests' risk curves (test/support/curves.ts) recomputed from the raw
 * blocks: the S-curve passes through the engine's P10/P50/P90 and its
 * probabilities are the empirical ones; who delays whom accounts for every
 * late start the engine counts.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import { prepareSimulation, runSimulation, simulateBlock } from '../../../shared/engine/simulate';
import { delayCauses, probabilityAtMost, sCurve, valueSample } from '../../support/curves';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';

const portfolio = demo as unknown as Portfolio;

describe('risk curves from the blocks', () => {
  // The demo scenario with a saved plan, as the risk screen simulates it.
  const scenario = resolveScenario(portfolio, 'priorite-usagers')!;
  const prepared = prepareSimulation(portfolio, scenario.plan!, scenario);
  const blocks = [simulateBlock(prepared, 5, 0, 1_200), simulateBlock(prepared, 5, 1_200, 800)];
  const resultP = runSimulation(prepared, { iterations: 2_000, seed: 5, blockSize: 1_200 });

  it('the S-curve passes through P10/P50/P90 and its probabilities are the empirical ones', async () => {
    const result = await resultP;
    const sample = valueSample(blocks);
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    expect(mean).toBeCloseTo(result.value.mean, 9);
    const curve = sCurve(sample, 100);
    expect(curve).toHaveLength(101);
    expect(curve[10]!.value).toBeCloseTo(result.value.p10, 9);
    expect(curve[50]!.value).toBeCloseTo(result.value.p50, 9);
    expect(curve[90]!.value).toBeCloseTo(result.value.p90, 9);
    for (let k = 1; k < curve.length; k++) {
      expect(curve[k]!.value).toBeGreaterThanOrEqual(curve[k - 1]!.value);
    }
    // Independent: the share of iterations at or below each point is at least its probability.
    for (const point of curve) {
      expect(probabilityAtMost(sample, point.value)).toBeGreaterThanOrEqual(
        point.probability - 1e-12,
      );
    }
    expect(Math.max(...sample)).toBeLessThanOrEqual(result.value.planned + 1e-9);
  });

  it('who delays whom accounts for every late start the engine counts', async () => {
    const result = await resultP;
    const causes = delayCauses(portfolio, prepared.projectIds, prepared.startYears, blocks);
    expect(causes.size).toBeGreaterThan(0);
    for (const r of result.projects) {
      const list = causes.get(r.project) ?? [];
      const sum = list.reduce((s, c) => s + c.share, 0);
      // Finishes are kept at float32 precision in the blocks: allow a few ties at the boundary.
      expect(Math.abs(sum - r.pLateStart)).toBeLessThan(0.003);
      const deps = portfolio.projects.find((p) => p.id === r.project)!.dependsOn ?? [];
      for (const c of list) expect(deps).toContain(c.predecessor);
      for (let i = 1; i < list.length; i++)
        expect(list[i]!.share).toBeLessThanOrEqual(list[i - 1]!.share);
    }
  });
});

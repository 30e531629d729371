/**
 * The reference-class preset of MODEL.md §7 (`flyvbjerg-2011`) reproduces
 * its source in the simulation: mean cost overrun 27 % ± 2 points over
 * projects and draws, black swans included, and one project-draw in six
 * ± 1 point a black swan, whose mean cost factor is about 3; a project with
 * its own cost law keeps it, and stacking an overrun on a black swan is
 * reported as counting the same risk twice.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveRisk,
  ordinaryMeanFactor,
  presetBlackSwan,
  presetCostLaw,
  REFERENCE_CLASS_PRESETS,
  threePointMean,
} from '../../../shared/engine/risk';
import { prepareSimulation, runSimulation } from '../../../shared/engine/simulate';
import type { Portfolio, Project } from '../../../shared/model/portfolio';

const preset = REFERENCE_CLASS_PRESETS['flyvbjerg-2011'];

function portfolio(count: number, extra: Partial<Portfolio['risk']> = {}): Portfolio {
  const projects: Project[] = Array.from({ length: count }, (_, i) => ({
    id: `P${i + 1}`,
    name: `Projet ${i + 1}`,
    scores: { a: 1 + (i % 5) },
    investment: i % 3 === 0 ? [100_000, 50_000] : [80_000 + 1000 * i],
    durationMonths: i % 3 === 0 ? { low: 18, mode: 22, high: 30 } : { low: 6, mode: 9, high: 14 },
  }));
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 6 },
    criteria: [{ id: 'a', label: 'A', weight: 1 }],
    teams: [],
    budget: { investment: new Array(6).fill(1e6), operating: new Array(6).fill(1e6) },
    projects,
    risk: { referenceClass: 'flyvbjerg-2011', correlation: 0.3, ...extra },
  };
}

describe('the flyvbjerg-2011 reference class', () => {
  it('is calibrated in closed form: ordinary mean 0.924, black swans ×3 on average, 27 % overall', () => {
    const e0 = ordinaryMeanFactor(preset);
    expect(e0).toBeCloseTo(0.924, 12);
    const swan = presetBlackSwan(preset);
    expect(swan.probability).toBeCloseTo(1 / 6, 12);
    expect(swan.costFactor * e0).toBeCloseTo(3, 12);
    expect(swan.scheduleFactor).toBeCloseTo(1.7, 12);
    for (const distribution of ['pert', 'triangular'] as const) {
      const law = presetCostLaw(preset, distribution);
      expect(law.low).toBeLessThan(law.mode);
      expect(law.mode).toBeLessThan(law.high);
      expect(threePointMean(distribution, law)).toBeCloseTo(e0, 12);
      const overall = (1 - swan.probability) * e0 + swan.probability * swan.costFactor * e0;
      expect(overall - 1).toBeCloseTo(0.27, 12);
    }
  });

  for (const distribution of ['pert', 'triangular'] as const) {
    it(`reproduces 27 % ± 2 points and one in six ± 1 point over 100 000 draws (${distribution})`, async () => {
      const doc = portfolio(12, { distribution });
      const plan = doc.projects.map((p, i) => ({ project: p.id, start: 2027 + (i % 4) }));
      const result = await runSimulation(prepareSimulation(doc, plan), {
        iterations: 100_000,
        seed: 2011,
      });
      expect(Math.abs(result.cost.meanOverrun - 0.27)).toBeLessThan(0.02);
      expect(Math.abs(result.cost.blackSwanShare - 1 / 6)).toBeLessThan(0.01);
      // The gross cost's mean agrees with the factors' mean weighted by planned cost.
      expect(result.cost.mean / result.cost.planned - 1).toBeGreaterThan(0.2);
      expect(result.cost.mean / result.cost.planned - 1).toBeLessThan(0.35);
    });
  }

  it('keeps a project’s own cost law, and reports an overrun stacked on the black swan', () => {
    const doc = portfolio(4);
    doc.projects[0]!.costFactor = { low: 0.95, mode: 1.0, high: 1.05 };
    doc.projects[1]!.costFactor = { low: 1.0, mode: 1.2, high: 2.0 };
    const risk = effectiveRisk(doc);
    expect(risk.costLaw(doc.projects[0]!)).toEqual({ low: 0.95, mode: 1.0, high: 1.05 });
    expect(risk.costLaw(doc.projects[2]!)).toEqual(presetCostLaw(preset, 'pert'));
    expect(risk.doubleCounted).toEqual(['P2']);
    const prepared = prepareSimulation(
      doc,
      doc.projects.map((p) => ({ project: p.id, start: 2027 })),
    );
    expect(prepared.warnings.join(' ')).toMatch(/P2 .*compté deux fois/);
  });

  it('without a preset: no cost law is invented and a hand-set black swan applies as written', () => {
    const doc = portfolio(2, {
      referenceClass: null,
      blackSwan: { probability: 0.1, scheduleFactor: 1.5, costFactor: 2 },
    });
    const risk = effectiveRisk(doc);
    expect(risk.preset).toBeNull();
    expect(risk.costLaw(doc.projects[0]!)).toBeNull();
    expect(risk.blackSwan).toEqual({ probability: 0.1, scheduleFactor: 1.5, costFactor: 2 });
  });
});

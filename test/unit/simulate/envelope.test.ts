/**
 * The yearly envelope risk used by the confidence of MODEL.md §7 is the full
 * simulation's, draw for draw: same seed, same probabilities of going over
 * and the same spend quantiles, whatever its block size.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envelopeRisk, prepareSimulation, runSimulation } from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';

const demo = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
) as Portfolio;

describe('the yearly envelope risk of a plan', () => {
  const scenario = resolveScenario(demo, 'priorite-usagers')!;
  const prepared = prepareSimulation(demo, scenario.plan!, scenario);

  it('equals the full simulation’s probability of going over and its P80, year by year', async () => {
    const full = await runSimulation(prepared, { iterations: 3000, seed: 7 });
    const risk = envelopeRisk(prepared, { iterations: 3000, seed: 7, level: 0.8, blockSize: 700 });
    expect(risk.years).toEqual(full.investment.map((y) => y.year));
    full.investment.forEach((y, t) => {
      expect(risk.pOver[t]).toBe(y.pOverEnvelope);
      expect(risk.quantile[t]).toBeCloseTo(y.p80, 6);
      expect(risk.mean[t]).toBeCloseTo(y.mean, 6);
      expect(risk.envelope[t]).toBe(y.envelope);
      const p = y.pOverEnvelope;
      expect(risk.stdError[t]).toBeCloseTo(Math.sqrt((p * (1 - p)) / 3000), 12);
    });
  });

  it('does not depend on the block size', () => {
    const a = envelopeRisk(prepared, { iterations: 2500, seed: 3, blockSize: 1000 });
    const b = envelopeRisk(prepared, { iterations: 2500, seed: 3, blockSize: 333 });
    expect(b.pOver).toEqual(a.pOver);
    expect(b.quantile).toEqual(a.quantile);
  });
});

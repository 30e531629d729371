/** Money in the simulation (MODEL.md §5): the stretched CP profile, net spend, envelopes. */
import { describe, expect, it } from 'vitest';
import { prepareSimulation, runSimulation, simulateBlock } from '../../../shared/engine/simulate';
import { portfolio, project } from './portfolio';

const constant = (d: number) => ({ low: d, mode: d, high: d });

describe('the money of a simulation', () => {
  it('stretches the planned yearly profile over the actual build', () => {
    // 36 months for a 2-year profile: year k of the project covers 18 months.
    const doc = portfolio([project('A', { investment: [100, 200], durationMonths: constant(36) })]);
    const block = simulateBlock(prepareSimulation(doc, [{ project: 'A', start: 2027 }]), 1, 0, 1);
    const spend = Array.from(block.spend);
    expect(spend[0]).toBeCloseTo((100 * 12) / 18, 9);
    expect(spend[1]).toBeCloseTo((100 * 6) / 18 + (200 * 6) / 18, 9);
    expect(spend[2]).toBeCloseTo((200 * 12) / 18, 9);
    expect(spend.slice(3)).toEqual([0, 0, 0, 0]);
  });

  it('puts what is spent after the horizon in the last bucket, and the years add up to the net cost', () => {
    const doc = portfolio(
      [
        project('A', {
          investment: [300, 100, 50],
          durationMonths: { low: 20, mode: 30, high: 60 },
          costFactor: { low: 0.9, mode: 1, high: 2.5 },
          subsidyRate: 0.3,
          partnerShare: 0.2,
        }),
        project('B', {
          investment: [80],
          durationMonths: { low: 3, mode: 9, high: 30 },
          partnerShare: 0.2,
        }),
      ],
      {
        years: 3,
        risk: {
          correlation: 0.5,
          blackSwan: { probability: 0.2, scheduleFactor: 1.7, costFactor: 3 },
        },
      },
    );
    const prepared = prepareSimulation(doc, [
      { project: 'A', start: 2028 },
      { project: 'B', start: 2029 },
    ]);
    const n = 3000;
    const block = simulateBlock(prepared, 9, 0, n);
    let worst = 0;
    let after = 0;
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let y = 0; y <= 3; y++) total += block.spend[i * 4 + y]!;
      after += block.spend[i * 4 + 3]!;
      // Both keep 80 % after partners; only A is subsidised, 0.3 × 450 whatever its overrun.
      const net = block.grossCost[i]! * 0.8 - 0.3 * 450;
      worst = Math.max(worst, Math.abs(total - net) / net);
    }
    expect(worst).toBeLessThan(1e-12);
    expect(after).toBeGreaterThan(0);
  });

  it('subsidises the planned amount only and lets partners pay their share of the actual cost', async () => {
    const doc = portfolio([
      project('A', {
        investment: [1000],
        durationMonths: constant(6),
        costFactor: constant(1.5),
        subsidyRate: 0.4,
        partnerShare: 0.1,
      }),
    ]);
    const r = await runSimulation(prepareSimulation(doc, [{ project: 'A', start: 2027 }]), {
      iterations: 20,
    });
    // actual 1500; net = 1500 × 0.9 - 0.4 × 1500 / 1.5 = 1350 - 400.
    expect(r.investment[0]!.p50).toBeCloseTo(950, 9);
    expect(r.netCost.mean).toBeCloseTo(950, 9);
    expect(r.totalCost).toMatchObject({ planned: 1000 });
    expect(r.totalCost.p80).toBeCloseTo(1500, 9);
  });

  it('counts a year as over its envelope only when strictly above it', async () => {
    const make = (factor: number) => {
      const doc = portfolio([project('A', { investment: [1000], durationMonths: constant(12) })], {
        envelope: [1000, 0, 0, 0, 0, 0],
      });
      const scenario = {
        id: 's',
        name: 's',
        budgetFactor: { investment: factor, operating: 1 },
        capacityFactor: 1,
        forceIn: [],
        forceOut: [],
        timePreference: 0.04,
        savingsCredit: 1,
        objective: 'discounted' as const,
        confidence: null,
        notBefore: {},
      };
      return runSimulation(prepareSimulation(doc, [{ project: 'A', start: 2027 }], scenario), {
        iterations: 10,
      });
    };
    const equal = await make(1);
    expect(equal.investment[0]).toMatchObject({ p50: 1000, envelope: 1000, pOverEnvelope: 0 });
    const below = await make(0.999);
    expect(below.investment[0]!.pOverEnvelope).toBe(1);
    expect(below.investment[1]!.pOverEnvelope).toBe(0);
  });
});

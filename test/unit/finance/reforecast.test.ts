/**
 * Re-forecast of the remaining spend (MODEL.md §9) through the risk engine:
 * with certain durations and costs the simulation must give back the
 * remaining CP year by year (closed form); with risk, it spends what
 * remains, more or less, never what was already paid.
 */
import { describe, expect, it } from 'vitest';
import { adoptPlan } from '../../../shared/engine/annex';
import { reforecast, reforecastPlan, reforecastYear } from '../../../shared/engine/reforecast';
import type { Portfolio, Project } from '../../../shared/model/portfolio';

function project(id: string, investment: number[], months: number, fields: Partial<Project> = {}) {
  return {
    id,
    name: `Projet ${id}`,
    scores: { usagers: 3 },
    investment,
    durationMonths: { low: months, mode: months, high: months },
    ...fields,
  } satisfies Project;
}

function adopted(projects: Project[]): Portfolio {
  const doc: Portfolio = {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 4 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [],
    budget: { investment: [1e6, 1e6, 1e6, 2e5], operating: [1e5, 1e5, 1e5, 1e5] },
    projects,
    risk: { distribution: 'pert', correlation: 0.3 },
  };
  doc.baseline = adoptPlan(
    doc,
    [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2029 },
      { project: 'C', start: 2027 },
    ],
    { date: '2027-01-15' },
  );
  return doc;
}

describe('re-forecast', () => {
  it('gives back the remaining CP year by year when nothing is uncertain', async () => {
    const doc = adopted([
      // 36 months for 3 planned years: each year's CP falls in its calendar year.
      project('A', [100000, 200000, 100000], 36, { subsidyRate: 0.25 }),
      project('B', [50000], 12),
      project('C', [30000], 12),
    ]);
    doc.actuals = [
      { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
      { project: 'C', year: 2027, paid: 30000, status: 'livre' },
    ];
    const r = await reforecast(doc, { iterations: 200, seed: 7 });
    expect(r.fromYear).toBe(2028);
    expect(r.plan).toEqual([
      { project: 'A', start: 2028 },
      { project: 'B', start: 2029 },
    ]);
    // A: 320 000 € left as 200 000 : 100 000 over 2028–2029 (24 months); B in 2029.
    expect(r.remaining.years).toEqual([2028, 2029, 2030, 2031]);
    expect(r.remaining.cp).toEqual([213333.33, 156666.67, 0, 0]);
    expect(r.remaining.total).toBeCloseTo(370000, 2);
    // Net spend of the simulation: A at 75 % (subsidy), B in full.
    const net = [213333.33 * 0.75, 106666.67 * 0.75 + 50000, 0, 0];
    r.simulation.investment.forEach((y, t) => {
      expect(y.year).toBe(2028 + t);
      expect(y.p50).toBeCloseTo(net[t]!, 1);
      expect(y.p90).toBeCloseTo(net[t]!, 1);
    });
    expect(r.simulation.totalCost.p50).toBeCloseTo(370000, 1);
    // The 2031 envelope is the last one repeated (200 000 €), never exceeded.
    expect(r.simulation.investment.every((y) => y.pOverEnvelope === 0)).toBe(true);
  });

  it('simulates the adopted plan itself before any execution is recorded', async () => {
    const doc = adopted([
      project('A', [100000, 200000, 100000], 36),
      project('B', [50000], 12),
      project('C', [30000], 12),
    ]);
    expect(reforecastYear(doc)).toBe(2027);
    const r = await reforecast(doc, { iterations: 100 });
    expect(r.plan).toEqual([
      { project: 'A', start: 2027 },
      { project: 'B', start: 2029 },
      { project: 'C', start: 2027 },
    ]);
    expect(r.remaining.cp).toEqual([130000, 200000, 150000, 0]);
    expect(r.simulation.totalCost.p50).toBeCloseTo(480000, 1);
  });

  it('draws around the remainder with risk, never spending again what was paid', async () => {
    const doc = adopted([
      project('A', [100000, 200000, 100000], 36, {
        durationMonths: { low: 30, mode: 36, high: 48 },
        costFactor: { low: 0.9, mode: 1, high: 1.6 },
      }),
      project('B', [50000], 12, { costFactor: { low: 1, mode: 1.1, high: 1.3 } }),
      project('C', [30000], 12),
    ]);
    doc.actuals = [{ project: 'A', year: 2027, paid: 250000, status: 'en-cours' }];
    const r = await reforecast(doc, { iterations: 4000, seed: 42 });
    // Left: A 150 000 €, B 50 000 €, C not started 30 000 € (planned 2027, now 2028).
    expect(r.plan).toEqual([
      { project: 'A', start: 2028 },
      { project: 'B', start: 2029 },
      { project: 'C', start: 2028 },
    ]);
    expect(r.remaining.total).toBeCloseTo(230000, 2);
    const cost = r.simulation.totalCost;
    // Cost factors between 0.9 and 1.6: the draws stay within those bounds of the remainder.
    expect(cost.p10).toBeGreaterThanOrEqual(0.9 * 150000 + 50000 + 30000 - 1);
    expect(cost.p90).toBeLessThanOrEqual(1.6 * 150000 + 1.3 * 50000 + 30000 + 1);
    expect(cost.mean).toBeGreaterThan(230000);
  });

  it('in gross spend gives back the remaining gross CP year by year, subsidies and partners aside', async () => {
    const doc = adopted([
      project('A', [100000, 200000, 100000], 36, { subsidyRate: 0.25, partnerShare: 0.1 }),
      project('B', [50000], 12, { partnerShare: 0.5 }),
      project('C', [30000], 12),
    ]);
    doc.actuals = [
      { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
      { project: 'C', year: 2027, paid: 30000, status: 'livre' },
    ];
    const prepared = reforecastPlan(doc, { spend: 'gross' });
    expect(prepared.spend).toBe('gross');
    // The moved document keeps its shares; only the simulated copy drops them.
    expect(prepared.rolled.portfolio.projects[0]!.subsidyRate).toBe(0.25);
    expect(prepared.simulated.projects.some((p) => p.subsidyRate || p.partnerShare)).toBe(false);
    const r = await reforecast(doc, { iterations: 200, seed: 7, spend: 'gross' });
    expect(r.plan).toEqual(prepared.plan);
    expect(r.remaining).toEqual(prepared.remaining);
    r.simulation.investment.forEach((y, t) => {
      expect(y.p50).toBeCloseTo(r.remaining.cp[t]!, 1);
      expect(y.p90).toBeCloseTo(r.remaining.cp[t]!, 1);
    });
    // Net (the default) is what the envelopes are compared with: less than gross.
    const net = await reforecast(doc, { iterations: 200, seed: 7 });
    expect(net.simulation.investment[0]!.p50).toBeCloseTo(213333.33 * 0.65, 1);
  });
});

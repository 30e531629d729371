/**
 * The self-financing floor (MODEL.md §9, CGCT L1111-10): exactly at the
 * floor is allowed, just above it is a warning with the shortfall in euros.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selfFinancingShortfalls } from '../../../shared/engine/ppi';
import { DEFAULT_SELF_FINANCING_FLOOR, type Project } from '../../../shared/model/portfolio';

function project(fields: Partial<Project>): Project {
  return {
    id: 'P07',
    name: 'Projet subventionné',
    scores: {},
    investment: [80000, 40000],
    durationMonths: { low: 6, mode: 9, high: 12 },
    ...fields,
  };
}

describe('self-financing floor', () => {
  it('defaults to 20 %', () => {
    expect(DEFAULT_SELF_FINANCING_FLOOR).toBe(0.2);
  });

  it('accepts a project financed exactly at its floor', () => {
    expect(selfFinancingShortfalls([project({ subsidyRate: 0.5, partnerShare: 0.3 })])).toEqual([]);
    expect(selfFinancingShortfalls([project({ subsidyRate: 0.8 })])).toEqual([]);
    // 0.4 + 0.3 is 0.7000000000000001 in binary: still exactly a 30 % floor.
    expect(
      selfFinancingShortfalls([
        project({ subsidyRate: 0.4, partnerShare: 0.3, selfFinancingFloor: 0.3 }),
      ]),
    ).toEqual([]);
    expect(selfFinancingShortfalls([project({ subsidyRate: 1, selfFinancingFloor: 0 })])).toEqual(
      [],
    );
  });

  it('warns just above the floor, with the shortfall in euros', () => {
    // 80,01 % financed by others on 120 000 €: 0,01 % × 120 000 = 12 € short.
    expect(selfFinancingShortfalls([project({ subsidyRate: 0.5, partnerShare: 0.3001 })])).toEqual([
      { project: 'P07', floor: 0.2, share: 0.1999, shortfall: 12 },
    ]);
  });

  it('uses the project’s own floor, 30 % for a lead-authority competence', () => {
    expect(
      selfFinancingShortfalls([
        project({ subsidyRate: 0.6, partnerShare: 0.15, selfFinancingFloor: 0.3 }),
      ]),
    ).toEqual([{ project: 'P07', floor: 0.3, share: 0.25, shortfall: 6000 }]);
  });

  it('lists a 90 % subsidised project, and never one within its floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 4 }),
        (s, p, f, cp) => {
          fc.pre(s + p <= 100);
          const investment = cp.map((x) => x * 1000);
          const found = selfFinancingShortfalls([
            project({
              subsidyRate: s / 100,
              partnerShare: p / 100,
              selfFinancingFloor: f / 100,
              investment,
            }),
          ]);
          // Whole percents: below the floor exactly when 100 − s − p < f.
          const below = 100 - s - p < f;
          expect(found.length).toBe(below ? 1 : 0);
          if (below) {
            const total = investment.reduce((a, b) => a + b, 0);
            expect(found[0]!.share).toBeCloseTo((100 - s - p) / 100, 9);
            expect(found[0]!.shortfall).toBeCloseTo(((f - (100 - s - p)) / 100) * total, 2);
            expect(found[0]!.shortfall).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

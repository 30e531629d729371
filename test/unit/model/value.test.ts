/** Value of a project (MODEL.md §3): closed forms and invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion, Project } from '../../../shared/model/portfolio';
import {
  normalisedWeights,
  portfolioValues,
  projectValue,
  valueBreakdown,
} from '../../../shared/engine/value';
import { validPortfolioArb } from '../../support/arbitraries';
import { example } from './fixtures';

const MODEL_CRITERIA: Criterion[] = [
  { id: 'usagers', label: "Qualité de service à l'usager", weight: 0.35 },
  { id: 'efficience', label: 'Efficience pour le contribuable', weight: 0.25 },
  { id: 'agents', label: 'Conditions de travail des agents', weight: 0.15 },
  { id: 'strategie', label: 'Alignement sur le projet de mandature', weight: 0.25 },
];

function project(scores: Record<string, number>): Project {
  return {
    id: 'P01',
    name: 'Demande d’aide sociale en ligne',
    scores,
    investment: [180000, 120000],
    durationMonths: { low: 10, mode: 14, high: 24 },
  };
}

/** Criteria with weights >= 0, not all zero. */
const criteriaArb = fc
  .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 })
  .filter((ws) => ws.some((w) => w > 1e-3))
  .map((ws): Criterion[] =>
    ws.map((weight, i) => ({ id: `c${i}`, label: `Critère ${i}`, weight })),
  );

const withScoresArb = criteriaArb.chain((criteria) =>
  fc
    .array(fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }), {
      minLength: criteria.length,
      maxLength: criteria.length,
    })
    .map((scores) => {
      const record: Record<string, number> = {};
      scores.forEach((s, i) => {
        if (s !== undefined) record[`c${i}`] = s;
      });
      return { criteria, project: project(record) };
    }),
);

describe('project value', () => {
  it('follows the closed form on the example of MODEL.md', () => {
    // 100 × (0.35×5 + 0.25×3 + 0.15×2 + 0.25×5) / 5 = 100 × 4.05 / 5 = 81
    const p = project({ usagers: 5, efficience: 3, agents: 2, strategie: 5 });
    expect(projectValue(MODEL_CRITERIA, p)).toBeCloseTo(81, 10);
    expect(valueBreakdown(MODEL_CRITERIA, p)).toEqual([
      expect.closeTo(35, 10),
      expect.closeTo(15, 10),
      expect.closeTo(6, 10),
      expect.closeTo(25, 10),
    ]);
  });

  it('normalises weights that do not sum to 1', () => {
    // Weights 7, 5, 3, 5 (sum 20) are the same as 0.35, 0.25, 0.15, 0.25.
    const raw = MODEL_CRITERIA.map((c, i) => ({ ...c, weight: [7, 5, 3, 5][i]! }));
    const p = project({ usagers: 5, efficience: 3, agents: 2, strategie: 5 });
    expect(projectValue(raw, p)).toBeCloseTo(81, 10);
  });

  it('scores a missing criterion 0 and ignores nothing else', () => {
    // 100 × (0.35×4 + 0.25×0 + 0.15×0 + 0.25×2) / 5 = 100 × 1.9 / 5 = 38
    expect(projectValue(MODEL_CRITERIA, project({ usagers: 4, strategie: 2 }))).toBeCloseTo(38, 10);
  });

  it('gives 100 to a project scoring 5 everywhere and 0 to one scoring nothing', () => {
    const all5 = Object.fromEntries(MODEL_CRITERIA.map((c) => [c.id, 5]));
    expect(projectValue(MODEL_CRITERIA, project(all5))).toBeCloseTo(100, 10);
    expect(projectValue(MODEL_CRITERIA, project({}))).toBe(0);
  });

  it('stays between 0 and 100 points', () => {
    fc.assert(
      fc.property(withScoresArb, ({ criteria, project: p }) => {
        const v = projectValue(criteria, p);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('is the sum of its breakdown by criterion', () => {
    fc.assert(
      fc.property(withScoresArb, ({ criteria, project: p }) => {
        const parts = valueBreakdown(criteria, p);
        expect(parts).toHaveLength(criteria.length);
        const sum = parts.reduce((s, x) => s + x, 0);
        expect(Math.abs(sum - projectValue(criteria, p))).toBeLessThan(1e-9);
        for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('normalises the weights to sum 1, in proportion', () => {
    fc.assert(
      fc.property(criteriaArb, (criteria) => {
        const w = normalisedWeights(criteria);
        expect(Math.abs(w.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
        const total = criteria.reduce((s, c) => s + c.weight, 0);
        criteria.forEach((c, i) => expect(w[i]).toBeCloseTo(c.weight / total, 12));
      }),
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(
        withScoresArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        ({ criteria, project: p }, k) => {
          const scaled = criteria.map((c) => ({ ...c, weight: c.weight * k }));
          expect(projectValue(scaled, p)).toBeCloseTo(projectValue(criteria, p), 8);
        },
      ),
    );
  });

  it('never decreases when a score rises', () => {
    fc.assert(
      fc.property(
        withScoresArb,
        fc.nat(),
        fc.double({ min: 0, max: 5, noNaN: true }),
        ({ criteria, project: p }, pick, bump) => {
          const id = criteria[pick % criteria.length]!.id;
          const before = p.scores[id] ?? 0;
          const higher = project({ ...p.scores, [id]: Math.min(5, before + bump) });
          expect(projectValue(criteria, higher)).toBeGreaterThanOrEqual(
            projectValue(criteria, p) - 1e-9,
          );
        },
      ),
    );
  });

  it('values every project of a generated portfolio between 0 and 100', () => {
    fc.assert(
      fc.property(validPortfolioArb({ minProjects: 1 }), (doc) => {
        const values = portfolioValues(doc);
        expect(values.size).toBe(doc.projects.length);
        for (const v of values.values()) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('values the projects of an example by hand', () => {
    // petit.json, P01: weights 0.34, 0.21, 0.15, 0.29 (sum 0.99), scores 4, 2, 1, 5.
    const doc = example('petit');
    const expected = (100 * (0.34 * 4 + 0.21 * 2 + 0.15 * 1 + 0.29 * 5)) / 5 / 0.99;
    expect(portfolioValues(doc).get('P01')).toBeCloseTo(expected, 10);
  });
});

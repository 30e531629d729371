/**
 * Property tests: the documents `validPortfolioArb` generates are valid, and
 * a JSON round trip through validation gives back an equal document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio, validateProject } from '../../../shared/model/validate';
import { validPortfolioArb } from '../../support/arbitraries';

function accepted(doc: unknown): { portfolio: Portfolio; warnings: string[] } {
  const result = validatePortfolio(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
  return result;
}

describe('generated portfolios', () => {
  it('are valid, and plannable ones come without warning', () => {
    fc.assert(
      fc.property(validPortfolioArb(), (doc) => {
        const { warnings } = accepted(doc);
        // Builds fit the horizon by default; only infeasibility warnings remain possible.
        for (const w of warnings) expect(w).not.toContain('ne pourra pas être planifié');
      }),
      { numRuns: 200 },
    );
  });

  it('are valid with unplannable projects, longer horizons and unknown fields', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({
          allowUnplannable: true,
          maxYears: 15,
          maxDuration: 8,
          withUnknownFields: true,
        }),
        (doc) => {
          accepted(doc);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survive a JSON round trip through validation unchanged, unknown fields included', () => {
    fc.assert(
      fc.property(validPortfolioArb({ withUnknownFields: true }), (doc) => {
        const { portfolio } = accepted(JSON.parse(JSON.stringify(doc)));
        expect(portfolio).toEqual(doc);
        expect(JSON.stringify(portfolio)).toBe(JSON.stringify(doc));
      }),
      { numRuns: 150 },
    );
  });

  it('have acyclic dependencies on existing projects and no conflicting exclusion', () => {
    fc.assert(
      fc.property(validPortfolioArb({ minProjects: 3, maxProjects: 10 }), (doc) => {
        const index = new Map(doc.projects.map((p, i) => [p.id, i]));
        doc.projects.forEach((p, i) => {
          for (const d of p.dependsOn ?? []) expect(index.get(d)).toBeLessThan(i);
          for (const x of p.excludes ?? []) {
            expect(x).not.toBe(p.id);
            expect(p.dependsOn ?? []).not.toContain(x);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('pass the per-project check for every project', () => {
    fc.assert(
      fc.property(validPortfolioArb({ minProjects: 1 }), (doc) => {
        doc.projects.forEach((p, i) => expect(validateProject(doc, p, i)).toEqual([]));
      }),
      { numRuns: 100 },
    );
  });

  it('sometimes hold each feature the other tests rely on', () => {
    const seen = {
      mandatory: 0,
      dependsOn: 0,
      excludes: 0,
      staff: 0,
      scenarios: 0,
      plan: 0,
      decisions: 0,
    };
    fc.assert(
      fc.property(validPortfolioArb(), (doc) => {
        if (doc.projects.some((p) => p.mandatory)) seen.mandatory++;
        if (doc.projects.some((p) => p.dependsOn?.length)) seen.dependsOn++;
        if (doc.projects.some((p) => p.excludes?.length)) seen.excludes++;
        if (doc.projects.some((p) => p.staff?.length)) seen.staff++;
        if (doc.scenarios?.length) seen.scenarios++;
        if (doc.scenarios?.some((s) => s.plan?.length)) seen.plan++;
        if (doc.decisions?.length) seen.decisions++;
      }),
      { numRuns: 200, seed: 7 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(5);
  });
});

/**
 * Property tests: the documents `validPortfolioArb` generates are valid, and
 * a JSON round trip through validation gives back an equal document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio, validateProject } from '../../../shared/model/validate';
import { validPortfolioArb } from '../../support/arbitraries';

/** The document with each field of §7–9 the generator left out set to a valid value. */
function withEveryExtension(generated: Portfolio): Portfolio {
  const doc = structuredClone(generated);
  const { firstYear, years } = doc.horizon;
  const [first, second] = doc.projects;
  doc.projects.forEach((p, i) => {
    p.deadline ??= `${firstYear + 40}-06`;
    p.selfFinancingFloor ??= 0;
    p.apNumber ??= `AP-T-${i}`;
  });
  doc.risk = { ...doc.risk, referenceClass: doc.risk?.referenceClass ?? 'flyvbjerg-2011' };
  doc.scenarios = doc.scenarios?.length ? doc.scenarios : [{ id: 's', name: 'Scénario' }];
  for (const s of doc.scenarios) {
    s.objective ??= 'mandate';
    s.confidence ??= 0.9;
    s.notBefore ??= { [first!.id]: firstYear };
  }
  doc.decisions = [
    ...(doc.decisions ?? []),
    { date: `${firstYear}-01-15`, project: second!.id, decision: 'reporté', until: firstYear },
  ];
  const [a, b] = doc.criteria;
  doc.criteriaJudgements ??= [
    { member: 'Membre', pairs: a && b ? [{ a: a.id, b: b.id, ratio: 1 / 7 }] : [] },
  ];
  doc.actuals ??= [{ project: first!.id, year: firstYear, paid: 0, status: 'en-cours' }];
  doc.baseline ??= {
    date: `${firstYear - 1}-12-01`,
    scenario: doc.scenarios[0]!.id,
    plan: years >= first!.investment.length ? [{ project: first!.id, start: firstYear }] : [],
  };
  return doc;
}

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

  it('survive validation unchanged with every field of MODEL.md §7–9 set', () => {
    fc.assert(
      fc.property(validPortfolioArb({ minProjects: 2, withUnknownFields: true }), (generated) => {
        const doc = withEveryExtension(generated);
        const { portfolio } = accepted(JSON.parse(JSON.stringify(doc)));
        expect(portfolio).toEqual(doc);
        expect(JSON.stringify(portfolio)).toBe(JSON.stringify(doc));
      }),
      { numRuns: 100 },
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
      deadline: 0,
      selfFinancingFloor: 0,
      apNumber: 0,
      objective: 0,
      confidence: 0,
      notBefore: 0,
      referenceClass: 0,
      until: 0,
      judgementsComplete: 0,
      judgementsIncomplete: 0,
      actuals: 0,
      baseline: 0,
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
        if (doc.projects.some((p) => p.deadline)) seen.deadline++;
        if (doc.projects.some((p) => p.selfFinancingFloor !== undefined)) seen.selfFinancingFloor++;
        if (doc.projects.some((p) => p.apNumber)) seen.apNumber++;
        if (doc.scenarios?.some((s) => s.objective)) seen.objective++;
        if (doc.scenarios?.some((s) => typeof s.confidence === 'number')) seen.confidence++;
        if (doc.scenarios?.some((s) => s.notBefore && Object.keys(s.notBefore).length))
          seen.notBefore++;
        if (doc.risk?.referenceClass) seen.referenceClass++;
        if (doc.decisions?.some((d) => d.until !== undefined)) seen.until++;
        const pairs = (doc.criteria.length * (doc.criteria.length - 1)) / 2;
        if (pairs > 0 && doc.criteriaJudgements?.some((m) => m.pairs.length === pairs))
          seen.judgementsComplete++;
        if (doc.criteriaJudgements?.some((m) => m.pairs.length < pairs))
          seen.judgementsIncomplete++;
        if (doc.actuals?.length) seen.actuals++;
        if (doc.baseline) seen.baseline++;
      }),
      { numRuns: 200, seed: 7 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(5);
  });
});

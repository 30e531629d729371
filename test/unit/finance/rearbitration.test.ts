/**
 * Preparing the next year's arbitration in the app (shared/engine/rearbitration.ts):
 * the document of `nextYear`, with the adopted plan carried as a scenario of
 * its own beside the scenario to optimise again, checked against the
 * baseline and the execution record it came from.
 */
import { describe, expect, it } from 'vitest';
import { nextYear } from '../../../shared/engine/next-year';
import {
  defaultRearbitrationScenario,
  prepareRearbitration,
} from '../../../shared/engine/rearbitration';
import { checkPlan } from '../../../shared/engine/optimise';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { executedPortfolio } from '../../support/executed';

/** The latest status of each project with actuals, read here from the rows. */
function latestStatus(doc: Portfolio): Map<string, string> {
  const out = new Map<string, { year: number; status: string }>();
  for (const a of doc.actuals ?? []) {
    const seen = out.get(a.project);
    if (a.status && (!seen || a.year >= seen.year))
      out.set(a.project, { year: a.year, status: a.status });
  }
  return new Map([...out].map(([id, v]) => [id, v.status]));
}

describe('preparing the next year’s arbitration', () => {
  it.each([3, 8, 21])(
    'is nextYear’s document plus the adopted plan as it stands in the new year (seed %i)',
    (seed) => {
      const { doc } = executedPortfolio(seed);
      const prepared = prepareRearbitration(doc);
      const next = prepared.portfolio;
      expect(validatePortfolio(next).ok).toBe(true);
      // Everything but the carried scenario is nextYear's document.
      const plain = nextYear(doc, { scenarioId: prepared.scenarioId }).portfolio;
      expect({
        ...next,
        scenarios: next.scenarios!.filter((s) => s.id !== prepared.carried!.id),
      }).toEqual(plain);

      const carried = next.scenarios!.find((s) => s.id === prepared.carried!.id)!;
      expect(carried.name).toBe('Plan adopté en 2027');
      expect(carried.id).toBe('plan-adopte-2027');
      // Right after the scenario optimised again, with its settings.
      const at = next.scenarios!.findIndex((s) => s.id === prepared.scenarioId);
      expect(next.scenarios![at + 1]).toBe(carried);
      const { plan: _p, id: _i, name: _n, ...settings } = next.scenarios![at]!;
      expect(carried).toMatchObject(settings);

      // Its plan: the projects under way at 2028, the adopted ones not started at their
      // adopted start (2028 at the earliest), nothing delivered nor abandoned.
      const status = latestStatus(doc);
      const expected = doc
        .baseline!.plan.filter(
          (e) => status.get(e.project) !== 'livre' && status.get(e.project) !== 'abandonne',
        )
        .map((e) => ({
          project: e.project,
          start: status.get(e.project) === 'en-cours' ? 2028 : Math.max(2028, e.start),
        }));
      const byProject = (a: { project: string }, b: { project: string }) =>
        a.project.localeCompare(b.project);
      expect([...carried.plan!].sort(byProject)).toEqual(expected.sort(byProject));
      for (const e of carried.plan!) {
        if (status.get(e.project) === 'en-cours') {
          expect(next.projects.find((p) => p.id === e.project)!.fixedStart).toBe(2028);
        }
      }
      // The scenario to optimise has no plan: the optimiser makes the new one.
      expect(next.scenarios![at]!.plan).toBeUndefined();
    },
  );

  it('carries a plan that holds every project committed in the new year', () => {
    const { doc } = executedPortfolio(8);
    const prepared = prepareRearbitration(doc);
    const carried = resolveScenario(prepared.portfolio, prepared.carried!.id)!;
    // A plan may break an envelope of the new year, never leave out what is committed.
    const problems = checkPlan(prepared.portfolio, carried, carried.plan!);
    expect(
      problems.filter((p) =>
        /est engagé pour démarrer|est imposé mais|écarté par le scénario/.test(p),
      ),
    ).toEqual([]);
    // Every continued project is in it, at its committed start.
    for (const c of prepared.continued) {
      expect(carried.plan).toContainEqual({ project: c.project, start: 2028 });
    }
    expect(prepared.continued.length).toBeGreaterThan(0);
  });

  it('starts from the adopted scenario, and keeps the carried id unique', () => {
    const { doc } = executedPortfolio(3);
    const scenarios = [
      { id: 'autre', name: 'Autre' },
      { id: 'base', name: 'Base' },
      { id: 'plan-adopte-2027', name: 'Déjà là' },
    ];
    const withScenarios: Portfolio = {
      ...doc,
      scenarios,
      baseline: { ...doc.baseline!, scenario: 'base' },
    };
    expect(defaultRearbitrationScenario(withScenarios)).toBe('base');
    const prepared = prepareRearbitration(withScenarios);
    expect(prepared.scenarioId).toBe('base');
    expect(prepared.portfolio.scenarios!.map((s) => s.id)).toEqual([
      'autre',
      'base',
      'plan-adopte-2027-2',
      'plan-adopte-2027',
    ]);
    expect(
      prepareRearbitration(withScenarios, { scenarioId: 'autre' }).portfolio.scenarios!.map(
        (s) => s.id,
      ),
    ).toEqual(['autre', 'plan-adopte-2027-2', 'base', 'plan-adopte-2027']);
  });

  it('gives a document without scenarios a reference scenario to optimise, and carries nothing without a baseline', () => {
    const { doc } = executedPortfolio(3);
    const { scenarios: _s, baseline: _b, ...bare } = doc;
    const prepared = prepareRearbitration(bare as Portfolio);
    expect(prepared.carried).toBeNull();
    expect(prepared.scenarioId).toBe('base');
    expect(prepared.portfolio.scenarios![0]!.id).toBe('base');
    const adopted = prepareRearbitration({ ...(bare as Portfolio), baseline: doc.baseline! });
    expect(adopted.portfolio.scenarios!.map((s) => s.id)).toEqual(['base', 'plan-adopte-2027']);
    expect(adopted.scenarioId).toBe('base');
  });
});

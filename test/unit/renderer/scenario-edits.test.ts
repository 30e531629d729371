/**
 * The scenario screen's edits (renderer/src/screens/scenario/edits.ts): each
 * changes only what it says, leaves a valid document, and its inverse
 * (what undo applies) restores the document exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit, inverseOps, type EditOp } from '../../../shared/model/edits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import {
  budgetFactorOps,
  capacityOps,
  checkFactor,
  envelopeOps,
  forceOf,
  forceOps,
  newScenarioOps,
  savePlanOps,
  scenarioPatchOps,
} from '../../../renderer/src/screens/scenario/edits';

const demo = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
) as Portfolio;

/** Applies the edit, checks the result is valid and that undo restores `demo`. */
function apply(ops: EditOp[]): Portfolio {
  const after = applyEdit(demo, ops);
  const check = validatePortfolio(after);
  expect(check.ok ? [] : check.problems).toEqual([]);
  expect(applyEdit(after, inverseOps(demo, ops))).toEqual(demo);
  return after;
}
const scenario = (doc: Portfolio, id: string) => doc.scenarios!.find((s) => s.id === id)!;

describe('edits of the scenario screen', () => {
  it('moves a project between free, forced in and forced out', () => {
    const ref = scenario(demo, 'reference');
    expect(forceOf(ref, 'P07')).toBe('out');
    const inAfter = apply(forceOps(demo, 'reference', 'P07', 'in'));
    expect(scenario(inAfter, 'reference').forceIn).toEqual([...ref.forceIn!, 'P07']);
    expect(scenario(inAfter, 'reference').forceOut).toEqual(
      ref.forceOut!.filter((x) => x !== 'P07'),
    );
    const free = apply(forceOps(demo, 'reference', 'P09', 'free'));
    expect(forceOf(scenario(free, 'reference'), 'P09')).toBe('free');
    // Other scenarios untouched.
    expect(scenario(free, 'dob-prudent')).toEqual(scenario(demo, 'dob-prudent'));
  });

  it('changes one budget factor and keeps the other', () => {
    const after = apply(budgetFactorOps(demo, 'dob-prudent', 'investment', 1.2));
    expect(scenario(after, 'dob-prudent').budgetFactor).toEqual({
      investment: 1.2,
      operating: 0.9,
    });
  });

  it('sets and removes scenario fields, and names an unknown scenario', () => {
    const after = apply(scenarioPatchOps(demo, 'reference', { timePreference: 0.1 }));
    expect(scenario(after, 'reference').timePreference).toBe(0.1);
    const removed = apply(scenarioPatchOps(demo, 'reference', { savingsCredit: undefined }));
    expect('savingsCredit' in scenario(removed, 'reference')).toBe(false);
    expect(() => scenarioPatchOps(demo, 'nope', {})).toThrow(/nope/);
  });

  it('saves a plan in start-year order', () => {
    const after = apply(
      savePlanOps(demo, 'reference', [
        { project: 'P09', start: 2029 },
        { project: 'P01', start: 2027 },
        { project: 'P02', start: 2027 },
      ]),
    );
    expect(scenario(after, 'reference').plan).toEqual([
      { project: 'P01', start: 2027 },
      { project: 'P02', start: 2027 },
      { project: 'P09', start: 2029 },
    ]);
  });

  it('changes one year of one envelope or one team, nothing else', () => {
    const env = apply(envelopeOps(demo, 'operating', 2, 99_000));
    expect(env.budget.operating).toEqual(
      demo.budget.operating.map((x, t) => (t === 2 ? 99_000 : x)),
    );
    expect(env.budget.investment).toEqual(demo.budget.investment);
    const team = demo.teams[1]!;
    const cap = apply(capacityOps(demo, team.id, 0, 333));
    expect(cap.teams[1]!.capacity).toEqual(team.capacity.map((x, t) => (t === 0 ? 333 : x)));
    expect(cap.teams.filter((_, i) => i !== 1)).toEqual(demo.teams.filter((_, i) => i !== 1));
  });

  it('creates a first scenario with a free id', () => {
    const after = apply(newScenarioOps(demo, 'Nouveau'));
    const added = after.scenarios![after.scenarios!.length - 1]!;
    expect(added.id).toBe('reference-2');
    expect(new Set(after.scenarios!.map((s) => s.id)).size).toBe(after.scenarios!.length);
  });

  it('refuses factors outside the document rules', () => {
    expect(checkFactor('budget', -0.1)).toBe('negative');
    expect(checkFactor('budget', 3)).toBeNull();
    expect(checkFactor('timePreference', 0.5)).toBeNull();
    expect(checkFactor('timePreference', 0.51)).toBe('max05');
    expect(checkFactor('savingsCredit', 1.01)).toBe('max1');
    expect(checkFactor('capacity', Number.NaN)).toBe('negative');
  });
});

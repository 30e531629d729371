/**
 * The scenario list edits of the comparison screen: a copy gets a new id and
 * name and sits after its original, each edit is exactly undone by its
 * inverse, and the document stays valid.
 */
import { describe, expect, it } from 'vitest';
import {
  copyId,
  deleteScenarioOps,
  duplicateScenarioOps,
  renameScenarioOps,
  savePlanOps,
} from '../../../renderer/src/screens/compare/scenarioEdits';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { example } from '../model/fixtures';

function withScenarios(): Portfolio {
  const doc = example('petit');
  doc.scenarios = [
    {
      id: 'base',
      name: 'Base',
      forceIn: [doc.projects[0]!.id],
      plan: [{ project: doc.projects[0]!.id, start: doc.horizon.firstYear }],
    },
    { id: 'autre', name: 'Autre' },
  ];
  return doc;
}

const roundTrip = (doc: Portfolio, ops: Parameters<typeof applyEdit>[1]) => {
  const after = applyEdit(doc, ops);
  expect(applyEdit(after, inverseOps(doc, ops))).toEqual(doc);
  const checked = validatePortfolio(after);
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  return after;
};

describe('scenario list edits', () => {
  it('duplicates a scenario after its original, new id and name, same settings and plan', () => {
    const doc = withScenarios();
    const { ops, copy } = duplicateScenarioOps(doc, 'base');
    const after = roundTrip(doc, ops);
    expect(after.scenarios!.map((s) => s.id)).toEqual(['base', 'base-copie', 'autre']);
    expect(copy.name).toBe('Base (copie)');
    expect(copy.forceIn).toEqual(doc.scenarios![0]!.forceIn);
    expect(copy.plan).toEqual(doc.scenarios![0]!.plan);
    // A deep copy: changing the copy's lists leaves the original alone.
    copy.forceIn!.push('X');
    expect(doc.scenarios![0]!.forceIn).toHaveLength(1);
    // A second copy gets the next free id and name.
    const again = duplicateScenarioOps(after, 'base');
    expect(again.copy.id).toBe('base-copie-2');
    expect(again.copy.name).toBe('Base (copie 2)');
    expect(copyId(after, 'autre')).toBe('autre-copie');
  });

  it('renames, refusing a blank name or another scenario’s name', () => {
    const doc = withScenarios();
    const after = roundTrip(doc, renameScenarioOps(doc, 'autre', '  Prudent  '));
    expect(after.scenarios![1]!.name).toBe('Prudent');
    expect(() => renameScenarioOps(doc, 'autre', '   ')).toThrow(/vide/);
    expect(() => renameScenarioOps(doc, 'autre', 'Base')).toThrow(/déjà « Base »/);
    expect(() => renameScenarioOps(doc, 'nope', 'X')).toThrow(/« nope » n'existe pas/);
  });

  it('deletes a scenario, and undo puts it back in place', () => {
    const doc = withScenarios();
    const after = roundTrip(doc, deleteScenarioOps(doc, 'base'));
    expect(after.scenarios!.map((s) => s.id)).toEqual(['autre']);
  });

  it('saves a computed plan as the scenario’s plan, extra fields dropped', () => {
    const doc = withScenarios();
    const plan = [{ project: doc.projects[1]!.id, start: doc.horizon.firstYear, extra: 1 }];
    const after = roundTrip(doc, savePlanOps(doc, 'autre', plan));
    expect(after.scenarios![1]!.plan).toEqual([
      { project: doc.projects[1]!.id, start: doc.horizon.firstYear },
    ]);
  });
});

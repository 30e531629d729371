/**
 * The edits of the criteria screen (renderer/src/screens/criteria/edits.ts):
 * each leaves a valid document, undo restores the document exactly, and the
 * value follows.
 */
import { describe, expect, it } from 'vitest';
import { ahp, judgementsFromWeights, matrixFromJudgements } from '../../../shared/engine/ahp';
import { normalisedWeights, projectValue } from '../../../shared/engine/value';
import { applyEdit, inverseOps, type EditOp } from '../../../shared/model/edits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import demo from '../../../resources/demo.json';
import {
  addCriterionOp,
  applyWeightsOp,
  removeCriterionOps,
  scaleOf,
  setScaleOp,
  setScoreOp,
  toggleAxisOp,
} from '../../../renderer/src/screens/criteria/edits';

const portfolio = demo as unknown as Portfolio;

/** Applies, checks validity, checks that the inverse gives the document back. */
function roundTrip(ops: EditOp[]): Portfolio {
  const after = applyEdit(portfolio, ops);
  const check = validatePortfolio(after);
  expect(check.ok, JSON.stringify(check.ok ? [] : check.problems.slice(0, 3))).toBe(true);
  expect(applyEdit(after, inverseOps(portfolio, ops))).toEqual(portfolio);
  return after;
}

describe('criteria screen edits', () => {
  it('applies AHP weights: shares equal the eigenvector to 4 decimals, values follow', () => {
    const weights = ahp(matrixFromJudgements(4, [{ i: 0, j: 1, value: 9 }])).weights;
    const after = roundTrip([applyWeightsOp(portfolio, weights)]);
    normalisedWeights(after.criteria).forEach((w, k) => expect(w).toBeCloseTo(weights[k]!, 3));
    const p = after.projects[0]!;
    const expected = after.criteria.reduce(
      (s, c, k) => s + (100 * normalisedWeights(after.criteria)[k]! * (p.scores[c.id] ?? 0)) / 5,
      0,
    );
    expect(projectValue(after.criteria, p)).toBeCloseTo(expected, 9);
  });

  it('weights read back from the current ones by pairwise judgement stay close to them', () => {
    const current = normalisedWeights(portfolio.criteria);
    const r = ahp(matrixFromJudgements(4, judgementsFromWeights(current)));
    expect(r.cr).toBeLessThan(0.1);
    r.weights.forEach((w, k) => expect(Math.abs(w - current[k]!)).toBeLessThan(0.1));
  });

  it('removes a criterion together with every score on it, in one edit', () => {
    const ops = removeCriterionOps(portfolio, 'agents')!;
    const after = roundTrip(ops);
    expect(after.criteria.map((c) => c.id)).toEqual(['usagers', 'efficience', 'strategie']);
    expect(after.projects.every((p) => !('agents' in p.scores))).toBe(true);
  });

  it('refuses to remove the last criterion, or to leave only zero weights', () => {
    const one = { ...portfolio, criteria: [portfolio.criteria[0]!] };
    expect(removeCriterionOps(one, 'usagers')).toBeNull();
    const zeros = {
      ...portfolio,
      criteria: portfolio.criteria.map((c, k) => ({ ...c, weight: k === 0 ? 1 : 0 })),
    };
    expect(removeCriterionOps(zeros, 'usagers')).toBeNull();
  });

  it('adds a criterion with weight 0 and keeps the scale descriptions on the criterion', () => {
    let after = roundTrip([addCriterionOp(portfolio, 'Sobriété', 'sobriete')]);
    expect(after.criteria.at(-1)).toEqual({ id: 'sobriete', label: 'Sobriété', weight: 0 });
    after = applyEdit(after, [setScaleOp(after, 0, '5', '  tout le public  ')]);
    expect(scaleOf(after.criteria[0]!)).toEqual({ '1': '', '3': '', '5': 'tout le public' });
    after = applyEdit(after, [setScaleOp(after, 0, '5', '')]);
    expect(after.criteria[0]).not.toHaveProperty('scale');
  });

  it('sets a score and toggles an axis, keeping the axes in the portfolio’s order', () => {
    const p = portfolio.projects.find((x) => x.id === 'P01')!;
    let after = roundTrip([setScoreOp(p, 'usagers', 5)]);
    expect(after.projects.find((x) => x.id === 'P01')!.scores.usagers).toBe(5);
    after = roundTrip([toggleAxisOp(portfolio, p, 'A1', true)]);
    expect(after.projects.find((x) => x.id === 'P01')!.axes).toEqual(['A1', ...(p.axes ?? [])]);
    const none = { ...p, axes: ['A1'] };
    const cleared = toggleAxisOp(portfolio, none, 'A1', false);
    expect(cleared.op === 'project.put' && cleared.project).not.toHaveProperty('axes');
  });
});

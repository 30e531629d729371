/**
 * The committee's judgements on the criteria screen
 * (renderer/src/screens/criteria/judgementEdits.ts): members added, renamed
 * and removed, comparisons given, replaced and withdrawn, each one edit that
 * leaves a valid document and is undone exactly; the group's weights applied
 * are the engine's; removing a criterion drops the comparisons naming it;
 * the ends of a disagreement and a document valued with a member's weights.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import { ahp } from '../../../shared/engine/ahp';
import { committeeWeights, extremes, withWeights } from '../../../shared/engine/judgements';
import { normalisedWeights, projectValue } from '../../../shared/engine/value';
import { applyEdit, inverseOps, type EditOp } from '../../../shared/model/edits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { removeCriterionOps } from '../../../renderer/src/screens/criteria/edits';
import {
  addMemberOp,
  applyGroupWeightsOp,
  judgementOf,
  memberNameProblem,
  removeMemberOp,
  renameMemberOp,
  setJudgementOp,
} from '../../../renderer/src/screens/criteria/judgementEdits';

const portfolio = demo as unknown as Portfolio;

/** Applies one edit, checks the document is valid and the inverse gives the start back. */
function step(start: Portfolio, op: EditOp): Portfolio {
  const after = applyEdit(start, [op]);
  const check = validatePortfolio(after);
  expect(check.ok, JSON.stringify(check.ok ? [] : check.problems.slice(0, 3))).toBe(true);
  expect(applyEdit(after, inverseOps(start, [op]))).toEqual(start);
  return after;
}

describe('committee members and their comparisons', () => {
  it('adds, renames and removes members; the last one removed removes the section', () => {
    let p = step(portfolio, addMemberOp(portfolio, '  DGS '));
    p = step(p, addMemberOp(p, 'DAF'));
    expect(p.criteriaJudgements).toEqual([
      { member: 'DGS', pairs: [] },
      { member: 'DAF', pairs: [] },
    ]);
    p = step(p, renameMemberOp(p, 1, 'Directrice financière'));
    expect(p.criteriaJudgements!.map((m) => m.member)).toEqual(['DGS', 'Directrice financière']);
    p = step(p, removeMemberOp(p, 0));
    p = step(p, removeMemberOp(p, 0));
    expect('criteriaJudgements' in p).toBe(false);
  });

  it('refuses a blank name and a name already taken, whatever its case', () => {
    const p = applyEdit(portfolio, [addMemberOp(portfolio, 'DGS')]);
    expect(memberNameProblem(p, '   ')).toBe('member.empty');
    expect(memberNameProblem(p, ' dgs ')).toBe('member.taken');
    expect(memberNameProblem(p, 'dgs', 0)).toBeNull();
    expect(memberNameProblem(p, 'DAF')).toBeNull();
  });

  it('gives a comparison once per pair, replaces it from either side, and withdraws it', () => {
    let p = applyEdit(portfolio, [addMemberOp(portfolio, 'DGS')]);
    p = step(p, setJudgementOp(p, 0, 'usagers', 'efficience', 3));
    p = step(p, setJudgementOp(p, 0, 'agents', 'usagers', 1 / 5));
    expect(judgementOf(p.criteriaJudgements![0]!, 'efficience', 'usagers')).toBeCloseTo(1 / 3, 12);
    // Given again the other way round: the same pair, replaced in place.
    p = step(p, setJudgementOp(p, 0, 'efficience', 'usagers', 2));
    expect(p.criteriaJudgements![0]!.pairs).toEqual([
      { a: 'efficience', b: 'usagers', ratio: 2 },
      { a: 'agents', b: 'usagers', ratio: 1 / 5 },
    ]);
    p = step(p, setJudgementOp(p, 0, 'usagers', 'efficience', undefined));
    expect(p.criteriaJudgements![0]!.pairs).toEqual([{ a: 'agents', b: 'usagers', ratio: 1 / 5 }]);
    expect(judgementOf(p.criteriaJudgements![0]!, 'usagers', 'efficience')).toBeUndefined();
  });

  it('applies the group’s weights as the criteria’s weights, in one edit', () => {
    let p = applyEdit(portfolio, [addMemberOp(portfolio, 'DGS')]);
    p = applyEdit(p, [addMemberOp(p, 'DAF')]);
    p = applyEdit(p, [setJudgementOp(p, 0, 'usagers', 'efficience', 9)]);
    p = applyEdit(p, [setJudgementOp(p, 1, 'usagers', 'efficience', 1)]);
    const after = step(p, applyGroupWeightsOp(p));
    const group = committeeWeights(p.criteria, p.criteriaJudgements!).group.weights;
    normalisedWeights(after.criteria).forEach((w, k) =>
      expect(w).toBeCloseTo(group[p.criteria[k]!.id]!, 3),
    );
    // usagers over efficience: the geometric mean of 9 and 1 is 3; the pairs nobody judged are 1.
    const matrix = [
      [1, 3, 1, 1],
      [1 / 3, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ];
    ahp(matrix).weights.forEach((w, k) => expect(group[p.criteria[k]!.id]).toBeCloseTo(w, 12));
  });

  it('removing a criterion drops every comparison naming it, in the same edit', () => {
    let p = applyEdit(portfolio, [addMemberOp(portfolio, 'DGS')]);
    p = applyEdit(p, [setJudgementOp(p, 0, 'usagers', 'agents', 3)]);
    p = applyEdit(p, [setJudgementOp(p, 0, 'usagers', 'efficience', 2)]);
    const ops = removeCriterionOps(p, 'agents')!;
    const after = applyEdit(p, ops);
    expect(validatePortfolio(after).ok).toBe(true);
    expect(after.criteriaJudgements![0]!.pairs).toEqual([
      { a: 'usagers', b: 'efficience', ratio: 2 },
    ]);
    expect(applyEdit(after, inverseOps(p, ops))).toEqual(p);
  });
});

describe('reading the committee', () => {
  it('names the members at both ends of a disagreement', () => {
    const spread = {
      a: 'usagers',
      b: 'efficience',
      spread: 2,
      byMember: { DGS: 3, DAF: 1 / 3, DSI: 1 },
    };
    expect(extremes(spread)).toEqual({
      high: { member: 'DGS', ratio: 3 },
      low: { member: 'DAF', ratio: 1 / 3 },
    });
  });

  it('values the portfolio with a member’s weights, the document untouched', () => {
    const weights = { usagers: 0.7, efficience: 0.1, agents: 0.1, strategie: 0.1 };
    const valued = withWeights(portfolio, weights);
    const p = portfolio.projects[0]!;
    const expected = portfolio.criteria.reduce(
      (s, c) => s + (100 * weights[c.id as keyof typeof weights] * (p.scores[c.id] ?? 0)) / 5,
      0,
    );
    expect(projectValue(valued.criteria, p)).toBeCloseTo(expected, 9);
    expect(portfolio.criteria.map((c) => c.weight)).toEqual([0.35, 0.25, 0.15, 0.25]);
  });
});

/**
 * The project sheet's own field rules (used when the shared validator is not
 * there) refuse amounts and person-days past the same ceilings as validation.
 */
import { describe, expect, it } from 'vitest';
import { basicProjectProblems } from '../../../renderer/src/lib/portfolio/problems';
import { LIMITS } from '../../../shared/model/schema';
import { validateProject } from '../../../shared/model/validate';
import { example } from '../model/fixtures';

describe('the project sheet’s field rules', () => {
  it('refuse an amount or person-days above the ceiling, as validation does', () => {
    const doc = example('petit');
    const base = doc.projects[1]!;
    const over = {
      ...base,
      investment: [LIMITS.maxAmount * 2, 1000],
      runCost: LIMITS.maxAmount + 1,
      staff: [{ team: doc.teams[0]!.id, days: [LIMITS.maxDaysPerYear * 10, 0] }],
    };
    const paths = ['investment[0]', 'runCost', 'staff[0].days[0]'];
    expect(
      basicProjectProblems(doc, over)
        .map((p) => p.path)
        .sort(),
    ).toEqual(paths.sort());
    expect(
      validateProject(doc, over, 1)
        .map((p) => p.path)
        .sort(),
    ).toEqual(paths.map((p) => `projects[1].${p}`).sort());
    const at = {
      ...over,
      investment: [LIMITS.maxAmount, 1000],
      runCost: LIMITS.maxAmount,
      staff: [{ team: doc.teams[0]!.id, days: [LIMITS.maxDaysPerYear, 0] }],
    };
    expect(basicProjectProblems(doc, at)).toEqual([]);
    expect(validateProject(doc, at, 1)).toEqual([]);
  });
});

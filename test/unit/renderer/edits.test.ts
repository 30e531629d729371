import { describe, expect, it } from 'vitest';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import {
  deleteProjectOps,
  horizonYearsOps,
  saveProjectOps,
  slugId,
  withDeadline,
  withYears,
} from '../../../renderer/src/lib/portfolio/projectEdits';
import {
  basicProjectProblems,
  belongsTo,
  projectProblems,
  relativePath,
} from '../../../renderer/src/lib/portfolio/problems';
import { validatePortfolio } from '../../../shared/model/validate';
import { parseHash, projectHref } from '../../../renderer/src/lib/state/route';

const p = (id: string, extra: Partial<Project> = {}): Project => ({
  id,
  name: id,
  scores: {},
  investment: [100, 200],
  staff: [{ team: 't', days: [5, 6] }],
  durationMonths: { low: 1, mode: 2, high: 3 },
  ...extra,
});

const doc: Portfolio = {
  format: 'arbitra-portfolio',
  version: 1,
  organisation: { name: 'X', kind: 'commune', fctvaRegime: 'N' },
  horizon: { firstYear: 2027, years: 2 },
  criteria: [{ id: 'a', label: 'A', weight: 1 }],
  teams: [{ id: 't', label: 'T', capacity: [10, 20] }],
  budget: { investment: [1, 2], operating: [3, 4] },
  projects: [p('P01'), p('P02', { dependsOn: ['P01'] }), p('P03', { excludes: ['P01'] })],
  scenarios: [{ id: 's', name: 'S', forceIn: ['P01'], plan: [{ project: 'P01', start: 2027 }] }],
  decisions: [{ date: '2027-01-01', project: 'P01', decision: 'retenu' }],
};

describe('edits built by the screens', () => {
  it('adds and removes project years on the CP schedule and every staff row together', () => {
    const longer = withYears(doc.projects[0]!, 3);
    expect(longer.investment).toEqual([100, 200, 0]);
    expect(longer.staff![0]!.days).toEqual([5, 6, 0]);
    const shorter = withYears(doc.projects[0]!, 1);
    expect(shorter.investment).toEqual([100]);
    expect(shorter.staff![0]!.days).toEqual([5]);
  });

  it('renames a project in place and every reference follows, in one undoable edit', () => {
    const ops = saveProjectOps(doc, 'P01', { ...doc.projects[0]!, id: 'P10' });
    const after = applyEdit(doc, ops);
    expect(after.projects.map((x) => x.id)).toEqual(['P10', 'P02', 'P03']);
    expect(after.projects[1]!.dependsOn).toEqual(['P10']);
    expect(after.projects[2]!.excludes).toEqual(['P10']);
    expect(after.scenarios![0]!.forceIn).toEqual(['P10']);
    expect(after.scenarios![0]!.plan![0]!.project).toBe('P10');
    expect(after.decisions![0]!.project).toBe('P10');
    expect(applyEdit(after, inverseOps(doc, ops))).toEqual(doc);
  });

  it('deletes a project with its links, and undo puts everything back', () => {
    const ops = deleteProjectOps(doc, 'P01');
    const after = applyEdit(doc, ops);
    expect(after.projects.map((x) => x.id)).toEqual(['P02', 'P03']);
    expect(after.projects[0]!.dependsOn).toEqual([]);
    expect(after.decisions).toEqual([]);
    expect(after.scenarios![0]!.plan).toEqual([]);
    expect(applyEdit(after, inverseOps(doc, ops))).toEqual(doc);
  });

  it('renames or removes a postponed project in every scenario’s notBefore, in the same edit', () => {
    const postponed: Portfolio = {
      ...doc,
      scenarios: [{ id: 's', name: 'S', notBefore: { P01: 2028, P02: 2028 } }],
    };
    const renamed = applyEdit(
      postponed,
      saveProjectOps(postponed, 'P01', { ...postponed.projects[0]!, id: 'P10' }),
    );
    expect(renamed.scenarios![0]!.notBefore).toEqual({ P10: 2028, P02: 2028 });
    expect(validatePortfolio(renamed).ok).toBe(true);
    const ops = deleteProjectOps(postponed, 'P01');
    const deleted = applyEdit(postponed, ops);
    expect(deleted.scenarios![0]!.notBefore).toEqual({ P02: 2028 });
    expect(validatePortfolio(deleted).ok).toBe(true);
    expect(applyEdit(deleted, inverseOps(postponed, ops))).toEqual(postponed);
  });

  it('sets a deadline from a month field, clears it when empty, and names a month that is not one', () => {
    const project = doc.projects[0]!;
    expect(withDeadline(project, ' 2028-09 ').deadline).toBe('2028-09');
    expect('deadline' in withDeadline({ ...project, deadline: '2028-09' }, '')).toBe(false);
    for (const check of [projectProblems, basicProjectProblems]) {
      expect(check(doc, withDeadline(project, '2028-09'))).toEqual([]);
      for (const bad of ['2028-13', '09/2028', '2028-9']) {
        const found = check(doc, withDeadline(project, bad));
        expect(found.map((x) => x.path)).toEqual(['deadline']);
        expect(found[0]!.message).toMatch(/AAAA-MM/);
      }
    }
  });

  it('resizes the budget and team capacities with the horizon', () => {
    const after = applyEdit(doc, horizonYearsOps(doc, 4));
    expect(after.horizon.years).toBe(4);
    expect(after.budget.investment).toEqual([1, 2, 2, 2]);
    expect(after.budget.operating).toEqual([3, 4, 4, 4]);
    expect(after.teams[0]!.capacity).toEqual([10, 20, 20, 20]);
    expect(applyEdit(doc, horizonYearsOps(doc, 1)).budget.operating).toEqual([3]);
  });

  it('makes ids from labels without clashing', () => {
    expect(slugId('Nouvelle équipe', [])).toBe('nouvelle-equipe');
    expect(slugId('Nouvelle équipe', ['nouvelle-equipe'])).toBe('nouvelle-equipe-2');
  });
});

describe('problems next to fields', () => {
  it('reads paths relative to the project', () => {
    expect(relativePath('projects[3].investment[1]')).toBe('investment[1]');
    expect(relativePath('projects[12]')).toBe('');
  });
  it('ties a problem to its field, the fields inside it, or its group', () => {
    expect(belongsTo('investment[1]', 'investment[1]')).toBe(true);
    expect(belongsTo('investment[1]', 'investment')).toBe(true);
    expect(belongsTo('durationMonths', 'durationMonths.low')).toBe(true);
    expect(belongsTo('investment[1]', 'investment[10]')).toBe(false);
    expect(belongsTo('staff[0].days', 'staff[0].days[1]')).toBe(true);
    expect(belongsTo('name', 'names')).toBe(false);
  });
});

describe('hash routes', () => {
  it('reads screens and project sheets', () => {
    expect(parseHash('', 'portefeuille')).toEqual({ screen: 'portefeuille' });
    expect(parseHash('#/parametres', 'portefeuille')).toEqual({ screen: 'parametres' });
    expect(parseHash(projectHref('P 03/x'), 'portefeuille')).toEqual({
      screen: 'project',
      projectId: 'P 03/x',
    });
  });
});

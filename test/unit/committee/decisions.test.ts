import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan, optimise, prepareProblem } from '../../../shared/engine/optimise';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import {
  resolveScenario,
  type DecisionEntry,
  type Portfolio,
} from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import {
  addDecisionOps,
  applyDecisionsOps,
  byMeeting,
  byProject,
  checkDraft,
  decisionChanges,
  isDate,
  latestDecisions,
  notBeforeOf,
  postponementConflicts,
} from '../../../shared/engine/decisions';

const demo = JSON.parse(
  readFileSync(join(__dirname, '../../../resources/demo.json'), 'utf8'),
) as Portfolio;

function withDecisions(
  decisions: DecisionEntry[],
  forceIn: string[] = [],
  forceOut: string[] = [],
): Portfolio {
  return {
    ...demo,
    decisions,
    scenarios: [{ id: 's', name: 'S', forceIn, forceOut, plan: [] }],
  };
}

const d = (
  project: string,
  decision: DecisionEntry['decision'],
  date: string,
  meeting = 'CODIR',
) => ({
  project,
  decision,
  date,
  meeting,
});

describe('decisions and a scenario', () => {
  it('takes the latest decision by date, and the one recorded last on the same date', () => {
    const p = withDecisions([
      d('P01', 'rejeté', '2027-03-01'),
      d('P01', 'retenu', '2027-01-01'),
      d('P02', 'retenu', '2027-02-01'),
      d('P02', 'reporté', '2027-02-01'),
    ]);
    const latest = latestDecisions(p);
    expect(latest.get('P01')!.decision).toBe('rejeté');
    expect(latest.get('P02')!.decision).toBe('reporté');
  });

  it('maps retenu to forced in, rejeté and reporté to forced out, à instruire to nothing', () => {
    const p = withDecisions(
      [
        d('P01', 'retenu', '2027-01-01'),
        d('P02', 'rejeté', '2027-01-01'),
        d('P03', 'reporté', '2027-01-01'),
        d('P04', 'à instruire', '2027-01-01'),
        d('P05', 'retenu', '2027-01-01'),
      ],
      ['P04', 'P05'],
      ['P01', 'P06'],
    );
    const changes = decisionChanges(p, 's');
    expect(changes.map((c) => [c.project, c.from, c.to])).toEqual([
      ['P01', 'out', 'in'],
      ['P02', 'free', 'out'],
      ['P03', 'free', 'out'],
    ]);
    const next = applyEdit(p, applyDecisionsOps(p, 's', changes));
    const s = next.scenarios![0]!;
    // P04 (à instruire) and P06 (no decision) keep their place; P05 was already in.
    expect([...s.forceIn!].sort()).toEqual(['P01', 'P04', 'P05']);
    expect([...s.forceOut!].sort()).toEqual(['P02', 'P03', 'P06']);
    expect(decisionChanges(next, 's')).toEqual([]);
    expect(validatePortfolio(next).ok).toBe(true);
    // One undoable edit: its inverse gives back the document.
    const ops = applyDecisionsOps(p, 's', changes);
    expect(applyEdit(next, inverseOps(p, ops))).toEqual(p);
  });

  it('ignores decisions on projects no longer in the portfolio', () => {
    const p = withDecisions([d('P404', 'retenu', '2027-01-01')]);
    expect(decisionChanges(p, 's')).toEqual([]);
  });

  it('on the demo: applying to each scenario leaves a valid document that follows the decisions', () => {
    for (const scenario of demo.scenarios ?? []) {
      const next = applyEdit(
        demo,
        applyDecisionsOps(demo, scenario.id, decisionChanges(demo, scenario.id)),
      );
      expect(validatePortfolio(next).ok).toBe(true);
      const s = next.scenarios!.find((x) => x.id === scenario.id)!;
      for (const [project, entry] of latestDecisions(demo)) {
        if (entry.decision === 'retenu') expect(s.forceIn).toContain(project);
        if (entry.decision === 'rejeté' || entry.decision === 'reporté')
          expect(s.forceOut).toContain(project);
        expect(s.forceIn!.includes(project) && s.forceOut!.includes(project)).toBe(false);
      }
    }
  });
});

describe('a postponement with a year (« reporté à 2029 »)', () => {
  const until = (project: string, year: number, date = '2027-01-01'): DecisionEntry => ({
    ...d(project, 'reporté', date),
    until: year,
  });

  it('writes notBefore instead of forcing the project out, and frees it from the forced lists', () => {
    const p = withDecisions(
      [until('P30', 2029), until('P05', 2030), d('P06', 'reporté', '2027-01-01')],
      ['P05'],
      ['P30'],
    );
    p.scenarios![0]!.notBefore = { P11: 2028 };
    const changes = decisionChanges(p, 's');
    expect(changes.map((c) => [c.project, c.from, c.to, c.notBeforeFrom, c.notBeforeTo])).toEqual([
      ['P05', 'in', 'free', null, 2030],
      ['P06', 'free', 'out', null, null],
      ['P30', 'out', 'free', null, 2029],
    ]);
    const ops = applyDecisionsOps(p, 's', changes);
    const next = applyEdit(p, ops);
    const s = next.scenarios![0]!;
    expect(s.notBefore).toEqual({ P11: 2028, P30: 2029, P05: 2030 });
    expect(s.forceIn).toEqual([]);
    expect(s.forceOut).toEqual(['P06']);
    expect(validatePortfolio(next).ok).toBe(true);
    expect(decisionChanges(next, 's')).toEqual([]);
    expect(applyEdit(next, inverseOps(p, ops))).toEqual(p);
  });

  it('a later retenu, rejeté or undated reporté lifts the postponement; à instruire keeps it', () => {
    const p = withDecisions([
      until('P01', 2029, '2027-01-01'),
      d('P01', 'retenu', '2027-03-01'),
      until('P02', 2029, '2027-01-01'),
      d('P02', 'rejeté', '2027-03-01'),
      until('P03', 2029, '2027-01-01'),
      d('P03', 'reporté', '2027-03-01'),
      until('P04', 2029, '2027-01-01'),
      d('P04', 'à instruire', '2027-03-01'),
    ]);
    p.scenarios![0]!.notBefore = { P01: 2029, P02: 2029, P03: 2029, P04: 2029 };
    const next = applyEdit(p, applyDecisionsOps(p, 's', decisionChanges(p, 's')));
    const s = next.scenarios![0]!;
    expect(s.notBefore).toEqual({ P04: 2029 });
    expect(s.forceIn).toEqual(['P01']);
    expect([...s.forceOut!].sort()).toEqual(['P02', 'P03']);
    expect(notBeforeOf(s, 'P04')).toBe(2029);
    expect(notBeforeOf(s, 'P01')).toBeNull();
  });

  it('a new year replaces the old one; the same year changes nothing', () => {
    const p = withDecisions([until('P30', 2030)]);
    p.scenarios![0]!.notBefore = { P30: 2029 };
    const changes = decisionChanges(p, 's');
    expect(changes.map((c) => [c.notBeforeFrom, c.notBeforeTo])).toEqual([[2029, 2030]]);
    p.scenarios![0]!.notBefore = { P30: 2030 };
    expect(decisionChanges(p, 's')).toEqual([]);
  });

  it('names the postponements that leave no start: past the horizon, past a deadline', () => {
    // Demo horizon 2027–2032; P30 and P05 build for 3 and 2 years.
    expect(demo.projects.find((x) => x.id === 'P30')!.investment.length).toBe(3);
    expect(demo.projects.find((x) => x.id === 'P05')!.investment.length).toBe(2);
    const p = withDecisions([until('P30', 2031), until('P05', 2029), until('P06', 2028)]);
    // P05 delivered by December 2029: 12·(s + 2) ≤ 36 → started in 2028 at the latest.
    p.projects = p.projects.map((x) =>
      x.id === 'P05' ? { ...x, deadline: '2029-12', mandatory: true } : x,
    );
    expect(postponementConflicts(p, decisionChanges(p, 's'))).toEqual([
      { project: 'P05', until: 2029, reason: 'deadline', lastStart: 2028, mandatory: true },
      { project: 'P30', until: 2031, reason: 'horizon', lastStart: 2030, mandatory: false },
    ]);
    // At the last year that fits, no conflict.
    const fits = withDecisions([until('P30', 2030), until('P05', 2028)]);
    fits.projects = p.projects;
    expect(postponementConflicts(fits, decisionChanges(fits, 's'))).toEqual([]);
  });

  it('adds no notBefore to a scenario when no decision carries a year', () => {
    const p = withDecisions([d('P30', 'reporté', '2027-01-01')]);
    const next = applyEdit(p, applyDecisionsOps(p, 's', decisionChanges(p, 's')));
    expect('notBefore' in next.scenarios![0]!).toBe(false);
  });
});

describe('a postponement applied to a scenario, then optimised', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsLoader();
  });

  it('moves the earliest start of the project and no optimal plan starts it before 2029', async () => {
    // P30 is free in the reference scenario; postponed to 2029 by the committee.
    const p: Portfolio = {
      ...demo,
      decisions: [{ ...d('P30', 'reporté', '2027-02-01'), until: 2029 }],
    };
    const changes = decisionChanges(p, 'reference');
    expect(changes.map((c) => [c.project, c.to, c.notBeforeTo])).toEqual([['P30', 'free', 2029]]);
    const next = applyEdit(p, applyDecisionsOps(p, 'reference', changes));
    const scenario = resolveScenario(next, 'reference')!;
    const before = prepareProblem(p, resolveScenario(p, 'reference')!);
    const after = prepareProblem(next, scenario);
    const at = (problem: typeof after) => problem.projects.find((x) => x.id === 'P30')!;
    const firstYear = demo.horizon.firstYear;
    // The allowed starts lose exactly the years before 2029.
    expect(at(after).starts).toEqual(at(before).starts.filter((s) => s + firstYear >= 2029));
    expect(Math.min(...at(after).starts) + firstYear).toBe(2029);
    // Force P30 in, so the optimiser has to place it: not before 2029.
    const forced = applyEdit(next, [
      {
        op: 'section.put',
        section: 'scenarios',
        value: next.scenarios!.map((s) =>
          s.id === 'reference' ? { ...s, forceIn: [...(s.forceIn ?? []), 'P30'] } : s,
        ),
      },
    ]);
    const result = await optimise(highs, forced, {
      scenarioId: 'reference',
      timeLimitSeconds: 20,
      gap: 0.05,
    });
    expect(['optimal', 'feasible']).toContain(result.status);
    const start = result.plan.find((e) => e.project === 'P30')?.start;
    expect(start).toBeGreaterThanOrEqual(2029);
    expect(checkPlan(forced, resolveScenario(forced, 'reference')!, result.plan)).toEqual([]);
  });
});

describe('recording a decision', () => {
  it('adds one entry as one edit, undone exactly', () => {
    const { entry, errors } = checkDraft(demo, {
      project: 'P05',
      decision: 'reporté',
      date: '2027-04-02',
      meeting: ' CODIR ',
      rationale: '',
    });
    expect(errors).toEqual({});
    expect(entry).toEqual({
      project: 'P05',
      decision: 'reporté',
      date: '2027-04-02',
      meeting: 'CODIR',
    });
    const ops = addDecisionOps(demo, entry!);
    const next = applyEdit(demo, ops);
    expect(next.decisions!.length).toBe(demo.decisions!.length + 1);
    expect(validatePortfolio(next).ok).toBe(true);
    expect(applyEdit(next, inverseOps(demo, ops))).toEqual(demo);
  });

  it('names every field in error', () => {
    const { entry, errors } = checkDraft(demo, {
      project: 'P404',
      decision: 'peut-être',
      date: '2027-02-30',
      meeting: '  ',
      rationale: 'x',
    });
    expect(entry).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['date', 'decision', 'meeting', 'project']);
  });

  it('keeps the year of a postponement, only on reporté, and refuses a year that is not one', () => {
    const draft = {
      project: 'P30',
      decision: 'reporté',
      date: '2027-04-02',
      meeting: 'CODIR',
      rationale: '',
      until: ' 2029 ',
    };
    expect(checkDraft(demo, draft).entry).toEqual({
      project: 'P30',
      decision: 'reporté',
      date: '2027-04-02',
      meeting: 'CODIR',
      until: 2029,
    });
    expect(checkDraft(demo, { ...draft, until: '' }).entry!.until).toBeUndefined();
    // Another decision carries no year, whatever the field holds.
    expect(checkDraft(demo, { ...draft, decision: 'retenu' }).entry!.until).toBeUndefined();
    for (const bad of ['29', '2029.5', 'deux mille', '2101', '1999'])
      expect(checkDraft(demo, { ...draft, until: bad }).errors).toEqual({ until: 'err.until' });
    // Before the horizon it postpones nothing (validation would only warn): refused in the form.
    expect(checkDraft(demo, { ...draft, until: '2026' }).errors).toEqual({
      until: 'err.untilEarly',
    });
    const next = applyEdit(demo, addDecisionOps(demo, checkDraft(demo, draft).entry!));
    expect(validatePortfolio(next).ok).toBe(true);
  });

  it('checks real calendar dates', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2027-13-01')).toBe(false);
    expect(isDate('15/01/2027')).toBe(false);
  });
});

describe('the log', () => {
  it('groups by meeting, most recent first, and by project with the decision in force', () => {
    const p = withDecisions([
      d('P02', 'à instruire', '2027-01-10', 'CODIR'),
      d('P01', 'retenu', '2027-01-10', 'CODIR'),
      d('P01', 'rejeté', '2027-03-05', 'Bureau'),
    ]);
    const meetings = byMeeting(p);
    expect(meetings.map((g) => [g.date, g.meeting, g.entries.map((e) => e.project)])).toEqual([
      ['2027-03-05', 'Bureau', ['P01']],
      ['2027-01-10', 'CODIR', ['P02', 'P01']],
    ]);
    const projects = byProject(p);
    expect(projects.map((g) => [g.project, g.latest.decision, g.entries.length])).toEqual([
      ['P01', 'rejeté', 2],
      ['P02', 'à instruire', 1],
    ]);
    // Every decision appears exactly once in each view.
    const count = (groups: { entries: unknown[] }[]) =>
      groups.reduce((s, g) => s + g.entries.length, 0);
    expect(count(byMeeting(demo))).toBe(demo.decisions!.length);
    expect(count(byProject(demo))).toBe(demo.decisions!.length);
  });
});

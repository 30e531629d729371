import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import type { DecisionEntry, Portfolio } from '../../../shared/model/portfolio';
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

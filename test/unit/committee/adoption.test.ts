/**
 * Adopting a plan in committee (renderer/src/screens/committee/adoption.ts):
 * the form's rules, the one edit that writes the baseline (undone exactly),
 * and what a new adoption changes against the recorded one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptPlan, annexRows } from '../../../shared/engine/annex';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import {
  adoptionOps,
  baselineChanges,
  checkAdoption,
  noChange,
} from '../../../renderer/src/screens/committee/adoption';

const demo = JSON.parse(
  readFileSync(join(__dirname, '../../../resources/demo.json'), 'utf8'),
) as Portfolio;
const scenario = demo.scenarios!.find((s) => s.plan && s.plan.length > 0)!;
const plan = scenario.plan!;

describe('adopting a plan', () => {
  it('asks for a real date, a meeting and a saved plan', () => {
    expect(checkAdoption({ date: '2026-12-01', meeting: 'Conseil' }, plan)).toEqual({});
    expect(checkAdoption({ date: '2026-02-30', meeting: ' ' }, [])).toEqual({
      date: 'adopt.err.date',
      meeting: 'adopt.err.meeting',
      plan: 'adopt.err.plan',
    });
    expect(checkAdoption({ date: '', meeting: 'Bureau' }, undefined)).toEqual({
      date: 'adopt.err.date',
      plan: 'adopt.err.plan',
    });
  });

  it('writes the baseline of the plan with its AP, CP and AP numbers in one undoable edit', () => {
    const ops = adoptionOps(demo, scenario.id, plan, {
      date: ' 2026-12-01 ',
      meeting: ' Conseil communautaire ',
    });
    expect(ops).toHaveLength(1);
    const after = applyEdit(demo, ops);
    const baseline = after.baseline!;
    expect(baseline).toEqual(
      adoptPlan(demo, plan, {
        date: '2026-12-01',
        meeting: 'Conseil communautaire',
        scenario: scenario.id,
      }),
    );
    // The AP voted are the annex's amounts; each CP schedule sums to its AP.
    const rows = annexRows(demo, plan);
    baseline.plan.forEach((e, i) => {
      expect(e.ap).toBe(rows[i]!.amount);
      expect(e.apNumber).toBe(rows[i]!.ap);
      expect(e.cp!.reduce((s, x) => s + x, 0)).toBeCloseTo(e.ap!, 2);
    });
    expect(validatePortfolio(after).ok).toBe(true);
    expect(applyEdit(after, inverseOps(demo, ops))).toEqual(demo);
  });

  it('says what a new adoption changes: added, removed, moved, revised', () => {
    const before = adoptPlan(demo, plan, { date: '2026-12-01' });
    expect(noChange(baselineChanges(before, before))).toBe(true);
    const [first, second, third] = plan;
    const outside = demo.projects.find((p) => !plan.some((e) => e.project === p.id))!;
    const nextPlan = [
      { ...first!, start: first!.start + 1 },
      ...plan.slice(3),
      { project: outside.id, start: 2028 },
    ];
    const next = adoptPlan(demo, nextPlan, { date: '2027-06-01' });
    const changes = baselineChanges(before, next);
    expect(changes.added).toEqual([outside.id]);
    expect(changes.removed).toEqual([second!.project, third!.project]);
    expect(changes.moved).toEqual([
      { project: first!.project, from: first!.start, to: first!.start + 1 },
    ]);
    expect(changes.revised).toEqual([]);
    // A project whose CP changed between the two adoptions: its AP is revised.
    const dearer: Portfolio = {
      ...demo,
      projects: demo.projects.map((p) =>
        p.id === first!.project ? { ...p, investment: p.investment.map((x) => x + 1000) } : p,
      ),
    };
    const revised = baselineChanges(before, adoptPlan(dearer, plan, { date: '2027-06-01' }));
    const was = before.plan[0]!.ap!;
    expect(revised.revised).toEqual([
      {
        project: first!.project,
        from: was,
        to: was + 1000 * demo.projects.find((p) => p.id === first!.project)!.investment.length,
      },
    ]);
    expect(noChange(revised)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { applyEdit, inverseOps } from '../../../shared/model/edits';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import { EditHistory, type HistoryEntry } from '../../../renderer/src/lib/state/history';

const project = (id: string, name: string): Project => ({
  id,
  name,
  scores: {},
  investment: [1],
  durationMonths: { low: 1, mode: 2, high: 3 },
});

const portfolio = {
  projects: [project('P01', 'Un'), project('P02', 'Deux')],
} as unknown as Portfolio;

function entry(before: Portfolio, label: string, next: Project): HistoryEntry {
  const ops = [{ op: 'project.put' as const, project: next }];
  return { label, ops, inverse: inverseOps(before, ops) };
}

describe('the undo history', () => {
  it('undoes and redoes in order, with labels', () => {
    const h = new EditHistory();
    const e1 = entry(portfolio, 'Modifier P01 : nom', project('P01', 'Un bis'));
    h.record(e1);
    const after1 = applyEdit(portfolio, e1.ops);
    const e2 = entry(after1, 'Modifier P02 : nom', project('P02', 'Deux bis'));
    h.record(e2);
    expect(h.undoLabel).toBe('Modifier P02 : nom');
    expect(h.undo()).toBe(e2);
    expect(h.undoLabel).toBe('Modifier P01 : nom');
    expect(h.redoLabel).toBe('Modifier P02 : nom');
    expect(h.redo()).toBe(e2);
    expect(h.canRedo).toBe(false);
  });

  it('forgets what could be redone once a new change is made', () => {
    const h = new EditHistory();
    const e1 = entry(portfolio, 'a', project('P01', 'x'));
    h.record(e1);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.record(entry(portfolio, 'b', project('P01', 'y')));
    expect(h.canRedo).toBe(false);
  });

  it('puts the stacks back when the server refuses', () => {
    const h = new EditHistory();
    const e1 = entry(portfolio, 'a', project('P01', 'x'));
    h.record(e1);
    h.refused(e1, 'do');
    expect(h.canUndo).toBe(false);
    h.record(e1);
    h.undo();
    h.refused(e1, 'undo');
    expect(h.undoLabel).toBe('a');
    expect(h.canRedo).toBe(false);
    h.undo();
    h.redo();
    h.refused(e1, 'redo');
    expect(h.redoLabel).toBe('a');
    expect(h.canUndo).toBe(false);
  });

  it('restores the exact previous document when the inverse is applied', () => {
    const e1 = entry(portfolio, 'a', project('P02', 'changé'));
    const after = applyEdit(portfolio, e1.ops);
    expect(applyEdit(after, e1.inverse)).toEqual(portfolio);
  });

  it('keeps at most the limit of entries', () => {
    const h = new EditHistory(3);
    for (let i = 0; i < 5; i++) h.record(entry(portfolio, `e${i}`, project('P01', `n${i}`)));
    let n = 0;
    while (h.undo()) n++;
    expect(n).toBe(3);
  });
});

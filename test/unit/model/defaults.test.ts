import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyPortfolio } from '../../../shared/model/defaults';
import { validatePortfolio } from '../../../shared/model/validate';

describe('emptyPortfolio', () => {
  afterEach(() => vi.useRealTimers());

  it('is a valid document without warning', () => {
    const result = validatePortfolio(emptyPortfolio('Ville de Test', 2028));
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('has the four criteria of the model, six years, one team and no project', () => {
    const doc = emptyPortfolio('Ville de Test', 2028);
    expect(doc.organisation.name).toBe('Ville de Test');
    expect(doc.criteria.map((c) => c.id)).toEqual(['usagers', 'efficience', 'agents', 'strategie']);
    expect(doc.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    expect(doc.horizon).toEqual({ firstYear: 2028, years: 6 });
    expect(doc.teams).toHaveLength(1);
    expect(doc.teams[0]?.capacity).toHaveLength(6);
    expect(doc.budget).toEqual({ investment: [0, 0, 0, 0, 0, 0], operating: [0, 0, 0, 0, 0, 0] });
    expect(doc.projects).toEqual([]);
  });

  it('starts next year by default', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 4, 1));
    expect(emptyPortfolio().horizon.firstYear).toBe(2027);
  });

  it('gives each call its own arrays', () => {
    const a = emptyPortfolio();
    const b = emptyPortfolio();
    a.budget.investment[0] = 1000;
    expect(b.budget.investment[0]).toBe(0);
    expect(a.budget.operating[0]).toBe(0);
  });
});

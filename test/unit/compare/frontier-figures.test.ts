/**
 * The words of the frontier screen, from the points alone: the title's step
 * (the next envelope above the current scenario, else the one below), the
 * extra points per extra million, and points without a plan left out.
 */
import { describe, expect, it } from 'vitest';
import type { FrontierPoint } from '../../../shared/engine/optimise';
import { netInvestment } from '../../../shared/engine/plan';
import { headline, pointsPerMillion } from '../../../renderer/src/screens/frontier/figures';

const point = (
  factor: number,
  objective: number,
  investment: number,
  status: FrontierPoint['status'] = 'optimal',
): FrontierPoint => ({
  factor,
  status,
  objective,
  bound: objective,
  gap: status === 'feasible' ? 0.02 : 0,
  investment,
  plan: [],
  reasons: [],
});

describe('frontier title and rates', () => {
  it('compares the current scenario with the next envelope above, whatever the order given', () => {
    const points = [
      point(1.2, 130, 2_400_000),
      point(1, 100, 2_000_000),
      point(1.1, 123, 2_200_000),
    ];
    expect(headline(points)).toEqual({
      kind: 'more',
      share: expect.closeTo(0.1, 12) as unknown as number,
      delta: 23,
      money: 200_000,
      approximate: false,
    });
  });

  it('skips a point without a plan, and falls back to the step below when none is above', () => {
    const points = [
      point(0.5, 60, 1_000_000),
      point(0.75, 80, 1_500_000, 'feasible'),
      point(1, 100, 2_000_000),
      point(1.25, 0, 0, 'infeasible'),
    ];
    const h = headline(points)!;
    expect(h.kind).toBe('less');
    expect(h.share).toBeCloseTo(0.25, 12);
    expect(h.delta).toBe(-20);
    expect(h.money).toBe(-500_000);
    expect(h.approximate).toBe(true);
  });

  it('has no step to state when the current point has no plan or stands alone', () => {
    expect(headline([point(1, 0, 0, 'infeasible'), point(1.25, 10, 10)])).toBeNull();
    expect(headline([point(1, 100, 2_000_000)])).toBeNull();
    expect(headline([])).toBeNull();
  });

  it('gives points per extra million from one planned point to the next', () => {
    const rates = pointsPerMillion([
      point(1.5, 150, 3_000_000),
      point(0.5, 50, 1_000_000),
      point(0.75, 0, 0, 'infeasible'),
      point(1, 100, 2_000_000),
      point(1.25, 120, 2_000_000),
    ]);
    expect(rates.get(0.5)).toBeNull();
    expect(rates.get(1)).toBeCloseTo(50, 9); // +50 points for +1 M€
    expect(rates.get(1.25)).toBeNull(); // same money, nothing to divide by
    expect(rates.get(1.5)).toBeCloseTo(30, 9); // +30 points for +1 M€
    expect(rates.has(0.75)).toBe(false);
  });

  it('counts a project’s own net investment', () => {
    expect(
      netInvestment({
        id: 'P',
        name: 'P',
        scores: {},
        investment: [100_000, 50_000],
        subsidyRate: 0.3,
        partnerShare: 0.2,
        durationMonths: { low: 1, mode: 2, high: 3 },
      }),
    ).toBeCloseTo(75_000, 6);
  });
});

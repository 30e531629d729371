/**
 * Time in months (MODEL.md §5): month 0 is January of the horizon's first
 * year, a finish at month `f` falls in month `ceil(f) − 1`, and the mandate
 * ends at the end of the month of `mandateEnd` (the end of the horizon
 * without one).
 */
import type { Portfolio } from '../model/portfolio';

/** Month index of a "YYYY-MM" (month 0 = January of firstYear). */
export function monthIndex(yearMonth: string, firstYear: number): number {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) throw new Error(`mois invalide « ${yearMonth} » (attendu AAAA-MM)`);
  return 12 * (Number(match[1]) - firstYear) + Number(match[2]) - 1;
}

/** The month by which a delivery counts as within the mandate: monthIndex(mandateEnd) + 1, else 12 × years. */
export function mandateMonth(portfolio: Portfolio): number {
  const { firstYear, years } = portfolio.horizon;
  return portfolio.mandateEnd ? monthIndex(portfolio.mandateEnd, firstYear) + 1 : 12 * years;
}

/** "YYYY-MM" of the month a finish at month f falls in: month ceil(f) - 1. */
export function finishYearMonth(f: number, firstYear: number): string {
  const m = Math.max(0, Math.ceil(f) - 1);
  const year = firstYear + Math.floor(m / 12);
  return `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
}

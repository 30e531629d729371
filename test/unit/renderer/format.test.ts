import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatEuros,
  formatEurosCompact,
  formatLongDate,
  formatPercent,
  formatPersonDays,
  formatYearMonth,
  formatYearMonthShort,
  parseNumber,
} from '../../../renderer/src/lib/i18n/format';

/** French formats use no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('French number formats', () => {
  it('writes euros with spaces between thousands and the sign after', () => {
    expect(plain(formatEuros('fr', 1234567))).toBe('1 234 567 €');
  });
  it('writes compact euros for charts', () => {
    expect(plain(formatEurosCompact('fr', 1_900_000))).toBe('1,9 M€');
    expect(plain(formatEurosCompact('fr', 250_000))).toBe('250 k€');
    expect(plain(formatEurosCompact('fr', 800))).toBe('800 €');
  });
  it('writes percentages with a comma and a space', () => {
    expect(plain(formatPercent('fr', 0.125))).toBe('12,5 %');
  });
  it('writes person-days', () => {
    expect(plain(formatPersonDays('fr', 120))).toBe('120 j·h');
    expect(formatPersonDays('en', 120)).toBe('120 p-d');
  });
  it('writes the likely duration in months and the budget years its CP spans', () => {
    expect(formatDuration('fr', 2, 14)).toBe('14 mois (2 exercices)');
    expect(formatDuration('fr', 1, 9)).toBe('9 mois (1 exercice)');
    expect(formatDuration('en', 2, 14)).toBe('14 mo (2 budget years)');
  });
  it('writes a deadline month in full or short, the year without a separator', () => {
    expect(formatYearMonth('fr', '2027-09')).toBe('septembre 2027');
    expect(formatYearMonthShort('fr', '2027-09')).toBe('sept. 2027');
    expect(formatYearMonthShort('en', '2027-09')).toBe('Sept 2027');
    expect(formatYearMonthShort('fr', 'bientôt')).toBe('bientôt');
  });
  it('writes a negative amount with the minus sign, never a hyphen', () => {
    expect(plain(formatEuros('fr', -12500))).toBe('\u221212 500 €');
    expect(formatEuros('en', -12500)).toBe('\u2212€12,500');
    expect(plain(formatEurosCompact('fr', -1_900_000))).toBe('\u22121,9 M€');
    expect(plain(formatEurosCompact('fr', -250_000))).toBe('\u2212250 k€');
    expect(formatEuros('fr', 0)).not.toMatch(/[-\u2212]/);
  });
  it('writes a date in words as a deliberation does: « 1er » for the first of the month', () => {
    expect(formatLongDate('fr', '2026-12-01')).toBe('1er décembre 2026');
    expect(formatLongDate('fr', '2027-01-15')).toBe('15 janvier 2027');
    expect(formatLongDate('en', '2026-12-01')).toBe('1 December 2026');
    expect(formatLongDate('fr', 'bientôt')).toBe('bientôt');
  });
  it('switches to English formats', () => {
    expect(formatEuros('en', 1234567)).toBe('€1,234,567');
  });
});

describe('reading numbers typed by a person', () => {
  it('accepts French decimals, spaces and a unit', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1\u202f234 €')).toBe(1234);
    expect(parseNumber('12,5 %')).toBe(12.5);
    expect(parseNumber('-5000')).toBe(-5000);
    expect(parseNumber('\u221212\u202f500 €')).toBe(-12500);
  });
  it('refuses what is not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('beaucoup')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  dateParts,
  formatDate,
  formatDateTime,
  formatDuration,
  formatEuros,
  formatEurosCompact,
  formatNumber,
  formatPercent,
  formatPersonDays,
  formatPoints,
  formatSeconds,
  formatWait,
  formatYear,
  formatYearMonth,
  formatYearMonthShort,
  parseNumber,
  typeset,
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
    expect(plain(formatDate('fr', '2026-12-01'))).toBe('1er décembre 2026');
    expect(plain(formatDate('fr', '2027-01-15'))).toBe('15 janvier 2027');
    expect(plain(formatDate('en', '2026-12-01'))).toBe('1 December 2026');
    expect(formatDate('fr', 'bientôt')).toBe('bientôt');
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

describe('one rule per detail', () => {
  const MINUS = '\u2212';
  it('writes a negative figure with the minus sign, never a hyphen, and never « −0 »', () => {
    for (const text of [
      formatNumber('fr', -1234.5),
      formatEuros('fr', -1234),
      formatEuros('en', -1234),
      formatEurosCompact('fr', -10_000),
      formatEurosCompact('fr', -2_500_000),
      formatEurosCompact('en', -800),
      formatPercent('fr', -0.125),
      formatPercent('en', -0.5),
      formatPoints('fr', -3.25),
    ]) {
      expect(text).not.toContain('-');
      expect(text.startsWith(MINUS) || text.startsWith('€')).toBe(true);
      expect(text).toContain(MINUS);
    }
    expect(plain(formatEurosCompact('fr', -10_000))).toBe(`${MINUS}10 k€`);
    expect(formatNumber('fr', -0.001, 1)).toBe('0');
    expect(formatEuros('fr', -0.2)).not.toContain(MINUS);
    // What is written is read back.
    expect(parseNumber(formatNumber('fr', -1234.5))).toBe(-1234.5);
    expect(parseNumber(`${MINUS}12,5 %`)).toBe(-12.5);
  });

  it('writes years without a thousands separator, whatever the locale', () => {
    for (let y = 2000; y <= 2100; y += 7) expect(formatYear(y)).toBe(String(y));
    expect(formatYear(2027)).not.toMatch(/\s/);
  });

  it('has one display format for dates: « 1er décembre 2026 » / « 1 December 2026 »', () => {
    expect(plain(formatDate('fr', '2026-12-01'))).toBe('1er décembre 2026');
    expect(plain(formatDate('fr', '2026-10-13'))).toBe('13 octobre 2026');
    expect(plain(formatDate('en', '2026-12-01'))).toBe('1 December 2026');
    expect(plain(formatDate('en', '2027-02-03'))).toBe('3 February 2027');
    // Every day of a year: a day number, the month's full name, the year; « 1er » only on the 1st.
    const day = new Date(Date.UTC(2028, 0, 1));
    while (day.getUTCFullYear() === 2028) {
      const iso = day.toISOString().slice(0, 10);
      const text = plain(formatDate('fr', iso));
      const [d, month, year] = text.split(' ');
      expect(d).toBe(day.getUTCDate() === 1 ? '1er' : String(day.getUTCDate()));
      expect(year).toBe('2028');
      expect(month).toBe(
        new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(day),
      );
      day.setUTCDate(day.getUTCDate() + 1);
    }
    // Not a real date: shown as given, never as another day.
    expect(formatDate('fr', '2027-02-30')).toBe('2027-02-30');
    expect(dateParts('2027-02-30')).toBeNull();
    expect(dateParts('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(plain(formatDateTime('fr', new Date(2026, 11, 1, 14, 5)))).toBe(
      '1er décembre 2026 à 14 h 05',
    );
    expect(plain(formatDateTime('en', new Date(2026, 11, 1, 9, 32)))).toBe(
      '1 December 2026 at 09:32',
    );
  });

  it('sets French text in French typography and English text in English typography', () => {
    const THIN = '\u202f';
    expect(typeset('fr', 'Note : voir « Plan » ; vraiment ? Oui!')).toBe(
      `Note${THIN}: voir «${THIN}Plan${THIN}»${THIN}; vraiment${THIN}? Oui${THIN}!`,
    );
    // Already right: unchanged; applied twice: the same.
    const once = typeset('fr', 'Avec 10 % de budget en plus : +23 points');
    expect(typeset('fr', once)).toBe(once);
    // A colon in a time or a word, a question mark in an address: left alone.
    expect(typeset('fr', 'à 14:32, team:dsi, http://x/?a=1')).toBe(
      'à 14:32, team:dsi, http://x/?a=1',
    );
    expect(typeset('en', 'With 10% more budget : +23 points ; really ? « Plan »')).toBe(
      'With 10% more budget: +23 points; really? “Plan”',
    );
    expect(formatPercent('en', 0.5)).toBe('50%');
    expect(plain(formatPercent('fr', 0.5))).toBe('50 %');
  });

  it('writes seconds like any number of the language, and waits in minutes', () => {
    expect(plain(formatSeconds('fr', 2.34))).toBe('2,3 s');
    expect(plain(formatSeconds('en', 2.34))).toBe('2.3 s');
    expect(plain(formatSeconds('fr', 8.8))).toBe('8,8 s');
    expect(plain(formatSeconds('fr', 42.4))).toBe('42 s');
    expect(plain(formatWait('fr', 45))).toBe('45 s');
    expect(plain(formatWait('fr', 150))).toBe('2 min 30 s');
    expect(plain(formatWait('fr', 120))).toBe('2 min');
    expect(plain(formatWait('fr', 3900))).toBe('1 h 05');
  });
});

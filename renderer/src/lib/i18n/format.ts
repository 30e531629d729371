/**
 * Number, money, staff-time and date formats, French first
 * (`1 234 567 €`, `12,5 %`, `120 j·h`). Pure functions of the locale so they
 * can be unit-tested under Node; the UI passes the current locale.
 */
import type { Locale } from '../../../../shared/api/contract';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(TAGS[locale], options);
    cache.set(key, f);
  }
  return f;
}

/** A plain number: `1 234,5`. */
export function formatNumber(locale: Locale, n: number, maxDigits = 2): string {
  return nf(locale, { maximumFractionDigits: maxDigits }).format(n);
}

/** The typographic minus sign « − » (U+2212) in place of the hyphen Intl writes. */
function minus(text: string): string {
  return text.replace(/-/g, '\u2212');
}

/** Whole euros: `1 234 567 €` (fr), `€1,234,567` (en); negative with « − ». */
export function formatEuros(locale: Locale, n: number): string {
  return minus(
    nf(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n),
  );
}

/** Euros for chart labels: `1,9 M€`, `250 k€`, `800 €`. */
export function formatEurosCompact(locale: Locale, n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) {
    const digits = abs >= 1e8 ? 0 : 1;
    return minus(`${nf(locale, { maximumFractionDigits: digits }).format(n / 1e6)} M€`);
  }
  if (abs >= 1e3) return minus(`${nf(locale, { maximumFractionDigits: 0 }).format(n / 1e3)} k€`);
  return minus(`${nf(locale, { maximumFractionDigits: 0 }).format(n)} €`);
}

/** A share given as a fraction: `0.125` → `12,5 %`. */
export function formatPercent(locale: Locale, fraction: number, maxDigits = 1): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(fraction);
}

/** Person-days: `120 j·h` (fr), `120 p-d` (en). */
export function formatPersonDays(locale: Locale, days: number): string {
  return `${nf(locale, { maximumFractionDigits: 0 }).format(days)} ${locale === 'fr' ? 'j·h' : 'p-d'}`;
}

/** Value points 0..100: `72,5`. */
export function formatPoints(locale: Locale, v: number): string {
  return nf(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
}

/** `2027-01-15` → `15 janv. 2027` / `15 Jan 2027`; unknown text as given. */
export function formatDate(locale: Locale, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(TAGS[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * A date in words, as a deliberation writes it: `2026-12-01` → `1er décembre
 * 2026` (the first of the month is « 1er » in French), `1 December 2026` in
 * English; unknown text as given.
 */
export function formatLongDate(locale: Locale, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return iso;
  const month = new Intl.DateTimeFormat(TAGS[locale], { month: 'long', timeZone: 'UTC' }).format(
    date,
  );
  const day = date.getUTCDate();
  const year = date.getUTCFullYear();
  return locale === 'fr'
    ? `${day === 1 ? '1er' : day} ${month} ${year}`
    : `${day} ${month} ${year}`;
}

/** `2032-03` → `mars 2032` / `March 2032`. */
export function formatYearMonth(locale: Locale, ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(TAGS[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The likely duration (`months`, the mode) and the budget years its CP span: `14 mois (2 exercices)`. */
export function formatDuration(locale: Locale, years: number, months: number): string {
  const n = nf(locale, { maximumFractionDigits: 1 });
  if (locale === 'fr') {
    return `${n.format(months)} mois (${years} ${years > 1 ? 'exercices' : 'exercice'})`;
  }
  return `${n.format(months)} mo (${years} budget ${years > 1 ? 'years' : 'year'})`;
}

/**
 * Reads a number typed by a person: French or English decimal separator,
 * spaces (incl. no-break) as thousands separators, an optional `€` or `%`,
 * a leading hyphen or minus sign « − ».
 * Returns null when the text is not a number (empty text included).
 */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    // The minus sign amounts are shown with, typed or pasted back.
    .replace(/^\u2212/, '-')
    .replace(/[€%]$/u, '')
    .replace(',', '.');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** `2027-09` → `sept. 2027` / `Sept 2027` (narrow table columns); unknown text as given. */
export function formatYearMonthShort(locale: Locale, ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(TAGS[locale], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

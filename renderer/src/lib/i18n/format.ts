/**
 * Number, money, staff-time, date and text formats, French first
 * (`1 234 567 €`, `12,5 %`, `120 j·h`, `1er décembre 2026`). Pure functions
 * of the locale so they can be unit-tested under Node; the UI passes the
 * current locale. One rule each:
 *
 * - a negative figure takes the minus sign « − » (U+2212), never a hyphen;
 * - a year is written without a thousands separator (`2027`, never `2 027`);
 * - a date has one display format: `1er décembre 2026` / `1 December 2026`;
 * - French text takes a narrow no-break space before ; : ! ? and inside
 *   « », English text none before its punctuation and “ ” quotes (`typeset`);
 * - seconds are written like any French number: `2,3 s` / `2.3 s`.
 */
import type { Locale } from '../../../../shared/api/contract';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The minus sign of typography (U+2212). */
export const MINUS = '\u2212';
/** The narrow no-break space (U+202F): French thousands, before ; : ! ? and inside « ». */
export const THIN = '\u202f';

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

/** Intl writes the sign with a hyphen-minus; typography wants « − ». Never « −0 ». */
function signed(text: string): string {
  const t = text.replace('-', MINUS);
  return /^−[^1-9]*$/.test(t) ? t.slice(1) : t;
}

/** A plain number: `1 234,5`, `−12`. */
export function formatNumber(locale: Locale, n: number, maxDigits = 2): string {
  return signed(nf(locale, { maximumFractionDigits: maxDigits }).format(n));
}

/** A year, never with a thousands separator: `2027`. */
export function formatYear(year: number): string {
  return String(Math.trunc(year));
}

/** Whole euros: `1 234 567 €` (fr), `€1,234,567` (en), `−1 234 €`. */
export function formatEuros(locale: Locale, n: number): string {
  return signed(
    nf(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n),
  );
}

/** Euros for chart labels and slides: `1,9 M€`, `250 k€`, `800 €`, `−10 k€`. */
export function formatEurosCompact(locale: Locale, n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) {
    const digits = abs >= 1e8 ? 0 : 1;
    return `${signed(nf(locale, { maximumFractionDigits: digits }).format(n / 1e6))} M€`;
  }
  if (abs >= 1e3) return `${signed(nf(locale, { maximumFractionDigits: 0 }).format(n / 1e3))} k€`;
  return `${signed(nf(locale, { maximumFractionDigits: 0 }).format(n))} €`;
}

/** A share given as a fraction: `0.125` → `12,5 %` (fr), `12.5%` (en). */
export function formatPercent(locale: Locale, fraction: number, maxDigits = 1): string {
  return signed(
    nf(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(fraction),
  );
}

/** Person-days: `120 j·h` (fr), `120 p-d` (en). */
export function formatPersonDays(locale: Locale, days: number): string {
  return `${formatNumber(locale, days, 0)} ${locale === 'fr' ? 'j·h' : 'p-d'}`;
}

/** Value points 0..100: `72,5`. */
export function formatPoints(locale: Locale, v: number): string {
  return signed(nf(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v));
}

/** Seconds of a computation: `2,3 s` under 10 s, `12 s` above (fr), `2.3 s` (en). */
export function formatSeconds(locale: Locale, seconds: number): string {
  return `${formatNumber(locale, seconds, seconds < 10 ? 1 : 0)}\u00a0s`;
}

/** A duration to wait, in words: `45 s`, `2 min 30 s`, `about 1 h 05`. */
export function formatWait(locale: Locale, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}\u00a0s`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  if (min < 60) return rest === 0 ? `${min}\u00a0min` : `${min}\u00a0min ${rest}\u00a0s`;
  const h = Math.floor(min / 60);
  return `${h}\u00a0h ${String(min % 60).padStart(2, '0')}`;
}

const MONTHS: Record<Locale, string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A calendar date (`YYYY-MM-DD`) that exists, as its parts; null otherwise. */
export function dateParts(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/**
 * The one display format of a date: `2026-12-01` → `1er décembre 2026` (fr),
 * `1 December 2026` (en); text that is not a real date is shown as given.
 * The day and month stay together on a line (no-break spaces).
 */
export function formatDate(locale: Locale, iso: string): string {
  const p = dateParts(iso);
  if (!p) return iso;
  const day = locale === 'fr' && p.day === 1 ? '1er' : String(p.day);
  return `${day}\u00a0${MONTHS[locale][p.month - 1]} ${p.year}`;
}

/** A moment of the day: `1er décembre 2026 à 14 h 32` / `1 December 2026 at 14:32` (local time). */
export function formatDateTime(locale: Locale, moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
  const date = formatDate(locale, iso);
  return locale === 'fr'
    ? `${date} à ${moment.getHours()}\u00a0h\u00a0${pad(moment.getMinutes())}`
    : `${date} at ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/** `2032-03` → `mars 2032` / `March 2032`. */
export function formatYearMonth(locale: Locale, ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return ym;
  return `${MONTHS[locale][Number(m[2]) - 1]} ${m[1]}`;
}

/** The likely duration (`months`, the mode) and the budget years its CP span: `14 mois (2 exercices)`. */
export function formatDuration(locale: Locale, years: number, months: number): string {
  const n = formatNumber(locale, months, 1);
  if (locale === 'fr') {
    return `${n} mois (${years} ${years > 1 ? 'exercices' : 'exercice'})`;
  }
  return `${n} mo (${years} budget ${years > 1 ? 'years' : 'year'})`;
}

/**
 * The typography of the language, applied to a whole sentence. French: a
 * narrow no-break space before ; : ! ? (replacing a plain or no-break space
 * there, or added after a word) and inside « » ; English: no space before
 * ; : ! ? and “ ” instead of « ». A colon between digits (`14:32`) or inside
 * a word (`team:dsi`, `http://`) is left alone in both.
 */
export function typeset(locale: Locale, text: string): string {
  if (locale === 'fr') {
    return text
      .replace(/[ \u00a0\u202f]+([;:!?»])/g, `${THIN}$1`)
      .replace(/([\p{L}\p{N})’.…])([;!?])(?=\s|$)/gu, `$1${THIN}$2`)
      .replace(/«[ \u00a0\u202f]*/g, `«${THIN}`);
  }
  return text
    .replace(/[ \u00a0\u202f]+([;:!?])/g, '$1')
    .replace(/«[ \u00a0\u202f]*/g, '“')
    .replace(/[ \u00a0\u202f]*»/g, '”');
}

/**
 * Reads a number typed by a person: French or English decimal separator,
 * spaces (incl. no-break) as thousands separators, the minus sign « − » or a
 * hyphen, an optional `€` or `%`. Returns null when the text is not a
 * number (empty text included).
 */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
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

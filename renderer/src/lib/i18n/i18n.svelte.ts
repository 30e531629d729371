/**
 * The current language and the `t()` lookup. French is the source; the
 * choice is remembered by the main process (`settings.setLocale`) and given
 * back by `app.info` at start. Reading `i18n.locale` inside a template or an
 * effect makes it reactive, so every label follows a switch at once.
 */
import type { Locale } from '../../../../shared/api/contract';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import * as f from './format';

export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

/**
 * A message with its `{name}` placeholders filled, set in the typography of
 * the current language (format.ts `typeset`: French spaces before ; : ! ?
 * and inside « », none in English), so no catalogue has to get it right by
 * hand.
 */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  const text = params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : template;
  return f.typeset(i18n.locale, text);
}

class I18n {
  locale = $state<Locale>('fr');

  set(locale: Locale) {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    interpolate(catalogues[this.locale][key] ?? fr[key], params);

  /** A sentence built in code, set in the language's typography. */
  typeset = (text: string) => f.typeset(this.locale, text);

  euros = (n: number) => f.formatEuros(this.locale, n);
  eurosCompact = (n: number) => f.formatEurosCompact(this.locale, n);
  percent = (x: number, digits = 1) => f.formatPercent(this.locale, x, digits);
  days = (n: number) => f.formatPersonDays(this.locale, n);
  number = (n: number, digits = 2) => f.formatNumber(this.locale, n, digits);
  points = (n: number) => f.formatPoints(this.locale, n);
  date = (iso: string) => f.formatDate(this.locale, iso);
  dateTime = (moment: Date) => f.formatDateTime(this.locale, moment);
  year = (y: number) => f.formatYear(y);
  seconds = (s: number) => f.formatSeconds(this.locale, s);
  wait = (s: number) => f.formatWait(this.locale, s);
  yearMonth = (ym: string) => f.formatYearMonth(this.locale, ym);
  monthShort = (ym: string) => f.formatYearMonthShort(this.locale, ym);
  duration = (years: number, months: number) => f.formatDuration(this.locale, years, months);
}

export const i18n = new I18n();
export const t = i18n.t;

/** A label given as a message key or as a literal `{ fr, en }` pair. */
export function label(l: MessageKey | { fr: string; en: string }): string {
  return typeof l === 'string' ? t(l) : l[i18n.locale];
}

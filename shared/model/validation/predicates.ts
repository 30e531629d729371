/**
 * The predicate of a French sentence for each issue the schema reports
 * (« doit valoir 0 ou plus (reçu : -5 000) »), and the way numbers and
 * values received are written in it. `describe.ts` adds the subject.
 */
import type { z } from 'zod';
import { RANGE_MESSAGES } from '../schema';
import { plural, visible } from './describe';

/** Messages that say a whole range or a ceiling: used as they are. */
const RANGES: readonly string[] = Object.values(RANGE_MESSAGES);

const TYPE_NAMES: Record<string, string> = {
  number: 'un nombre',
  int: 'un nombre entier',
  string: 'un texte',
  array: 'une liste',
  object: 'un groupe de champs entre accolades',
  record: 'un groupe de champs entre accolades',
  boolean: 'vrai ou faux (true ou false)',
  null: 'vide (null)',
};

/** French number as a finance officer reads it: `1 234 567,5`. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const exponent = /^(-?)([\d.]+)e([+-]\d+)$/.exec(String(n));
  if (exponent) {
    // 1e308 is written `1 × 10^308`, not `1e+308`.
    const [, sign = '', mantissa = '', power = ''] = exponent;
    return `${sign}${mantissa.replace('.', ',')} × 10^${Number(power)}`;
  }
  const [intPart = '0', frac] = String(Math.abs(n)).split('.');
  // Years and small amounts read better without a separator (2027, 5000).
  const grouped =
    Math.abs(n) >= 10_000 ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : intPart;
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A short rendering of a value received, for "(reçu : ...)". */
export function formatReceived(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string')
    return `« ${visible(value.length > 40 ? value.slice(0, 40) + '…' : value)} »`;
  if (value === null) return 'null';
  if (Array.isArray(value))
    return `une liste de ${value.length} élément${value.length > 1 ? 's' : ''}`;
  if (typeof value === 'object') return 'un objet';
  return String(value);
}

/**
 * The predicate of a French sentence for one zod issue ("doit valoir 0 ou
 * plus (reçu : -5 000)"); the subject is added by the caller. `value` is the
 * value found at the issue's path.
 */
export function issuePredicate(issue: z.core.$ZodIssue, value: unknown): string {
  const received = value === undefined ? '' : ` (reçu : ${formatReceived(value)})`;
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'est obligatoire';
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return `doit être un nombre fini${received}`;
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `doit être ${expected}${received}`;
    }
    case 'too_small': {
      if (RANGES.includes(issue.message)) return `${issue.message}${received}`;
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        return `doit contenir au moins ${plural(min, 'élément')}${received}`;
      }
      if (issue.origin === 'string') return 'ne doit pas être vide';
      if (issue.inclusive === false) return `doit valoir plus de ${formatNumber(min)}${received}`;
      return `doit valoir ${formatNumber(min)} ou plus${received}`;
    }
    case 'too_big': {
      if (RANGES.includes(issue.message)) return `${issue.message}${received}`;
      const max = Number(issue.maximum);
      if (issue.origin === 'array') {
        return `doit contenir au plus ${plural(max, 'élément')}${received}`;
      }
      if (issue.origin === 'string') return `ne doit pas dépasser ${plural(max, 'caractère')}`;
      if (issue.inclusive === false) return `doit valoir moins de ${formatNumber(max)}${received}`;
      return `doit valoir ${formatNumber(max)} ou moins${received}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => `« ${String(v)} »`);
      if (value === undefined) {
        return `est obligatoire (${values.length === 1 ? 'valeur attendue' : 'valeurs possibles'} : ${values.join(', ')})`;
      }
      if (values.length === 1) return `doit valoir ${values[0]}${received}`;
      return `doit valoir l'une des valeurs suivantes : ${values.join(', ')}${received}`;
    }
    case 'custom':
      return `${issue.message}${received}`;
    case 'invalid_format':
      return `n'a pas le format attendu${received}`;
    default:
      return `n'est pas valable${received}`;
  }
}

/** A share as a percentage to a tenth: `0.1667` → `16,7 %`. */
export function formatPercent(share: number): string {
  return `${formatNumber(Math.round(share * 1000) / 10)} %`;
}

/** Whole euros: `12 000 €`. */
export function formatEuros(amount: number): string {
  return `${formatNumber(Math.round(amount))} €`;
}

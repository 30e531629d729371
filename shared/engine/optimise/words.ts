/**
 * French wording shared by the plan checker and the infeasibility diagnosis:
 * amounts as a finance officer reads them ("1,9 M€", "850 k€") and lists of
 * project ids ("P03, P07 et P09").
 */

/** A French decimal with at most `digits` decimals, trailing zeros dropped. */
export function frenchNumber(x: number, digits = 0): string {
  const fixed = x.toFixed(digits);
  const [whole, decimals] = fixed.split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const trimmed = (decimals ?? '').replace(/0+$/, '');
  return trimmed ? `${grouped},${trimmed}` : grouped;
}

/** Euros, rounded like a finance note: "1,9 M€", "850 k€", "120 €". */
export function euros(x: number, digits = 1): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${frenchNumber(x / 1e6, digits)} M€`;
  if (a >= 1e4) return `${frenchNumber(x / 1e3, 0)} k€`;
  return `${frenchNumber(x, 0)} €`;
}

/**
 * Two amounts worded so that their order shows: more decimals until the
 * rounded demand differs from the rounded envelope.
 */
export function eurosPair(demand: number, cap: number): [string, string] {
  for (let digits = 2; digits <= 4; digits++) {
    const a = euros(demand, digits);
    const b = euros(cap, digits);
    if (a !== b) return [a, b];
  }
  return [euros(demand, 6), euros(cap, 6)];
}

/** Person-days: "1 250 jours-homme". */
export function personDays(x: number): string {
  return `${frenchNumber(x, 1)} jours-homme`;
}

/** "P01", "P01 et P02", "P01, P02 et P03". */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  return `${ids.slice(0, -1).join(', ')} et ${ids[ids.length - 1]}`;
}

const MONTHS = [
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
];

/** "2027-09" as "septembre 2027". */
export function monthWords(yearMonth: string): string {
  const month = Number(yearMonth.slice(5, 7));
  return `${MONTHS[month - 1] ?? yearMonth.slice(5, 7)} ${yearMonth.slice(0, 4)}`;
}

/**
 * The project sheet's words for the self-financing floor (MODEL.md §9,
 * CGCT L1111-10). French first; `f(key, params)` follows `i18n.locale`.
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'floor.label': 'Autofinancement minimal (%)',
  'floor.hint':
    '20 % par défaut (article L1111-10 du CGCT) ; 30 % pour un projet porté comme chef de file',
  'floor.placeholder': '20',
  'floor.warning':
    'Autofinancement insuffisant : la subvention ({subsidy}) et la part des partenaires ({partners}) ne laissent que {share} de l’investissement à la charge de la collectivité, moins que son plancher de {floor}. Il manque {shortfall} d’autofinancement.',
};

export type FloorMessage = keyof typeof fr;

const en: Record<FloorMessage, string> = {
  'floor.label': 'Minimum self-financing (%)',
  'floor.hint':
    '20 % by default (CGCT article L1111-10); 30 % for a project carried as lead authority',
  'floor.placeholder': '20',
  'floor.warning':
    'Not enough self-financing: the subsidy ({subsidy}) and the partners’ share ({partners}) leave only {share} of the investment to the authority, less than its floor of {floor}. {shortfall} of self-financing is missing.',
};

export function f(key: FloorMessage, params?: Record<string, string | number>): string {
  const table: Record<FloorMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

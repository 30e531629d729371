/**
 * The words of execution (MODEL.md §9): the « Suivi d'exécution » screen
 * and the execution table of the project sheet. French first;
 * `x(key, params)` follows `i18n.locale`.
 */
import type { ExecutionState } from '../../../../shared/engine/actuals';
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'screen.title': 'Suivi d’exécution',
  'status.en-cours': 'en cours',
  'status.livre': 'livré',
  'status.abandonne': 'abandonné',
  'status.non-demarre': 'non démarré',
  'status.none': '—',

  // The project sheet.
  'sheet.title': 'Exécution : CP payés et état',
  'sheet.intro':
    'Les crédits de paiement effectivement payés (mandatés) chaque exercice, et l’état du projet. Ils se saisissent ici ou s’importent d’un classeur dans l’écran Suivi d’exécution.',
  'sheet.caption': 'CP votés, CP payés et état de {id} par exercice',
  'sheet.corner': 'Exercice',
  'sheet.voted': 'CP votés',
  'sheet.planned': 'CP prévus',
  'sheet.paid': 'CP payés',
  'sheet.status': 'État',
  'sheet.paidLabel': 'CP payés en {year}',
  'sheet.statusLabel': 'État en {year}',
  'sheet.total': 'Total',
  'sheet.sourceAdopted': 'CP votés : ceux du plan adopté le {date}.',
  'sheet.sourcePlanned':
    'Ce projet n’est pas dans le plan adopté : CP prévus par le plan du scénario, à partir de {start}.',
  'sheet.sourceNone': 'Ce projet n’est dans aucun plan : aucun CP n’est voté.',
  'sheet.summary':
    'AP actualisée {ap} · payé {paid} · reste {remaining} · taux de réalisation {rate}.',
  'sheet.noRate': 'sans objet',
  'sheet.editPaid': 'Modifier {id} : CP payés {year}',
  'sheet.editStatus': 'Modifier {id} : état {year}',
  'sheet.negative': 'Le montant payé ne peut pas être négatif.',
  'sheet.tooBig': 'Le montant ne peut dépasser 1 000 milliards d’euros (10^12 €).',
  'late.start': 'démarré en {actual} au lieu de {planned}',
  'late.notStarted': 'pas démarré, prévu en {planned}',
  'late.paid': 'moins payé que voté en {years}',
  'late.title': 'En retard sur le plan adopté : {reasons}.',
};

export type ExecutionMessage = keyof typeof fr;

const en: Record<ExecutionMessage, string> = {
  'screen.title': 'Execution follow-up',
  'status.en-cours': 'under way',
  'status.livre': 'delivered',
  'status.abandonne': 'abandoned',
  'status.non-demarre': 'not started',
  'status.none': '—',

  'sheet.title': 'Execution: CP paid and status',
  'sheet.intro':
    'The payment credits actually paid each budget year, and the project’s status. Enter them here or import them from a workbook in the Execution follow-up screen.',
  'sheet.caption': 'CP voted, CP paid and status of {id} per budget year',
  'sheet.corner': 'Budget year',
  'sheet.voted': 'CP voted',
  'sheet.planned': 'CP planned',
  'sheet.paid': 'CP paid',
  'sheet.status': 'Status',
  'sheet.paidLabel': 'CP paid in {year}',
  'sheet.statusLabel': 'Status in {year}',
  'sheet.total': 'Total',
  'sheet.sourceAdopted': 'CP voted: those of the plan adopted on {date}.',
  'sheet.sourcePlanned':
    'This project is not in the adopted plan: CP planned by the scenario’s plan, from {start}.',
  'sheet.sourceNone': 'This project is in no plan: no CP is voted.',
  'sheet.summary': 'Current AP {ap} · paid {paid} · left {remaining} · execution rate {rate}.',
  'sheet.noRate': 'not applicable',
  'sheet.editPaid': 'Modify {id}: CP paid {year}',
  'sheet.editStatus': 'Modify {id}: status {year}',
  'sheet.negative': 'The amount paid cannot be negative.',
  'sheet.tooBig': 'The amount cannot exceed 1,000 billion euros (10^12 €).',
  'late.start': 'started in {actual} instead of {planned}',
  'late.notStarted': 'not started, planned in {planned}',
  'late.paid': 'paid less than voted in {years}',
  'late.title': 'Late against the adopted plan: {reasons}.',
};

export function x(key: ExecutionMessage, params?: Record<string, string | number>): string {
  const table: Record<ExecutionMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

/** A status in words. */
export function statusWord(status: ExecutionState | undefined): string {
  return x(status ? `status.${status}` : 'status.none');
}

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

  // The follow-up screen.
  intro:
    'Le suivi compare le plan adopté en comité aux crédits de paiement effectivement payés : taux de réalisation par exercice, AP restant à payer, projets en retard, puis une re-prévision des dépenses restantes avec le moteur de risques ; il prépare l’arbitrage de l’année suivante.',
  adopted: 'Plan adopté le {date} ({meeting}) : {count} projet(s), scénario « {scenario} ».',
  adoptedNoMeeting: 'Plan adopté le {date} : {count} projet(s), scénario « {scenario} ».',
  notAdopted:
    'Aucun plan n’est adopté : le suivi lit l’exécution face au plan enregistré du scénario choisi (CP prévus au lieu de CP votés). Adoptez le plan dans l’écran Comité.',
  scenario: 'Scénario',
  asOf: 'Exécution saisie jusqu’à l’exercice {year} ; taux de réalisation des exercices clos : {rate}.',
  asOfNone:
    'Aucune exécution n’est encore saisie : saisissez les CP payés sur la fiche de chaque projet, ou importez-les d’un classeur ci-dessous.',
  noRate: 'sans objet',
  'years.title': 'CP votés et CP payés par exercice',
  'years.caption': 'CP votés, CP payés et taux de réalisation par exercice, tous projets suivis',
  'years.year': 'Exercice',
  'years.voted': 'CP votés',
  'years.planned': 'CP prévus',
  'years.paid': 'CP payés',
  'years.rate': 'Taux de réalisation',
  'years.state': 'État',
  'years.closed': 'clos',
  'years.open': 'à venir',
  'years.total': 'Exercices clos',
  'projects.title': 'AP restante et retards par projet',
  'projects.caption':
    'État, démarrage prévu, AP actualisée, CP payés, AP restante et retard de chaque projet suivi',
  'projects.project': 'Projet',
  'projects.status': 'État',
  'projects.start': 'Démarrage prévu',
  'projects.ap': 'AP actualisée',
  'projects.paid': 'Payé',
  'projects.remaining': 'AP restante',
  'projects.rate': 'Taux',
  'projects.late': 'Retard',
  'projects.onTime': 'à l’heure',
  'projects.total': 'Total',
  'projects.none': 'Aucun projet suivi : ni plan adopté, ni plan enregistré, ni exécution saisie.',
  'late.count': '{count} projet(s) en retard sur le plan adopté :',
  'late.none': 'Aucun projet n’est en retard sur le plan adopté.',
  'late.item': '{project} {name} : {reasons}',
  'rf.title': 'Re-prévision des CP restant à payer',
  'rf.intro':
    'À partir de l’exercice {year}, le premier non exécuté : les projets en cours avec ce qu’il leur reste (AP − payé) sur leurs années restantes, les projets adoptés non démarrés à leur démarrage prévu, simulés avec le moteur de risques (durées et surcoûts tirés, retards transmis). Les montants sont des CP bruts, comparables aux CP votés.',
  'rf.iterations': 'Itérations',
  'rf.seed': 'Graine {seed}',
  'rf.run': 'Lancer la re-prévision',
  'rf.cancel': 'Arrêter',
  'rf.progress':
    'Simulation : {percent} ({done} sur {total} itérations, {workers} calcul(s) en parallèle)',
  'rf.waiting': 'Préparation de la simulation…',
  'rf.done': 'Re-prévision sur {iterations} itérations, graine {seed}.',
  'rf.cancelled': 'Arrêtée : chiffres des {done} premières itérations.',
  'rf.error': 'La re-prévision a échoué : {message}',
  'rf.stale': 'Le document a changé depuis ce calcul : relancez la re-prévision.',
  'rf.empty': 'Rien ne reste à payer : aucun projet en cours ni adopté à venir.',
  'rf.caption': 'CP restant à payer par exercice : prévus sans aléa et simulés (P50, P80, P90)',
  'rf.year': 'Exercice',
  'rf.planned': 'Prévus (sans aléa)',
  'rf.after': 'Après {year}',
  'rf.total': 'Total',
  'rf.summary':
    'Reste à payer : {planned} prévus ; simulé {p50} en médiane et {p80} à 80 % de probabilité.',
  'imp.title': 'Importer l’exécution d’un classeur',
  'imp.intro':
    'Un classeur d’une ligne par projet et par exercice (Projet, Exercice, Montant payé, État), comme un export de la comptabilité, ou la feuille « Exécution » du classeur du document ou du plan de financement. Les lignes complètent ou remplacent l’exécution du document en une seule modification, annulable ; un classeur refusé ne change rien.',
  'imp.button': 'Importer un classeur d’exécution (.xlsx)',
  'imp.label': 'Classeur d’exécution à importer',
  'imp.busy': 'Lecture du classeur…',
  'imp.edit': 'Importer l’exécution de « {name} »',
  'imp.done': '« {name} », feuille {sheet} : {added} ligne(s) ajoutée(s), {replaced} remplacée(s).',
  'imp.nothing': '« {name} », feuille {sheet} : aucune ligne à importer.',
  'imp.refusedTitle': 'Import de l’exécution refusé',
  'imp.refused':
    '« {name} » n’a pas été importé : {count} problème(s) à corriger. Le document ouvert n’a pas changé.',
  'imp.warnings': 'Remarques sur les lignes importées :',
  'imp.tooBig': 'Ce fichier est trop volumineux pour être un classeur d’exécution.',
  'imp.failed': 'Le classeur n’a pas pu être lu : {message}',
  'ny.title': 'Préparer l’arbitrage {year}',
  'ny.intro':
    'Crée le document de l’exercice {year}, un nouveau fichier dans le dossier des documents (celui-ci reste tel quel) : l’horizon avance d’un an ; les projets en cours continuent avec leur reste à payer, engagés en {year} ; les projets livrés sortent des candidats et leur fonctionnement net est retiré des enveloppes ; les abandonnés sortent. Le reste est optimisé de nouveau, puis comparé au plan adopté.',
  'ny.scenario': 'Scénario à optimiser de nouveau',
  'ny.continued': 'Continués ({count})',
  'ny.continuedItem': '{project} : reste {remainder} sur {years} exercice(s), engagé en {year}',
  'ny.delivered': 'Livrés ({count})',
  'ny.deliveredItem':
    '{project} : fonctionnement net de {cost} par an retiré des enveloppes de fonctionnement',
  'ny.abandoned': 'Abandonnés ({count}) : {list}',
  'ny.candidates': '{count} projet(s) restent candidats.',
  'ny.carried':
    'Le plan adopté est repris comme scénario « {name} », pour le comparer au plan optimisé de nouveau.',
  'ny.notCarried': 'Sans plan adopté, aucun scénario de comparaison n’est repris.',
  'ny.warnings': 'À revoir',
  'ny.button': 'Préparer l’arbitrage {year}',
  'ny.busy': 'Préparation du document de l’exercice {year}…',
  'ny.done':
    'Document « {name} » créé et ouvert ; l’optimisation du scénario « {scenario} » est lancée. Enregistrez son plan, puis comparez-le à « {carried} » dans Comparer des scénarios.',
  'ny.doneNoCarried':
    'Document « {name} » créé et ouvert ; l’optimisation du scénario « {scenario} » est lancée.',
  'ny.failed': 'Le document de l’exercice {year} n’a pas pu être préparé : {message}',
  'ny.error': 'Cet arbitrage ne peut pas être préparé : {message}',
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

  intro:
    'The follow-up compares the plan adopted in committee with the payment credits actually paid: execution rate per budget year, AP still to pay, late projects, then a re-forecast of the remaining spend with the risk engine; it prepares next year’s arbitration.',
  adopted: 'Plan adopted on {date} ({meeting}): {count} project(s), scenario “{scenario}”.',
  adoptedNoMeeting: 'Plan adopted on {date}: {count} project(s), scenario “{scenario}”.',
  notAdopted:
    'No plan is adopted: the follow-up reads the execution against the saved plan of the chosen scenario (CP planned instead of CP voted). Adopt the plan in the Committee screen.',
  scenario: 'Scenario',
  asOf: 'Execution entered up to budget year {year}; execution rate of the closed years: {rate}.',
  asOfNone:
    'No execution entered yet: enter the CP paid on each project’s sheet, or import them from a workbook below.',
  noRate: 'not applicable',
  'years.title': 'CP voted and CP paid per budget year',
  'years.caption': 'CP voted, CP paid and execution rate per budget year, all projects followed',
  'years.year': 'Budget year',
  'years.voted': 'CP voted',
  'years.planned': 'CP planned',
  'years.paid': 'CP paid',
  'years.rate': 'Execution rate',
  'years.state': 'Status',
  'years.closed': 'closed',
  'years.open': 'to come',
  'years.total': 'Closed years',
  'projects.title': 'AP left and delays by project',
  'projects.caption':
    'Status, planned start, current AP, CP paid, AP left and delay of each project followed',
  'projects.project': 'Project',
  'projects.status': 'Status',
  'projects.start': 'Planned start',
  'projects.ap': 'Current AP',
  'projects.paid': 'Paid',
  'projects.remaining': 'AP left',
  'projects.rate': 'Rate',
  'projects.late': 'Delay',
  'projects.onTime': 'on time',
  'projects.total': 'Total',
  'projects.none': 'No project followed: no adopted plan, no saved plan, no execution entered.',
  'late.count': '{count} project(s) late against the adopted plan:',
  'late.none': 'No project is late against the adopted plan.',
  'late.item': '{project} {name}: {reasons}',
  'rf.title': 'Re-forecast of the CP still to pay',
  'rf.intro':
    'From budget year {year}, the first not executed: the projects under way with what they have left (AP − paid) over their remaining years, the adopted projects not started at their planned start, simulated with the risk engine (durations and overruns drawn, delays passed on). Amounts are gross CP, comparable with the CP voted.',
  'rf.iterations': 'Iterations',
  'rf.seed': 'Seed {seed}',
  'rf.run': 'Run the re-forecast',
  'rf.cancel': 'Stop',
  'rf.progress':
    'Simulation: {percent} ({done} of {total} iterations, {workers} computation(s) in parallel)',
  'rf.waiting': 'Preparing the simulation…',
  'rf.done': 'Re-forecast over {iterations} iterations, seed {seed}.',
  'rf.cancelled': 'Stopped: figures of the first {done} iterations.',
  'rf.error': 'The re-forecast failed: {message}',
  'rf.stale': 'The document changed since this run: run the re-forecast again.',
  'rf.empty': 'Nothing is left to pay: no project under way nor adopted to come.',
  'rf.caption':
    'CP still to pay per budget year: planned without risk and simulated (P50, P80, P90)',
  'rf.year': 'Budget year',
  'rf.planned': 'Planned (no risk)',
  'rf.after': 'After {year}',
  'rf.total': 'Total',
  'rf.summary':
    'Left to pay: {planned} planned; simulated {p50} at the median and {p80} with 80 % probability.',
  'imp.title': 'Import the execution from a workbook',
  'imp.intro':
    'A workbook of one row per project and budget year (Projet, Exercice, Montant payé, État), as an accounting export gives, or the « Exécution » sheet of the document or financing plan workbook. The rows complete or replace the document’s execution in one undoable change; a refused workbook changes nothing.',
  'imp.button': 'Import an execution workbook (.xlsx)',
  'imp.label': 'Execution workbook to import',
  'imp.busy': 'Reading the workbook…',
  'imp.edit': 'Import the execution of “{name}”',
  'imp.done': '“{name}”, sheet {sheet}: {added} row(s) added, {replaced} replaced.',
  'imp.nothing': '“{name}”, sheet {sheet}: no row to import.',
  'imp.refusedTitle': 'Execution import refused',
  'imp.refused':
    '“{name}” was not imported: {count} problem(s) to fix. The open document has not changed.',
  'imp.warnings': 'Remarks on the imported rows:',
  'imp.tooBig': 'This file is too large to be an execution workbook.',
  'imp.failed': 'The workbook could not be read: {message}',
  'ny.title': 'Prepare the {year} arbitration',
  'ny.intro':
    'Creates the document of budget year {year}, a new file in the documents folder (this one stays as it is): the horizon moves on by a year; projects under way continue with what they have left to pay, committed in {year}; delivered projects leave the candidates and their net running cost comes off the envelopes; abandoned ones leave. The rest is optimised again, then compared with the adopted plan.',
  'ny.scenario': 'Scenario to optimise again',
  'ny.continued': 'Continued ({count})',
  'ny.continuedItem':
    '{project}: {remainder} left over {years} budget year(s), committed in {year}',
  'ny.delivered': 'Delivered ({count})',
  'ny.deliveredItem': '{project}: net running cost of {cost} a year off the operating envelopes',
  'ny.abandoned': 'Abandoned ({count}): {list}',
  'ny.candidates': '{count} project(s) stay candidates.',
  'ny.carried':
    'The adopted plan is carried as scenario “{name}”, to compare with the plan optimised again.',
  'ny.notCarried': 'Without an adopted plan, no comparison scenario is carried.',
  'ny.warnings': 'To review',
  'ny.button': 'Prepare the {year} arbitration',
  'ny.busy': 'Preparing the document of budget year {year}…',
  'ny.done':
    'Document “{name}” created and opened; the optimisation of scenario “{scenario}” has started. Save its plan, then compare it with “{carried}” in Compare scenarios.',
  'ny.doneNoCarried':
    'Document “{name}” created and opened; the optimisation of scenario “{scenario}” has started.',
  'ny.failed': 'The document of budget year {year} could not be prepared: {message}',
  'ny.error': 'This arbitration cannot be prepared: {message}',
};

export function x(key: ExecutionMessage, params?: Record<string, string | number>): string {
  const table: Record<ExecutionMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

/** A status in words. */
export function statusWord(status: ExecutionState | undefined): string {
  return x(status ? `status.${status}` : 'status.none');
}

/**
 * The words of the presentation mode, French first; `m(key, params)`
 * follows `i18n.locale`. Slide titles are in titles.ts (pure, tested).
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  intro:
    'Présentez au comité le plan d’un scénario, vue par vue, en grands caractères. Flèche droite ou Page suivante : vue suivante ; flèche gauche ou Page précédente : vue précédente ; Début et Fin : première et dernière vue ; Échap : quitter.',
  scenario: 'Scénario présenté',
  start: 'Lancer la présentation',
  outline: 'Les vues de la présentation',
  deck: 'Présentation',
  counter: '{index} / {total}',
  counterLabel: 'Vue {index} sur {total}',
  announce: 'Vue {index} sur {total} : {title}',
  prev: 'Vue précédente',
  next: 'Vue suivante',
  fullscreen: 'Plein écran',
  fullscreenExit: 'Quitter le plein écran',
  fullscreenRefused:
    'Le plein écran a été refusé par le navigateur ; la présentation occupe la fenêtre.',
  exit: 'Quitter la présentation (Échap)',
  provisional: 'Plan provisoire (classement simple) : ce scénario n’a pas de plan enregistré.',
  'noPlan.body':
    'Aucun plan n’est enregistré pour ce scénario. Les vues suivantes montrent le plan du classement simple (valeur par euro), à titre provisoire : optimisez et enregistrez un plan dans l’écran « Scénarios et optimisation ».',
  'noPlan.value': 'Valeur du plan provisoire : {value} points ({count} projets).',
  'value.heuristic': 'Classement simple',
  'value.points': '{value} points',
  'value.none': 'aucun plan valide',
  'risk.running': 'Simulation du risque en cours : {percent}',
  'risk.waiting': 'Simulation du risque en attente…',
  'risk.cancel': 'Arrêter la simulation',
  'risk.rerun': 'Relancer la simulation',
  'risk.failed': 'La simulation a échoué : {message}',
  'risk.cancelled': 'Simulation arrêtée : figures partielles ({done} itérations).',
  'risk.idle': 'Simulation non lancée.',
  'risk.iterations': '{iterations} tirages, graine {seed}.',
  'compare.none': 'Un seul scénario a un plan : pas de comparaison.',
  'odds.caption': 'Les projets les moins sûrs d’être livrés avant la fin du mandat',
  'odds.p': 'Chance de livraison',
  'odds.project': 'Projet',
  nodoc: 'Aucun portefeuille ouvert.',
  noScenario: 'Réglages neutres (aucun scénario)',
  error: 'Impossible de préparer la présentation : {message}',
};

type PresentMessage = keyof typeof fr;

const en: Record<PresentMessage, string> = {
  intro:
    'Present a scenario’s plan to the committee, view by view, in large type. Right arrow or Page Down: next view; left arrow or Page Up: previous view; Home and End: first and last view; Escape: leave.',
  scenario: 'Scenario presented',
  start: 'Start the presentation',
  outline: 'The views of the presentation',
  deck: 'Presentation',
  counter: '{index} / {total}',
  counterLabel: 'View {index} of {total}',
  announce: 'View {index} of {total}: {title}',
  prev: 'Previous view',
  next: 'Next view',
  fullscreen: 'Full screen',
  fullscreenExit: 'Leave full screen',
  fullscreenRefused: 'The browser refused full screen; the presentation fills the window.',
  exit: 'Leave the presentation (Esc)',
  provisional: 'Provisional plan (simple ranking): this scenario has no saved plan.',
  'noPlan.body':
    'No plan is saved for this scenario. The following views show the simple ranking’s plan (value per euro), as a provisional plan: optimise and save a plan on the “Scenarios and optimisation” screen.',
  'noPlan.value': 'Value of the provisional plan: {value} points ({count} projects).',
  'value.heuristic': 'Simple ranking',
  'value.points': '{value} points',
  'value.none': 'no valid plan',
  'risk.running': 'Risk simulation running: {percent}',
  'risk.waiting': 'Risk simulation waiting…',
  'risk.cancel': 'Stop the simulation',
  'risk.rerun': 'Run the simulation again',
  'risk.failed': 'The simulation failed: {message}',
  'risk.cancelled': 'Simulation stopped: partial figures ({done} iterations).',
  'risk.idle': 'Simulation not started.',
  'risk.iterations': '{iterations} draws, seed {seed}.',
  'compare.none': 'Only one scenario has a plan: no comparison.',
  'odds.caption': 'The projects least sure to be delivered before the end of the term',
  'odds.p': 'Chance of delivery',
  'odds.project': 'Project',
  nodoc: 'No portfolio open.',
  noScenario: 'Neutral settings (no scenario)',
  error: 'The presentation cannot be prepared: {message}',
};

export function m(key: PresentMessage, params?: Record<string, string | number>): string {
  const table: Record<PresentMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

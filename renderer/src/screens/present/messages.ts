/**
 * The words of the presentation mode, French first; `m(key, params)`
 * follows `i18n.locale`. Slide titles are in titles.ts (pure, tested).
 * Director-facing words on slides; the statistical terms stay in the
 * calculation notes and in tooltips of the screen (not of the slides).
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  intro:
    'Présentez au comité le plan d’un scénario, vue par vue, en grands caractères. Préparez d’abord la séance : Arbitra calcule une fois tout ce que la présentation et le dossier montrent, et la présentation est ensuite la même à chaque fois.',
  keys: 'Pendant la présentation : flèche droite ou Page suivante pour la vue suivante, flèche gauche ou Page précédente pour la précédente, Début et Fin pour la première et la dernière, N pour la vue de l’orateur (vue suivante et notes), Échap pour quitter.',
  scenario: 'Scénario présenté',
  start: 'Lancer la présentation',
  startDraft: 'Présenter sans préparer',
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
  presenter: 'Vue de l’orateur (N)',
  controls: 'Commandes de la présentation',
  provisional: 'Plan provisoire (classement simple) : ce scénario n’a pas de plan enregistré.',
  optimisedTag: 'Plan optimisé pour la séance, non enregistré',
  computedAt: 'Chiffres calculés le {date}',
  notPrepared: 'Séance non préparée : chiffres du document seul',
  'prep.title': 'Préparer la séance',
  'prep.intro':
    'Calcule le plan du scénario, la frontière (ce qu’apporte un budget de 80 % à 120 %), le prix de la confiance (tenir les enveloppes 8 et 9 années sur 10) et le risque du plan ({iterations} déroulements simulés). La présentation et le dossier reprennent ensuite ces chiffres, sans nouveau calcul.',
  'prep.limit': 'Temps de calcul par optimisation',
  'prep.seconds': '{n} s',
  'prep.estimate': 'Durée estimée : environ {wait}.',
  'prep.run': 'Préparer la séance',
  'prep.again': 'Préparer de nouveau',
  'prep.cancel': 'Arrêter la préparation',
  'prep.progress': 'Préparation : {percent}, encore environ {wait}',
  'prep.step.optimise': 'calcul du plan',
  'prep.step.frontier': 'frontière',
  'prep.step.confidence': 'prix de la confiance',
  'prep.step.simulate': 'simulation du risque',
  'prep.done': 'Séance préparée le {date}, en {seconds}.',
  'prep.doneOther':
    'La séance préparée porte sur « {scenario} » : préparez celle de ce scénario pour le présenter avec tous ses chiffres.',
  'prep.stale':
    'Le document a changé depuis la préparation : la présentation montre les chiffres préparés ; préparez de nouveau pour les mettre à jour.',
  'prep.cancelled': 'Préparation arrêtée : la séance n’est pas préparée.',
  'prep.failed': 'La préparation a échoué : {message}',
  'prep.none':
    'Séance non préparée : la présentation ne montrerait que le plan, l’argent, les projets laissés de côté et les décisions.',
  'noPlan.heuristic':
    'Aucun plan n’est enregistré pour ce scénario. Les vues suivantes montrent le plan du classement simple (valeur par euro), à titre provisoire : optimisez et enregistrez un plan dans l’écran « Scénarios et optimisation ».',
  'noPlan.optimised':
    'Aucun plan n’est enregistré pour ce scénario. Les vues suivantes montrent le plan calculé par l’optimiseur pour la séance : enregistrez-le dans l’écran « Scénarios et optimisation » s’il est adopté.',
  'noPlan.value': 'Valeur du plan : {value} points ({count} projets).',
  'noPlan.titleOptimised':
    '« {scenario} » n’a pas de plan enregistré : plan optimisé pour la séance ({count} projets)',
  'decision.projects': 'Projets du plan',
  'decision.projectsOf': '{count} sur {total}',
  'decision.investment': 'Investissement net {years}',
  'decision.cost': 'Coût net pour la collectivité',
  'decision.points': '{value} points',
  'decision.delivered': '{p50} sur {planned} prévus',
  'roadmap.legend': 'Directions',
  'roadmap.years': 'Années du plan',
  'value.plan': 'Plan proposé',
  'value.heuristic': 'Classement simple (valeur par euro)',
  'value.measure': 'Valeur',
  'value.investment': 'Investissement net',
  'value.perMillion': 'Points par million d’euros',
  'value.count': 'Projets',
  'value.note':
    'Le classement simple prend les projets par valeur par euro tant qu’ils tiennent dans les enveloppes ; l’optimiseur cherche le meilleur ensemble et les meilleures années de démarrage.',
  'value.points': '{value} points',
  'value.none': 'Le classement simple ne trouve aucun plan valide.',
  'frontier.note':
    'Chaque point : le meilleur plan pour une enveloppe d’investissement de 80 % à 120 % de celle du scénario.',
  'confidence.note':
    'Chaque barre : le meilleur plan qui tient chaque année son enveloppe d’investissement au niveau indiqué, malgré les aléas de coût et de délai.',
  'money.line': 'Poste',
  'money.total': 'Total',
  'money.gross': 'Dépenses d’investissement (CP)',
  'money.receipts': 'Subventions et partenaires',
  'money.fctva': 'FCTVA perçu',
  'money.running': 'Fonctionnement net (coûts − économies)',
  'money.netCost': 'Coût net pour la collectivité',
  'money.envelope': 'Enveloppe d’investissement net',
  'money.ap':
    '{count} autorisations de programme, {amount} au total : détail dans l’annexe AP/CP du dossier.',
  'money.caption': 'Plan de financement par année, en euros TTC',
  'risk.median':
    '{measure} : {p50} points sur {planned} de valeur prévue, une chance sur deux de faire au moins autant.',
  'risk.all': '{chances} de livrer toute la valeur prévue.',
  'risk.cost':
    'Budget : 8 chances sur 10 que l’investissement brut reste sous {p80} ({planned} prévus).',
  'risk.year':
    'Année la plus exposée : {year}, {percent} de risque de dépasser l’enveloppe d’investissement.',
  'risk.noYear': 'Aucune année ne risque de dépasser l’enveloppe d’investissement.',
  'risk.least': 'Les projets les moins sûrs d’être livrés avant la fin du mandat :',
  'risk.odds': '{percent} de chances',
  'risk.about': 'D’après {iterations} déroulements simulés du plan (aléas de coût et de délai).',
  'risk.running': 'Simulation du risque en cours : {percent}',
  'compare.value': 'Valeur prévue',
  'compare.investment': 'Investissement net',
  'compare.projects': 'Projets',
  'compare.moves': '{added} projet(s) en plus, {removed} en moins, {moved} décalé(s) dans « {b} ».',
  'leftOut.more': 'Et {count} autre(s), détaillés dans le dossier.',
  'leftOut.points': '{value} points',
  'record.adopt': 'Adopter le plan : {count} projets, de {first} à {last}.',
  'record.vote':
    'Voter {count} autorisations de programme, {amount} au total (annexe AP/CP du dossier).',
  'record.conflict':
    'Trancher : {projects} {verb} au plan malgré une décision contraire du comité.',
  'record.conflictOne': 'est',
  'record.conflictMany': 'sont',
  'record.leftOut':
    'Reporter ou rejeter les {count} projets hors du plan sans décision ({projects}).',
  'record.study': 'Faire instruire : {projects}.',
  'record.recorded': 'Déjà décidé : {summary}.',
  more: '{list} et {count} autre(s)',
  'notes.title': 'Notes de l’orateur',
  'notes.next': 'Vue suivante : {title}',
  'notes.last': 'Dernière vue.',
  'notes.decision':
    'Annoncer la décision proposée et ses trois chiffres ; dire quand ils ont été calculés.',
  'notes.noPlan': 'Dire d’où vient le plan montré et ce qu’il faudra enregistrer.',
  'notes.roadmap':
    'Parcourir les projets par année de démarrage ; les couleurs sont les directions.',
  'notes.value': 'Comparer au classement simple : ce que l’optimisation apporte en plus.',
  'notes.frontier':
    'Montrer ce qu’apporterait 10 % de budget en plus, ou ce que coûterait 10 % de moins.',
  'notes.confidence':
    'Expliquer la marge de prudence : plus on veut tenir les enveloppes malgré les aléas, moins on engage de projets.',
  'notes.money': 'Lire la dernière ligne : le coût net pour la collectivité, année par année.',
  'notes.risk':
    'Dire le risque en mots : chances de livrer, année la plus exposée, projets fragiles.',
  'notes.compare': 'Comparer avec l’autre scénario sur la valeur prévue et l’investissement net.',
  'notes.leftOut':
    'Dire pourquoi ces projets ne tiennent pas : quelle règle bloque, quelles années.',
  'notes.record': 'Faire acter chaque décision et l’enregistrer dans l’écran « Comité ».',
  nodoc: 'Aucun portefeuille ouvert.',
  noScenario: 'Réglages neutres (aucun scénario)',
  error: 'Impossible de préparer la présentation : {message}',
};

type PresentMessage = keyof typeof fr;

const en: Record<PresentMessage, string> = {
  intro:
    'Present a scenario’s plan to the committee, view by view, in large type. Prepare the meeting first: Arbitra computes once everything the presentation and the dossier show, and the presentation is then the same every time.',
  keys: 'While presenting: right arrow or Page Down for the next view, left arrow or Page Up for the previous one, Home and End for the first and last, N for the presenter’s view (next view and notes), Escape to leave.',
  scenario: 'Scenario presented',
  start: 'Start the presentation',
  startDraft: 'Present without preparing',
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
  presenter: 'Presenter’s view (N)',
  controls: 'Presentation controls',
  provisional: 'Provisional plan (simple ranking): this scenario has no saved plan.',
  optimisedTag: 'Plan optimised for the meeting, not saved',
  computedAt: 'Figures computed on {date}',
  notPrepared: 'Meeting not prepared: figures of the document alone',
  'prep.title': 'Prepare the meeting',
  'prep.intro':
    'Computes the scenario’s plan, the frontier (what a budget of 80% to 120% buys), the price of confidence (holding the envelopes 8 and 9 years in 10) and the plan’s risk ({iterations} simulated runs). The presentation and the dossier then show these figures, with no new computation.',
  'prep.limit': 'Computing time per optimisation',
  'prep.seconds': '{n} s',
  'prep.estimate': 'Estimated time: about {wait}.',
  'prep.run': 'Prepare the meeting',
  'prep.again': 'Prepare again',
  'prep.cancel': 'Stop preparing',
  'prep.progress': 'Preparing: {percent}, about {wait} left',
  'prep.step.optimise': 'computing the plan',
  'prep.step.frontier': 'frontier',
  'prep.step.confidence': 'price of confidence',
  'prep.step.simulate': 'risk simulation',
  'prep.done': 'Meeting prepared on {date}, in {seconds}.',
  'prep.doneOther':
    'The meeting prepared is about “{scenario}”: prepare this scenario’s to present it with all its figures.',
  'prep.stale':
    'The document changed since the meeting was prepared: the presentation shows the prepared figures; prepare again to update them.',
  'prep.cancelled': 'Preparation stopped: the meeting is not prepared.',
  'prep.failed': 'The preparation failed: {message}',
  'prep.none':
    'Meeting not prepared: the presentation would only show the plan, the money, the projects left out and the decisions.',
  'noPlan.heuristic':
    'No plan is saved for this scenario. The following views show the simple ranking’s plan (value per euro), as a provisional plan: optimise and save a plan on the “Scenarios and optimisation” screen.',
  'noPlan.optimised':
    'No plan is saved for this scenario. The following views show the plan the optimiser computed for the meeting: save it on the “Scenarios and optimisation” screen if it is adopted.',
  'noPlan.value': 'Value of the plan: {value} points ({count} projects).',
  'noPlan.titleOptimised':
    '“{scenario}” has no saved plan: plan optimised for the meeting ({count} projects)',
  'decision.projects': 'Projects in the plan',
  'decision.projectsOf': '{count} of {total}',
  'decision.investment': 'Net investment {years}',
  'decision.cost': 'Net cost to the authority',
  'decision.points': '{value} points',
  'decision.delivered': '{p50} of {planned} planned',
  'roadmap.legend': 'Departments',
  'roadmap.years': 'Years of the plan',
  'value.plan': 'Proposed plan',
  'value.heuristic': 'Simple ranking (value per euro)',
  'value.measure': 'Value',
  'value.investment': 'Net investment',
  'value.perMillion': 'Points per million euros',
  'value.count': 'Projects',
  'value.note':
    'The simple ranking takes projects by value per euro while they fit the envelopes; the optimiser looks for the best set and the best start years.',
  'value.points': '{value} points',
  'value.none': 'The simple ranking finds no valid plan.',
  'frontier.note':
    'Each point: the best plan for an investment envelope of 80% to 120% of the scenario’s.',
  'confidence.note':
    'Each bar: the best plan that holds its investment envelope every year at the level shown, whatever the cost and schedule hazards.',
  'money.line': 'Item',
  'money.total': 'Total',
  'money.gross': 'Investment spending (CP)',
  'money.receipts': 'Subsidies and partners',
  'money.fctva': 'FCTVA received',
  'money.running': 'Net running cost (costs − savings)',
  'money.netCost': 'Net cost to the authority',
  'money.envelope': 'Net investment envelope',
  'money.ap':
    '{count} programme authorisations, {amount} in all: detail in the dossier’s AP/CP annex.',
  'money.caption': 'Financing plan by year, euros incl. VAT',
  'risk.median':
    '{measure}: {p50} of {planned} points of planned value, an even chance of doing at least as well.',
  'risk.all': '{chances} of delivering all the planned value.',
  'risk.cost':
    'Budget: 8 chances in 10 that gross investment stays under {p80} ({planned} planned).',
  'risk.year': 'Most exposed year: {year}, a {percent} risk of going over the investment envelope.',
  'risk.noYear': 'No year risks going over the investment envelope.',
  'risk.least': 'The projects least sure to be delivered before the end of the term:',
  'risk.odds': '{percent} chance',
  'risk.about': 'From {iterations} simulated runs of the plan (cost and schedule hazards).',
  'risk.running': 'Risk simulation running: {percent}',
  'compare.value': 'Planned value',
  'compare.investment': 'Net investment',
  'compare.projects': 'Projects',
  'compare.moves': '{added} more project(s), {removed} fewer, {moved} moved in “{b}”.',
  'leftOut.more': 'And {count} more, detailed in the dossier.',
  'leftOut.points': '{value} points',
  'record.adopt': 'Adopt the plan: {count} projects, from {first} to {last}.',
  'record.vote':
    'Vote {count} programme authorisations, {amount} in all (the dossier’s AP/CP annex).',
  'record.conflict':
    'Settle: {projects} {verb} in the plan despite a contrary decision of the committee.',
  'record.conflictOne': 'is',
  'record.conflictMany': 'are',
  'record.leftOut':
    'Postpone or reject the {count} projects out of the plan without a decision ({projects}).',
  'record.study': 'Have studied: {projects}.',
  'record.recorded': 'Already decided: {summary}.',
  more: '{list} and {count} more',
  'notes.title': 'Presenter’s notes',
  'notes.next': 'Next view: {title}',
  'notes.last': 'Last view.',
  'notes.decision':
    'Announce the proposed decision and its three figures; say when they were computed.',
  'notes.noPlan': 'Say where the plan shown comes from and what will need saving.',
  'notes.roadmap': 'Go through the projects by start year; colours are the departments.',
  'notes.value': 'Compare with the simple ranking: what optimising adds.',
  'notes.frontier': 'Show what 10% more budget would buy, or what 10% less would cost.',
  'notes.confidence':
    'Explain the prudence margin: the surer the envelopes must hold despite hazards, the fewer projects.',
  'notes.money': 'Read the last line: the net cost to the authority, year by year.',
  'notes.risk':
    'Say the risk in words: chances of delivery, the most exposed year, fragile projects.',
  'notes.compare': 'Compare with the other scenario on planned value and net investment.',
  'notes.leftOut': 'Say why these projects do not fit: which rule blocks them, in which years.',
  'notes.record': 'Have each decision recorded, and record it on the “Committee” screen.',
  nodoc: 'No portfolio open.',
  noScenario: 'Neutral settings (no scenario)',
  error: 'The presentation cannot be prepared: {message}',
};

export function m(key: PresentMessage, params?: Record<string, string | number>): string {
  const table: Record<PresentMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

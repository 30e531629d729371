/**
 * The words of the risk screen, French first; `m(key, params)` follows
 * `i18n.locale`. The engine's warnings come in French.
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'onTime.title': 'Obligations à date : chance d’être à l’heure',
  'onTime.item': 'à livrer fin {month} : {share} de chances d’être à l’heure',
  'screen.label': 'Risques',
  intro:
    'Simulation de Monte-Carlo du plan : les durées et les coûts des projets sont tirés au hasard selon leurs estimations basse, probable et haute, des milliers de fois. Les chiffres indiquent ce qui a de bonnes chances d’arriver.',
  scenario: 'Scénario',
  'scenario.neutral': 'Réglages neutres (aucun scénario)',
  'plan.saved': 'Plan simulé : le plan enregistré du scénario « {name} » ({count} projets).',
  'plan.heuristic.title': 'Ce scénario n’a pas de plan enregistré.',
  'plan.heuristic':
    'Plan provisoire : classement par valeur par euro ({count} projets). Enregistrez un plan dans l’écran « Scénarios et optimisation » pour simuler le plan retenu.',
  'plan.empty': 'Le plan ne contient aucun projet : rien à simuler.',
  'settings.title': 'Réglages de la simulation',
  'settings.doc':
    'Loi, corrélation et cygne noir sont enregistrés dans le portefeuille (annulables) ; le nombre de déroulements et la série du hasard ne valent que pour cet écran.',
  iterations: 'Nombre de déroulements simulés',
  seed: 'Série du hasard',
  'seed.hint': 'même série, mêmes chiffres (la « graine » du générateur)',
  'seed.error': 'La série du hasard doit être un entier positif (par exemple 42).',
  distribution: 'Loi des durées et des coûts',
  'distribution.pert': 'PERT (bêta)',
  'distribution.triangular': 'Triangulaire',
  correlation: 'Corrélation entre projets',
  'correlation.hint': '0 : projets indépendants ; près de 1 : ils dérapent ensemble',
  preset: 'Classe de référence des dépassements',
  'preset.none': 'Aucune : les estimations du document seules',
  'preset.flyvbjerg': 'Projets informatiques publics et privés (Flyvbjerg & Budzier, 2011)',
  'preset.hint':
    'Des dépassements observés sur des projets comparables, appliqués aux projets qui n’ont pas leur propre estimation de coût.',
  'preset.detail':
    'Dépassement de coût moyen de {overrun} ; un projet sur {one} est un « cygne noir » : coût +{cost} et délai +{schedule} en moyenne.',
  'preset.own': '{count} projet(s) gardent leur propre loi de coût.',
  'preset.source': 'Source : {source}.',
  'preset.double':
    'Le même risque est compté deux fois : {ids}{more} ont déjà une loi de coût qui prévoit un dépassement, et le cygne noir s’y ajoute. Retirez ces lois ou le cygne noir.',
  'preset.more': ' et {n} autres',
  'edit.preset': 'Classe de référence : {name}',
  'edit.presetOff': 'Retirer la classe de référence',
  calibration:
    'Dans cette simulation, les coûts dépassent le budget prévu de {overrun} en moyenne par projet ; {swans} des projets tirés sont des cygnes noirs.',
  'calibration.source': ' La source observe {overrun}.',
  swan: 'Cygne noir réglé à la main',
  'swan.detail': 'Un projet sur {one} dérape fortement : durée × {schedule}, coût × {cost}.',
  'swan.source':
    'Source : Flyvbjerg & Budzier, « Why Your IT Project May Be Riskier Than You Think », Harvard Business Review, 2011 (1 471 projets informatiques : dépassement moyen 27 %, un projet sur six avec environ +200 % de coût et +70 % de délai).',
  'swan.custom': 'Réglage propre au document (différent du préréglage publié).',
  'edit.distribution': 'Loi de la simulation : {value}',
  'edit.correlation': 'Corrélation de la simulation : {value}',
  'edit.swanOn': 'Activer le cygne noir',
  'edit.swanOff': 'Désactiver le cygne noir',
  'run.progress':
    'Simulation : {percent} ({done} déroulements sur {total}, {workers} calculs en parallèle)',
  'run.cancel': 'Annuler la simulation',
  'run.again': 'Relancer',
  'run.cancelled': 'Simulation annulée : chiffres sur {done} déroulements seulement.',
  'run.error': 'La simulation a échoué : {message}',
  'run.waiting': 'Simulation en cours…',
  'run.done': '{iterations} déroulements simulés, série {seed}.',
  'value.axisY': 'Probabilité cumulée',
  'value.kpiPlanned': 'sur {planned} points prévus',
  'value.kpiDelivered': 'Projets livrés dans le mandat (P50)',
  'value.kpiDeliveredOf': 'sur {planned} au plan',
  'value.kpiCost': 'Coût total (P80)',
  'value.kpiCostOf': 'prévu {planned}',
  convergence:
    'Précision : la moyenne est connue à {se} points près ({relative} de la moyenne ; erreur type), sur {iterations} déroulements.',
  'roadmap.row': '{project} : livré dans le mandat avec une probabilité de {p}',
  warnings: 'Avertissements de la simulation',
  nodoc: 'Aucun portefeuille ouvert.',
};

export type RiskMessage = keyof typeof fr;

const en: Record<RiskMessage, string> = {
  'onTime.title': 'Obligations with a date: chance of being on time',
  'onTime.item': 'due by end of {month}: {share} chance of being on time',
  'screen.label': 'Risks',
  intro:
    'Monte Carlo simulation of the plan: project durations and costs are drawn at random from their low, likely and high estimates, thousands of times. The figures say what is likely to happen.',
  scenario: 'Scenario',
  'scenario.neutral': 'Neutral settings (no scenario)',
  'plan.saved': 'Plan simulated: the saved plan of scenario “{name}” ({count} projects).',
  'plan.heuristic.title': 'This scenario has no saved plan.',
  'plan.heuristic':
    'Provisional plan: ranking by value per euro ({count} projects). Save a plan on the “Scenarios and optimisation” screen to simulate the chosen plan.',
  'plan.empty': 'The plan has no project: nothing to simulate.',
  'settings.title': 'Simulation settings',
  'settings.doc':
    'Distribution, correlation and black swan are saved in the portfolio (undoable); the number of runs and the random series apply to this screen only.',
  iterations: 'Simulated runs',
  seed: 'Random series',
  'seed.hint': 'same series, same figures (the generator’s “seed”)',
  'seed.error': 'The random series must be a whole number (for example 42).',
  distribution: 'Distribution of durations and costs',
  'distribution.pert': 'PERT (beta)',
  'distribution.triangular': 'Triangular',
  correlation: 'Correlation between projects',
  'correlation.hint': '0: independent projects; near 1: they slip together',
  preset: 'Reference class of overruns',
  'preset.none': 'None: the document’s own estimates only',
  'preset.flyvbjerg': 'Public and private IT projects (Flyvbjerg & Budzier, 2011)',
  'preset.hint':
    'Overruns observed on comparable projects, applied to the projects that have no cost estimate of their own.',
  'preset.detail':
    'Mean cost overrun of {overrun}; one project in {one} is a “black swan”: cost +{cost} and schedule +{schedule} on average.',
  'preset.own': '{count} project(s) keep their own cost law.',
  'preset.source':
    'Source: Flyvbjerg & Budzier, “Why Your IT Project May Be Riskier Than You Think”, Harvard Business Review, September 2011 (1,471 IT projects).',
  'preset.double':
    'The same risk is counted twice: {ids}{more} already have a cost law that expects an overrun, and the black swan adds to it. Remove those laws or the black swan.',
  'preset.more': ' and {n} others',
  'edit.preset': 'Reference class: {name}',
  'edit.presetOff': 'Remove the reference class',
  calibration:
    'In this simulation, costs exceed the planned budget by {overrun} on average per project; {swans} of the projects drawn are black swans.',
  'calibration.source': ' The source observes {overrun}.',
  swan: 'Black swan set by hand',
  'swan.detail': 'One project in {one} slips badly: duration × {schedule}, cost × {cost}.',
  'swan.source':
    'Source: Flyvbjerg & Budzier, “Why Your IT Project May Be Riskier Than You Think”, Harvard Business Review, 2011 (1,471 IT projects: mean cost overrun 27%, one project in six with about +200% cost and +70% schedule).',
  'swan.custom': 'The document’s own setting (differs from the published preset).',
  'edit.distribution': 'Simulation distribution: {value}',
  'edit.correlation': 'Simulation correlation: {value}',
  'edit.swanOn': 'Turn the black swan on',
  'edit.swanOff': 'Turn the black swan off',
  'run.progress': 'Simulation: {percent} ({done} runs of {total}, {workers} in parallel)',
  'run.cancel': 'Cancel the simulation',
  'run.again': 'Run again',
  'run.cancelled': 'Simulation cancelled: figures from {done} runs only.',
  'run.error': 'The simulation failed: {message}',
  'run.waiting': 'Simulation running…',
  'run.done': '{iterations} simulated runs, series {seed}.',
  'value.axisY': 'Cumulative probability',
  'value.kpiPlanned': 'of {planned} points planned',
  'value.kpiDelivered': 'Projects delivered within the term (P50)',
  'value.kpiDeliveredOf': 'of {planned} in the plan',
  'value.kpiCost': 'Total cost (P80)',
  'value.kpiCostOf': 'planned {planned}',
  convergence:
    'Precision: the mean is known to within {se} points ({relative} of the mean; standard error), over {iterations} runs.',
  'roadmap.row': '{project}: delivered within the term with probability {p}',
  warnings: 'Simulation warnings',
  nodoc: 'No portfolio open.',
};

export function m(key: RiskMessage, params?: Record<string, string | number>): string {
  const table: Record<RiskMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

/**
 * The words of the dossier's paper parts — cover, table of contents, note
 * d'arbitrage, AP/CP annex — French first; `p(key, params)` follows
 * `i18n.locale`, in the typography of the language.
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'cover.kicker': 'Comité d’arbitrage des projets numériques',
  'cover.title': 'Dossier de décision',
  'cover.scenario': 'Scénario « {scenario} »',
  'cover.horizon': 'Horizon {first}–{last}',
  'cover.date': 'Établi le {date}',
  'cover.computed': 'Chiffres calculés le {date}',
  'cover.notComputed':
    'Séance non préparée : ni frontière, ni prix de la confiance, simulation rapide du risque.',
  'toc.title': 'Sommaire',
  'toc.note': 'Note d’arbitrage',
  'toc.summary': 'Synthèse chiffrée',
  'toc.charts': 'Graphiques',
  'toc.plan': 'Le plan et son financement',
  'toc.risk': 'Risques',
  'toc.annex': 'Annexe : autorisations de programme et crédits de paiement',
  'toc.projects': 'Fiches des projets retenus ({count})',
  'note.title': 'Note d’arbitrage',
  'note.options': 'Les options',
  'note.optionsCaption': 'Options examinées, sous les mêmes enveloppes sauf indication',
  'note.option': 'Option',
  'note.count': 'Projets',
  'note.value': 'Valeur (points)',
  'note.investment': 'Investissement net',
  'note.perMillion': 'Points par million d’euros',
  'note.proposed': 'Plan proposé',
  'note.heuristic': 'Classement simple (valeur par euro)',
  'note.budget': 'Enveloppe × {factor}',
  'note.recommendation': 'La recommandation',
  'note.recommend':
    'Retenir les {count} projets du plan proposé pour {investment} d’investissement net sur {first}–{last} ({cost} de coût net pour la collectivité), soit {value} points de valeur actualisée.',
  'note.against': 'Le classement simple en apporterait {heuristic} pour {investment}.',
  'note.fits': 'Le plan tient les enveloppes chaque année.',
  'note.overs': 'Le plan dépasse les enveloppes en {years}.',
  'note.risk':
    'Risque : {share} {chances} sur 10 de livrer au moins 80 % de la valeur avant la fin du mandat.',
  'note.chance': 'chance',
  'note.chances': 'chances',
  'note.sourceSaved': 'Le plan est celui enregistré pour le scénario.',
  'note.sourceOptimised': 'Le plan est celui que l’optimiseur a calculé pour la séance.',
  'note.sourceHeuristic':
    'Plan provisoire : le scénario n’a pas de plan enregistré ; le dossier montre celui du classement simple.',
  'note.leftOut': 'Les projets écartés, et pourquoi',
  'note.leftOutNone': 'Aucun projet n’est écarté : tous entrent dans le plan.',
  'note.leftOutCaption': 'Projets hors du plan, du plus utile au moins utile',
  'note.project': 'Projet',
  'note.why': 'Motif',
  'note.decisions': 'Les décisions à prendre',
  'annex.title': 'Annexe : autorisations de programme et crédits de paiement',
  'annex.intro':
    'Une autorisation de programme (AP) par projet retenu ; les crédits de paiement (CP) par exercice, en euros TTC. Montant de l’AP = somme de ses CP.',
  'annex.caption': 'État des AP/CP du plan',
  'annex.ap': 'N° AP',
  'annex.label': 'Libellé',
  'annex.amount': 'Montant de l’AP',
  'annex.total': 'Total',
  'annex.none': 'Aucun projet retenu : aucune autorisation de programme.',
  'print.done': 'Dossier enregistré en PDF : {file}',
  'print.failed': 'Impression impossible : {message}',
};

export type PaperMessage = keyof typeof fr;

const en: Record<PaperMessage, string> = {
  'cover.kicker': 'Digital projects arbitration committee',
  'cover.title': 'Decision dossier',
  'cover.scenario': 'Scenario “{scenario}”',
  'cover.horizon': 'Horizon {first}–{last}',
  'cover.date': 'Drawn up on {date}',
  'cover.computed': 'Figures computed on {date}',
  'cover.notComputed':
    'Meeting not prepared: no frontier, no price of confidence, quick risk simulation.',
  'toc.title': 'Contents',
  'toc.note': 'Arbitration note',
  'toc.summary': 'Key figures',
  'toc.charts': 'Charts',
  'toc.plan': 'The plan and its financing',
  'toc.risk': 'Risks',
  'toc.annex': 'Annex: programme authorisations and payment credits',
  'toc.projects': 'Sheets of the approved projects ({count})',
  'note.title': 'Arbitration note',
  'note.options': 'The options',
  'note.optionsCaption': 'Options examined, under the same envelopes unless stated',
  'note.option': 'Option',
  'note.count': 'Projects',
  'note.value': 'Value (points)',
  'note.investment': 'Net investment',
  'note.perMillion': 'Points per million euros',
  'note.proposed': 'Proposed plan',
  'note.heuristic': 'Simple ranking (value per euro)',
  'note.budget': 'Envelope × {factor}',
  'note.recommendation': 'The recommendation',
  'note.recommend':
    'Approve the {count} projects of the proposed plan for {investment} of net investment over {first}–{last} ({cost} net cost to the authority), that is {value} points of discounted value.',
  'note.against': 'The simple ranking would bring {heuristic} for {investment}.',
  'note.fits': 'The plan holds the envelopes every year.',
  'note.overs': 'The plan goes over the envelopes in {years}.',
  'note.risk':
    'Risk: {share} {chances} in 10 of delivering at least 80% of the value before the end of the term.',
  'note.chance': 'chance',
  'note.chances': 'chances',
  'note.sourceSaved': 'The plan is the one saved for the scenario.',
  'note.sourceOptimised': 'The plan is the one the optimiser computed for the meeting.',
  'note.sourceHeuristic':
    'Provisional plan: the scenario has no saved plan; the dossier shows the simple ranking’s.',
  'note.leftOut': 'The projects left out, and why',
  'note.leftOutNone': 'No project is left out: all are in the plan.',
  'note.leftOutCaption': 'Projects outside the plan, most useful first',
  'note.project': 'Project',
  'note.why': 'Reason',
  'note.decisions': 'The decisions to take',
  'annex.title': 'Annex: programme authorisations and payment credits',
  'annex.intro':
    'One programme authorisation (AP) per approved project; payment credits (CP) per budget year, in euros incl. VAT. AP amount = sum of its CP.',
  'annex.caption': 'AP/CP statement of the plan',
  'annex.ap': 'AP no.',
  'annex.label': 'Label',
  'annex.amount': 'AP amount',
  'annex.total': 'Total',
  'annex.none': 'No approved project: no programme authorisation.',
  'print.done': 'Dossier saved as PDF: {file}',
  'print.failed': 'Cannot print: {message}',
};

export function p(key: PaperMessage, params?: Record<string, string | number>): string {
  const table: Record<PaperMessage, string> = i18n.locale === 'en' ? en : fr;
  return i18n.typeset(interpolate(table[key], params));
}

/**
 * The words of the committee screen, French first; `m(key, params)` follows
 * `i18n.locale`.
 */
import { decisionWord } from '../../lib/i18n/decisions';
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'screen.title': 'Comité',
  'sc.choose': 'Scénario',
  'sc.none':
    'Ce portefeuille n’a pas de scénario : les décisions ne peuvent être appliquées à aucun.',
  'rec.title': 'Enregistrer une décision',
  'rec.titleProject': 'Enregistrer une décision sur ce projet',
  'rec.project': 'Projet',
  'rec.choose': '— choisir un projet —',
  'rec.decision': 'Décision',
  'rec.date': 'Date de la séance',
  'rec.dateHint': 'AAAA-MM-JJ',
  'rec.meeting': 'Instance',
  'rec.meetingHint': 'par exemple CODIR, Bureau communautaire',
  'rec.rationale': 'Motif',
  'rec.until': 'Pas de démarrage avant',
  'rec.untilHint': 'année, facultatif',
  'rec.untilHelp':
    'Avec une année, le projet reste candidat et démarre au plus tôt cette année-là ; sans année, il est écarté du scénario.',
  'rec.submit': 'Enregistrer la décision',
  'rec.edit': 'Décision {decision} sur {project} ({meeting})',
  'rec.done': 'Décision enregistrée : {project} {decision}.',
  'err.project': 'Choisissez un projet du portefeuille.',
  'err.decision': 'Choisissez une décision.',
  'err.date': 'Une date réelle est attendue, écrite AAAA-MM-JJ (par exemple 2027-01-15).',
  'err.meeting': 'Indiquez l’instance qui a décidé (par exemple CODIR).',
  'err.until': 'Une année est attendue, écrite sur quatre chiffres (par exemple 2029).',
  'err.untilEarly':
    'L’année du report doit être {year} ou après : un report avant le début de l’horizon ne retarde aucun démarrage.',
  'dec.until': '{decision} à {year}',
  'log.title': 'Relevé des décisions',
  'log.view': 'Présenter le relevé',
  'log.byMeeting': 'par séance',
  'log.byProject': 'par projet',
  'log.empty': 'Aucune décision n’est encore enregistrée.',
  'log.meetingCaption': 'Décisions de la séance {meeting} du {date}',
  'log.projectCaption': 'Décisions sur {project}',
  'log.date': 'Date',
  'log.meeting': 'Instance',
  'log.project': 'Projet',
  'log.decision': 'Décision',
  'log.rationale': 'Motif',
  'log.latest': 'décision en vigueur : {decision}',
  'log.count': '{count} décision(s)',
  'apply.title': 'Décisions et scénario',
  'apply.rule':
    'Règle appliquée : seule la dernière décision sur chaque projet compte. Retenu : imposé au scénario. Reporté à une année : ni imposé ni écarté, il ne démarre pas avant cette année dans ce scénario. Rejeté, ou reporté sans année : écarté du scénario. À instruire : rien ne change.',
  'apply.forced': 'Dans le scénario « {name} » : {in} projet(s) imposé(s), {out} écarté(s).',
  'apply.forcedIn': 'Imposés',
  'apply.forcedOut': 'Écartés',
  'apply.postponed': 'Reportés',
  'apply.postponedOne': '{project} (pas avant {year})',
  'apply.notBefore': 'pas avant {year}',
  'apply.lateDeadline':
    'Attention : {project} est reporté à {year}, mais son échéance impose de le lancer au plus tard en {last} : il ne pourra pas être planifié.',
  'apply.lateHorizon':
    'Attention : {project} est reporté à {year}, mais sa réalisation ne tient dans l’horizon que s’il démarre au plus tard en {last} : il ne pourra pas être planifié.',
  'apply.lateMandatory': 'Il est obligatoire : le problème deviendra infaisable.',
  'apply.noneList': 'aucun',
  'apply.upToDate': 'Le scénario respecte déjà toutes les décisions en vigueur.',
  'apply.changes': 'Appliquer les décisions changerait {count} projet(s) :',
  'apply.caption': 'Changements que les décisions apportent au scénario « {name} »',
  'apply.col.project': 'Projet',
  'apply.col.decision': 'Dernière décision',
  'apply.col.from': 'Aujourd’hui',
  'apply.col.to': 'Après application',
  'apply.force.in': 'Imposé',
  'apply.force.out': 'Écarté',
  'apply.force.free': 'Libre',
  'apply.button': 'Appliquer les décisions au scénario',
  'apply.edit': 'Appliquer les décisions au scénario « {name} »',
  'apply.done': 'Décisions appliquées au scénario « {name} » ({count} changement(s)).',
  'apply.planNote':
    'Le plan enregistré du scénario n’est pas recalculé : relancez l’optimisation dans l’écran Scénarios.',
  'apply.mandatoryOut':
    'Attention : {projects} est obligatoire ou à démarrage fixé et serait écarté : le problème deviendra infaisable.',
  'fin.title': 'Plan de financement',
  'fin.planScenario': 'Chiffres du plan enregistré du scénario « {name} » ({count} projet(s)).',
  'fin.planRequired':
    'Le scénario « {name} » n’a pas de plan enregistré : les chiffres portent sur les seuls projets obligatoires, imposés ou à démarrage fixé ({count} projet(s)), chacun à son démarrage au plus tôt. Lancez l’optimisation pour chiffrer un plan complet.',
  'fin.caption': 'Financement par année du plan du scénario « {name} », en euros TTC',
  'fin.item': 'Poste',
  'fin.total': 'Total',
  'fin.gross': 'Investissement brut',
  'fin.subsidies': 'Subventions',
  'fin.partners': 'Part des partenaires',
  'fin.net': 'Investissement net',
  'fin.fctva': 'FCTVA reçu (régime {regime})',
  'fin.run': 'Coût de fonctionnement',
  'fin.savings': 'Économies annoncées',
  'fin.netCost': 'Coût net pour la collectivité',
  'fin.after': 'Hors horizon : {gross} de CP après {year} et {fctva} de FCTVA reçu après {year}.',
  'fin.apTitle': 'AP et CP par projet',
  'fin.apCaption': 'Autorisation de programme et crédits de paiement de chaque projet du plan',
  'fin.project': 'Projet',
  'fin.start': 'Démarrage',
  'fin.ap': 'AP',
  'fin.cpAfter': 'CP après {year}',
  'fin.noProject': 'Aucun projet dans ce plan.',
  'fin.error': 'Le plan ne peut pas être chiffré : {message}',
  'xl.title': 'Classeurs Excel',
  'xl.intro':
    'Le classeur du document reprend tout le portefeuille et sert aussi de modèle pour importer des projets. L’import crée un nouveau document ; le document ouvert n’est pas modifié.',
  'xl.finance': 'Exporter le plan de financement (.xlsx)',
  'xl.document': 'Exporter le document (.xlsx)',
  'xl.import': 'Importer un classeur (.xlsx)',
  'xl.importLabel': 'Classeur Excel à importer',
  'xl.busy': 'Préparation du classeur…',
  'xl.cancel': 'Annuler',
  'xl.cancelled': 'Export annulé : aucun fichier n’est proposé.',
  'xl.exported': 'Classeur « {name} » prêt.',
  'xl.failed': 'Le classeur n’a pas pu être produit : {message}',
  'xl.importTitle': 'Import du classeur refusé',
  'xl.importIntro':
    '« {name} » n’a pas été importé : {count} problème(s) à corriger. Le document ouvert n’a pas changé.',
  'xl.imported': 'Classeur « {name} » importé : il est ouvert comme nouveau document.',
  'xl.tooBig': 'Ce fichier est trop volumineux pour être un classeur de portefeuille.',
};

export type CommitteeMessage = keyof typeof fr;

const en: Record<CommitteeMessage, string> = {
  'screen.title': 'Committee',
  'sc.choose': 'Scenario',
  'sc.none': 'This portfolio has no scenario: decisions cannot be applied to any.',
  'rec.title': 'Record a decision',
  'rec.titleProject': 'Record a decision on this project',
  'rec.project': 'Project',
  'rec.choose': '— choose a project —',
  'rec.decision': 'Decision',
  'rec.date': 'Meeting date',
  'rec.dateHint': 'YYYY-MM-DD',
  'rec.meeting': 'Meeting',
  'rec.meetingHint': 'for instance CODIR, executive board',
  'rec.rationale': 'Rationale',
  'rec.until': 'No start before',
  'rec.untilHint': 'year, optional',
  'rec.untilHelp':
    'With a year, the project stays a candidate and starts that year at the earliest; without one, it is forced out of the scenario.',
  'rec.submit': 'Record the decision',
  'rec.edit': 'Decision {decision} on {project} ({meeting})',
  'rec.done': 'Decision recorded: {project} {decision}.',
  'err.project': 'Choose a project of the portfolio.',
  'err.decision': 'Choose a decision.',
  'err.date': 'A real date is expected, written YYYY-MM-DD (for instance 2027-01-15).',
  'err.meeting': 'Say which meeting decided (for instance CODIR).',
  'err.until': 'A year is expected, written with four digits (for instance 2029).',
  'err.untilEarly':
    'The year of the postponement must be {year} or later: a postponement before the horizon starts delays nothing.',
  'dec.until': '{decision} to {year}',
  'log.title': 'Decision log',
  'log.view': 'Show the log',
  'log.byMeeting': 'by meeting',
  'log.byProject': 'by project',
  'log.empty': 'No decision recorded yet.',
  'log.meetingCaption': 'Decisions of the {meeting} meeting of {date}',
  'log.projectCaption': 'Decisions on {project}',
  'log.date': 'Date',
  'log.meeting': 'Meeting',
  'log.project': 'Project',
  'log.decision': 'Decision',
  'log.rationale': 'Rationale',
  'log.latest': 'decision in force: {decision}',
  'log.count': '{count} decision(s)',
  'apply.title': 'Decisions and scenario',
  'apply.rule':
    'Rule: only the latest decision on each project counts. Selected: forced into the scenario. Postponed to a year: neither forced in nor out, it does not start before that year in this scenario. Rejected, or postponed without a year: forced out. Needs more study: nothing changes.',
  'apply.forced': 'In scenario “{name}”: {in} project(s) forced in, {out} forced out.',
  'apply.forcedIn': 'Forced in',
  'apply.forcedOut': 'Forced out',
  'apply.postponed': 'Postponed',
  'apply.postponedOne': '{project} (not before {year})',
  'apply.notBefore': 'not before {year}',
  'apply.lateDeadline':
    'Warning: {project} is postponed to {year}, but its deadline requires starting it by {last}: it cannot be planned.',
  'apply.lateHorizon':
    'Warning: {project} is postponed to {year}, but its build fits in the horizon only if it starts by {last}: it cannot be planned.',
  'apply.lateMandatory': 'It is mandatory: the problem will become infeasible.',
  'apply.noneList': 'none',
  'apply.upToDate': 'The scenario already follows every decision in force.',
  'apply.changes': 'Applying the decisions would change {count} project(s):',
  'apply.caption': 'Changes the decisions bring to scenario “{name}”',
  'apply.col.project': 'Project',
  'apply.col.decision': 'Latest decision',
  'apply.col.from': 'Now',
  'apply.col.to': 'After applying',
  'apply.force.in': 'Forced in',
  'apply.force.out': 'Forced out',
  'apply.force.free': 'Free',
  'apply.button': 'Apply the decisions to the scenario',
  'apply.edit': 'Apply the decisions to scenario “{name}”',
  'apply.done': 'Decisions applied to scenario “{name}” ({count} change(s)).',
  'apply.planNote':
    'The scenario’s saved plan is not recomputed: run the optimisation again in the Scenarios screen.',
  'apply.mandatoryOut':
    'Warning: {projects} is mandatory or has a fixed start and would be forced out: the problem will become infeasible.',
  'fin.title': 'Financing plan',
  'fin.planScenario': 'Figures of the saved plan of scenario “{name}” ({count} project(s)).',
  'fin.planRequired':
    'Scenario “{name}” has no saved plan: the figures cover only the mandatory, forced-in or fixed-start projects ({count} project(s)), each at its earliest start. Run the optimisation to cost a full plan.',
  'fin.caption': 'Financing by year of the plan of scenario “{name}”, in euros incl. VAT',
  'fin.item': 'Item',
  'fin.total': 'Total',
  'fin.gross': 'Gross investment',
  'fin.subsidies': 'Subsidies',
  'fin.partners': 'Partner shares',
  'fin.net': 'Net investment',
  'fin.fctva': 'FCTVA received (regime {regime})',
  'fin.run': 'Running cost',
  'fin.savings': 'Announced savings',
  'fin.netCost': 'Net cost to the authority',
  'fin.after':
    'Beyond the horizon: {gross} of CP after {year} and {fctva} of FCTVA received after {year}.',
  'fin.apTitle': 'AP and CP by project',
  'fin.apCaption': 'Programme authorisation and payment credits of each project of the plan',
  'fin.project': 'Project',
  'fin.start': 'Start',
  'fin.ap': 'AP',
  'fin.cpAfter': 'CP after {year}',
  'fin.noProject': 'No project in this plan.',
  'fin.error': 'The plan cannot be costed: {message}',
  'xl.title': 'Excel workbooks',
  'xl.intro':
    'The document workbook holds the whole portfolio and is also the template to import projects. Importing creates a new document; the open one is not changed.',
  'xl.finance': 'Export the financing plan (.xlsx)',
  'xl.document': 'Export the document (.xlsx)',
  'xl.import': 'Import a workbook (.xlsx)',
  'xl.importLabel': 'Excel workbook to import',
  'xl.busy': 'Preparing the workbook…',
  'xl.cancel': 'Cancel',
  'xl.cancelled': 'Export cancelled: no file is offered.',
  'xl.exported': 'Workbook “{name}” ready.',
  'xl.failed': 'The workbook could not be produced: {message}',
  'xl.importTitle': 'Workbook import refused',
  'xl.importIntro':
    '“{name}” was not imported: {count} problem(s) to fix. The open document has not changed.',
  'xl.imported': 'Workbook “{name}” imported: it is open as a new document.',
  'xl.tooBig': 'This file is too large to be a portfolio workbook.',
};

export function m(key: CommitteeMessage, params?: Record<string, string | number>): string {
  const table: Record<CommitteeMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

/** A decision as shown: one word per decision in each language (lib/i18n/decisions.ts). */
export function decisionLabel(decision: string): string {
  return decisionWord(i18n.locale, decision);
}

/** A decision entry as shown: « reporté à 2029 » when it carries a year. */
export function decisionText(entry: { decision: string; until?: number }): string {
  const word = decisionLabel(entry.decision);
  return entry.until === undefined ? word : m('dec.until', { decision: word, year: entry.until });
}

export const DECISION_CLASS: Record<string, string> = {
  retenu: 'd-retenu',
  reporté: 'd-reporte',
  rejeté: 'd-rejete',
  'à instruire': 'd-instruire',
};

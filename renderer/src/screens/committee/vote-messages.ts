/**
 * The committee screen's words for the money of the vote (MODEL.md §9):
 * adopting a plan, the self-financing floor, the PPI table and the AP/CP
 * annex. French first; `v(key, params)` follows `i18n.locale`.
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'adopt.title': 'Adopter ce plan',
  'adopt.intro':
    'Adopter le plan enregistré du scénario le fixe comme plan de référence (le plan adopté en comité) : ses AP, ses CP votés et ses numéros d’AP sont gardés, le suivi d’exécution le compare aux CP payés, et l’arbitrage de l’année suivante en part.',
  'adopt.current':
    'Plan adopté le {date} ({meeting}), scénario « {scenario} » : {count} projet(s), AP totale {ap}.',
  'adopt.currentNoMeeting':
    'Plan adopté le {date}, scénario « {scenario} » : {count} projet(s), AP totale {ap}.',
  'adopt.none': 'Aucun plan n’est encore adopté.',
  'adopt.noPlan':
    'Le scénario « {name} » n’a pas de plan enregistré : lancez l’optimisation et enregistrez le plan dans l’écran Scénarios avant de l’adopter.',
  'adopt.plan': 'Plan à adopter : celui du scénario « {name} », {count} projet(s), AP totale {ap}.',
  'adopt.date': 'Date de la séance',
  'adopt.dateShown': 'Séance du {date}',
  'adopt.meeting': 'Instance',
  'adopt.meetingHint': 'par exemple Conseil communautaire, Bureau',
  'adopt.submit': 'Adopter ce plan',
  'adopt.edit': 'Adopter le plan du scénario « {name} » ({date})',
  'adopt.done': 'Plan du scénario « {name} » adopté le {date}.',
  'adopt.err.date': 'Choisissez la date de la séance (une date réelle).',
  'adopt.err.meeting':
    'Indiquez l’instance qui adopte le plan (par exemple Conseil communautaire).',
  'adopt.err.plan': 'Ce scénario n’a pas de plan enregistré à adopter.',
  'adopt.confirmTitle': 'Remplacer le plan adopté ?',
  'adopt.confirmIntro':
    'Un plan a déjà été adopté le {date}. Adopter le plan du scénario « {name} » le remplace : les AP et CP votés deviennent ceux de ce plan, et le suivi d’exécution les comparera aux CP payés.',
  'adopt.changes': 'Ce qui change :',
  'adopt.added': 'adoptés en plus : {list}',
  'adopt.removed': 'plus adoptés : {list}',
  'adopt.moved': 'démarrage changé : {list}',
  'adopt.revised': 'AP révisée : {list}',
  'adopt.move': '{project} ({from} → {to})',
  'adopt.revise': '{project} ({from} → {to})',
  'adopt.same':
    'Les projets, leurs démarrages et leurs AP restent les mêmes ; seules la date et l’instance changent.',
  'adopt.cancel': 'Annuler',
  'adopt.replace': 'Remplacer le plan adopté',
  'floor.title': 'Plancher d’autofinancement',
  'floor.rule':
    'La collectivité finance elle-même au moins 20 % de l’investissement de chaque projet (article L1111-10 du CGCT ; 30 % pour un projet porté au titre d’une compétence de chef de file, à régler sur la fiche du projet).',
  'floor.ok': 'Tous les projets du plan respectent leur plancher d’autofinancement.',
  'floor.caption': 'Projets du plan sous leur plancher d’autofinancement, et ce qu’il manque',
  'floor.project': 'Projet',
  'floor.share': 'Part propre',
  'floor.floor': 'Plancher',
  'floor.shortfall': 'Manque d’autofinancement',
  'floor.total': 'Total',
  'ppi.title': 'Programme pluriannuel d’investissement (PPI)',
  'ppi.intro':
    'Le tableau du débat d’orientation budgétaire : dépenses (CP bruts) et recettes par exercice, et le financement net à la charge de la collectivité.',
  'ppi.caption': 'PPI du plan du scénario « {name} » par exercice, en euros TTC',
  'ppi.year': 'Exercice',
  'ppi.expenditure': 'Dépenses (CP)',
  'ppi.subsidies': 'Subventions',
  'ppi.partners': 'Partenaires',
  'ppi.fctva': 'FCTVA reçu',
  'ppi.net': 'Financement net',
  'ppi.total': 'Total',
  'annex.title': 'Annexe AP/CP',
  'annex.intro':
    'L’annexe à la délibération : une ligne par autorisation de programme, ses révisions par rapport au plan adopté et ses crédits de paiement par exercice (réalisés avant l’horizon, prévus ensuite). Le numéro d’AP se modifie ici ; vide, Arbitra en propose un.',
  'annex.caption': 'Annexe AP/CP du plan du scénario « {name} », en euros TTC',
  'annex.number': 'N° AP',
  'annex.numberLabel': 'Numéro d’AP de {project}',
  'annex.project': 'Projet',
  'annex.initial': 'AP initiale',
  'annex.revision': 'Révision',
  'annex.current': 'AP actualisée',
  'annex.total': 'Total',
  'annex.edit': 'Modifier {id} : numéro d’AP',
  'annex.err.taken': 'Le numéro « {number} » est déjà celui de {project}.',
  'annex.err.long': 'Un numéro d’AP de 40 caractères au plus est attendu.',
};

export type VoteMessage = keyof typeof fr;

const en: Record<VoteMessage, string> = {
  'adopt.title': 'Adopt this plan',
  'adopt.intro':
    'Adopting the scenario’s saved plan makes it the reference plan (the plan adopted in committee): its AP, its CP voted and its AP numbers are kept, the execution follow-up compares it with the CP paid, and next year’s arbitration starts from it.',
  'adopt.current':
    'Plan adopted on {date} ({meeting}), scenario “{scenario}”: {count} project(s), total AP {ap}.',
  'adopt.currentNoMeeting':
    'Plan adopted on {date}, scenario “{scenario}”: {count} project(s), total AP {ap}.',
  'adopt.none': 'No plan has been adopted yet.',
  'adopt.noPlan':
    'Scenario “{name}” has no saved plan: run the optimisation and save the plan in the Scenarios screen before adopting it.',
  'adopt.plan': 'Plan to adopt: that of scenario “{name}”, {count} project(s), total AP {ap}.',
  'adopt.date': 'Meeting date',
  'adopt.dateShown': 'Meeting of {date}',
  'adopt.meeting': 'Meeting',
  'adopt.meetingHint': 'for instance council, executive board',
  'adopt.submit': 'Adopt this plan',
  'adopt.edit': 'Adopt the plan of scenario “{name}” ({date})',
  'adopt.done': 'Plan of scenario “{name}” adopted on {date}.',
  'adopt.err.date': 'Choose the meeting date (a real date).',
  'adopt.err.meeting': 'Say which meeting adopts the plan (for instance the council).',
  'adopt.err.plan': 'This scenario has no saved plan to adopt.',
  'adopt.confirmTitle': 'Replace the adopted plan?',
  'adopt.confirmIntro':
    'A plan was adopted on {date}. Adopting the plan of scenario “{name}” replaces it: the AP and CP voted become this plan’s, and the execution follow-up will compare them with the CP paid.',
  'adopt.changes': 'What changes:',
  'adopt.added': 'newly adopted: {list}',
  'adopt.removed': 'no longer adopted: {list}',
  'adopt.moved': 'start changed: {list}',
  'adopt.revised': 'AP revised: {list}',
  'adopt.move': '{project} ({from} → {to})',
  'adopt.revise': '{project} ({from} → {to})',
  'adopt.same':
    'The projects, their starts and their AP stay the same; only the date and the meeting change.',
  'adopt.cancel': 'Cancel',
  'adopt.replace': 'Replace the adopted plan',
  'floor.title': 'Self-financing floor',
  'floor.rule':
    'The authority finances at least 20 % of each project’s investment itself (CGCT article L1111-10; 30 % for a project carried as a lead-authority competence, set on the project sheet).',
  'floor.ok': 'Every project of the plan keeps its self-financing floor.',
  'floor.caption': 'Projects of the plan below their self-financing floor, and the shortfall',
  'floor.project': 'Project',
  'floor.share': 'Own share',
  'floor.floor': 'Floor',
  'floor.shortfall': 'Self-financing shortfall',
  'floor.total': 'Total',
  'ppi.title': 'Multi-year investment programme (PPI)',
  'ppi.intro':
    'The table of the budget-orientation debate: expenditure (gross CP) and receipts per budget year, and the net financing left to the authority.',
  'ppi.caption': 'PPI of the plan of scenario “{name}” per budget year, in euros incl. VAT',
  'ppi.year': 'Budget year',
  'ppi.expenditure': 'Expenditure (CP)',
  'ppi.subsidies': 'Subsidies',
  'ppi.partners': 'Partners',
  'ppi.fctva': 'FCTVA received',
  'ppi.net': 'Net financing',
  'ppi.total': 'Total',
  'annex.title': 'AP/CP annex',
  'annex.intro':
    'The annex to the deliberation: one row per programme authorisation, its revisions against the adopted plan and its payment credits per budget year (realised before the horizon, planned after). The AP number is edited here; left empty, Arbitra proposes one.',
  'annex.caption': 'AP/CP annex of the plan of scenario “{name}”, in euros incl. VAT',
  'annex.number': 'AP no.',
  'annex.numberLabel': 'AP number of {project}',
  'annex.project': 'Project',
  'annex.initial': 'Initial AP',
  'annex.revision': 'Revision',
  'annex.current': 'Current AP',
  'annex.total': 'Total',
  'annex.edit': 'Modify {id}: AP number',
  'annex.err.taken': 'Number “{number}” is already that of {project}.',
  'annex.err.long': 'An AP number of at most 40 characters is expected.',
};

export function v(key: VoteMessage, params?: Record<string, string | number>): string {
  const table: Record<VoteMessage, string> = i18n.locale === 'en' ? en : fr;
  return interpolate(table[key], params);
}

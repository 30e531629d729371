/**
 * The words of the comparison screen's postponement section
 * (PostponementCost.svelte) and of the postponements in the settings that
 * differ, French first; `m(key, params)` follows `i18n.locale`.
 */
import { i18n, interpolate } from '../../lib/i18n/i18n.svelte';

const fr = {
  'cmp.set.notBefore': 'Reports de démarrage : {list}',
  'cmp.set.notBeforeOne': '{project} pas avant {a} dans A, {b} dans B',
  'cmp.set.notBeforeNone': 'aucun',
  'pp.title': 'Ce que coûtent les reports du comité',
  'pp.intro':
    'Un projet « reporté à 2029 » ne démarre pas avant cette année-là dans le scénario. Pour chiffrer un report, le scénario est optimisé tel quel, puis sans ce report : la différence de valeur actualisée est ce que le report coûte.',
  'pp.scenario': 'Scénario',
  'pp.list': 'Reports du scénario : {list}.',
  'pp.one': '{project} pas avant {year}',
  'pp.idle': '{project} pas avant {year} (ne retarde rien)',
  'pp.all': 'Tous les reports ensemble',
  'pp.none': 'Aucun de ces reports ne retarde un démarrage possible : ils ne coûtent rien.',
  'pp.run': 'Chiffrer les reports ({count} optimisations)',
  'pp.cancel': 'Annuler le calcul',
  'pp.cancelled': 'Calcul annulé : les lignes déjà chiffrées sont gardées.',
  'pp.progress': 'Optimisation {k} sur {n} : {doing}',
  'pp.progressLabel': 'Avancement du chiffrage des reports',
  'pp.doingWith': 'le scénario avec ses reports',
  'pp.doingOne': 'le scénario sans le report de {project}',
  'pp.doingAll': 'le scénario sans aucun report',
  'pp.stale': 'Le portefeuille ou le scénario a changé depuis ce calcul : relancez-le.',
  'pp.infeasible': 'Avec ses reports, le scénario n’a pas de plan possible : {message}',
  'pp.caption': 'Coût de chaque report du scénario « {name} »',
  'pp.col.postponement': 'Report',
  'pp.col.cost': 'Valeur actualisée perdue (points)',
  'pp.col.value': 'Valeur des projets perdue (points)',
  'pp.col.plan': 'Ce que le report change au plan',
  'pp.estimate': 'estimation, calcul arrêté par le temps maximal',
  'pp.moved': '{project} démarre en {with} au lieu de {without}',
  'pp.leaves': '{project} sort du plan',
  'pp.othersLeave': 'sortent du plan : {list}',
  'pp.othersEnter': 'entrent dans le plan : {list}',
  'pp.othersMove': '{count} autre(s) projet(s) change(nt) d’année de démarrage',
  'pp.noChange': 'le plan optimal reste le même',
  'pp.pending': 'en attente du calcul',
  'pp.noPlan': 'pas de plan trouvé dans le temps maximal',
  'pp.reading':
    'Lecture : la valeur perdue est celle du plan optimal sans le report moins celle du plan optimal avec lui ; elle n’est jamais négative, sauf écart laissé par un calcul arrêté.',
} as const;

export type PostponementMessage = keyof typeof fr;

const en: Record<PostponementMessage, string> = {
  'cmp.set.notBefore': 'Postponed starts: {list}',
  'cmp.set.notBeforeOne': '{project} not before {a} in A, {b} in B',
  'cmp.set.notBeforeNone': 'none',
  'pp.title': 'What the committee’s postponements cost',
  'pp.intro':
    'A project “postponed to 2029” does not start before that year in the scenario. To cost a postponement, the scenario is optimised as it is, then without it: the difference of discounted value is what the postponement costs.',
  'pp.scenario': 'Scenario',
  'pp.list': 'Postponements of the scenario: {list}.',
  'pp.one': '{project} not before {year}',
  'pp.idle': '{project} not before {year} (delays nothing)',
  'pp.all': 'All postponements together',
  'pp.none': 'None of these postponements delays a possible start: they cost nothing.',
  'pp.run': 'Cost the postponements ({count} optimisations)',
  'pp.cancel': 'Cancel the computation',
  'pp.cancelled': 'Computation cancelled: the rows already costed are kept.',
  'pp.progress': 'Optimisation {k} of {n}: {doing}',
  'pp.progressLabel': 'Progress of the costing of postponements',
  'pp.doingWith': 'the scenario with its postponements',
  'pp.doingOne': 'the scenario without the postponement of {project}',
  'pp.doingAll': 'the scenario without any postponement',
  'pp.stale': 'The portfolio or the scenario changed since this computation: run it again.',
  'pp.infeasible': 'With its postponements, the scenario has no possible plan: {message}',
  'pp.caption': 'Cost of each postponement of scenario “{name}”',
  'pp.col.postponement': 'Postponement',
  'pp.col.cost': 'Discounted value lost (points)',
  'pp.col.value': 'Project value lost (points)',
  'pp.col.plan': 'What the postponement changes in the plan',
  'pp.estimate': 'estimate, stopped by the time limit',
  'pp.moved': '{project} starts in {with} instead of {without}',
  'pp.leaves': '{project} leaves the plan',
  'pp.othersLeave': 'leave the plan: {list}',
  'pp.othersEnter': 'enter the plan: {list}',
  'pp.othersMove': '{count} other project(s) change start year',
  'pp.noChange': 'the optimal plan stays the same',
  'pp.pending': 'waiting for the computation',
  'pp.noPlan': 'no plan found within the time limit',
  'pp.reading':
    'Reading: the value lost is that of the optimal plan without the postponement minus that of the optimal plan with it; it is never negative, except for a gap left by a stopped computation.',
};

export function m(key: PostponementMessage, params?: Record<string, string | number>): string {
  return interpolate((i18n.locale === 'en' ? en : fr)[key], params);
}

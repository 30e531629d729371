/**
 * The wording of problems: who a JSON path is about (« Le projet P04
 * (Portail famille) ») and what field it names (« le calendrier des crédits
 * de paiement »), so each rule only writes its predicate.
 */
import { codePointName, forbiddenIdCharacter } from '../schema';
import type { Context } from './context';
import { field, formatPath, list, str, type Path } from './input';
import {
  BLACK_SWAN_FIELDS,
  PROJECT_FIELDS,
  SIMPLE_FIELDS,
  SINGLE_SECTIONS,
  THREE_POINT_COST,
  THREE_POINT_DURATION,
  TOP_LEVEL,
} from './names';

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
export function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}
/**
 * The text with its control and bidi characters shown as `‹U+001B›`: a
 * message names a refused id without letting that id act on the screen.
 */
export function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const bad = forbiddenIdCharacter(ch);
    out += bad ? `‹${codePointName(bad.code)}›` : ch;
  }
  return out;
}
export function quote(id: string): string {
  return `« ${visible(id)} »`;
}

export function named(prefix: string, item: unknown, index: number, nameKey: string): string {
  const raw = str(field(item, 'id'));
  const id = raw === undefined ? undefined : visible(raw);
  const name = str(field(item, nameKey));
  if (id && name && name.trim()) return `${prefix} ${id} (${name})`;
  if (id) return `${prefix} ${id}`;
  return `${prefix} n° ${index + 1}`;
}

/** "le projet P04 (Portail famille)", from the project at `index`. */
export function projectWho(ctx: Context, index: number, project?: unknown): string {
  return named('le projet', project ?? ctx.projects[index], index, 'name');
}

/** How a project is named when it is only referred to by id, without article: "projet P09 (…)". */
export function projectRef(ctx: Context, id: string): string {
  const at = ctx.projectIndex.get(id)?.[0];
  if (at === undefined) return `projet ${id}`;
  return named('projet', ctx.projects[at], at, 'name');
}

export function yearLabel(ctx: Context, k: number): string {
  return ctx.firstYear !== undefined ? `de ${ctx.firstYear + k}` : `de l'année ${k + 1}`;
}

/** "6 années (2027 à 2032)". */
export function horizonWords(ctx: Context): string {
  const years = ctx.years ?? 0;
  if (ctx.firstYear === undefined) return plural(years, 'année');
  return `${plural(years, 'année')} (${ctx.firstYear} à ${ctx.firstYear + years - 1})`;
}

function fallback(rest: Path): string {
  return `le champ ${quote(formatPath(rest))}`;
}

function projectField(project: unknown, rest: Path): string {
  const [key, a, b, c] = rest;
  if (typeof key !== 'string') return fallback(rest);
  const base = PROJECT_FIELDS[key];
  if (base === undefined) return fallback(rest);
  if (rest.length === 1) return base;
  switch (key) {
    case 'axes':
      if (typeof a === 'number' && rest.length === 2) return `l'axe n° ${a + 1} de la liste`;
      break;
    case 'scores':
      if (typeof a === 'string' && rest.length === 2) return `la note du critère ${quote(a)}`;
      break;
    case 'investment':
      if (typeof a === 'number' && rest.length === 2)
        return `le montant de l'année ${a + 1} du calendrier des crédits de paiement`;
      break;
    case 'staff': {
      if (typeof a !== 'number') break;
      const team = str(field(list(field(project, 'staff'))[a], 'team'));
      const teamWords = team
        ? `de l'équipe ${visible(team)}`
        : `du besoin en personnel n° ${a + 1}`;
      if (rest.length === 2) return `le besoin en personnel n° ${a + 1}`;
      if (b === 'team' && rest.length === 3) return `l'équipe du besoin en personnel n° ${a + 1}`;
      if (b === 'days' && rest.length === 3) return `le calendrier en jours-homme ${teamWords}`;
      if (b === 'days' && typeof c === 'number' && rest.length === 4)
        return `le nombre de jours-homme ${teamWords} en année ${c + 1} du projet`;
      break;
    }
    case 'durationMonths':
    case 'costFactor': {
      const words = key === 'durationMonths' ? THREE_POINT_DURATION : THREE_POINT_COST;
      if (typeof a === 'string' && rest.length === 2 && words[a]) return words[a];
      break;
    }
    case 'dependsOn':
      if (typeof a === 'number' && rest.length === 2) return `le prérequis n° ${a + 1}`;
      break;
    case 'excludes':
      if (typeof a === 'number' && rest.length === 2) return `le projet incompatible n° ${a + 1}`;
      break;
  }
  return fallback(rest);
}

function sectionField(ctx: Context, section: string, rest: Path): string {
  const [key, a, b] = rest;
  if (typeof key !== 'string') return fallback(rest);
  const base = SIMPLE_FIELDS[section]?.[key];
  if (base === undefined) return fallback(rest);
  if (rest.length === 1) return base;
  if ((section === 'teams' && key === 'capacity') || section === 'budget') {
    if (typeof a === 'number' && rest.length === 2) {
      const what = section === 'teams' ? 'la capacité' : base;
      return `${what} ${yearLabel(ctx, a)}`;
    }
  }
  if (section === 'risk' && key === 'blackSwan' && rest.length === 2) {
    if (typeof a === 'string' && BLACK_SWAN_FIELDS[a]) return BLACK_SWAN_FIELDS[a];
  }
  if (key === 'plan' && typeof a === 'number') {
    if (rest.length === 2) return `la ligne ${a + 1} du plan`;
    if (b === 'project' && rest.length === 3) return `le projet de la ligne ${a + 1} du plan`;
    if (b === 'start' && rest.length === 3)
      return `l'année de démarrage de la ligne ${a + 1} du plan`;
  }
  if (section === 'criteriaJudgements' && key === 'pairs' && typeof a === 'number') {
    if (rest.length === 2) return `la comparaison n° ${a + 1}`;
    if (b === 'a' && rest.length === 3) return `le premier critère de la comparaison n° ${a + 1}`;
    if (b === 'b' && rest.length === 3) return `le second critère de la comparaison n° ${a + 1}`;
    if (b === 'ratio' && rest.length === 3) return `le rapport de la comparaison n° ${a + 1}`;
  }
  if (section === 'scenarios') {
    if (key === 'notBefore' && typeof a === 'string' && rest.length === 2)
      return `le démarrage reporté du projet ${quote(a)}`;
    if (key === 'budgetFactor' && rest.length === 2) {
      if (a === 'investment') return "le coefficient appliqué à l'enveloppe d'investissement";
      if (a === 'operating') return "le coefficient appliqué à l'enveloppe de fonctionnement";
    }
    if ((key === 'forceIn' || key === 'forceOut') && typeof a === 'number' && rest.length === 2)
      return `le projet ${key === 'forceIn' ? 'imposé' : 'écarté'} n° ${a + 1}`;
  }
  return fallback(rest);
}

/** Who an item of a list is about, without capital ("le projet P04 (…)"), or undefined. */
function itemWho(ctx: Context, head: string, item: unknown, index: number): string | undefined {
  switch (head) {
    case 'projects':
      return projectWho(ctx, index);
    case 'criteria':
      return named('le critère', item, index, 'label');
    case 'axes':
      return named("l'axe", item, index, 'label');
    case 'directions':
      return named('la direction', item, index, 'label');
    case 'teams':
      return named("l'équipe", item, index, 'label');
    case 'scenarios':
      return named('le scénario', item, index, 'name');
    case 'decisions': {
      const project = str(field(item, 'project'));
      return `la décision n° ${index + 1}${project ? ` sur le projet ${visible(project)}` : ''}`;
    }
    case 'criteriaJudgements': {
      const member = str(field(item, 'member'));
      return member?.trim()
        ? `les comparaisons de ${member.trim()}`
        : `les comparaisons n° ${index + 1} du comité`;
    }
    case 'actuals': {
      const project = str(field(item, 'project'));
      const year = field(item, 'year');
      const of = project
        ? ` (projet ${visible(project)}${typeof year === 'number' ? `, exercice ${year}` : ''})`
        : '';
      return `la ligne ${index + 1} du suivi d'exécution${of}`;
    }
  }
  return undefined;
}

/** Who the path is about ("Le projet P04 (…)") and what field it names. */
export function describe(ctx: Context, path: Path): { who?: string; what: string } {
  const [head, index] = path;
  if (path.length === 0) return { what: 'le document' };
  if (typeof head !== 'string') return { what: fallback(path) };
  if (SINGLE_SECTIONS.has(head) && path.length > 1) {
    const who = head === 'risk' ? 'Les réglages de risque' : capitalise(TOP_LEVEL[head] ?? head);
    return { who, what: sectionField(ctx, head, path.slice(1)) };
  }
  if (typeof index === 'number') {
    const item = list(field(ctx.root, head))[index];
    const rest = path.slice(2);
    const who = itemWho(ctx, head, item, index);
    if (who !== undefined) {
      const what = !rest.length
        ? ''
        : head === 'projects'
          ? projectField(item, rest)
          : sectionField(ctx, head, rest);
      return { who: capitalise(who), what };
    }
  }
  return { what: path.length === 1 ? (TOP_LEVEL[head] ?? fallback(path)) : fallback(path) };
}

/** A whole sentence from a path and a predicate: « Le projet P04 : le nom est obligatoire. » */
export function sentence(ctx: Context, path: Path, predicate: string): string {
  const { who, what } = describe(ctx, path);
  if (who === undefined) return `${capitalise(what)} ${predicate}.`;
  if (!what) return `${who} ${predicate}.`;
  return `${who} : ${what} ${predicate}.`;
}

/** "Le projet P04 (Portail famille) : <text>." with the path's owner as prefix. */
export function about(ctx: Context, path: Path, text: string): string {
  const { who } = describe(ctx, path);
  return who ? `${who} : ${text}.` : `${capitalise(text)}.`;
}

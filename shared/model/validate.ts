/**
 * Validation of a format-1 document (MODEL.md §2).
 *
 * A document that breaks any rule is refused whole, and EVERY problem is
 * listed, each with its JSON path (`projects[3].staff[0].days`) and a French
 * sentence a finance officer understands, naming the project (or team,
 * scenario...) concerned. Field-by-field rules come from `schema.ts`; the
 * rules tying fields together are here. Warnings do not refuse the document.
 *
 * Rules where MODEL.md is silent, chosen as a finance director would expect:
 *
 * - Identifiers are non-empty, without leading or trailing spaces, at most
 *   200 characters; names and labels are required and not blank.
 * - `horizon.firstYear`, `earliestStart`, `fixedStart` and plan start years
 *   are integers in 2000..2100. `fctvaRate` is strictly between 0 and 1.
 * - Scores may be decimals (half points) in 0..5; a score whose key is not a
 *   criterion id is refused (it would silently count for nothing).
 * - A three-point estimate (`durationMonths`, `costFactor`) has all three
 *   values strictly positive and `low <= mode <= high`.
 * - Black swan: `probability` in 0..1, `scheduleFactor` and `costFactor`
 *   at least 1 (an event that shortens a project or lowers its cost is not a
 *   black swan).
 * - Scenario factors (`budgetFactor.*`, `capacityFactor`) are >= 0.
 * - A project lists each team at most once in `staff`; a scenario's plan
 *   lists each project at most once (one start per project).
 * - A project cannot depend on itself (reported as such, not as a cycle).
 *   A dependency cycle is reported once, on the first project of the cycle
 *   in document order, naming every project of the loop.
 * - `P dependsOn Q` is refused when P excludes Q or Q excludes P (it is
 *   reported on P's `dependsOn` entry).
 * - Not refused, but warned: a project whose build (length of `investment`)
 *   is longer than the horizon, or cannot fit after its `earliestStart`; a
 *   `fixedStart` whose build leaves the horizon; a project both required
 *   (mandatory, forced in) and forced out; a plan start outside the horizon.
 *   MODEL.md §4 makes those infeasible problems, not invalid documents.
 * - Warned too: a mandate ending before the horizon starts.
 * - When `projects` itself is missing, references to projects (scenarios,
 *   decisions) are not reported one by one: the missing list is the problem.
 * - Unknown fields are kept as they are and listed in one warning. The
 *   accepted document is a copy of the input, key order included.
 * - `subsidyRate + partnerShare` may exceed 1 by 1e-9 (rounding of 0.3 + 0.7).
 * - Money and person-days are finite and >= 0; NaN and Infinity are refused
 *   wherever a number is expected.
 */
import type { z } from 'zod';
import type { Portfolio, Problem, Project } from './portfolio';
import {
  KNOWN_FIELDS,
  formatNumber,
  issuePredicate,
  portfolioSchema,
  projectSchema,
} from './schema';

export type ValidationResult =
  { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] };

type Key = string | number;
type Path = readonly Key[];
type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Paths

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['projects', 3, 'staff', 0, 'days']` → `projects[3].staff[0].days`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Small readers of untrusted input

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}
function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
function field(x: unknown, key: string): unknown {
  return isObj(x) ? x[key] : undefined;
}
function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (typeof key === 'number') v = Array.isArray(v) ? v[key] : undefined;
    else v = isObj(v) ? v[key] : undefined;
  }
  return v;
}
/**
 * Deepest nesting of arrays and objects a document may have (a format-1
 * document needs about ten). Deeper input is refused before any recursive
 * walk, so that it cannot exhaust the stack.
 */
export const MAX_NESTING = 1000;

/** The path of a value nested deeper than `limit`, or undefined; iterative. */
function deeperThan(root: unknown, limit: number): Path | undefined {
  // `head` keeps the first keys only: enough to say where, without copying long paths.
  const stack: { value: unknown; depth: number; head: Path }[] = [
    { value: root, depth: 0, head: [] },
  ];
  while (stack.length > 0) {
    const { value, depth, head } = stack.pop()!;
    if (depth > limit) return head;
    const into = (key: Key, v: unknown) =>
      stack.push({ value: v, depth: depth + 1, head: depth < 2 ? [...head, key] : head });
    if (Array.isArray(value)) value.forEach((v, i) => into(i, v));
    else if (isObj(value)) for (const [k, v] of Object.entries(value)) into(k, v);
  }
  return undefined;
}

/** Deep copy of arrays and plain objects, keeping key order; other values are shared. */
function cloneJson(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(cloneJson);
  if (isObj(x) && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Obj = {};
    for (const [key, value] of Object.entries(x)) {
      // defineProperty, so that a "__proto__" key stays a plain field.
      Object.defineProperty(out, key, {
        value: cloneJson(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return x;
}
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}
function quote(id: string): string {
  return `« ${id} »`;
}

// ---------------------------------------------------------------------------
// Context: what the rules need to know of the whole document, built once.

interface Context {
  root: unknown;
  firstYear: number | undefined;
  years: number | undefined;
  criteria: string[];
  criteriaSet: Set<string>;
  teams: Set<string>;
  directions: Set<string>;
  axes: Set<string>;
  projects: unknown[];
  /** Every index holding a project with this id, in document order. */
  projectIndex: Map<string, number[]>;
  /** Indices of the projects whose `excludes` names this id. */
  excludedBy: Map<string, number[]>;
  /** Indices of the projects whose `dependsOn` names this id. */
  dependents: Map<string, number[]>;
}

function idsOf(items: unknown): Set<string> {
  const set = new Set<string>();
  for (const item of list(items)) {
    const id = str(field(item, 'id'));
    if (id !== undefined) set.add(id);
  }
  return set;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

function buildContext(root: unknown): Context {
  const horizon = field(root, 'horizon');
  const firstYear = num(field(horizon, 'firstYear'));
  const yearsRaw = num(field(horizon, 'years'));
  const years =
    yearsRaw !== undefined && Number.isInteger(yearsRaw) && yearsRaw >= 1 && yearsRaw <= 15
      ? yearsRaw
      : undefined;
  const criteria = list(field(root, 'criteria'))
    .map((c) => str(field(c, 'id')))
    .filter((id): id is string => id !== undefined);
  const projects = list(field(root, 'projects'));
  const projectIndex = new Map<string, number[]>();
  const excludedBy = new Map<string, number[]>();
  const dependents = new Map<string, number[]>();
  projects.forEach((p, i) => {
    const id = str(field(p, 'id'));
    if (id !== undefined) pushTo(projectIndex, id, i);
    for (const x of list(field(p, 'excludes'))) if (typeof x === 'string') pushTo(excludedBy, x, i);
    for (const d of list(field(p, 'dependsOn')))
      if (typeof d === 'string') pushTo(dependents, d, i);
  });
  return {
    root,
    firstYear: firstYear !== undefined && Number.isInteger(firstYear) ? firstYear : undefined,
    years,
    criteria,
    criteriaSet: new Set(criteria),
    teams: idsOf(field(root, 'teams')),
    directions: idsOf(field(root, 'directions')),
    axes: idsOf(field(root, 'axes')),
    projects,
    projectIndex,
    excludedBy,
    dependents,
  };
}

// ---------------------------------------------------------------------------
// Words: who a path is about, and what field it names.

function named(prefix: string, item: unknown, index: number, nameKey: string): string {
  const id = str(field(item, 'id'));
  const name = str(field(item, nameKey));
  if (id && name && name.trim()) return `${prefix} ${id} (${name})`;
  if (id) return `${prefix} ${id}`;
  return `${prefix} n° ${index + 1}`;
}

/** "le projet P04 (Portail famille)", from the project at `index`. */
function projectWho(ctx: Context, index: number, project?: unknown): string {
  return named('le projet', project ?? ctx.projects[index], index, 'name');
}

/** How a project is named when it is only referred to by id, without article: "projet P09 (…)". */
function projectRef(ctx: Context, id: string): string {
  const at = ctx.projectIndex.get(id)?.[0];
  if (at === undefined) return `projet ${id}`;
  return named('projet', ctx.projects[at], at, 'name');
}

function yearLabel(ctx: Context, k: number): string {
  return ctx.firstYear !== undefined ? `de ${ctx.firstYear + k}` : `de l'année ${k + 1}`;
}

const TOP_LEVEL: Record<string, string> = {
  format: 'le format du document',
  version: 'la version du format',
  organisation: "l'organisation",
  horizon: "l'horizon de planification",
  mandateEnd: 'la fin du mandat',
  criteria: 'la liste des critères',
  axes: 'la liste des axes du projet de mandature',
  directions: 'la liste des directions',
  teams: 'la liste des équipes',
  budget: 'le budget',
  projects: 'la liste des projets',
  risk: 'la section des réglages de risque',
  scenarios: 'la liste des scénarios',
  decisions: 'le relevé des décisions',
  criteriaJudgements: 'les comparaisons des critères par les membres du comité',
  actuals: "le suivi d'exécution (crédits payés)",
  baseline: 'le plan adopté en comité',
};

const PROJECT_FIELDS: Record<string, string> = {
  id: "l'identifiant",
  name: 'le nom',
  usage: "l'usage visé",
  direction: 'la direction',
  sponsor: 'le commanditaire',
  axes: 'la liste des axes',
  scores: 'la grille des notes',
  investment: 'le calendrier des crédits de paiement',
  staff: 'le besoin en personnel',
  runCost: 'le coût de fonctionnement annuel',
  savings: 'le montant annuel des économies',
  subsidyRate: 'le taux de subvention',
  subsidySource: "l'origine de la subvention",
  partnerShare: 'la part financée par les partenaires',
  fctvaEligible: "l'éligibilité au FCTVA",
  durationMonths: 'la durée estimée (en mois)',
  costFactor: 'le coefficient d’incertitude sur le coût',
  dependsOn: 'la liste des prérequis',
  excludes: 'la liste des projets incompatibles',
  mandatory: 'le caractère obligatoire',
  earliestStart: "l'année de démarrage au plus tôt",
  fixedStart: "l'année de démarrage imposée",
  deadline: 'la date limite de livraison',
  selfFinancingFloor: "la part minimale d'autofinancement",
  apNumber: "le numéro d'autorisation de programme",
};

const THREE_POINT_DURATION: Record<string, string> = {
  low: 'la durée optimiste (en mois)',
  mode: 'la durée la plus probable (en mois)',
  high: 'la durée pessimiste (en mois)',
};
const THREE_POINT_COST: Record<string, string> = {
  low: 'le coefficient de coût optimiste',
  mode: 'le coefficient de coût le plus probable',
  high: 'le coefficient de coût pessimiste',
};

const SIMPLE_FIELDS: Record<string, Record<string, string>> = {
  organisation: {
    name: 'le nom',
    kind: 'le type de collectivité',
    fctvaRegime: 'le régime de versement du FCTVA',
    fctvaRate: 'le taux de FCTVA',
  },
  horizon: { firstYear: 'la première année', years: "le nombre d'années" },
  criteria: { id: "l'identifiant", label: 'le libellé', weight: 'le poids' },
  axes: { id: "l'identifiant", label: 'le libellé' },
  directions: {
    id: "l'identifiant",
    label: 'le libellé',
    maxConcurrent: 'le nombre maximal de projets menés en même temps',
  },
  teams: { id: "l'identifiant", label: 'le libellé', capacity: 'la capacité (jours-homme par an)' },
  budget: {
    investment: "l'enveloppe d'investissement",
    operating: "l'enveloppe de fonctionnement",
  },
  risk: {
    distribution: 'la loi de probabilité',
    correlation: 'la corrélation entre projets',
    blackSwan: 'le « cygne noir »',
    referenceClass: 'la classe de référence du risque',
  },
  scenarios: {
    id: "l'identifiant",
    name: 'le nom',
    budgetFactor: "le groupe des coefficients d'enveloppe",
    capacityFactor: 'le coefficient appliqué à la capacité des équipes',
    forceIn: 'la liste des projets imposés',
    forceOut: 'la liste des projets écartés',
    timePreference: 'la préférence pour le présent (valeur perdue par année de décalage)',
    savingsCredit: 'la part des économies annoncées qui est retenue',
    plan: 'le plan',
    objective: "l'objectif de l'optimisation",
    confidence: 'le niveau de confiance demandé pour tenir les enveloppes',
    notBefore: 'les démarrages reportés',
  },
  decisions: {
    date: 'la date',
    meeting: "l'instance",
    project: 'le projet concerné',
    decision: 'la décision',
    rationale: 'la motivation',
    until: "l'année de report",
  },
  criteriaJudgements: { member: 'le membre du comité', pairs: 'les comparaisons par paires' },
  actuals: {
    project: 'le projet concerné',
    year: "l'exercice",
    paid: 'le montant payé',
    status: "l'état d'avancement",
  },
};

const SINGLE_SECTIONS = new Set(['organisation', 'horizon', 'budget', 'risk']);

function fallback(rest: Path): string {
  return `le champ ${quote(formatPath(rest))}`;
}

function projectField(ctx: Context, project: unknown, rest: Path): string {
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
      const teamWords = team ? `de l'équipe ${team}` : `du besoin en personnel n° ${a + 1}`;
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
    const words: Record<string, string> = {
      probability: 'la probabilité du « cygne noir »',
      scheduleFactor: 'le multiplicateur de durée du « cygne noir »',
      costFactor: 'le multiplicateur de coût du « cygne noir »',
    };
    if (typeof a === 'string' && words[a]) return words[a];
  }
  if (section === 'scenarios') {
    if (key === 'budgetFactor' && rest.length === 2) {
      if (a === 'investment') return "le coefficient appliqué à l'enveloppe d'investissement";
      if (a === 'operating') return "le coefficient appliqué à l'enveloppe de fonctionnement";
    }
    if ((key === 'forceIn' || key === 'forceOut') && typeof a === 'number' && rest.length === 2)
      return `le projet ${key === 'forceIn' ? 'imposé' : 'écarté'} n° ${a + 1}`;
    if (key === 'plan' && typeof a === 'number') {
      if (rest.length === 2) return `la ligne ${a + 1} du plan`;
      if (b === 'project' && rest.length === 3) return `le projet de la ligne ${a + 1} du plan`;
      if (b === 'start' && rest.length === 3)
        return `l'année de démarrage de la ligne ${a + 1} du plan`;
    }
  }
  return fallback(rest);
}

/** Who the path is about ("Le projet P04 (…)") and what field it names. */
function describe(ctx: Context, path: Path): { who?: string; what: string } {
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
    let who: string | undefined;
    switch (head) {
      case 'projects':
        who = projectWho(ctx, index);
        return { who: capitalise(who), what: rest.length ? projectField(ctx, item, rest) : '' };
      case 'criteria':
        who = named('le critère', item, index, 'label');
        break;
      case 'axes':
        who = named("l'axe", item, index, 'label');
        break;
      case 'directions':
        who = named('la direction', item, index, 'label');
        break;
      case 'teams':
        who = named("l'équipe", item, index, 'label');
        break;
      case 'scenarios':
        who = named('le scénario', item, index, 'name');
        break;
      case 'decisions': {
        const project = str(field(item, 'project'));
        who = `la décision n° ${index + 1}${project ? ` sur le projet ${project}` : ''}`;
        break;
      }
    }
    if (who !== undefined) {
      return { who: capitalise(who), what: rest.length ? sectionField(ctx, head, rest) : '' };
    }
  }
  return { what: path.length === 1 ? (TOP_LEVEL[head] ?? fallback(path)) : fallback(path) };
}

function sentence(ctx: Context, path: Path, predicate: string): string {
  const { who, what } = describe(ctx, path);
  if (who === undefined) return `${capitalise(what)} ${predicate}.`;
  if (!what) return `${who} ${predicate}.`;
  return `${who} : ${what} ${predicate}.`;
}

/** "Le projet P04 (Portail famille) : <text>." with the path's owner as prefix. */
function about(ctx: Context, path: Path, text: string): string {
  const { who } = describe(ctx, path);
  return who ? `${who} : ${text}.` : `${capitalise(text)}.`;
}

// ---------------------------------------------------------------------------
// Collecting problems

class Collector {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly ctx: Context) {}

  /** One problem per path and message kind from the schema (the first wins). */
  issues(issues: readonly z.core.$ZodIssue[], prefix: Path, value: unknown): void {
    for (const issue of issues) {
      const rel = issue.path.filter((k): k is Key => typeof k !== 'symbol');
      const path = [...prefix, ...rel];
      const key = formatPath(path);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const predicate = issuePredicate(issue, getAt(value, rel));
      this.problems.push({ path: key, message: sentence(this.ctx, path, predicate) });
    }
  }

  error(path: Path, text: string): void {
    this.problems.push({ path: formatPath(path), message: about(this.ctx, path, text) });
  }

  warn(path: Path, text: string): void {
    this.warnings.push({ path: formatPath(path), message: about(this.ctx, path, text) });
  }
}

// ---------------------------------------------------------------------------
// Rules across fields

const NAMES_OF: Record<string, [string, string]> = {
  projects: ['projet', 'le projet'],
  criteria: ['critère', 'le critère'],
  teams: ['équipe', "l'équipe"],
  directions: ['direction', 'la direction'],
  axes: ['axe', "l'axe"],
  scenarios: ['scénario', 'le scénario'],
};

function checkDuplicateIds(out: Collector, section: string): void {
  const [noun, withArticle] = NAMES_OF[section] ?? [section, section];
  const first = new Map<string, number>();
  list(field(out.ctx.root, section)).forEach((item, i) => {
    const id = str(field(item, 'id'));
    if (id === undefined || id === '') return;
    const at = first.get(id);
    if (at === undefined) {
      first.set(id, i);
      return;
    }
    const feminine = noun === 'équipe' || noun === 'direction';
    out.error(
      [section, i, 'id'],
      `l'identifiant ${quote(id)} est déjà utilisé par ${withArticle} n° ${at + 1} ; chaque ${noun} doit avoir un identifiant qui ${feminine ? 'la' : 'le'} distingue`,
    );
  });
}

function checkCriteria(out: Collector): void {
  const criteria = list(field(out.ctx.root, 'criteria'));
  if (criteria.length === 0) return;
  const weights = criteria.map((c) => field(c, 'weight'));
  if (weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w === 0)) {
    out.error(
      ['criteria'],
      'les poids des critères sont tous nuls : au moins un critère doit peser plus que 0 pour que les projets puissent être comparés',
    );
  }
}

function horizonWords(ctx: Context): string {
  const years = ctx.years ?? 0;
  if (ctx.firstYear === undefined) return plural(years, 'année');
  return `${plural(years, 'année')} (${ctx.firstYear} à ${ctx.firstYear + years - 1})`;
}

function checkHorizonLengths(out: Collector): void {
  const { ctx } = out;
  if (ctx.years === undefined) return;
  list(field(ctx.root, 'teams')).forEach((team, i) => {
    const capacity = field(team, 'capacity');
    if (Array.isArray(capacity) && capacity.length !== ctx.years) {
      out.error(
        ['teams', i, 'capacity'],
        `la capacité est donnée pour ${plural(capacity.length, 'année')} mais l'horizon compte ${horizonWords(ctx)} ; il faut une valeur par année`,
      );
    }
  });
  for (const key of ['investment', 'operating'] as const) {
    const envelope = field(field(ctx.root, 'budget'), key);
    if (Array.isArray(envelope) && envelope.length !== ctx.years) {
      const what =
        key === 'investment' ? "l'enveloppe d'investissement" : "l'enveloppe de fonctionnement";
      out.error(
        ['budget', key],
        `${what} est donnée pour ${plural(envelope.length, 'année')} mais l'horizon compte ${horizonWords(ctx)} ; il faut un montant par année`,
      );
    }
  }
}

function ordered(tp: unknown): { low: number; mode: number; high: number } | undefined {
  const low = num(field(tp, 'low'));
  const mode = num(field(tp, 'mode'));
  const high = num(field(tp, 'high'));
  if (low === undefined || mode === undefined || high === undefined) return undefined;
  return { low, mode, high };
}

interface ProjectCheckOptions {
  /** Checking one project being edited: also report what other projects' rules would. */
  single: boolean;
}

/** Every rule that concerns one project, in the context of the document. */
function checkProjectRules(
  out: Collector,
  project: unknown,
  i: number,
  options: ProjectCheckOptions,
): void {
  const { ctx } = out;
  const at = (...rest: Key[]): Key[] => ['projects', i, ...rest];
  const id = str(field(project, 'id'));

  // Scores name known criteria.
  const scores = field(project, 'scores');
  if (isObj(scores)) {
    for (const key of Object.keys(scores)) {
      if (!ctx.criteriaSet.has(key)) {
        out.error(
          at('scores', key),
          `la note ${quote(key)} ne correspond à aucun critère du document (critères : ${ctx.criteria.join(', ') || 'aucun'})`,
        );
      }
    }
  }

  // Direction and axes exist.
  const direction = str(field(project, 'direction'));
  if (direction !== undefined && direction !== '' && !ctx.directions.has(direction)) {
    out.error(
      at('direction'),
      `la direction ${quote(direction)} n'existe pas dans la liste des directions`,
    );
  }
  list(field(project, 'axes')).forEach((axis, k) => {
    if (typeof axis === 'string' && axis !== '' && !ctx.axes.has(axis)) {
      out.error(
        at('axes', k),
        `l'axe ${quote(axis)} n'existe pas dans la liste des axes du projet de mandature`,
      );
    }
  });

  // Staff: known teams, one line per team, one value per project year.
  const investment = field(project, 'investment');
  const duration =
    Array.isArray(investment) && investment.length > 0 ? investment.length : undefined;
  const teamsSeen = new Map<string, number>();
  list(field(project, 'staff')).forEach((need, j) => {
    const team = str(field(need, 'team'));
    if (team !== undefined && team !== '') {
      if (!ctx.teams.has(team)) {
        out.error(
          at('staff', j, 'team'),
          `l'équipe ${quote(team)} n'existe pas dans la liste des équipes`,
        );
      }
      const before = teamsSeen.get(team);
      if (before !== undefined) {
        out.error(
          at('staff', j, 'team'),
          `l'équipe ${team} apparaît deux fois dans le besoin en personnel (lignes ${before + 1} et ${j + 1}) ; regroupez ses jours sur une seule ligne`,
        );
      } else teamsSeen.set(team, j);
    }
    const days = field(need, 'days');
    if (duration !== undefined && Array.isArray(days) && days.length !== duration) {
      out.error(
        at('staff', j, 'days'),
        `le calendrier des crédits de paiement compte ${plural(duration, 'année')} mais le personnel ${team ? `de l'équipe ${team}` : `de la ligne ${j + 1}`} en compte ${days.length}`,
      );
    }
  });

  // Money shares.
  const subsidy = num(field(project, 'subsidyRate')) ?? 0;
  const partner = num(field(project, 'partnerShare')) ?? 0;
  const inRange = subsidy >= 0 && subsidy <= 1 && partner >= 0 && partner <= 1;
  if (inRange && subsidy + partner > 1 + 1e-9) {
    out.error(
      at('subsidyRate'),
      `le taux de subvention (${formatNumber(subsidy)}) et la part des partenaires (${formatNumber(partner)}) dépassent ensemble 100 % de l'investissement`,
    );
  }

  // Three-point estimates in order.
  for (const key of ['durationMonths', 'costFactor'] as const) {
    const tp = ordered(field(project, key));
    if (tp && !(tp.low <= tp.mode && tp.mode <= tp.high)) {
      const what =
        key === 'durationMonths' ? 'la durée estimée' : 'le coefficient d’incertitude sur le coût';
      out.error(
        at(key),
        `${what} doit respecter optimiste ≤ plus probable ≤ pessimiste (reçu : ${formatNumber(tp.low)}, ${formatNumber(tp.mode)}, ${formatNumber(tp.high)})`,
      );
    }
  }

  // Dependencies and exclusions.
  const excludes = list(field(project, 'excludes'));
  const excludesSet = new Set(excludes.filter((x): x is string => typeof x === 'string'));
  list(field(project, 'dependsOn')).forEach((dep, k) => {
    if (typeof dep !== 'string' || dep === '') return;
    if (dep === id) {
      out.error(at('dependsOn', k), 'le projet ne peut pas dépendre de lui-même');
      return;
    }
    if (!ctx.projectIndex.has(dep)) {
      out.error(
        at('dependsOn', k),
        `le prérequis ${quote(dep)} ne correspond à aucun projet du document`,
      );
      return;
    }
    if (excludesSet.has(dep)) {
      out.error(
        at('dependsOn', k),
        `il dépend du ${projectRef(ctx, dep)} qu'il exclut par ailleurs : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
      );
      return;
    }
    const excluders = (id !== undefined && ctx.excludedBy.get(id)) || [];
    const depIndices = ctx.projectIndex.get(dep) ?? [];
    if (excluders.some((e) => e !== i && depIndices.includes(e))) {
      out.error(
        at('dependsOn', k),
        `il dépend du ${projectRef(ctx, dep)}, qui l'exclut : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
      );
    }
  });
  excludes.forEach((x, k) => {
    if (typeof x !== 'string' || x === '') return;
    if (x === id) {
      out.error(at('excludes', k), "le projet ne peut pas s'exclure lui-même");
      return;
    }
    if (!ctx.projectIndex.has(x)) {
      out.error(
        at('excludes', k),
        `le projet incompatible ${quote(x)} ne correspond à aucun projet du document`,
      );
      return;
    }
    if (options.single && id !== undefined) {
      // The other side of "depends on a project that excludes it", reported
      // on this project when it is the one being edited.
      const xIndices = ctx.projectIndex.get(x) ?? [];
      const dependsOnMe = (ctx.dependents.get(id) ?? []).some(
        (d) => d !== i && xIndices.includes(d),
      );
      if (dependsOnMe) {
        out.error(
          at('excludes', k),
          `il exclut le ${projectRef(ctx, x)}, qui dépend de lui : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
        );
      }
    }
  });

  // Identifier unique.
  if (options.single && id !== undefined && id !== '') {
    const others = (ctx.projectIndex.get(id) ?? []).filter((j) => j !== i);
    const other = others[0];
    if (other !== undefined) {
      out.error(
        at('id'),
        `l'identifiant ${quote(id)} est déjà utilisé par le projet n° ${other + 1} ; chaque projet doit avoir un identifiant qui le distingue`,
      );
    }
  }

  // Warnings: a build that cannot fit in the horizon.
  if (duration !== undefined && ctx.years !== undefined) {
    if (duration > ctx.years) {
      out.warn(
        at('investment'),
        `sa réalisation est prévue sur ${plural(duration, 'an')}, plus que l'horizon de ${plural(ctx.years, 'an')} : il ne pourra pas être planifié`,
      );
    } else if (ctx.firstYear !== undefined) {
      const lastStart = ctx.firstYear + ctx.years - duration;
      const earliest = num(field(project, 'earliestStart'));
      const fixed = num(field(project, 'fixedStart'));
      if (fixed !== undefined && (fixed < ctx.firstYear || fixed > lastStart)) {
        out.warn(
          at('fixedStart'),
          `le démarrage imposé en ${fixed} ne permet pas de réaliser ses ${plural(duration, 'année')} dans l'horizon (${ctx.firstYear} à ${ctx.firstYear + ctx.years - 1}) : aucun plan ne sera possible`,
        );
      } else if (fixed === undefined && earliest !== undefined && earliest > lastStart) {
        out.warn(
          at('earliestStart'),
          `un démarrage au plus tôt en ${earliest} ne laisse pas le temps de réaliser ses ${plural(duration, 'année')} dans l'horizon : il ne pourra pas être planifié`,
        );
      }
    }
  }
}

/** Dependency cycles over the whole document, each reported once. */
function checkCycles(out: Collector): void {
  const { ctx } = out;
  const n = ctx.projects.length;
  const edges: number[][] = ctx.projects.map((p, i) => {
    const targets: number[] = [];
    for (const dep of list(field(p, 'dependsOn'))) {
      if (typeof dep !== 'string') continue;
      const j = ctx.projectIndex.get(dep)?.[0];
      if (j !== undefined && j !== i) targets.push(j);
    }
    return targets;
  });
  // Tarjan's strongly connected components, iterative.
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      if (e === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const targets = edges[v] ?? [];
      if (e < targets.length) {
        frame[1] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) components.push(component);
      }
    }
  }
  for (const component of components) {
    const members = new Set(component);
    const start = Math.min(...component);
    const cycle = findCycle(start, (v) => (edges[v] ?? []).filter((w) => members.has(w)));
    if (!cycle) continue;
    reportCycle(out, cycle);
  }
}

/** A shortest dependency loop from `start` back to itself, as project indices. */
function findCycle(start: number, next: (v: number) => readonly number[]): number[] | undefined {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of next(v)) {
      if (w === start) {
        const path = [v];
        let u = v;
        while (u !== start) {
          u = parent.get(u)!;
          path.push(u);
        }
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

function reportCycle(out: Collector, cycle: readonly number[]): void {
  const { ctx } = out;
  const [first] = cycle;
  if (first === undefined) return;
  const ids = cycle.map((i) => str(field(ctx.projects[i], 'id')) ?? `n° ${i + 1}`);
  const loop = [...ids, ids[0]].join(' → ');
  const nextId = ids[1] ?? ids[0];
  const k = list(field(ctx.projects[first], 'dependsOn')).indexOf(nextId);
  out.error(
    ['projects', first, 'dependsOn', ...(k >= 0 ? [k] : [])],
    `les prérequis forment une boucle (${loop}) ; chacun de ces projets attend la fin d'un autre, aucun ne pourrait démarrer`,
  );
}

function checkScenarios(out: Collector): void {
  const { ctx } = out;
  // Without a list of projects, every reference would be reported: say it once.
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  const mandatory = new Set<string>();
  for (const p of ctx.projects) {
    const id = str(field(p, 'id'));
    if (id !== undefined && field(p, 'mandatory') === true) mandatory.add(id);
  }
  list(field(ctx.root, 'scenarios')).forEach((scenario, s) => {
    const forceIn = new Set<string>();
    for (const key of ['forceIn', 'forceOut'] as const) {
      list(field(scenario, key)).forEach((id, k) => {
        if (typeof id !== 'string' || id === '') return;
        if (!ctx.projectIndex.has(id)) {
          out.error(
            ['scenarios', s, key, k],
            `le projet ${key === 'forceIn' ? 'imposé' : 'écarté'} ${quote(id)} n'existe pas dans la liste des projets`,
          );
          return;
        }
        if (key === 'forceIn') forceIn.add(id);
        else if (forceIn.has(id) || mandatory.has(id)) {
          out.warn(
            ['scenarios', s, key, k],
            `le ${projectRef(ctx, id)} est à la fois ${forceIn.has(id) ? 'imposé' : 'obligatoire'} et écarté : aucun plan ne sera possible dans ce scénario`,
          );
        }
      });
    }
    const planned = new Map<string, number>();
    list(field(scenario, 'plan')).forEach((entry, k) => {
      const id = str(field(entry, 'project'));
      if (id === undefined || id === '') return;
      if (!ctx.projectIndex.has(id)) {
        out.error(
          ['scenarios', s, 'plan', k, 'project'],
          `le projet ${quote(id)} n'existe pas dans la liste des projets`,
        );
        return;
      }
      const before = planned.get(id);
      if (before !== undefined) {
        out.error(
          ['scenarios', s, 'plan', k, 'project'],
          `le ${projectRef(ctx, id)} figure deux fois dans le plan (lignes ${before + 1} et ${k + 1}) ; un projet ne démarre qu'une fois`,
        );
        return;
      }
      planned.set(id, k);
      const start = num(field(entry, 'start'));
      const at = ctx.projectIndex.get(id)?.[0];
      const duration =
        at === undefined ? undefined : list(field(ctx.projects[at], 'investment')).length;
      if (
        start !== undefined &&
        ctx.firstYear !== undefined &&
        ctx.years !== undefined &&
        duration
      ) {
        const last = ctx.firstYear + ctx.years - 1;
        if (start < ctx.firstYear || start + duration - 1 > last) {
          out.warn(
            ['scenarios', s, 'plan', k, 'start'],
            `le ${projectRef(ctx, id)} démarre en ${start} et dure ${plural(duration, 'an')} : sa réalisation sort de l'horizon (${ctx.firstYear} à ${last})`,
          );
        }
      }
    });
  });
}

function checkDecisions(out: Collector): void {
  const { ctx } = out;
  // Without a list of projects, every reference would be reported: say it once.
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  list(field(ctx.root, 'decisions')).forEach((d, i) => {
    const id = str(field(d, 'project'));
    if (id !== undefined && id !== '' && !ctx.projectIndex.has(id)) {
      out.error(
        ['decisions', i, 'project'],
        `le projet ${quote(id)} n'existe pas dans la liste des projets`,
      );
    }
  });
}

function checkMandate(out: Collector): void {
  const { ctx } = out;
  const end = str(field(ctx.root, 'mandateEnd'));
  const year = end ? Number(end.slice(0, 4)) : NaN;
  if (ctx.firstYear !== undefined && Number.isInteger(year) && year < ctx.firstYear) {
    out.warn(
      ['mandateEnd'],
      `la fin du mandat (${end}) précède la première année de l'horizon (${ctx.firstYear}) : aucun projet ne pourra être livré dans le mandat`,
    );
  }
}

// ---------------------------------------------------------------------------
// Unknown fields (kept, warned)

type Kind = keyof typeof KNOWN_FIELDS;

const CHILDREN: Partial<Record<Kind, Record<string, [Kind, 'one' | 'many']>>> = {
  portfolio: {
    organisation: ['organisation', 'one'],
    horizon: ['horizon', 'one'],
    criteria: ['criterion', 'many'],
    axes: ['axis', 'many'],
    directions: ['direction', 'many'],
    teams: ['team', 'many'],
    budget: ['budget', 'one'],
    projects: ['project', 'many'],
    risk: ['risk', 'one'],
    scenarios: ['scenario', 'many'],
    decisions: ['decision', 'many'],
    criteriaJudgements: ['memberJudgements', 'many'],
    actuals: ['actual', 'many'],
    baseline: ['baseline', 'one'],
  },
  memberJudgements: { pairs: ['pairJudgement', 'many'] },
  baseline: { plan: ['planEntry', 'many'] },
  project: {
    staff: ['staffNeed', 'many'],
    durationMonths: ['threePoint', 'one'],
    costFactor: ['threePoint', 'one'],
  },
  risk: { blackSwan: ['blackSwan', 'one'] },
  scenario: { budgetFactor: ['budgetFactor', 'one'], plan: ['planEntry', 'many'] },
};

/** Paths of the fields the format does not define. */
export function unknownFields(
  value: unknown,
  kind: Kind = 'portfolio',
  path: Key[] = [],
): string[] {
  if (!isObj(value)) return [];
  const known: readonly string[] = KNOWN_FIELDS[kind];
  const found: string[] = [];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) found.push(formatPath([...path, key]));
  }
  const children = CHILDREN[kind] ?? {};
  for (const [key, [childKind, arity]] of Object.entries(children)) {
    const child = value[key];
    if (arity === 'one') found.push(...unknownFields(child, childKind, [...path, key]));
    else
      list(child).forEach((item, i) =>
        found.push(...unknownFields(item, childKind, [...path, key, i])),
      );
  }
  return found;
}

function unknownFieldsWarning(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const shown = paths.slice(0, 20).join(', ');
  const more = paths.length > 20 ? ` et ${paths.length - 20} autres` : '';
  const s = paths.length > 1;
  return `Champ${s ? 's' : ''} inconnu${s ? 's' : ''} d'Arbitra conservé${s ? 's' : ''} tel${s ? 's' : ''} quel${s ? 's' : ''} (non utilisé${s ? 's' : ''} par les calculs) : ${shown}${more}.`;
}

// ---------------------------------------------------------------------------
// Entry points

/**
 * Checks a whole document. On success, `portfolio` is a copy of the input
 * (unknown fields kept, no default filled in) and `warnings` lists what does
 * not refuse the document; on failure, `problems` lists every problem found.
 */
export function validatePortfolio(input: unknown): ValidationResult {
  if (!isObj(input)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'Le document doit être un objet JSON (entre accolades).' }],
    };
  }
  const tooDeep = deeperThan(input, MAX_NESTING);
  if (tooDeep) {
    return {
      ok: false,
      problems: [
        {
          path: formatPath(tooDeep),
          message: `Le document est imbriqué sur plus de ${MAX_NESTING} niveaux : il n’est pas lu.`,
        },
      ],
    };
  }
  const ctx = buildContext(input);
  const out = new Collector(ctx);
  const parsed = portfolioSchema.safeParse(input);
  if (!parsed.success) out.issues(parsed.error.issues, [], input);

  for (const section of Object.keys(NAMES_OF)) checkDuplicateIds(out, section);
  checkCriteria(out);
  checkHorizonLengths(out);
  ctx.projects.forEach((p, i) => checkProjectRules(out, p, i, { single: false }));
  checkCycles(out);
  checkScenarios(out);
  checkDecisions(out);
  checkMandate(out);

  if (out.problems.length > 0 || !parsed.success) {
    return { ok: false, problems: out.problems };
  }
  const warnings = out.warnings.map((w) => w.message);
  const unknown = unknownFieldsWarning(unknownFields(input));
  if (unknown) warnings.unshift(unknown);
  // The schema transforms nothing, so the input, copied with its key order,
  // is the document (zod's output would list known keys first).
  return { ok: true, portfolio: cloneJson(input) as Portfolio, warnings };
}

/** Contexts of the documents recently checked project by project. */
const contexts = new WeakMap<object, Context>();

/**
 * Checks one project as the project sheet edits it, in the context of the
 * document: the same rules as `validatePortfolio` for that project (fields,
 * references, lengths, its own dependency loops, its identifier unique).
 * Paths are relative to the document (`projects[3].investment[1]`).
 *
 * `index` is the project's position in `portfolio.projects`; by default, the
 * position of the project with the same id, else the end of the list (a new
 * project). The document's index is built once per document object and
 * reused, so a call costs the size of the project plus one walk of its
 * prerequisites, fit for every keystroke on a 500-project document.
 */
export function validateProject(portfolio: Portfolio, project: Project, index?: number): Problem[] {
  let base = contexts.get(portfolio);
  if (!base) {
    base = buildContext(portfolio);
    contexts.set(portfolio, base);
  }
  const id = str(field(project, 'id'));
  const i =
    index ??
    (id !== undefined ? base.projectIndex.get(id)?.[0] : undefined) ??
    base.projects.length;
  const ctx = withProject(base, project, i);
  const out = new Collector(ctx);
  const parsed = projectSchema.safeParse(project);
  if (!parsed.success) out.issues(parsed.error.issues, ['projects', i], project);
  checkProjectRules(out, project, i, { single: true });
  checkOwnCycle(out, i);
  return out.problems;
}

/** Problems and warnings of one project, both as path + message. */
export function projectWarnings(portfolio: Portfolio, project: Project, index?: number): Problem[] {
  const base = contexts.get(portfolio) ?? buildContext(portfolio);
  contexts.set(portfolio, base);
  const id = str(field(project, 'id'));
  const i =
    index ??
    (id !== undefined ? base.projectIndex.get(id)?.[0] : undefined) ??
    base.projects.length;
  const out = new Collector(withProject(base, project, i));
  checkProjectRules(out, project, i, { single: true });
  return out.warnings;
}

/**
 * The context with `project` standing at index `i`: a shallow overlay, so the
 * description of paths and the references see the project being edited. Only
 * the entries of its own id change; the rest is shared with the base.
 */
function withProject(base: Context, project: unknown, i: number): Context {
  const projects = new Proxy(base.projects, {
    get(target, key, receiver) {
      if (key === String(i)) return project;
      if (key === 'length') return Math.max(target.length, i + 1);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const projectIndex = new Map(base.projectIndex);
  const oldId = str(field(base.projects[i], 'id'));
  const newId = str(field(project, 'id'));
  if (oldId !== undefined) {
    const rest = (projectIndex.get(oldId) ?? []).filter((j) => j !== i);
    if (rest.length) projectIndex.set(oldId, rest);
    else projectIndex.delete(oldId);
  }
  if (newId !== undefined) {
    projectIndex.set(
      newId,
      [...(projectIndex.get(newId) ?? []), i].sort((a, b) => a - b),
    );
  }
  return { ...base, projects, projectIndex };
}

/** A dependency loop through the edited project, if any. */
function checkOwnCycle(out: Collector, i: number): void {
  const { ctx } = out;
  const next = (v: number): number[] => {
    const targets: number[] = [];
    for (const dep of list(field(ctx.projects[v], 'dependsOn'))) {
      if (typeof dep !== 'string') continue;
      const j = ctx.projectIndex.get(dep)?.[0];
      if (j !== undefined && j !== v) targets.push(j);
    }
    return targets;
  };
  const cycle = findCycle(i, next);
  if (cycle) reportCycle(out, cycle);
}

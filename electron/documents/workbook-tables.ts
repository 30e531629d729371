/**
 * The document workbook's layout: the portfolio as plain tables (sheet
 * names, columns and their kinds, one row per element), the same on export
 * and import. No file access and no exceljs here: `xlsx.ts` writes and reads
 * the tables, `workbook-read.ts` turns read tables back into a document, and
 * `workbook-extra.ts` keeps what the sheets cannot hold (« Autres champs »).
 */
import type { Portfolio, Problem } from '../../shared/model/portfolio';
import { DocumentError } from './document-error';
import { judgementsTable } from './workbook-judgements';
import { EXECUTION_SHEET, executionTable } from './workbook-execution';

export type CellValue = string | number | null;

export type ColumnKind = 'text' | 'number' | 'money' | 'percent' | 'days' | 'factor';

export interface Column {
  header: string;
  kind: ColumnKind;
  width?: number;
}

export interface Table {
  name: string;
  columns: Column[];
  rows: CellValue[][];
  /** A sentence put above nothing: kept in the sheet's properties only. */
  keyValue?: boolean;
}

export const SHEETS = {
  settings: 'Paramètres',
  criteria: 'Critères',
  axes: 'Axes',
  directions: 'Directions',
  teams: 'Équipes',
  budget: 'Budget',
  projects: 'Projets',
  staff: 'Charge des équipes',
  scenarios: 'Scénarios',
  plans: 'Plans',
  decisions: 'Décisions',
  judgements: 'Jugements',
  /** MODEL.md §9 `actuals`: workbook-execution.ts */
  execution: EXECUTION_SHEET,
  extra: 'Autres champs',
} as const;

export const SETTINGS = {
  name: 'Nom de la collectivité',
  kind: 'Type de collectivité',
  regime: 'Régime FCTVA',
  rate: 'Taux FCTVA',
  firstYear: 'Première année',
  years: 'Nombre d’années',
  mandateEnd: 'Fin de mandat (AAAA-MM)',
  distribution: 'Loi de probabilité',
  correlation: 'Corrélation',
  swanProbability: 'Cygne noir : probabilité',
  swanSchedule: 'Cygne noir : facteur de délai',
  swanCost: 'Cygne noir : facteur de coût',
} as const;

export const P = {
  id: 'Identifiant',
  name: 'Nom',
  usage: 'Usage visé',
  direction: 'Direction',
  sponsor: 'Commanditaire',
  axes: 'Axes',
  investment: 'Coût d’investissement an',
  runCost: 'Coût de fonctionnement annuel',
  savings: 'Économies annuelles',
  subsidyRate: 'Taux de subvention',
  subsidySource: 'Source de la subvention',
  partnerShare: 'Part des partenaires',
  fctva: 'Éligible au FCTVA',
  durationLow: 'Durée basse (mois)',
  durationMode: 'Durée probable (mois)',
  durationHigh: 'Durée haute (mois)',
  costLow: 'Facteur de coût bas',
  costMode: 'Facteur de coût probable',
  costHigh: 'Facteur de coût haut',
  dependsOn: 'Dépend de',
  excludes: 'Exclut',
  mandatory: 'Obligatoire',
  earliestStart: 'Démarrage au plus tôt',
  fixedStart: 'Démarrage imposé',
  score: 'Note :',
} as const;

export const YES = 'oui';
export const NO = 'non';

export function col(header: string, kind: ColumnKind = 'text', width?: number): Column {
  return width === undefined ? { header, kind } : { header, kind, width };
}

function opt<T>(value: T | undefined | null): T | null {
  return value === undefined || value === null ? null : value;
}

/**
 * Characters an .xlsx cell cannot hold (XML 1.0 has no place for most
 * control characters, nor for a lone surrogate); a carriage return is read
 * back as a line feed.
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A text as a cell can hold it: each character it cannot hold shown as
 * « � », line breaks as line feeds, and a literal `_x0041_` kept literal
 * (readers decode that notation). The exact text, when it differs, goes to
 * « Autres champs », so nothing is lost: the cell is for reading.
 */
export function cellText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(UNSTORABLE, '\ufffd')
    .replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_');
}

/** The first character of `value` a cell cannot hold exactly, as U+XXXX. */
export function unstorableCharacter(value: string): string | undefined {
  const found = /\r/.exec(value) ?? new RegExp(UNSTORABLE.source).exec(value);
  if (!found) return undefined;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function text(value: string | undefined | null): CellValue {
  return value === undefined || value === null || value === '' ? null : cellText(value);
}

function bool(value: boolean | undefined): CellValue {
  return value === undefined ? null : value ? YES : NO;
}

function list(values: readonly string[] | undefined): CellValue {
  return values && values.length > 0 ? cellText(values.join(', ')) : null;
}

/** Longest project duration and the horizon: the number of yearly columns. */
function yearColumns(portfolio: Portfolio): number {
  let n = 1;
  for (const p of portfolio.projects) {
    n = Math.max(n, p.investment.length);
    for (const s of p.staff ?? []) n = Math.max(n, s.days.length);
  }
  return n;
}

function scoreHeader(label: string, id: string): string {
  return `${P.score} ${cellText(label)} [${id}]`;
}

/**
 * Identifiers are what « Autres champs » finds elements by: one a cell would
 * change cannot go through a workbook. Refuses the export (DocumentError
 * `invalid`) naming the field and the character.
 */
export function checkStorableIds(portfolio: Portfolio): void {
  const problems: Problem[] = [];
  const check = (value: unknown, path: string) => {
    if (typeof value !== 'string') return;
    const bad = unstorableCharacter(value);
    if (bad) {
      problems.push({
        path,
        message: `l’identifiant contient un caractère qu’une cellule Excel ne peut pas contenir (${bad}) : corrigez-le avant d’exporter le classeur.`,
      });
    }
  };
  const each = (values: readonly unknown[] | undefined, path: string) =>
    (values ?? []).forEach((v, k) => check(v, `${path}[${k}]`));
  const ids = (list: readonly { id?: unknown }[] | undefined, path: string) =>
    (list ?? []).forEach((x, i) => check(x.id, `${path}[${i}].id`));
  ids(portfolio.criteria, 'criteria');
  ids(portfolio.axes, 'axes');
  ids(portfolio.directions, 'directions');
  ids(portfolio.teams, 'teams');
  ids(portfolio.projects, 'projects');
  ids(portfolio.scenarios, 'scenarios');
  portfolio.projects.forEach((p, i) => {
    const at = `projects[${i}]`;
    check(p.direction, `${at}.direction`);
    each(p.axes, `${at}.axes`);
    each(p.dependsOn, `${at}.dependsOn`);
    each(p.excludes, `${at}.excludes`);
    (p.staff ?? []).forEach((x, k) => check(x.team, `${at}.staff[${k}].team`));
  });
  (portfolio.scenarios ?? []).forEach((sc, i) => {
    each(sc.forceIn, `scenarios[${i}].forceIn`);
    each(sc.forceOut, `scenarios[${i}].forceOut`);
    (sc.plan ?? []).forEach((e, k) => check(e.project, `scenarios[${i}].plan[${k}].project`));
  });
  (portfolio.decisions ?? []).forEach((d, i) => check(d.project, `decisions[${i}].project`));
  if (problems.length > 0) {
    throw new DocumentError(
      'invalid',
      `Le classeur n’a pas été créé : ${problems.length} identifiant${problems.length > 1 ? 's' : ''} ne peu${problems.length > 1 ? 'vent' : 't'} pas être écrit${problems.length > 1 ? 's' : ''} dans une cellule.`,
      problems,
    );
  }
}

/** The portfolio as tables (without « Autres champs »). Pure. */
export function documentTables(portfolio: Portfolio): Table[] {
  const years = portfolio.horizon.years;
  const horizonYears = Array.from({ length: years }, (_, t) => portfolio.horizon.firstYear + t);
  const n = yearColumns(portfolio);
  const risk = portfolio.risk;
  const swan = risk?.blackSwan ?? undefined;
  const settings: Table = {
    name: SHEETS.settings,
    keyValue: true,
    columns: [col('Paramètre', 'text', 34), col('Valeur', 'text', 50)],
    rows: [
      [SETTINGS.name, text(portfolio.organisation.name)],
      [SETTINGS.kind, text(portfolio.organisation.kind)],
      [SETTINGS.regime, text(portfolio.organisation.fctvaRegime)],
      [SETTINGS.rate, opt(portfolio.organisation.fctvaRate)],
      [SETTINGS.firstYear, portfolio.horizon.firstYear],
      [SETTINGS.years, portfolio.horizon.years],
      [SETTINGS.mandateEnd, text(portfolio.mandateEnd)],
      [SETTINGS.distribution, text(risk?.distribution)],
      [SETTINGS.correlation, opt(risk?.correlation)],
      [SETTINGS.swanProbability, opt(swan?.probability)],
      [SETTINGS.swanSchedule, opt(swan?.scheduleFactor)],
      [SETTINGS.swanCost, opt(swan?.costFactor)],
    ],
  };
  const criteria: Table = {
    name: SHEETS.criteria,
    columns: [col(P.id, 'text', 16), col('Libellé', 'text', 48), col('Poids', 'number', 10)],
    rows: portfolio.criteria.map((c) => [text(c.id), text(c.label), c.weight]),
  };
  const axes: Table = {
    name: SHEETS.axes,
    columns: [col(P.id, 'text', 16), col('Libellé', 'text', 60)],
    rows: (portfolio.axes ?? []).map((a) => [text(a.id), text(a.label)]),
  };
  const directions: Table = {
    name: SHEETS.directions,
    columns: [
      col(P.id, 'text', 16),
      col('Libellé', 'text', 40),
      col('Projets en cours au plus', 'number', 14),
    ],
    rows: (portfolio.directions ?? []).map((d) => [
      text(d.id),
      text(d.label),
      opt(d.maxConcurrent),
    ]),
  };
  const teams: Table = {
    name: SHEETS.teams,
    columns: [
      col(P.id, 'text', 16),
      col('Libellé', 'text', 40),
      ...horizonYears.map((y) => col(`Capacité ${y} (jours-homme)`, 'days', 14)),
    ],
    rows: portfolio.teams.map((team) => [
      text(team.id),
      text(team.label),
      ...horizonYears.map((_, t) => opt(team.capacity[t])),
    ]),
  };
  const budget: Table = {
    name: SHEETS.budget,
    columns: [
      col('Année', 'number', 10),
      col('Enveloppe d’investissement', 'money', 22),
      col('Enveloppe de fonctionnement', 'money', 22),
    ],
    rows: horizonYears.map((y, t) => [
      y,
      opt(portfolio.budget.investment[t]),
      opt(portfolio.budget.operating[t]),
    ]),
  };
  const criteriaIds = portfolio.criteria.map((c) => c.id);
  const projects: Table = {
    name: SHEETS.projects,
    columns: [
      col(P.id, 'text', 12),
      col(P.name, 'text', 40),
      col(P.usage, 'text', 40),
      col(P.direction, 'text', 14),
      col(P.sponsor, 'text', 20),
      col(P.axes, 'text', 10),
      ...portfolio.criteria.map((c) => col(scoreHeader(c.label, c.id), 'number', 12)),
      ...Array.from({ length: n }, (_, k) => col(`${P.investment} ${k + 1}`, 'money', 16)),
      col(P.runCost, 'money', 16),
      col(P.savings, 'money', 16),
      col(P.subsidyRate, 'percent', 12),
      col(P.subsidySource, 'text', 14),
      col(P.partnerShare, 'percent', 12),
      col(P.fctva, 'text', 10),
      col(P.durationLow, 'number', 10),
      col(P.durationMode, 'number', 10),
      col(P.durationHigh, 'number', 10),
      col(P.costLow, 'factor', 10),
      col(P.costMode, 'factor', 10),
      col(P.costHigh, 'factor', 10),
      col(P.dependsOn, 'text', 14),
      col(P.excludes, 'text', 14),
      col(P.mandatory, 'text', 10),
      col(P.earliestStart, 'number', 12),
      col(P.fixedStart, 'number', 12),
    ],
    rows: portfolio.projects.map((p) => [
      text(p.id),
      text(p.name),
      text(p.usage),
      text(p.direction),
      text(p.sponsor),
      list(p.axes),
      ...criteriaIds.map((id) => opt(p.scores[id])),
      ...Array.from({ length: n }, (_, k) => opt(p.investment[k])),
      opt(p.runCost),
      opt(p.savings),
      opt(p.subsidyRate),
      text(p.subsidySource),
      opt(p.partnerShare),
      bool(p.fctvaEligible),
      p.durationMonths.low,
      p.durationMonths.mode,
      p.durationMonths.high,
      opt(p.costFactor?.low),
      opt(p.costFactor?.mode),
      opt(p.costFactor?.high),
      list(p.dependsOn),
      list(p.excludes),
      bool(p.mandatory),
      opt(p.earliestStart),
      opt(p.fixedStart),
    ]),
  };
  const staff: Table = {
    name: SHEETS.staff,
    columns: [
      col('Projet', 'text', 12),
      col('Équipe', 'text', 14),
      ...Array.from({ length: n }, (_, k) => col(`Jours-homme an ${k + 1}`, 'days', 14)),
    ],
    rows: portfolio.projects.flatMap((p) =>
      (p.staff ?? []).map((s) => [
        text(p.id),
        text(s.team),
        ...Array.from({ length: n }, (_, k) => opt(s.days[k])),
      ]),
    ),
  };
  const scenarios: Table = {
    name: SHEETS.scenarios,
    columns: [
      col(P.id, 'text', 18),
      col('Nom', 'text', 30),
      col('Facteur d’investissement', 'factor', 14),
      col('Facteur de fonctionnement', 'factor', 14),
      col('Facteur de capacité', 'factor', 14),
      col('Projets imposés', 'text', 20),
      col('Projets écartés', 'text', 20),
      col('Préférence pour le présent', 'percent', 14),
      col('Part des économies retenue', 'percent', 14),
    ],
    rows: (portfolio.scenarios ?? []).map((s) => [
      text(s.id),
      text(s.name),
      opt(s.budgetFactor?.investment),
      opt(s.budgetFactor?.operating),
      opt(s.capacityFactor),
      list(s.forceIn),
      list(s.forceOut),
      opt(s.timePreference),
      opt(s.savingsCredit),
    ]),
  };
  const plans: Table = {
    name: SHEETS.plans,
    columns: [col('Scénario', 'text', 18), col('Projet', 'text', 12), col('Démarrage', 'number')],
    rows: (portfolio.scenarios ?? []).flatMap((s) =>
      (s.plan ?? []).map((e) => [text(s.id), text(e.project), e.start]),
    ),
  };
  const decisions: Table = {
    name: SHEETS.decisions,
    columns: [
      col('Date (AAAA-MM-JJ)', 'text', 14),
      col('Instance', 'text', 22),
      col('Projet', 'text', 12),
      col('Décision', 'text', 14),
      col('Motif', 'text', 70),
    ],
    rows: (portfolio.decisions ?? []).map((d) => [
      text(d.date),
      text(d.meeting),
      text(d.project),
      text(d.decision),
      text(d.rationale),
    ]),
  };
  return [
    settings,
    criteria,
    axes,
    directions,
    teams,
    budget,
    projects,
    staff,
    scenarios,
    plans,
    decisions,
    judgementsTable(portfolio.criteriaJudgements),
    // MODEL.md §9: the CP paid, one row per project and year (workbook-execution.ts).
    executionTable(portfolio),
  ];
}

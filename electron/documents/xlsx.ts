/**
 * Excel workbooks (`.xlsx`), with exceljs.
 *
 * 1. The **document workbook**: the whole portfolio as sheets a finance
 *    officer can read and fill in (Paramètres, Critères, Axes, Directions,
 *    Équipes, Budget, Projets, Charge des équipes, Scénarios, Plans,
 *    Décisions), which is also the import template for projects. Whatever
 *    the sheets cannot hold (fields unknown to format 1, an empty text kept as
 *    such, a `null` start...) goes to the sheet « Autres champs », one JSON
 *    value per place in the document, so that export then import gives back
 *    the same document.
 *
 *    Import reads every cell first: a cell of the wrong type is reported by
 *    sheet, row and column (« Feuille Projets, ligne 7, colonne Coût
 *    d'investissement an 1 » : « abc » n'est pas un nombre). The document
 *    built from the sheets is then checked by `validatePortfolio`, and its
 *    problems are reported at the cell they come from when it is known. A
 *    workbook with any problem gives no document at all.
 *
 * The finance workbook of a plan is in `finance-workbook.ts`, on the same
 * sheet writer (`writeWorkbook`).
 */
import ExcelJS from 'exceljs';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Portfolio,
  type Problem,
} from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';

// ---------------------------------------------------------------------------
// Tables: the workbook as plain data, the same on export and import.

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
  extra: 'Autres champs',
} as const;

const SETTINGS = {
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

const P = {
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

const YES = 'oui';
const NO = 'non';

export function col(header: string, kind: ColumnKind = 'text', width?: number): Column {
  return width === undefined ? { header, kind } : { header, kind, width };
}

function opt<T>(value: T | undefined | null): T | null {
  return value === undefined || value === null ? null : value;
}

function text(value: string | undefined | null): CellValue {
  return value === undefined || value === null || value === '' ? null : value;
}

function bool(value: boolean | undefined): CellValue {
  return value === undefined ? null : value ? YES : NO;
}

function list(values: readonly string[] | undefined): CellValue {
  return values && values.length > 0 ? values.join(', ') : null;
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
  return `${P.score} ${label} [${id}]`;
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
  ];
}

// ---------------------------------------------------------------------------
// Reading tables back into a document.

interface Where {
  sheet: string;
  row: number;
  column?: string;
}

interface ReadContext {
  problems: Problem[];
  /** JSON path (as `formatPath` writes it) → the cell it came from. */
  where: Map<string, Where>;
}

function place(w: Where): string {
  return `Feuille ${w.sheet}, ligne ${w.row}${w.column ? `, colonne ${w.column}` : ''}`;
}

/** A table as read: its header row and its data rows with their Excel row numbers. */
export interface ReadTable {
  name: string;
  headers: string[];
  rows: { row: number; cells: CellValue[] }[];
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Numbers typed as French text: « 180 000 », « 0,3 ». */
function parseNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const cleaned = v.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

function shown(v: CellValue): string {
  return typeof v === 'number' ? String(v) : `« ${v} »`;
}

class RowReader {
  constructor(
    private readonly ctx: ReadContext,
    private readonly table: ReadTable,
    readonly row: number,
    private readonly cells: CellValue[],
  ) {}

  raw(header: string): CellValue {
    const i = this.table.headers.indexOf(header);
    return i < 0 ? null : (this.cells[i] ?? null);
  }

  has(header: string): boolean {
    return !isEmpty(this.raw(header));
  }

  /** Records where a JSON path comes from. */
  at(path: string, column?: string): void {
    this.ctx.where.set(path, {
      sheet: this.table.name,
      row: this.row,
      ...(column ? { column } : {}),
    });
  }

  fail(column: string, message: string): void {
    this.ctx.problems.push({
      path: place({ sheet: this.table.name, row: this.row, column }),
      message,
    });
  }

  text(header: string, path?: string): string | undefined {
    const v = this.raw(header);
    if (isEmpty(v)) return undefined;
    if (path) this.at(path, header);
    return typeof v === 'number' ? String(v) : (v as string).trim();
  }

  number(header: string, path?: string): number | undefined {
    const v = this.raw(header);
    if (isEmpty(v)) return undefined;
    if (path) this.at(path, header);
    const n = parseNumber(v);
    if (n === undefined) {
      this.fail(header, `${shown(v)} n’est pas un nombre.`);
      return undefined;
    }
    return n;
  }

  bool(header: string, path?: string): boolean | undefined {
    const v = this.raw(header);
    if (isEmpty(v)) return undefined;
    if (path) this.at(path, header);
    const s = String(v).trim().toLowerCase();
    if (s === YES || s === 'vrai' || s === 'true' || s === '1') return true;
    if (s === NO || s === 'faux' || s === 'false' || s === '0') return false;
    this.fail(header, `${shown(v)} : « oui » ou « non » est attendu.`);
    return undefined;
  }

  list(header: string, path?: string): string[] | undefined {
    const s = this.text(header, path);
    if (s === undefined) return undefined;
    return s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }
}

function rowsOf(ctx: ReadContext, table: ReadTable | undefined): RowReader[] {
  if (!table) return [];
  return table.rows
    .filter((r) => r.cells.some((c) => !isEmpty(c)))
    .map((r) => new RowReader(ctx, table, r.row, r.cells));
}

/** Sets `key` on `target` only when the value is defined. */
function put<T extends object, K extends string>(target: T, key: K, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

/** Yearly columns « <prefix> 1 », « <prefix> 2 », … read as an array up to the last filled one. */
function yearly(reader: RowReader, headers: string[], path: string): number[] {
  const values: (number | undefined)[] = headers.map((h, k) => reader.number(h, `${path}[${k}]`));
  let last = values.length - 1;
  while (last >= 0 && !reader.has(headers[last]!)) last--;
  if (headers[0]) reader.at(path, headers[0]);
  const out: number[] = [];
  for (let k = 0; k <= last; k++) {
    if (!reader.has(headers[k]!)) {
      reader.fail(headers[k]!, 'une valeur est attendue (0 si rien n’est prévu cette année-là).');
      out.push(0);
    } else out.push(values[k] ?? 0);
  }
  return out;
}

function headersStarting(table: ReadTable | undefined, prefix: string): string[] {
  if (!table) return [];
  const found = table.headers
    .map((h) => ({ h, k: h.startsWith(prefix) ? Number(h.slice(prefix.length).trim()) : NaN }))
    .filter((x) => Number.isInteger(x.k) && x.k >= 1)
    .sort((a, b) => a.k - b.k);
  return found.map((x) => x.h);
}

/** Builds the document from tables; problems of cell types go to ctx. */
export function documentFromTables(tables: ReadTable[], ctx: ReadContext): Portfolio {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const settingsTable = byName.get(SHEETS.settings);
  const settings = new Map<string, RowReader>();
  if (!settingsTable) {
    ctx.problems.push({
      path: `Feuille ${SHEETS.settings}`,
      message: 'cette feuille manque : elle porte la collectivité et l’horizon du document.',
    });
  }
  for (const r of rowsOf(ctx, settingsTable)) {
    const key = r.text('Paramètre');
    if (key) settings.set(key, r);
  }
  const sText = (key: string, path: string) => settings.get(key)?.text('Valeur', path);
  const sNumber = (key: string, path: string) => settings.get(key)?.number('Valeur', path);

  const organisation: Record<string, unknown> = {};
  put(organisation, 'name', sText(SETTINGS.name, 'organisation.name'));
  put(organisation, 'kind', sText(SETTINGS.kind, 'organisation.kind'));
  put(organisation, 'fctvaRegime', sText(SETTINGS.regime, 'organisation.fctvaRegime'));
  put(organisation, 'fctvaRate', sNumber(SETTINGS.rate, 'organisation.fctvaRate'));
  const horizon: Record<string, unknown> = {};
  put(horizon, 'firstYear', sNumber(SETTINGS.firstYear, 'horizon.firstYear'));
  put(horizon, 'years', sNumber(SETTINGS.years, 'horizon.years'));

  const doc: Record<string, unknown> = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    organisation,
    horizon,
  };
  put(doc, 'mandateEnd', sText(SETTINGS.mandateEnd, 'mandateEnd'));

  doc.criteria = rowsOf(ctx, byName.get(SHEETS.criteria)).map((r, i) => {
    r.at(`criteria[${i}]`);
    const c: Record<string, unknown> = {};
    put(c, 'id', r.text(P.id, `criteria[${i}].id`));
    put(c, 'label', r.text('Libellé', `criteria[${i}].label`));
    put(c, 'weight', r.number('Poids', `criteria[${i}].weight`));
    return c;
  });
  const axes = rowsOf(ctx, byName.get(SHEETS.axes)).map((r, i) => {
    r.at(`axes[${i}]`);
    const a: Record<string, unknown> = {};
    put(a, 'id', r.text(P.id, `axes[${i}].id`));
    put(a, 'label', r.text('Libellé', `axes[${i}].label`));
    return a;
  });
  if (axes.length > 0) doc.axes = axes;
  const directions = rowsOf(ctx, byName.get(SHEETS.directions)).map((r, i) => {
    r.at(`directions[${i}]`);
    const d: Record<string, unknown> = {};
    put(d, 'id', r.text(P.id, `directions[${i}].id`));
    put(d, 'label', r.text('Libellé', `directions[${i}].label`));
    put(d, 'maxConcurrent', r.number('Projets en cours au plus', `directions[${i}].maxConcurrent`));
    return d;
  });
  if (directions.length > 0) doc.directions = directions;

  const teamsTable = byName.get(SHEETS.teams);
  const capacityHeaders = (teamsTable?.headers ?? []).filter((h) => h.startsWith('Capacité '));
  doc.teams = rowsOf(ctx, teamsTable).map((r, i) => {
    r.at(`teams[${i}]`);
    const team: Record<string, unknown> = {};
    put(team, 'id', r.text(P.id, `teams[${i}].id`));
    put(team, 'label', r.text('Libellé', `teams[${i}].label`));
    team.capacity = yearly(r, capacityHeaders, `teams[${i}].capacity`);
    return team;
  });

  const investmentEnvelope: number[] = [];
  const operatingEnvelope: number[] = [];
  rowsOf(ctx, byName.get(SHEETS.budget)).forEach((r, t) => {
    r.number('Année');
    investmentEnvelope.push(
      r.number('Enveloppe d’investissement', `budget.investment[${t}]`) ?? Number.NaN,
    );
    operatingEnvelope.push(
      r.number('Enveloppe de fonctionnement', `budget.operating[${t}]`) ?? Number.NaN,
    );
    if (t === 0) {
      r.at('budget.investment', 'Enveloppe d’investissement');
      r.at('budget.operating', 'Enveloppe de fonctionnement');
    }
  });
  doc.budget = { investment: investmentEnvelope, operating: operatingEnvelope };

  const projectsTable = byName.get(SHEETS.projects);
  const scoreColumns = (projectsTable?.headers ?? [])
    .map((h) => ({ h, m: /\[([^\]]+)\]\s*$/.exec(h) }))
    .filter((x) => x.h.startsWith(P.score) && x.m)
    .map((x) => ({ header: x.h, id: x.m![1]! }));
  const investmentHeaders = headersStarting(projectsTable, P.investment);
  const projects: Record<string, unknown>[] = [];
  const projectIndex = new Map<string, number>();
  rowsOf(ctx, projectsTable).forEach((r, i) => {
    const path = `projects[${i}]`;
    r.at(path);
    const p: Record<string, unknown> = {};
    put(p, 'id', r.text(P.id, `${path}.id`));
    put(p, 'name', r.text(P.name, `${path}.name`));
    put(p, 'usage', r.text(P.usage, `${path}.usage`));
    put(p, 'direction', r.text(P.direction, `${path}.direction`));
    put(p, 'sponsor', r.text(P.sponsor, `${path}.sponsor`));
    put(p, 'axes', r.list(P.axes, `${path}.axes`));
    const scores: Record<string, number> = {};
    for (const s of scoreColumns) {
      const v = r.number(s.header, `${path}.scores.${s.id}`);
      if (v !== undefined) scores[s.id] = v;
    }
    p.scores = scores;
    p.investment = yearly(r, investmentHeaders, `${path}.investment`);
    put(p, 'runCost', r.number(P.runCost, `${path}.runCost`));
    put(p, 'savings', r.number(P.savings, `${path}.savings`));
    put(p, 'subsidyRate', r.number(P.subsidyRate, `${path}.subsidyRate`));
    put(p, 'subsidySource', r.text(P.subsidySource, `${path}.subsidySource`));
    put(p, 'partnerShare', r.number(P.partnerShare, `${path}.partnerShare`));
    put(p, 'fctvaEligible', r.bool(P.fctva, `${path}.fctvaEligible`));
    r.at(`${path}.durationMonths`, P.durationMode);
    const duration: Record<string, unknown> = {};
    put(duration, 'low', r.number(P.durationLow, `${path}.durationMonths.low`));
    put(duration, 'mode', r.number(P.durationMode, `${path}.durationMonths.mode`));
    put(duration, 'high', r.number(P.durationHigh, `${path}.durationMonths.high`));
    p.durationMonths = duration;
    if (r.has(P.costLow) || r.has(P.costMode) || r.has(P.costHigh)) {
      r.at(`${path}.costFactor`, P.costMode);
      const cost: Record<string, unknown> = {};
      put(cost, 'low', r.number(P.costLow, `${path}.costFactor.low`));
      put(cost, 'mode', r.number(P.costMode, `${path}.costFactor.mode`));
      put(cost, 'high', r.number(P.costHigh, `${path}.costFactor.high`));
      p.costFactor = cost;
    }
    put(p, 'dependsOn', r.list(P.dependsOn, `${path}.dependsOn`));
    put(p, 'excludes', r.list(P.excludes, `${path}.excludes`));
    put(p, 'mandatory', r.bool(P.mandatory, `${path}.mandatory`));
    put(p, 'earliestStart', r.number(P.earliestStart, `${path}.earliestStart`));
    put(p, 'fixedStart', r.number(P.fixedStart, `${path}.fixedStart`));
    if (typeof p.id === 'string' && !projectIndex.has(p.id)) projectIndex.set(p.id, i);
    projects.push(p);
  });
  doc.projects = projects;

  const staffTable = byName.get(SHEETS.staff);
  const dayHeaders = headersStarting(staffTable, 'Jours-homme an');
  for (const r of rowsOf(ctx, staffTable)) {
    const id = r.text('Projet');
    const i = id === undefined ? undefined : projectIndex.get(id);
    if (i === undefined) {
      r.fail(
        'Projet',
        id === undefined
          ? 'le projet est à indiquer.'
          : `le projet « ${id} » n’est pas dans la feuille ${SHEETS.projects}.`,
      );
      continue;
    }
    const p = projects[i]!;
    const staff = (p.staff ??= []) as Record<string, unknown>[];
    const path = `projects[${i}].staff[${staff.length}]`;
    r.at(path);
    const need: Record<string, unknown> = {};
    put(need, 'team', r.text('Équipe', `${path}.team`));
    need.days = yearly(r, dayHeaders, `${path}.days`);
    staff.push(need);
  }

  const scenarioRows = rowsOf(ctx, byName.get(SHEETS.scenarios));
  const scenarios: Record<string, unknown>[] = [];
  const scenarioIndex = new Map<string, number>();
  scenarioRows.forEach((r, i) => {
    const path = `scenarios[${i}]`;
    r.at(path);
    const s: Record<string, unknown> = {};
    put(s, 'id', r.text(P.id, `${path}.id`));
    put(s, 'name', r.text('Nom', `${path}.name`));
    if (r.has('Facteur d’investissement') || r.has('Facteur de fonctionnement')) {
      const factor: Record<string, unknown> = {};
      put(
        factor,
        'investment',
        r.number('Facteur d’investissement', `${path}.budgetFactor.investment`),
      );
      put(
        factor,
        'operating',
        r.number('Facteur de fonctionnement', `${path}.budgetFactor.operating`),
      );
      s.budgetFactor = factor;
    }
    put(s, 'capacityFactor', r.number('Facteur de capacité', `${path}.capacityFactor`));
    put(s, 'forceIn', r.list('Projets imposés', `${path}.forceIn`));
    put(s, 'forceOut', r.list('Projets écartés', `${path}.forceOut`));
    put(s, 'timePreference', r.number('Préférence pour le présent', `${path}.timePreference`));
    put(s, 'savingsCredit', r.number('Part des économies retenue', `${path}.savingsCredit`));
    if (typeof s.id === 'string' && !scenarioIndex.has(s.id)) scenarioIndex.set(s.id, i);
    scenarios.push(s);
  });
  for (const r of rowsOf(ctx, byName.get(SHEETS.plans))) {
    const id = r.text('Scénario');
    const i = id === undefined ? undefined : scenarioIndex.get(id);
    if (i === undefined) {
      r.fail(
        'Scénario',
        id === undefined
          ? 'le scénario est à indiquer.'
          : `le scénario « ${id} » n’est pas dans la feuille ${SHEETS.scenarios}.`,
      );
      continue;
    }
    const s = scenarios[i]!;
    const plan = (s.plan ??= []) as Record<string, unknown>[];
    const path = `scenarios[${i}].plan[${plan.length}]`;
    r.at(path);
    const entry: Record<string, unknown> = {};
    put(entry, 'project', r.text('Projet', `${path}.project`));
    put(entry, 'start', r.number('Démarrage', `${path}.start`));
    plan.push(entry);
  }
  if (scenarios.length > 0) doc.scenarios = scenarios;

  const decisions = rowsOf(ctx, byName.get(SHEETS.decisions)).map((r, i) => {
    const path = `decisions[${i}]`;
    r.at(path);
    const d: Record<string, unknown> = {};
    put(d, 'date', r.text('Date (AAAA-MM-JJ)', `${path}.date`));
    put(d, 'meeting', r.text('Instance', `${path}.meeting`));
    put(d, 'project', r.text('Projet', `${path}.project`));
    put(d, 'decision', r.text('Décision', `${path}.decision`));
    put(d, 'rationale', r.text('Motif', `${path}.rationale`));
    return d;
  });
  if (decisions.length > 0) doc.decisions = decisions;

  const risk: Record<string, unknown> = {};
  put(risk, 'distribution', sText(SETTINGS.distribution, 'risk.distribution'));
  put(risk, 'correlation', sNumber(SETTINGS.correlation, 'risk.correlation'));
  const swanProbability = sNumber(SETTINGS.swanProbability, 'risk.blackSwan.probability');
  const swanSchedule = sNumber(SETTINGS.swanSchedule, 'risk.blackSwan.scheduleFactor');
  const swanCost = sNumber(SETTINGS.swanCost, 'risk.blackSwan.costFactor');
  if (swanProbability !== undefined || swanSchedule !== undefined || swanCost !== undefined) {
    const swan: Record<string, unknown> = {};
    put(swan, 'probability', swanProbability);
    put(swan, 'scheduleFactor', swanSchedule);
    put(swan, 'costFactor', swanCost);
    risk.blackSwan = swan;
  }
  if (Object.keys(risk).length > 0) doc.risk = risk;

  return doc as Portfolio;
}

// ---------------------------------------------------------------------------
// « Autres champs »: what the sheets do not hold, as JSON at a path.

/**
 * A step in a JSON path. An element of a list of things with an id
 * (projects, criteria, teams, scenarios...) is named by its id, `{ "id": "P03" }`,
 * so that rows added, removed or sorted by hand do not move a value to
 * another element; a plain index is used only where there is no unique id.
 */
type Segment = string | number | { id: string };
export interface Residual {
  path: Segment[];
  /** Absent: the key is to be removed. */
  value?: unknown;
  /** Row of « Autres champs » it was read from. */
  row?: number;
}

/** Keys that would reach an object's prototype: never followed nor written. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** The smallest set of values that turns `back` into `original` (index paths). */
export function residuals(
  original: unknown,
  back: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value?: unknown }[] {
  if (sameJson(original, back)) return [];
  if (isObject(original) && isObject(back)) {
    const out: { path: (string | number)[]; value?: unknown }[] = [];
    for (const [k, v] of Object.entries(original)) {
      if (v === undefined) continue;
      if (!(k in back) || back[k] === undefined) out.push({ path: [...path, k], value: v });
      else out.push(...residuals(v, back[k], [...path, k]));
    }
    for (const k of Object.keys(back)) {
      if (back[k] !== undefined && (!(k in original) || original[k] === undefined)) {
        out.push({ path: [...path, k] });
      }
    }
    return out;
  }
  if (Array.isArray(original) && Array.isArray(back) && original.length === back.length) {
    return original.flatMap((v, i) => residuals(v, back[i], [...path, i]));
  }
  return [{ path, value: original }];
}

/** The id of `list[index]` when it is unique in the list. */
function uniqueId(list: unknown[], index: number): string | undefined {
  const el = list[index];
  const id = isObject(el) && typeof el.id === 'string' ? el.id : undefined;
  if (id === undefined) return undefined;
  return list.filter((e) => isObject(e) && e.id === id).length === 1 ? id : undefined;
}

/** Index steps replaced by ids where the list has unique ids. */
function withIds(doc: unknown, path: (string | number)[]): Segment[] {
  let node: unknown = doc;
  return path.map((seg) => {
    const container = node;
    node =
      container !== null && typeof container === 'object'
        ? (container as Record<string | number, unknown>)[seg]
        : undefined;
    if (typeof seg === 'number' && Array.isArray(container)) {
      const id = uniqueId(container, seg);
      if (id !== undefined) return { id };
    }
    return seg;
  });
}

/** Index path of a residual in `doc`; undefined when an id is no longer there. */
function resolvePath(doc: unknown, path: Segment[]): (string | number)[] | undefined {
  let node: unknown = doc;
  const out: (string | number)[] = [];
  for (const seg of path) {
    let step: string | number;
    if (typeof seg === 'object') {
      if (!Array.isArray(node)) return undefined;
      const index = node.findIndex((e) => isObject(e) && e.id === seg.id);
      if (index < 0) return undefined;
      step = index;
    } else step = seg;
    out.push(step);
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[step]
        : undefined;
  }
  return out;
}

function applyResidual(doc: Record<string, unknown>, path: (string | number)[], r: Residual): void {
  if (path.length === 0) return;
  let target: unknown = doc;
  for (let k = 0; k < path.length - 1; k++) {
    const seg = path[k]!;
    const container = target as Record<string | number, unknown>;
    if (
      !Object.prototype.hasOwnProperty.call(container, seg) ||
      typeof container[seg] !== 'object' ||
      container[seg] === null
    ) {
      container[seg] = typeof path[k + 1] === 'number' ? [] : {};
    }
    target = container[seg];
  }
  const last = path[path.length - 1]!;
  const container = target as Record<string | number, unknown>;
  if (!('value' in r)) {
    if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
    else delete container[last];
  } else container[last] = r.value;
}

function formatSegments(path: (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const EXTRA_COLUMNS: Column[] = [
  col('Emplacement (JSON)', 'text', 40),
  col('Valeur (JSON, vide pour retirer)', 'text', 80),
];

function extraTable(list: Residual[]): Table {
  return {
    name: SHEETS.extra,
    columns: EXTRA_COLUMNS,
    rows: list.map((r) => [JSON.stringify(r.path), 'value' in r ? JSON.stringify(r.value) : null]),
  };
}

function isSegment(s: unknown): s is Segment {
  if (typeof s === 'string') return !FORBIDDEN_KEYS.has(s);
  if (typeof s === 'number') return Number.isInteger(s) && s >= 0 && s < 1_000_000;
  return isObject(s) && Object.keys(s).length === 1 && typeof s.id === 'string' && s.id.length > 0;
}

function readResiduals(ctx: ReadContext, table: ReadTable | undefined): Residual[] {
  const out: Residual[] = [];
  for (const r of rowsOf(ctx, table)) {
    const pathText = r.text(EXTRA_COLUMNS[0]!.header);
    const valueText = r.text(EXTRA_COLUMNS[1]!.header);
    let path: unknown;
    try {
      path = JSON.parse(pathText ?? '');
    } catch {
      path = undefined;
    }
    if (!Array.isArray(path) || path.length === 0 || !path.every(isSegment)) {
      r.fail(
        EXTRA_COLUMNS[0]!.header,
        'un emplacement JSON est attendu, par exemple ["projects",{"id":"P01"},"note"].',
      );
      continue;
    }
    const segments = path as Segment[];
    if (segments[0] === 'format' || segments[0] === 'version') continue;
    if (valueText === undefined) {
      out.push({ path: segments, row: r.row });
      continue;
    }
    try {
      out.push({ path: segments, value: JSON.parse(valueText), row: r.row });
    } catch {
      r.fail(EXTRA_COLUMNS[1]!.header, `${shown(valueText)} n’est pas une valeur JSON lisible.`);
    }
  }
  return out;
}

/** Tables as they will be read back (number and text cells as written). */
function asRead(table: Table): ReadTable {
  return {
    name: table.name,
    headers: table.columns.map((c) => c.header),
    rows: table.rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}

/** Every table of the document workbook, « Autres champs » included. */
export function documentWorkbookTables(portfolio: Portfolio): Table[] {
  const tables = documentTables(portfolio);
  const ctx: ReadContext = { problems: [], where: new Map() };
  const back = documentFromTables(tables.map(asRead), ctx);
  const extra = residuals(portfolio, back)
    .filter((r) => r.path[0] !== 'format' && r.path[0] !== 'version')
    .map((r) => ({ ...r, path: withIds(portfolio, r.path) }));
  return [...tables, extraTable(extra)];
}

/** The document from read tables, validated. Problems are by sheet, row and column. */
export function documentFromReadTables(
  tables: ReadTable[],
): { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] } {
  const ctx: ReadContext = { problems: [], where: new Map() };
  const doc = documentFromTables(tables, ctx) as unknown as Record<string, unknown>;
  const warnings: string[] = [];
  for (const r of readResiduals(
    ctx,
    tables.find((t) => t.name === SHEETS.extra),
  )) {
    const path = resolvePath(doc, r.path);
    if (!path) {
      warnings.push(
        `Feuille ${SHEETS.extra}, ligne ${r.row ?? '?'} : l’élément qu’elle complète n’est plus dans le classeur ; la valeur est ignorée.`,
      );
      continue;
    }
    applyResidual(doc, path, r);
    ctx.where.set(formatSegments(path), {
      sheet: SHEETS.extra,
      row: r.row ?? 0,
      column: EXTRA_COLUMNS[1]!.header,
    });
  }
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  const checked = validatePortfolio(doc);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => {
        const w = locate(ctx.where, p.path);
        return w ? { path: place(w), message: p.message } : p;
      }),
    };
  }
  return {
    ok: true,
    portfolio: doc as unknown as Portfolio,
    warnings: [...warnings, ...checked.warnings],
  };
}

/** The cell a JSON path comes from: the longest known prefix. */
function locate(where: Map<string, Where>, path: string): Where | undefined {
  let p = path;
  for (;;) {
    const found = where.get(p);
    if (found) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

// ---------------------------------------------------------------------------
// exceljs: writing and reading sheets.

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  number: undefined,
  money: '#,##0.00 "€"',
  percent: '0.##%',
  days: '#,##0',
  factor: '0.00',
};

function addSheet(workbook: ExcelJS.Workbook, table: Table): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: table.keyValue ? 1 : 0 }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const cells of table.rows) sheet.addRow(cells);
  table.columns.forEach((c, i) => {
    const format = FORMATS[c.kind];
    if (!format || c.kind === 'text') return;
    sheet.getColumn(i + 1).eachCell((cell, row) => {
      if (row > 1 && typeof cell.value === 'number') cell.numFmt = format;
    });
  });
  return sheet;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Arbitra';
  // A fixed date: the same document gives the same workbook.
  workbook.created = new Date(Date.UTC(2020, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

/**
 * Tables as an .xlsx workbook: one sheet each, header row frozen, number
 * formats by column kind, and a last row whose first cell is `boldRow`
 * (a total) in bold.
 */
export async function writeWorkbook(
  tables: readonly Table[],
  options: { title?: string; boldRow?: string } = {},
): Promise<Buffer> {
  const workbook = newWorkbook();
  if (options.title) workbook.title = options.title;
  for (const table of tables) {
    const sheet = addSheet(workbook, table);
    const last = sheet.getRow(sheet.rowCount);
    if (options.boldRow !== undefined && last.getCell(1).value === options.boldRow) {
      last.font = { bold: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The document workbook (.xlsx bytes). */
export async function exportDocumentWorkbook(portfolio: Portfolio): Promise<Buffer> {
  return writeWorkbook(documentWorkbookTables(portfolio));
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Reads every sheet as a table (header row 1). */
export async function readWorkbookTables(bytes: Uint8Array): Promise<ReadTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, c) => {
      headers[c - 1] = String(cellValue(cell.value) ?? '').trim();
    });
    const rows: ReadTable['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      const cells: CellValue[] = headers.map((_, c) => cellValue(row.getCell(c + 1).value));
      rows.push({ row: r, cells });
    });
    return { name: sheet.name, headers: headers.map((h) => h ?? ''), rows };
  });
}

export type WorkbookImport =
  { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] };

/** Reads a document workbook. Never throws; nothing is written anywhere. */
export async function importDocumentWorkbook(bytes: Uint8Array): Promise<WorkbookImport> {
  let tables: ReadTable[];
  try {
    tables = await readWorkbookTables(bytes);
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `Ce fichier n’est pas un classeur Excel lisible (.xlsx) : ${(error as Error).message}`,
        },
      ],
    };
  }
  return documentFromReadTables(tables);
}

/**
 * Reading the document workbook's tables back into a document: every cell is
 * read with its sheet, row and column, so that a cell of the wrong type, and
 * later every rule the document breaks, is reported where the user typed it
 * (« Feuille Projets, ligne 7, colonne Coût d’investissement an 1 »).
 */
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Portfolio,
  type Problem,
} from '../../shared/model/portfolio';
import { readJudgements } from './workbook-judgements';
import { NO, P, SETTINGS, SHEETS, YES, type CellValue } from './workbook-tables';
import { EXECUTION, executionColumns, readStatus, statusText } from './workbook-execution';

export interface Where {
  sheet: string;
  row: number;
  column?: string;
}

export interface ReadContext {
  problems: Problem[];
  /** JSON path (as `formatPath` writes it) → the cell it came from. */
  where: Map<string, Where>;
  /** A sheet the document cannot do without is missing: nothing more to read. */
  stop?: boolean;
}

export function place(w: Where): string {
  return `Feuille ${w.sheet}, ligne ${w.row}${w.column ? `, colonne ${w.column}` : ''}`;
}

/**
 * A cell as read: a text or a number, or what cannot be taken for either
 * without guessing: a date (Excel stores it as a number of days, so a date
 * typed in a money column would otherwise become « 46 388 € »), a formula
 * whose value was never computed (a workbook written by a program, not
 * saved by Excel), an error value (#N/A, #DIV/0!).
 */
export type ReadCell =
  | CellValue
  | { kind: 'date'; iso: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

/** A table as read: its header row and its data rows with their Excel row numbers. */
export interface ReadTable {
  name: string;
  headers: string[];
  rows: { row: number; cells: ReadCell[] }[];
}

export function isEmpty(v: ReadCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Why a date, formula or error cell is not the value expected, in words. */
function ambiguous(v: Exclude<ReadCell, CellValue>, expected: string): string {
  if (v.kind === 'date') {
    return `la cellule contient une date (${v.iso}) : ${expected} est attendu. Mettez la cellule au format Nombre ou Texte puis tapez la valeur.`;
  }
  if (v.kind === 'formula') {
    return `la cellule contient une formule (=${v.formula.slice(0, 80)}) dont la valeur n’a pas été calculée : ouvrez le classeur dans Excel et enregistrez-le, ou tapez la valeur.`;
  }
  return `la cellule contient l’erreur ${v.error.slice(0, 20)} : ${expected} est attendu.`;
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

export function shown(v: CellValue): string {
  return typeof v === 'number' ? String(v) : `« ${v} »`;
}

class RowReader {
  constructor(
    private readonly ctx: ReadContext,
    private readonly table: ReadTable,
    readonly row: number,
    private readonly cells: ReadCell[],
  ) {}

  raw(header: string): ReadCell {
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
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') return v.trim();
    // A date where a text belongs (a decision's date) is read as AAAA-MM-JJ.
    if (v !== null && v.kind === 'date') return v.iso;
    this.fail(header, ambiguous(v!, 'un texte'));
    return undefined;
  }

  number(header: string, path?: string): number | undefined {
    const v = this.raw(header);
    if (isEmpty(v)) return undefined;
    if (path) this.at(path, header);
    if (v !== null && typeof v === 'object') {
      this.fail(header, ambiguous(v, 'un nombre'));
      return undefined;
    }
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
    if (v !== null && typeof v === 'object') {
      this.fail(header, ambiguous(v, '« oui » ou « non »'));
      return undefined;
    }
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

export function rowsOf(ctx: ReadContext, table: ReadTable | undefined): RowReader[] {
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

/**
 * The sheets without which the workbook is no document: reported once each
 * (not as one problem per row that refers to them), and nothing else is read.
 */
function missingSheets(byName: Map<string, ReadTable>, ctx: ReadContext): boolean {
  const known: string[] = Object.values(SHEETS);
  if (![...byName.keys()].some((name) => known.includes(name))) {
    ctx.problems.push({
      path: '',
      message: `Ce classeur n’est pas un document Arbitra : aucune de ses feuilles ne porte un nom attendu (${SHEETS.settings}, ${SHEETS.projects}…). Exportez un document depuis Arbitra pour obtenir le modèle à remplir.`,
    });
    ctx.stop = true;
    return true;
  }
  const required: [string, string][] = [
    [SHEETS.settings, 'elle porte la collectivité et l’horizon du document'],
    [SHEETS.projects, 'elle porte la liste des projets'],
  ];
  for (const [name, what] of required) {
    if (!byName.has(name)) {
      ctx.problems.push({ path: `Feuille ${name}`, message: `cette feuille manque : ${what}.` });
      ctx.stop = true;
    }
  }
  return ctx.stop === true;
}

/**
 * The score columns « Note : <libellé> [<id>] » of the Projets sheet. The id
 * is the longest id of the Critères sheet the header ends with (so an id may
 * hold brackets), else what the last brackets hold.
 */
function scoreColumnsOf(headers: string[], ids: string[]): { header: string; id: string }[] {
  const byLength = [...ids].sort((a, b) => b.length - a.length);
  return headers
    .filter((h) => h.startsWith(P.score))
    .map((header) => {
      const known = byLength.find((id) => header.endsWith(`[${id}]`));
      const id = known ?? /\[([^\]]+)\]\s*$/.exec(header)?.[1];
      return id === undefined ? undefined : { header, id };
    })
    .filter((x): x is { header: string; id: string } => x !== undefined);
}

/** Builds the document from tables; problems of cell types go to ctx. */
export function documentFromTables(tables: ReadTable[], ctx: ReadContext): Portfolio {
  const byName = new Map(tables.map((t) => [t.name, t]));
  if (missingSheets(byName, ctx)) return {} as Portfolio;
  const settingsTable = byName.get(SHEETS.settings);
  const settings = new Map<string, RowReader>();
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
  const scoreColumns = scoreColumnsOf(
    projectsTable?.headers ?? [],
    (doc.criteria as { id?: unknown }[]).map((c) => c.id).filter((id) => typeof id === 'string'),
  );
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
      // defineProperty: a criterion may be called « __proto__ ».
      if (v !== undefined) {
        Object.defineProperty(scores, s.id, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
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
  put(doc, 'criteriaJudgements', readJudgements(ctx, byName.get(SHEETS.judgements)));

  const actuals = readExecutionSheet(ctx, byName.get(SHEETS.execution));
  if (actuals.length > 0) doc.actuals = actuals;

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

/**
 * The « Exécution » sheet (MODEL.md §9 `actuals`, workbook-execution.ts) as
 * the document's rows, in the sheet's order; `base` names the rows' JSON
 * paths. Cells the rows need left empty are left out, so that validation
 * says what is missing at the cell.
 */
export function readExecutionSheet(
  ctx: ReadContext,
  table: ReadTable | undefined,
  base = 'actuals',
): Record<string, unknown>[] {
  if (!table) return [];
  const named = executionColumns(table) ?? table;
  return rowsOf(ctx, named).map((r, i) => {
    const path = `${base}[${i}]`;
    r.at(path);
    const row: Record<string, unknown> = {};
    put(row, 'project', r.text(EXECUTION.project, `${path}.project`));
    put(row, 'year', r.number(EXECUTION.year, `${path}.year`));
    put(row, 'paid', r.number(EXECUTION.paid, `${path}.paid`));
    const cell = r.raw(EXECUTION.status);
    if (!isEmpty(cell)) {
      r.at(`${path}.status`, EXECUTION.status);
      const status = readStatus(statusText(cell));
      if (status) row.status = status;
      else {
        r.fail(
          EXECUTION.status,
          `${typeof cell === 'string' || typeof cell === 'number' ? shown(cell) : 'cette valeur'} n’est pas un état : « en cours », « livré » ou « abandonné » est attendu.`,
        );
      }
    }
    return row;
  });
}

/** The cell a JSON path comes from: the longest known prefix. */
export function locate(where: Map<string, Where>, path: string): Where | undefined {
  let p = path;
  for (;;) {
    const found = where.get(p);
    if (found) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

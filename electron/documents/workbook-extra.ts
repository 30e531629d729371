/**
 * « Autres champs »: what the sheets of the document workbook do not hold
 * (fields unknown to format 1, an empty text kept as such, a `null` start
 * ...), one JSON value per place in the document, so that export then
 * import gives back the same document.
 */
import { col, SHEETS, type Column, type Table } from './workbook-tables';
import { rowsOf, shown, type ReadContext, type ReadTable } from './workbook-read';

/**
 * A step in a JSON path. An element of a list of things with an id
 * (projects, criteria, teams, scenarios...) is named by its id, `{ "id": "P03" }`,
 * so that rows added, removed or sorted by hand do not move a value to
 * another element; a plain index is used only where there is no unique id.
 */
export type Segment = string | number | { id: string };
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
export function withIds(doc: unknown, path: (string | number)[]): Segment[] {
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
export function resolvePath(doc: unknown, path: Segment[]): (string | number)[] | undefined {
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

export function applyResidual(
  doc: Record<string, unknown>,
  path: (string | number)[],
  r: Residual,
): void {
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

export function formatSegments(path: (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

export const EXTRA_COLUMNS: Column[] = [
  col('Emplacement (JSON)', 'text', 40),
  col('Valeur (JSON, vide pour retirer)', 'text', 80),
];

export function extraTable(list: Residual[]): Table {
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

export function readResiduals(ctx: ReadContext, table: ReadTable | undefined): Residual[] {
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

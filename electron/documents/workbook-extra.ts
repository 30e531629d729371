/**
 * « Autres champs »: what the sheets of the document workbook do not hold
 * (fields unknown to format 1, an empty text kept as such, a `null` start
 * ...), one JSON value per place in the document, so that export then
 * import gives back the same document.
 */
import { cellText, col, SHEETS, type Column, type Table } from './workbook-tables';
import { rowsOf, shown, type ReadContext, type ReadTable } from './workbook-read';
import { checkJsonShape, type JsonShape } from './limits';

/**
 * A step in a JSON path. An element of a list of things with an id
 * (projects, criteria, teams, scenarios...) is named by its id, `{ "id": "P03" }`,
 * so that rows added, removed or sorted by hand do not move a value to
 * another element; a plain index is used only where there is no unique id.
 * A key that names an object's internals (`__proto__`, `constructor`,
 * `prototype`) is written `{ "key": "__proto__" }`: as a plain string it is
 * refused, so a hand-typed path can never reach a prototype, while a
 * document that has such a field still goes through the workbook.
 */
export type Segment = string | number | { id: string } | { key: string };
export interface Residual {
  path: Segment[];
  /** Absent: the key is to be removed. */
  value?: unknown;
  /** Row of « Autres champs » it was read from. */
  row?: number;
}

/** Keys that would reach an object's prototype as plain strings. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Highest list index a path may name (a list of 100 000 elements). */
export const MAX_EXTRA_INDEX = 100_000;
/** Most steps in one path. */
export const MAX_EXTRA_DEPTH = 64;

const hasOwn = (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k);

/** `node[key]` when it is the node's own, else undefined (never a prototype's). */
function own(node: unknown, key: string | number): unknown {
  return node !== null && typeof node === 'object' && hasOwn(node, key)
    ? (node as Record<string | number, unknown>)[key]
    : undefined;
}

/** Sets an own property, even one called `__proto__`. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

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
    return ka.length === kb.length && ka.every((k) => hasOwn(b, k) && sameJson(a[k], b[k]));
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
      const there = own(back, k);
      if (there === undefined) out.push({ path: [...path, k], value: v });
      else out.push(...residuals(v, there, [...path, k]));
    }
    for (const k of Object.keys(back)) {
      if (back[k] !== undefined && own(original, k) === undefined) {
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

/** Index steps replaced by ids where the list has unique ids; internal keys as `{ key }`. */
export function withIds(doc: unknown, path: (string | number)[]): Segment[] {
  let node: unknown = doc;
  return path.map((seg) => {
    const container = node;
    node = own(container, seg);
    if (typeof seg === 'number' && Array.isArray(container)) {
      const id = uniqueId(container, seg);
      if (id !== undefined) return { id };
    }
    if (typeof seg === 'string' && FORBIDDEN_KEYS.has(seg)) return { key: seg };
    return seg;
  });
}

/** Index path of a residual in `doc`; undefined when an id is no longer there. */
export function resolvePath(doc: unknown, path: Segment[]): (string | number)[] | undefined {
  let node: unknown = doc;
  const out: (string | number)[] = [];
  for (const seg of path) {
    let step: string | number;
    if (typeof seg === 'object' && 'id' in seg) {
      if (!Array.isArray(node)) return undefined;
      const index = node.findIndex((e) => isObject(e) && e.id === seg.id);
      if (index < 0) return undefined;
      step = index;
    } else step = typeof seg === 'object' ? seg.key : seg;
    out.push(step);
    node = own(node, step);
  }
  return out;
}

/**
 * Puts a residual's value at `path` in `doc` (or removes the key). Returns
 * why it cannot, in words: a list index past the list's end (only an
 * existing element or the next one can be named, so a path ending in
 * [999999] never makes a list of a million empty places), or a name where a
 * list is.
 */
export function applyResidual(
  doc: Record<string, unknown>,
  path: (string | number)[],
  r: Residual,
): string | undefined {
  if (path.length === 0) return undefined;
  let target: object = doc;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k]!;
    const last = k === path.length - 1;
    if (Array.isArray(target)) {
      if (typeof seg !== 'number') {
        return `l’étape « ${String(seg).slice(0, 40)} » de l’emplacement nomme un champ là où le document a une liste.`;
      }
      if (seg > target.length) {
        return `l’emplacement vise l’élément ${seg} d’une liste qui n’en a que ${target.length} : seul un élément existant ou le suivant peut être visé.`;
      }
    }
    if (last) break;
    const next = own(target, seg);
    if (typeof next !== 'object' || next === null) {
      const fresh = typeof path[k + 1] === 'number' ? [] : {};
      define(target, seg, fresh);
      target = fresh;
    } else target = next;
  }
  const last = path[path.length - 1]!;
  if (!('value' in r)) {
    if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
    else if (hasOwn(target, last)) delete (target as Record<string | number, unknown>)[last];
  } else define(target, last, r.value);
  return undefined;
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
    // JSON.stringify escapes control characters; cellText keeps a literal _x0041_ literal.
    rows: list.map((r) => [
      cellText(JSON.stringify(r.path)),
      'value' in r ? cellText(JSON.stringify(r.value)) : null,
    ]),
  };
}

/** Why `s` is not a step of a path, in words; undefined when it is one. */
function segmentProblem(s: unknown): string | undefined {
  if (typeof s === 'string') {
    return FORBIDDEN_KEYS.has(s)
      ? `« ${s} » ne peut pas être écrit ainsi : écrivez {"key":"${s}"}.`
      : undefined;
  }
  if (typeof s === 'number') {
    if (!Number.isInteger(s) || s < 0) return `${s} n’est pas un indice de liste.`;
    if (s > MAX_EXTRA_INDEX) {
      return `l’indice ${s} dépasse la limite de ${MAX_EXTRA_INDEX.toLocaleString('fr-FR')} éléments d’une liste.`;
    }
    return undefined;
  }
  if (isObject(s) && Object.keys(s).length === 1) {
    if (typeof s.id === 'string' && s.id.length > 0) return undefined;
    if (typeof s.key === 'string') return undefined;
  }
  return 'une étape doit être un nom, un indice, {"id":"…"} ou {"key":"…"}.';
}

const PATH_EXPECTED =
  'un emplacement JSON est attendu, par exemple ["projects",{"id":"P01"},"note"]';

export function readResiduals(ctx: ReadContext, table: ReadTable | undefined): Residual[] {
  const out: Residual[] = [];
  const budget: JsonShape = { containers: 0, values: 0 };
  for (const r of rowsOf(ctx, table)) {
    const pathText = r.text(EXTRA_COLUMNS[0]!.header);
    const valueText = r.text(EXTRA_COLUMNS[1]!.header);
    let path: unknown;
    try {
      path = JSON.parse(pathText ?? '');
    } catch {
      path = undefined;
    }
    if (!Array.isArray(path) || path.length === 0) {
      r.fail(EXTRA_COLUMNS[0]!.header, `${PATH_EXPECTED}.`);
      continue;
    }
    if (path.length > MAX_EXTRA_DEPTH) {
      r.fail(
        EXTRA_COLUMNS[0]!.header,
        `l’emplacement a ${path.length} étapes : ${MAX_EXTRA_DEPTH} au plus.`,
      );
      continue;
    }
    const wrong = path.map(segmentProblem).find((p) => p !== undefined);
    if (wrong !== undefined) {
      r.fail(EXTRA_COLUMNS[0]!.header, `${PATH_EXPECTED} ; ${wrong}`);
      continue;
    }
    const segments = path as Segment[];
    if (segments[0] === 'format' || segments[0] === 'version') continue;
    if (valueText === undefined) {
      out.push({ path: segments, row: r.row });
      continue;
    }
    try {
      checkJsonShape(valueText, 'La valeur', budget);
    } catch (error) {
      r.fail(EXTRA_COLUMNS[1]!.header, (error as Error).message);
      continue;
    }
    try {
      out.push({ path: segments, value: JSON.parse(valueText), row: r.row });
    } catch {
      const text = valueText.length > 80 ? `${valueText.slice(0, 80)}…` : valueText;
      r.fail(EXTRA_COLUMNS[1]!.header, `${shown(text)} n’est pas une valeur JSON lisible.`);
    }
  }
  return out;
}

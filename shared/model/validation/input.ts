/**
 * Small readers of untrusted input, and JSON paths.
 *
 * The validator runs on whatever a file held: every rule reads the document
 * through these functions, which answer `undefined` (or an empty list) where
 * the shape is not the expected one, so a rule never throws on a hostile
 * document; the schema reports the shape itself.
 */
export type Key = string | number;
export type Path = readonly Key[];
export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
export function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}
export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
export function field(x: unknown, key: string): unknown {
  return isObj(x) ? x[key] : undefined;
}
export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (typeof key === 'number') v = Array.isArray(v) ? v[key] : undefined;
    else v = isObj(v) ? v[key] : undefined;
  }
  return v;
}

/** The CP schedule's length (the planned duration in years), when there is one. */
export function durationOf(project: unknown): number | undefined {
  const investment = field(project, 'investment');
  return Array.isArray(investment) && investment.length > 0 ? investment.length : undefined;
}

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

/** The path of a value nested deeper than `limit`, or undefined; iterative. */
export function deeperThan(root: unknown, limit: number): Path | undefined {
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
export function cloneJson(x: unknown): unknown {
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

/**
 * Everything the command line prints goes through here: French numbers,
 * euros and percentages, text tables, and the escaping that keeps a
 * terminal safe from what a document holds.
 *
 * A name or an id may hold control characters (ESC sequences clear the
 * screen, move the cursor, rewrite a line already printed) or bidirectional
 * controls (U+202E shows « 0 € » where « € 0001 » is written). They are never
 * printed raw: each is shown as `\u001b`, `\u202e` ..., visibly. Line feeds
 * of our own output stay; inside a table cell they are escaped too, so one
 * row stays one line.
 */

/**
 * C0 controls but the line feed, DEL, C1 controls, bidi controls (U+061C,
 * U+200E/F, U+202A–U+202E, U+2066–U+2069), line and paragraph separators and
 * the byte-order mark.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_IN_CELL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text safe for a terminal: every control or bidi character shown escaped, line feeds kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Text safe for one line of a terminal (a table cell, a name in a sentence). */
export function lineSafe(text: string): string {
  return text.replace(UNSAFE_IN_CELL, escape);
}

/** Writes text on standard output, escaped. */
export function print(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Writes text on standard error, escaped. */
export function printError(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/**
 * Writes exactly one JSON value on standard output. JSON.stringify escapes
 * C0 controls; C1 and bidi controls, which it leaves raw, are escaped too
 * (`\u202e` is the same JSON string).
 */
export function printJson(value: unknown): void {
  process.stdout.write(
    JSON.stringify(value, null, 2).replace(
      /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
      escape,
    ) + '\n',
  );
}

/** French number: "1 234,5". */
export function fr(x: number, digits = 0): string {
  return x.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "1 234 567 €" (French grouping, rounded to the euro, never « -0 € »). */
export function euro(x: number): string {
  return `${fr(Math.round(x) || 0)} €`;
}

/** A share as a percentage with one decimal: 0.125 → "12,5 %". */
export function pct(p: number): string {
  return `${fr(100 * p, 1)} %`;
}

export interface TableOptions {
  /** One letter per column, `l` or `r`; default: first column left, the others right. */
  align?: string;
  /** Put before every line (default two spaces). */
  indent?: string;
  /** A rule of « ─ » under the header. */
  rule?: boolean;
}

/**
 * A text table, one line per row ending in a line feed, trailing spaces
 * trimmed. Every cell is escaped (`lineSafe`) before the widths are measured.
 */
export function table(head: string[], rows: string[][], options: TableOptions = {}): string {
  const { align, indent = '  ', rule = false } = options;
  const safeHead = head.map(lineSafe);
  const safeRows = rows.map((r) => r.map(lineSafe));
  const widths = safeHead.map((h, i) =>
    Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)),
  );
  const left = (i: number) => (align ? align[i] === 'l' : i === 0);
  const line = (cells: string[]) =>
    (
      indent +
      cells
        .map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
    ).trimEnd();
  const lines = [line(safeHead)];
  if (rule) lines.push(indent + widths.map((w) => '─'.repeat(w)).join('  '));
  return [...lines, ...safeRows.map(line)].join('\n') + '\n';
}

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
 * It holds in 100 columns (`TERMINAL_WIDTH`): a wider one is cut into
 * blocks of columns, each repeating the first (`fittedTable`).
 */
export function table(
  head: string[],
  rows: string[][],
  options: TableOptions & { width?: number } = {},
): string {
  return fittedTable(head, rows, options);
}

/** One text table, however wide. */
function singleTable(head: string[], rows: string[][], options: TableOptions = {}): string {
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

/** The width every table of the command line holds in (a terminal of 100 columns). */
export const TERMINAL_WIDTH = 100;

/**
 * A table that holds in `width` columns: one table when it fits; else its
 * columns after the first are cut into blocks that fit, each block a table
 * of its own repeating the first column (the row labels), one blank line
 * between blocks. A column wider than the width on its own still gets a
 * block of its own.
 */
export function fittedTable(
  head: string[],
  rows: string[][],
  options: TableOptions & { width?: number } = {},
): string {
  const { width = TERMINAL_WIDTH, ...rest } = options;
  const indent = rest.indent ?? '  ';
  const widths = head.map((h, i) =>
    Math.max(lineSafe(h).length, ...rows.map((r) => lineSafe(r[i] ?? '').length)),
  );
  const total = indent.length + widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1);
  if (total <= width || head.length <= 2) return singleTable(head, rows, rest);
  const blocks: number[][] = [];
  let block: number[] = [];
  let used = indent.length + (widths[0] ?? 0);
  for (let i = 1; i < head.length; i++) {
    const w = 2 + (widths[i] ?? 0);
    if (block.length > 0 && used + w > width) {
      blocks.push(block);
      block = [];
      used = indent.length + (widths[0] ?? 0);
    }
    block.push(i);
    used += w;
  }
  if (block.length > 0) blocks.push(block);
  // As many blocks, of nearly equal size, when they fit (never a lone column at the end).
  const columns = head.length - 1;
  const size = Math.ceil(columns / blocks.length);
  const even: number[][] = [];
  for (let i = 1; i < head.length; i += size) {
    even.push(Array.from({ length: Math.min(size, head.length - i) }, (_, k) => i + k));
  }
  const fits = (b: number[]) =>
    indent.length + (widths[0] ?? 0) + b.reduce((s, i) => s + 2 + (widths[i] ?? 0), 0) <= width;
  if (even.length === blocks.length && even.every(fits)) blocks.splice(0, blocks.length, ...even);
  const pick = (cells: string[], columns: number[]) => [
    cells[0] ?? '',
    ...columns.map((i) => cells[i] ?? ''),
  ];
  const align = rest.align;
  return blocks
    .map((columns) =>
      singleTable(
        pick(head, columns),
        rows.map((r) => pick(r, columns)),
        { ...rest, ...(align ? { align: pick(align.split(''), columns).join('') } : {}) },
      ),
    )
    .join('\n');
}

/** Prose cut at spaces into lines of at most `width` columns, each after `indent`. */
export function wrapText(text: string, width = TERMINAL_WIDTH, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/**
 * Stored snapshots of the charts, as Observable Plot keeps its own: each
 * chart is rendered in Node with Svelte's server renderer on fixed data, in
 * French, then normalised (Svelte's markers and style hashes removed, white space collapsed,
 * numbers rounded to two decimals, generated ids renumbered, one tag a line)
 * and compared with test/snapshots/charts/ (attributes sorted by name). The drawing goes to `NAME.svg`,
 * the figure around it (title, legend, table twin) to `NAME.html` with the
 * drawing left out. `UPDATE_SNAPSHOTS=1 npx vitest run test/unit/charts`
 * writes the files instead of comparing, for a change of look made on purpose.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const folder = new URL('../../snapshots/charts/', import.meta.url);

/** The markup made comparable: stable across runs, hashes and float noise. */
export function normalise(html: string): string {
  let out = html
    .replace(/<!--[\s\S]*?-->/g, '')
    // Runs of white space draw as one space (no chart has preformatted text).
    .replace(/\s+/g, ' ')
    .replace(/\s*\bsvelte-[a-z0-9]+\b/g, '')
    .replace(/ class=""/g, '')
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
  // Ids Svelte makes ($props.id(): s1, s2…) depend on render order: renumber
  // them where they are declared and referred to.
  const generated = [...out.matchAll(/\bid="(s\d+)\b/g)].map((m) => m[1]!);
  const ids = new Map([...new Set(generated)].map((id, i) => [id, `uid${i + 1}`]));
  if (ids.size > 0) {
    out = out.replace(
      /\b(id|for|aria-labelledby|aria-describedby|aria-controls|href)="([^"]*)"/g,
      (_, name: string, value: string) =>
        `${name}="${value.replace(/\bs\d+\b/g, (id) => ids.get(id) ?? id)}"`,
    );
  }
  // Attributes in name order: the order a component writes them in draws nothing.
  out = out.replace(
    /<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"]*")?)+)\s*(\/?)>/g,
    (_, tag, attrs, slash) => {
      const list = [...(attrs as string).matchAll(/([\w:-]+)(="[^"]*")?/g)].map((m) => m[0]);
      return `<${tag} ${list.sort().join(' ')}${slash}>`;
    },
  );
  return out.replace(/>\s*</g, '>\n<').trim() + '\n';
}

/** The first `<svg>…</svg>` of the markup, and the markup with it left out. */
export function split(html: string): { svg: string | null; rest: string } {
  const start = html.indexOf('<svg');
  if (start < 0) return { svg: null, rest: html };
  const end = html.indexOf('</svg>', start) + '</svg>'.length;
  return {
    svg: html.slice(start, end),
    rest: `${html.slice(0, start)}<svg data-snapshot="NAME.svg"></svg>${html.slice(end)}`,
  };
}

/** Compares (or, with UPDATE_SNAPSHOTS=1, writes) `name.ext` under test/snapshots/charts/. */
export function matchFile(name: string, ext: 'svg' | 'html', actual: string): void {
  const file = new URL(`${name}.${ext}`, folder);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_SNAPSHOTS !== '1' && process.env.CI) {
      throw new Error(`snapshot ${name}.${ext} was missing (written now; commit it)`);
    }
    return;
  }
  expect(actual, `${name}.${ext} differs from its stored snapshot`).toBe(
    readFileSync(file, 'utf8'),
  );
}

/** Snapshots a chart's rendered markup: its drawing (if any) and the figure around it. */
export function matchChart(name: string, body: string): void {
  const { svg, rest } = split(body);
  if (svg !== null) matchFile(name, 'svg', normalise(svg));
  const around = normalise(rest);
  // A chart that is only a drawing has nothing around it to keep.
  if (svg === null || around !== normalise('<svg data-snapshot="NAME.svg"></svg>')) {
    matchFile(name, 'html', around.replace('NAME.svg', `${name}.svg`));
  }
}

/**
 * The command line's help and tables: `arbitra --help` lists every command
 * in French (English with LANG=en), `arbitra help COMMAND` and `arbitra
 * COMMAND --help` give a description, the options and an example, every
 * line of help holds in 100 columns; a table wider than 100 columns is cut
 * into blocks of columns that hold, each repeating the row labels, with
 * every cell kept once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fittedTable, table, TERMINAL_WIDTH, wrapText } from '../../../electron/cli/format';
import { cliLang, commandHelp, HELP, usageText } from '../../../electron/cli/help';
import { main } from '../../../electron/cli/main';

const width = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

describe('arbitra --help', () => {
  it('reads the language from the environment, French unless it says English', () => {
    expect(cliLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(cliLang({})).toBe('fr');
    expect(cliLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLang({ LANG: 'fr_FR.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(cliLang({ LANG: 'es_ES' })).toBe('fr');
  });

  it('lists every command with what it does, in 100 columns, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = usageText(lang);
      expect(width(text), lang).toBeLessThanOrEqual(TERMINAL_WIDTH);
      for (const [name, help] of Object.entries(HELP)) {
        expect(text, name).toContain(help.synopsis.split('\n')[0]);
        expect(text, name).toContain(help[lang].summary);
      }
    }
    expect(usageText('fr')).toMatch(/^Usage : arbitra <commande>/);
    expect(usageText('en')).toMatch(/^Usage: arbitra <command>/);
  });

  it('gives each command a description, its options and an example that names it', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const name of Object.keys(HELP)) {
        const text = commandHelp(name, lang)!;
        expect(width(text), `${name} ${lang}`).toBeLessThanOrEqual(TERMINAL_WIDTH);
        expect(text).toContain(lang === 'fr' ? 'Exemple :' : 'Example:');
        expect(text).toContain(`  arbitra ${name} `);
        for (const [flag] of HELP[name]![lang].options) expect(text).toContain(flag);
      }
    }
    expect(commandHelp('nope', 'fr')).toBeNull();
    expect(commandHelp('toString', 'fr')).toBeNull();
  });

  it('answers help COMMAND and COMMAND --help on standard output, exit 0; an unknown one exit 2', async () => {
    const io = capture();
    expect(await main(['help', 'finance'])).toBe(0);
    expect(await main(['finance', '--help'])).toBe(0);
    const out = io.out();
    expect(out.split(commandHelp('finance', cliLang())!)).toHaveLength(3);
    expect(await main(['help', 'nope'])).toBe(2);
    expect(io.err()).toContain('commande inconnue « nope »');
  });
});

describe('tables in 100 columns', () => {
  const head = ['', '2027', '2028', '2029', '2030', '2031', '2032', 'Total'];
  const rows = [
    ['Coût net pour la collectivité', ...Array(6).fill('1 444 000 €'), '12 997 967 €'],
    ['FCTVA reçu', ...Array(6).fill('68 733 €'), '404 933 €'],
  ];

  it('is one table when it fits, unchanged', () => {
    const narrow = [
      ['a', '1'],
      ['b', '2'],
    ];
    expect(fittedTable(['x', 'y'], narrow)).toBe(table(['x', 'y'], narrow));
    expect(fittedTable(head, rows, { width: 1000 }).split('\n\n')).toHaveLength(1);
  });

  it('cuts a wide table into blocks that hold, each with the row labels, every cell once', () => {
    const wide = table(head, rows, { indent: '', rule: true });
    expect(width(wide)).toBeLessThanOrEqual(100);
    const blocks = wide.trimEnd().split('\n\n');
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b).toContain('Coût net pour la collectivité');
      expect(b).toContain('FCTVA reçu');
    }
    // Every year heads exactly one block, in order.
    const headers = blocks.map((b) =>
      b
        .split('\n')[0]!
        .trim()
        .split(/\s{2,}/),
    );
    expect(headers.flat()).toEqual(head.slice(1));
    // Blocks of nearly equal size: no lone column at the end.
    const sizes = headers.map((h) => h.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(wide.match(/12 997 967 €/g)).toHaveLength(1);
  });

  it('wraps prose at spaces within the width, nothing lost', () => {
    const text = 'mot '.repeat(80).trim();
    const wrapped = wrapText(text, 30, '  ');
    expect(width(wrapped)).toBeLessThanOrEqual(30);
    expect(wrapped.split('\n').every((l) => l.startsWith('  '))).toBe(true);
    expect(wrapped.replace(/\s+/g, ' ').trim()).toBe(text);
  });
});

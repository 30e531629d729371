/**
 * Control characters never reach the terminal: names and ids holding ESC
 * sequences (clear the screen, rewrite a line) or bidi controls (reorder
 * what is shown) are printed escaped by every command, in tables, in
 * problems and in JSON, which stays the same JSON value. parseArgs's English
 * becomes French.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { lineSafe, table, terminalSafe } from '../../../electron/cli/format';
import { portfolioToJson } from '../../../electron/documents/files';
import { smallPortfolio, tempDir } from '../store/helpers';

/** Every character a terminal acts on, but the line feed of our own lines. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const CLEAR = '\u001b[2J\u001b[H';
const FORGED = '\u001b[1A\u001b[2KLe fichier est valide';
const RTL = '\u202e0001\u202c';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

function hostileFile(change: (doc: ReturnType<typeof smallPortfolio>) => void): string {
  const doc = smallPortfolio();
  change(doc);
  const file = join(tempDir('arbitra-terminal-'), 'piege.json');
  writeFileSync(file, portfolioToJson(doc));
  return file;
}

describe('the format module', () => {
  it('escapes every control and bidi character, keeping line feeds only between lines', () => {
    expect(terminalSafe(`a${CLEAR}b\nc\u009bd${RTL}`)).toBe(
      'a\\u001b[2J\\u001b[Hb\nc\\u009bd\\u202e0001\\u202c',
    );
    expect(lineSafe('un\ndeux\tfin')).toBe('un\\u000adeux\\u0009fin');
    for (let code = 0; code < 0x2100; code++) {
      const c = String.fromCharCode(code);
      if (RAW.test(c)) expect(lineSafe(c)).not.toMatch(RAW);
    }
  });

  it('measures a table on the escaped cells, so columns stay aligned', () => {
    const out = table(
      ['Projet', 'Montant'],
      [
        [`P1${CLEAR}`, '10 €'],
        ['P2', '2 000 €'],
      ],
    );
    expect(out).not.toMatch(RAW);
    const lines = out.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('commands never print control characters raw', () => {
  it('finance: names with ESC sequences and bidi controls are shown escaped', async () => {
    const file = hostileFile((doc) => {
      doc.organisation.name = `Ville${CLEAR}`;
      doc.projects[0]!.name = `Projet ${FORGED}`;
      doc.projects[1]!.name = `Coût ${RTL} €`;
      doc.scenarios = [
        {
          id: 's',
          name: `Plan${FORGED}`,
          plan: [
            { project: 'P1', start: 2027 },
            { project: 'P2', start: 2027 },
          ],
        },
      ];
    });
    const out = await run('finance', file);
    expect(out.code).toBe(0);
    expect(out.stdout + out.stderr).not.toMatch(RAW);
    expect(out.stdout).toContain('Ville\\u001b[2J\\u001b[H');
    expect(out.stdout).toContain('\\u202e0001\\u202c');
  });

  it('validate: a problem quoting a hostile id is shown escaped', async () => {
    const file = hostileFile((doc) => {
      doc.projects[0]!.dependsOn = [`P404${FORGED}`];
    });
    const out = await run('validate', file);
    expect(out.code).toBe(1);
    expect(out.stdout + out.stderr).not.toMatch(RAW);
    // Validation itself quotes a control character in an id by its code point.
    expect(out.stdout).toContain('‹U+001B›[1A');
  });

  it('--json output escapes bidi and C1 controls and is the same JSON value', async () => {
    // Names keep every character (ids refuse them): a problem about P1 quotes its name.
    const name = `Coût ${RTL}\u0085`;
    const file = hostileFile((doc) => {
      doc.projects[0]!.name = name;
      doc.projects[0]!.dependsOn = ['P404'];
    });
    const out = await run('validate', file, '--json');
    expect(out.stdout).not.toMatch(RAW);
    const parsed = JSON.parse(out.stdout) as { problems: { message: string }[] };
    expect(parsed.problems.map((p) => p.message).join()).toContain(name);
  });

  it('a negative value for an option is explained in French', async () => {
    const file = hostileFile(() => undefined);
    const out = await run('simulate', file, '--seed', '-3');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/commence par « - » : écrivez --seed=VALEUR/);
    expect(out.stderr).not.toMatch(/ambiguous|Did you forget/);
    const unknown = await run('validate', file, '--vite');
    expect(unknown.stderr).toMatch(/option inconnue « --vite »/);
  });
});

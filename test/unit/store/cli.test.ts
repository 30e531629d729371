import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { loadPortfolioForCli } from '../../../electron/cli/load';
import { UsageError } from '../../../electron/cli/command';
import { DocumentStore } from '../../../electron/documents/store';
import { portfolioToJson } from '../../../electron/documents/files';
import { example, smallPortfolio, tempDir } from './helpers';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/${name}.json`, import.meta.url));

/** Runs `arbitra ...argv` in this process and captures both output streams. */
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
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A portfolio that breaks rules: a dependency on an unknown project and a negative amount. */
function invalidFile(): string {
  const doc = smallPortfolio();
  doc.projects[0]!.dependsOn = ['P404'];
  doc.projects[1]!.investment = [-5];
  const file = join(tempDir(), 'refuse.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('arbitra validate', () => {
  it('accepts a valid document: exit 0, one JSON value saying so', async () => {
    const { code, stdout } = await run('validate', fixture('petit'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ valid: true, problems: [] });
    expect(Array.isArray(out.warnings)).toBe(true);
  });

  it('refuses an invalid document: exit 1 and every problem with its path', async () => {
    const { code, stdout } = await run('validate', invalidFile(), '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as {
      valid: boolean;
      problems: { path: string; message: string }[];
    };
    expect(out.valid).toBe(false);
    const paths = out.problems.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('projects[0].dependsOn'))).toBe(true);
    expect(paths.some((p) => p.startsWith('projects[1].investment'))).toBe(true);
    for (const p of out.problems) expect(p.message.length).toBeGreaterThan(0);
  });

  it('prints a readable French list without --json', async () => {
    const refused = await run('validate', invalidFile());
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/est refusé : \d+ problèmes? à corriger/);
    expect(refused.stdout).toMatch(/ {2}- projects\[1\]\.investment/);
    const accepted = await run('validate', fixture('moyen'));
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/« moyen\.json » est valide \(40 projets\)/);
  });

  it('validates a .arbitra document too', async () => {
    const file = join(tempDir(), 'doc.arbitra');
    DocumentStore.create(file, example('infaisable')).close();
    const { code, stdout } = await run('validate', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).valid).toBe(true);
  });

  it('refuses a garbled file with exit 1 and a JSON answer', async () => {
    const file = join(tempDir(), 'abime.arbitra');
    writeFileSync(file, 'pas une base de données');
    const { code, stdout } = await run('validate', file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, problems: [{ path: '' }] });
  });

  it.each([[[]], [['a.json', 'b.json']], [['notes.txt']], [[fixture('petit'), '--inconnu']]])(
    'is a usage error (exit 2) with arguments %j',
    async (args) => {
      const { code, stdout, stderr } = await run('validate', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/Usage/);
    },
  );
});

describe('arbitra convert', () => {
  it('converts JSON to .arbitra and back to the identical JSON text', async () => {
    const dir = tempDir();
    const source = join(dir, 'moyen.json');
    writeFileSync(source, portfolioToJson(example('moyen')));
    const there = await run('convert', source, join(dir, 'moyen.arbitra'));
    expect(there.code).toBe(0);
    const back = await run('convert', join(dir, 'moyen.arbitra'), join(dir, 'retour.json'));
    expect(back.code).toBe(0);
    expect(readFileSync(join(dir, 'retour.json'), 'utf8')).toBe(readFileSync(source, 'utf8'));
  });

  it('refuses an invalid input with its problems and writes nothing', async () => {
    const out = join(tempDir(), 'sortie.arbitra');
    const { code, stderr } = await run('convert', invalidFile(), out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/projects\[1\]\.investment/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write an unknown extension (exit 2) and leaves an existing output as it was', async () => {
    const dir = tempDir();
    const out = join(dir, 'sortie.csv');
    writeFileSync(out, 'ancien');
    const { code } = await run('convert', fixture('petit'), out);
    expect(code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('ancien');
    expect((await run('convert', fixture('petit'))).code).toBe(2);
  });

  it('replaces an existing output only with the complete new document', async () => {
    const dir = tempDir();
    const out = join(dir, 'sortie.json');
    writeFileSync(out, 'ancien');
    expect((await run('convert', fixture('petit'), out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toStrictEqual(example('petit'));
  });
});

describe('the FILE loader shared by the commands', () => {
  it('returns the document of a valid file', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const loaded = await loadPortfolioForCli(fixture('petit'));
    expect(typeof loaded).toBe('object');
    if (typeof loaded === 'object') expect(loaded.portfolio).toStrictEqual(example('petit'));
  });

  it('prints the problems and returns exit 1 for a refused file, JSON on stdout with --json', async () => {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
    expect(await loadPortfolioForCli(invalidFile(), { json: true })).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false });
    expect(stderr).toMatch(/refusé/);
  });

  it('is a usage error without a file', async () => {
    await expect(loadPortfolioForCli(undefined)).rejects.toBeInstanceOf(UsageError);
  });
});

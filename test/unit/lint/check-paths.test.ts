/**
 * scripts/check-paths.mjs: a tracked file naming a place outside the
 * repository fails `npm run lint`; paths inside it pass.
 *
 * The paths this test feeds the check are built from pieces, so that this
 * file does not trip the check itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles, checkText, trackedFiles } from '../../../scripts/check-paths.mjs';

const script = fileURLToPath(new URL('../../../scripts/check-paths.mjs', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fakeRoot = ['', 'opt', 'checkouts', 'arbitra'].join('/');
const abs = (...parts: string[]) => ['', ...parts].join('/');
const up = (n: number) => '../'.repeat(n);

const found = (file: string, text: string) => checkText(file, text, fakeRoot).map((f) => f.text);

describe('the path check', () => {
  it('finds the absolute paths of a machine', () => {
    expect(
      found('test/unit/a.test.ts', `readFileSync('${abs('work', 'shared', 'x.json')}')`),
    ).toEqual([abs('work') + '/']);
    expect(found('a.ts', `const home = '${abs('home', 'ana', '.config')}';`)).toEqual([
      abs('home', 'ana'),
    ]);
    expect(found('a.ts', `cd ${abs('root', 'project')}`)).toEqual([abs('root') + '/']);
    expect(found('a.ts', `'${abs('Users', 'ana', 'Library')}'`)).toEqual([
      abs('Users', 'ana') + '/',
    ]);
    const windows = ['C:', 'Users', 'ana', 'AppData'];
    expect(found('a.ts', windows.join('\\'))).toHaveLength(1);
    // As written in a JavaScript string literal, backslashes doubled.
    expect(found('a.ts', `'${windows.join('\\\\')}'`)).toHaveLength(1);
    // The checkout's own absolute path, wherever it is.
    expect(found('a.ts', `open('${fakeRoot}/resources/demo.json')`)).toEqual([fakeRoot]);
  });

  it('finds relative paths that climb out of the repository, from the file’s folder', () => {
    expect(found('README.md', `see \`${up(1)}shared/docs/MODEL.md\``)).toEqual([
      `${up(1)}shared/docs/MODEL.md`,
    ]);
    expect(
      found('test/bench/optimise.ts', `join(here, '${up(3)}shared/benchmarks/orlib')`),
    ).toEqual([`${up(3)}shared/benchmarks/orlib`]);
    expect(found('renderer/src/a.ts', `import x from '${up(3)}shared/engine/plan';`)).toHaveLength(
      1,
    );
    expect(found('docs/a.md', `[x](notes/${up(3)}elsewhere.md)`)).toHaveLength(1);
    expect(found('scripts/a.mjs', `resolve(here, '${up(1)}..')`)).toHaveLength(1);
  });

  it('passes paths inside the repository and paths that are not of this machine', () => {
    const clean: [string, string][] = [
      ['renderer/src/lib/api/bridge.ts', `import type { A } from '${up(4)}shared/api/contract';`],
      ['test/bench/optimise.ts', `join(here, '${up(1)}fixtures/orlib')`],
      ['test/unit/x/a.test.ts', `new URL('${up(2)}fixtures/moyen.json', import.meta.url)`],
      ['test/fixtures/README.md', `[format](${up(2)}docs/format.md)`],
      ['docs/cli.md', `npx arbitra validate resources/demo.json`],
      ['README.md', `[notes](docs/calculs.md#valeur) and \`${abs('usr', 'bin', 'chromium')}\``],
      ['a.md', `https://example.org${abs('home', 'ana')}/page and a${abs('root')}/b`],
      ['a.ts', `const range = 'a..b'; const spread = [...xs];`],
    ];
    for (const [file, text] of clean) expect(found(file, text), `${file}: ${text}`).toEqual([]);
  });

  it('lets a line mark a made-up path as data', () => {
    const home = abs('home', 'ana');
    expect(found('a.ts', `f('${home}'); // check-paths: allow`)).toEqual([]);
    expect(found('a.ts', `// check-paths: allow-next-line\nf('${home}');`)).toEqual([]);
    expect(found('a.ts', `// check-paths: allow-next-line\nf(1);\nf('${home}');`)).toEqual([home]);
  });

  it('says where: file, line and why', () => {
    const [finding] = checkText('README.md', `# Title\n\nRead ${up(1)}shared/x.md`, fakeRoot);
    expect(finding).toMatchObject({ line: 3, why: expect.stringContaining('climbs out') });
  });

  it('fails on a temporary repository holding such a path and passes once it is fixed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbitra-check-paths-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    mkdirSync(join(dir, 'test'));
    writeFileSync(join(dir, 'README.md'), `Rules: ${up(1)}shared/docs/MODEL.md\n`);
    writeFileSync(join(dir, 'test', 'a.ts'), `readFileSync('${abs('work', 'x.json')}');\n`);
    writeFileSync(join(dir, 'package-lock.json'), `{ "resolved": "${abs('home', 'x')}/y" }\n`);
    writeFileSync(join(dir, 'image.bin'), Buffer.from([0, 1, 2, ...Buffer.from(abs('root', 'x'))]));
    git('add', '-A');

    const run = () => spawnSync(process.execPath, [script, '--root', dir], { encoding: 'utf8' });
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('README.md:1:');
    expect(failed.stderr).toContain('test/a.ts:1:');
    expect(failed.stderr).not.toContain('package-lock.json');
    expect(failed.stderr).not.toContain('image.bin');

    writeFileSync(join(dir, 'README.md'), 'Rules: docs/calculs.md\n');
    writeFileSync(
      join(dir, 'test', 'a.ts'),
      `readFileSync(new URL('fixtures/x.json', import.meta.url));\n`,
    );
    const passed = run();
    expect(passed.stderr).toBe('');
    expect(passed.status).toBe(0);
  });

  it('finds nothing in this repository', () => {
    expect(checkFiles(repoRoot, trackedFiles(repoRoot))).toEqual([]);
  });
});

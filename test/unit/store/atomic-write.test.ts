import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portfolioToJson, writePortfolioFile } from '../../../electron/documents/files';
import { DocumentStore } from '../../../electron/documents/store';
import { example, smallPortfolio, tempDir } from './helpers';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const filesModule = pathToFileURL(join(repo, 'electron/documents/files.ts')).href;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a write that does not finish', () => {
  it('leaves the previous JSON file whole when the process is killed mid-write', async () => {
    const dir = tempDir();
    const target = join(dir, 'portefeuille.json');
    await writePortfolioFile(target, smallPortfolio());
    const before = fs.readFileSync(target, 'utf8');

    // A child process starts writing a large document and is killed (SIGKILL,
    // as a power cut would) once half of the text is on disk.
    const child = join(dir, 'writer.mts');
    fs.writeFileSync(
      child,
      `
      import * as fs from 'node:fs';
      const { writePortfolioFile } = await import(${JSON.stringify(filesModule)});
      const realOpen = fs.promises.open;
      fs.promises.open = async (...args) => {
        const handle = await realOpen(...args);
        handle.writeFile = async (text) => {
          await handle.write(text.slice(0, text.length / 2));
          await handle.sync();
          process.stdout.write('half\\n');
          process.kill(process.pid, 'SIGKILL');
          await new Promise(() => {});
        };
        return handle;
      };
      const big = JSON.parse(fs.readFileSync(${JSON.stringify(fileURLToPath(new URL('../../fixtures/moyen.json', import.meta.url)))}, 'utf8'));
      await writePortfolioFile(${JSON.stringify(target)}, big);
      process.stdout.write('done\\n');
      `,
    );
    const { signal, stdout } = await new Promise<{ signal: string | null; stdout: string }>(
      (resolve, reject) => {
        const proc = spawn(process.execPath, ['--import', 'tsx', child], { cwd: repo });
        let out = '';
        let err = '';
        proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
        proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
        proc.on('error', reject);
        proc.on('close', (_code, sig) => {
          if (!out.includes('half')) reject(new Error(`child did not start writing: ${err}`));
          resolve({ signal: sig, stdout: out });
        });
      },
    );
    expect(signal).toBe('SIGKILL');
    expect(stdout).not.toContain('done');
    expect(fs.readFileSync(target, 'utf8')).toBe(before);
  });

  it('leaves the previous JSON file whole and no temporary file when the rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'portefeuille.json');
    await writePortfolioFile(target, smallPortfolio());
    const before = fs.readFileSync(target, 'utf8');
    vi.spyOn(fs.promises, 'rename').mockRejectedValue(
      Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }),
    );
    await expect(writePortfolioFile(target, example('moyen'))).rejects.toMatchObject({
      name: 'DocumentError',
      code: 'io',
      message: expect.stringMatching(/précédent est intact/),
    });
    expect(fs.readFileSync(target, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['portefeuille.json']);
  });

  it('replaces a previous .arbitra file only with a complete one', async () => {
    const dir = tempDir();
    const target = join(dir, 'portefeuille.arbitra');
    await writePortfolioFile(target, smallPortfolio());
    vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
    );
    await expect(writePortfolioFile(target, example('petit'))).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/disque est plein/),
    });
    expect(fs.readdirSync(dir)).toEqual(['portefeuille.arbitra']);
    const kept = DocumentStore.open(target);
    expect(kept.read()).toStrictEqual(smallPortfolio());
    kept.close();

    await writePortfolioFile(target, example('petit'));
    const replaced = DocumentStore.open(target);
    expect(replaced.read()).toStrictEqual(example('petit'));
    replaced.close();
  });

  it('writes pretty JSON that reads back as the same document', async () => {
    const target = join(tempDir(), 'joli.json');
    await writePortfolioFile(target, example('petit'));
    const text = fs.readFileSync(target, 'utf8');
    expect(text).toBe(portfolioToJson(example('petit')));
    expect(text).toContain('\n  "format": "arbitra-portfolio"');
    expect(JSON.parse(text)).toStrictEqual(example('petit'));
  });
});

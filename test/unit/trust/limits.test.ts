/**
 * No input makes the process crash, hang or exceed about 1.5 GB: each
 * hostile file is generated in a temporary folder and read by a child
 * process capped at 1.5 GB of JavaScript heap (`--max-old-space-size`) and
 * a time limit; the child must answer with a refusal naming the limit, and
 * its peak memory (resident, Buffers included) must stay under 1.5 GB.
 *
 * Cases: a workbook of a million rows (5 MB), zip bombs (a part declaring
 * 1 GB, a part declaring 1 KB and inflating to 1 GB), 300 « Autres champs »
 * rows ending in index 999999, a JSON of three million empty objects, a
 * .arbitra whose one row holds as many, FIFOs named .json / .arbitra /
 * .xlsx, /dev/zero behind a .json name, a folder named .arbitra; and the
 * million-row workbook imported through the API the page uses, after which
 * the API still answers.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../electron/documents/store';
import { exportDocumentWorkbook, SHEETS } from '../../../electron/documents/xlsx';
import { MAX_WORKBOOK_ROWS } from '../../../electron/documents/workbook-limits';
import { smallPortfolio, tempDir } from '../store/helpers';
import { manyRowsSheet, workbookWithSheet } from '../../support/zip';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./limits-child.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/arbitra.mjs', import.meta.url));
const HEAP_MB = 1536;
const RSS_LIMIT_KB = 1536 * 1024;
const TIME_LIMIT_MS = 120_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

interface Answer {
  answer: { ok: boolean; problems?: { path: string; message: string }[] } & Record<string, unknown>;
  maxRSS: number;
}

async function child(...args: string[]): Promise<Answer> {
  const result = await run(['--import', 'tsx', CHILD, ...args]);
  expect(result.timedOut, 'the child hung').toBe(false);
  expect({
    code: result.code,
    signal: result.signal,
    stderr: result.stderr.slice(0, 2000),
  }).toEqual({ code: 0, signal: null, stderr: '' });
  const answer = JSON.parse(result.stdout) as Answer;
  expect(answer.maxRSS).toBeLessThan(RSS_LIMIT_KB);
  return answer;
}

async function refused(file: string, said: RegExp): Promise<void> {
  const { answer } = await child('read', file);
  expect(answer.ok).toBe(false);
  expect(answer.problems?.map((p) => p.message).join('\n')).toMatch(said);
}

/** `bytes` zeros, deflated (a kilobyte of output per megabyte). */
function deflatedZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (c: Buffer) => out.push(c));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024);
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        if (!deflate.write(chunk)) return void deflate.once('drain', pump);
      }
      deflate.end();
    };
    pump();
  });
}

const GB = 1024 * 1024 * 1024;
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDir('arbitra-limits-');
  const at = (name: string) => (files[name] = join(dir, name));

  writeFileSync(
    at('million.xlsx'),
    workbookWithSheet({ name: '', data: manyRowsSheet(1_000_000) }),
  );
  const zeros = await deflatedZeros(GB);
  writeFileSync(
    at('bombe.xlsx'),
    workbookWithSheet({ name: '', deflated: zeros, size: GB, crc: 0 }),
  );
  writeFileSync(
    at('bombe-menteuse.xlsx'),
    workbookWithSheet({ name: '', deflated: zeros, declaredSize: 1024, crc: 0 }),
  );

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await exportDocumentWorkbook(smallPortfolio())) as unknown as ArrayBuffer,
  );
  const extra = workbook.getWorksheet(SHEETS.extra)!;
  for (let i = 0; i < 300; i++) extra.addRow([JSON.stringify([`x_${i}`, 999_999]), '"x"']);
  writeFileSync(at('indices.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));

  const objects = `[${'{},'.repeat(3_000_000)}{}]`;
  writeFileSync(at('objets.json'), objects);
  const store = join(dir, 'objets.arbitra');
  DocumentStore.create(store, smallPortfolio()).close();
  const db = new Database(store);
  db.prepare(`UPDATE sections SET json = ? WHERE name = 'x_commentaire'`).run(objects);
  db.close();
  files['objets.arbitra'] = store;

  for (const name of ['tube.json', 'tube.arbitra', 'tube.xlsx']) execFileSync('mkfifo', [at(name)]);
  symlinkSync('/dev/zero', at('zero.json'));
  mkdirSync(at('dossier.arbitra'));
}, 120_000);

describe('hostile files read under a 1.5 GB cap and a time limit', () => {
  it('refuses a 5 MB workbook of a million rows, naming the row limit', async () => {
    await refused(
      files['million.xlsx']!,
      new RegExp(`plus de ${MAX_WORKBOOK_ROWS.toLocaleString('fr-FR')} lignes`),
    );
  }, 180_000);

  it('refuses zip bombs, honest and lying about their size, before inflating them', async () => {
    await refused(files['bombe.xlsx']!, /se décompresse en plus de 128 Mo/);
    await refused(files['bombe-menteuse.xlsx']!, /plus d’octets qu’elle n’en annonce/);
  }, 180_000);

  it('refuses 300 « Autres champs » rows ending in index 999999', async () => {
    await refused(files['indices.xlsx']!, /l’indice 999999 dépasse la limite/);
  }, 180_000);

  it('refuses three million empty objects in a JSON file and in a .arbitra row', async () => {
    await refused(files['objets.json']!, /plus de 2.000.000 objets et listes/);
    await refused(files['objets.arbitra']!, /plus de 2.000.000 objets et listes/);
  }, 180_000);

  it('refuses FIFOs, a device and a folder without blocking', async () => {
    await refused(files['tube.json']!, /tube de communication \(FIFO\)/);
    await refused(files['tube.arbitra']!, /tube de communication \(FIFO\)/);
    await refused(files['tube.xlsx']!, /tube de communication \(FIFO\)/);
    await refused(files['zero.json']!, /un périphérique/);
    await refused(files['dossier.arbitra']!, /un dossier/);
  }, 180_000);

  it('the command line answers a FIFO with a refusal, exit status 1, in time', async () => {
    const result = await run([BIN, 'validate', files['tube.arbitra']!]);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/tube de communication \(FIFO\)/);
  }, 180_000);

  it('the API refuses the million-row workbook from the page and keeps answering', async () => {
    const { answer } = await child('import-xlsx', files['million.xlsx']!, join(dir, 'donnees'));
    expect(answer.alive).toBe(true);
    expect(answer.imported).toMatchObject({
      ok: true,
      result: { ok: false, problems: [{ message: expect.stringMatching(/lignes/) }] },
    });
  }, 180_000);
});

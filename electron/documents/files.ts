/**
 * Portfolio files by extension: `.json` (format 1, MODEL.md §2) and
 * `.arbitra` (the SQLite document, see `store.ts`) and `.xlsx` (the document
 * workbook, see `xlsx.ts`).
 *
 * Reading never throws: every failure comes back as problems a finance
 * officer can act on. Writing is atomic: the file at the target path is
 * either the previous one or the complete new one, never a half-written mix.
 */
import * as fs from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Portfolio, Problem } from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';
import { DocumentError, DocumentStore, type StoreOptions } from './store';
import { checkJsonShape, MAX_JSON_BYTES, MAX_WORKBOOK_BYTES, readRegularFile } from './limits';
import { cleanTemporaryFiles, syncFolder, temporarySibling } from './temporary';
import { exportDocumentWorkbook, importDocumentWorkbook } from './xlsx';

export { MAX_JSON_BYTES } from './limits';

export type PortfolioFileKind = 'json' | 'arbitra' | 'xlsx';

export type ReadPortfolioResult =
  { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] };

/** The kind of portfolio file a path names, from its extension; undefined when unknown. */
export function portfolioFileKind(path: string): PortfolioFileKind | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.arbitra') return 'arbitra';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/** Format-1 JSON text of a document: indented, one trailing newline, keys in their order. */
export function portfolioToJson(portfolio: Portfolio): string {
  return JSON.stringify(portfolio, null, 2) + '\n';
}

function problem(message: string, path = ''): Problem[] {
  return [{ path, message }];
}

function unknownExtension(path: string): string {
  return `Le fichier « ${basename(path)} » n’a pas une extension connue : Arbitra lit les fichiers .json (format 1), .arbitra et .xlsx.`;
}

/** Where a JSON syntax error is, in words, from Node's message. */
function jsonSyntaxMessage(path: string, text: string, error: unknown): string {
  const detail = (error as Error).message;
  const at = /position (\d+)/.exec(detail);
  let where = '';
  if (at?.[1]) {
    const offset = Number(at[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = ` (ligne ${line}, colonne ${column})`;
  } else if (/end of JSON input|Unterminated/i.test(detail)) {
    where = ' (le fichier s’arrête avant la fin : il est peut-être tronqué)';
  }
  return `Le fichier « ${basename(path)} » n’est pas un JSON lisible${where}. Vérifiez qu’il n’a pas été modifié à la main ou tronqué.`;
}

/** A refusal of the file layer as problems; anything else as one sentence. */
function readFailure(path: string, error: unknown): Problem[] {
  if (error instanceof DocumentError) return error.problems;
  return problem(`Le fichier « ${basename(path)} » n’a pas pu être lu.`);
}

async function readWorkbookPortfolio(path: string): Promise<ReadPortfolioResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_WORKBOOK_BYTES, 'classeurs Excel');
  } catch (error) {
    return { ok: false, problems: readFailure(path, error) };
  }
  return importDocumentWorkbook(bytes);
}

async function readJsonPortfolio(path: string): Promise<ReadPortfolioResult> {
  let text: string;
  try {
    text = (await readRegularFile(path, MAX_JSON_BYTES, 'fichiers JSON')).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    checkJsonShape(text, `Le fichier « ${basename(path)} »`);
  } catch (error) {
    return { ok: false, problems: readFailure(path, error) };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: problem(jsonSyntaxMessage(path, text, error)) };
  }
  const checked = validatePortfolio(input);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  // The document as written, not the validator's view of it: nothing is added or dropped.
  return { ok: true, portfolio: input as Portfolio, warnings: checked.warnings };
}

/**
 * Reads and validates a portfolio file (`.json` or `.arbitra`). A `.arbitra`
 * file is not changed, even when it comes from an older version. Never throws.
 */
export async function readPortfolioFile(
  path: string,
  options: StoreOptions = {},
): Promise<ReadPortfolioResult> {
  try {
    const target = resolve(path);
    switch (portfolioFileKind(target)) {
      case 'json':
        return await readJsonPortfolio(target);
      case 'arbitra': {
        const { portfolio, warnings } = DocumentStore.readFile(target, options);
        return { ok: true, portfolio, warnings };
      }
      case 'xlsx':
        return await readWorkbookPortfolio(target);
      default:
        return { ok: false, problems: problem(unknownExtension(target)) };
    }
  } catch (error) {
    return { ok: false, problems: readFailure(path, error) };
  }
}

/**
 * Writes `data` (text as UTF-8, or bytes) to `path` atomically: a temporary
 * file in the same folder, flushed to disk, then renamed over the target. A
 * crash or an error leaves the previous file as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  cleanTemporaryFiles(dirname(target));
  const temporary = temporarySibling(target, 'ecriture');
  try {
    const handle = await fs.promises.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    throw ioError(target, error);
  }
  syncFolder(dirname(target));
}

function ioError(target: string, error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const code = (error as { code?: string }).code;
  const name = `« ${basename(target)} »`;
  const message =
    code === 'ENOSPC'
      ? `Le disque est plein : ${name} n’a pas pu être enregistré ; le fichier précédent est intact.`
      : code === 'EACCES' || code === 'EPERM'
        ? `Arbitra n’a pas le droit d’écrire ${name} ; le fichier précédent est intact.`
        : code === 'ENOENT'
          ? `Le dossier de ${name} n’existe pas.`
          : code === 'EISDIR'
            ? `${name} est un dossier : choisissez un nom de fichier.`
            : `${name} n’a pas pu être enregistré ; le fichier précédent est intact.`;
  return new DocumentError('io', message, [], error);
}

/**
 * Writes a portfolio by extension: `.json` as format-1 text, `.arbitra` as a
 * new SQLite document (the portfolio must be valid). Replaces an existing
 * file only once the new one is complete. Throws a DocumentError.
 */
export async function writePortfolioFile(
  path: string,
  portfolio: Portfolio,
  options: StoreOptions = {},
): Promise<void> {
  const target = resolve(path);
  switch (portfolioFileKind(target)) {
    case 'json':
      return writeFileAtomic(target, portfolioToJson(portfolio));
    case 'arbitra': {
      cleanTemporaryFiles(dirname(target));
      const temporary = temporarySibling(target, 'arbitra');
      try {
        DocumentStore.create(temporary, portfolio, options).close();
        // A journal left by a previous document of that name must not be replayed on the new one.
        await Promise.all(
          ['-wal', '-shm'].map((suffix) => fs.promises.rm(target + suffix, { force: true })),
        );
        await fs.promises.rename(temporary, target);
      } catch (error) {
        await Promise.all(
          ['', '-wal', '-shm'].map((suffix) =>
            fs.promises.rm(temporary + suffix, { force: true }).catch(() => undefined),
          ),
        );
        throw ioError(target, error);
      }
      syncFolder(dirname(target));
      return;
    }
    case 'xlsx':
      return writeFileAtomic(target, await exportDocumentWorkbook(portfolio));
    default:
      throw new DocumentError('io', unknownExtension(target));
  }
}

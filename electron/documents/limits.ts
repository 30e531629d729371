/**
 * The readers' limits, checked before anything is read, and the one way to
 * read a file Arbitra did not write.
 *
 * - File type: regular files only. A folder, a FIFO, a socket or a device
 *   (`/dev/zero` named `x.json`) is refused from its `stat`, before it is
 *   opened: opening a FIFO for reading would wait for a writer for ever.
 *   The file is then opened without blocking and checked again (`fstat`), so
 *   a file swapped in between is refused too.
 * - Size: each kind of file has its ceiling (below), checked on `stat` and
 *   again while reading (a file that grows is cut at the limit and refused).
 * - JSON text: besides its size, the number of objects and arrays and of
 *   values it holds (`checkJsonShape`), counted in one pass over the text
 *   before `JSON.parse` builds anything: 200 MB of `[{},{},…]` would
 *   otherwise become 66 million objects and exhaust memory.
 *
 * Workbook limits (rows, cells, decompressed size of each part) are in
 * `workbook-limits.ts`; the array indices of « Autres champs » in
 * `workbook-extra.ts`. Every refusal names the limit, in French.
 */
import * as fs from 'node:fs';
import { DocumentError, shown } from './document-error';

const MB = 1024 * 1024;

/**
 * Largest JSON file read (200 MB). A 100 000-project document is about
 * 40 MB; past this limit the file is refused before it is loaded in memory.
 */
export const MAX_JSON_BYTES = 200 * MB;

/** Largest `.arbitra` file opened (256 MB; a 100 000-project document is about 60 MB). */
export const MAX_DOCUMENT_BYTES = 256 * MB;

/** Largest workbook read (50 MB compressed; a 1 000-project workbook is about 0.1 MB). */
export const MAX_WORKBOOK_BYTES = 50 * MB;

/**
 * Objects and arrays in one document's JSON (2 million; a project holds
 * about ten, so 100 000 projects hold about one million).
 */
export const MAX_JSON_CONTAINERS = 2_000_000;

/** Values (numbers, texts, objects ...) in one document's JSON (10 million). */
export const MAX_JSON_VALUES = 10_000_000;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} Mo`;
}

/** The refusal of a file past its size limit, naming the limit. */
export function tooLarge(path: string, size: number | undefined, limit: number, what: string) {
  const measured = size === undefined ? 'plus' : megabytes(size);
  return new DocumentError(
    'too-large',
    `Le fichier ${shown(path)} est trop gros (${measured}) : Arbitra lit les ${what} jusqu’à ${megabytes(limit)}.`,
  );
}

/** Why `info` is not a regular file, in words; undefined when it is one. */
function notRegular(path: string, info: fs.Stats): DocumentError | undefined {
  if (info.isFile()) return undefined;
  const what = info.isDirectory()
    ? 'un dossier'
    : info.isFIFO()
      ? 'un tube de communication (FIFO)'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'un périphérique'
        : info.isSocket()
          ? 'une prise de communication (socket)'
          : 'un élément spécial du système';
  return new DocumentError(
    'not-a-file',
    `${shown(path)} est ${what}, pas un fichier : Arbitra ne lit que des fichiers ordinaires.`,
  );
}

/** `stat` errors (missing file ...) in words. */
function statFailure(path: string, error: unknown): DocumentError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DocumentError('io', `Le fichier ${shown(path)} est introuvable.`, [], error);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DocumentError(
      'io',
      `Arbitra n’a pas le droit de lire ${shown(path)}. Vérifiez les droits du fichier.`,
      [],
      error,
    );
  }
  return new DocumentError('io', `Le fichier ${shown(path)} n’a pas pu être lu.`, [], error);
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Checks, without opening it, that `path` is a regular file of at most
 * `maxBytes`; returns its `stat`. Throws a DocumentError otherwise.
 */
export function checkRegularFile(path: string, maxBytes: number, what: string): fs.Stats {
  let info: fs.Stats;
  try {
    info = fs.statSync(path);
  } catch (error) {
    throw statFailure(path, error);
  }
  const refusal = notRegular(path, info);
  if (refusal) throw refusal;
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes, what);
  return info;
}

/**
 * Opens a regular file for reading without ever blocking, checked before
 * (`stat`) and after (`fstat`, same file) opening. The caller closes the fd.
 */
export function openRegularFile(path: string, maxBytes: number, what: string): number {
  const before = checkRegularFile(path, maxBytes, what);
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw statFailure(path, error);
  }
  try {
    const after = fs.fstatSync(fd);
    const refusal = notRegular(path, after);
    if (refusal) throw refusal;
    if (after.ino !== before.ino || after.dev !== before.dev) {
      throw new DocumentError(
        'io',
        `Le fichier ${shown(path)} a été remplacé pendant sa lecture ; réessayez.`,
      );
    }
    if (after.size > maxBytes) throw tooLarge(path, after.size, maxBytes, what);
    return fd;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`, read without blocking
 * and never past the limit, even if the file grows meanwhile.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const fd = openRegularFile(path, maxBytes, what);
  try {
    const size = fs.fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Math.max(64 * 1024, Math.min(size + 1, 16 * MB));
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunk);
      const read = await new Promise<number>((resolve, reject) =>
        fs.read(fd, buffer, 0, chunk, null, (error, n) => (error ? reject(error) : resolve(n))),
      );
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw tooLarge(path, undefined, maxBytes, what);
      chunks.push(read === chunk ? buffer : buffer.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw statFailure(path, error);
  } finally {
    fs.closeSync(fd);
  }
}

/** How much a JSON text holds, counted without parsing it. */
export interface JsonShape {
  containers: number;
  values: number;
}

/**
 * Counts the objects, arrays and values of a JSON text in one pass (texts
 * skipped, escapes included), adding to `budget`, and refuses it past
 * MAX_JSON_CONTAINERS or MAX_JSON_VALUES. Malformed text is counted as well
 * as it can be: `JSON.parse` says what is wrong with it afterwards.
 */
export function checkJsonShape(
  text: string,
  where: string,
  budget: JsonShape = { containers: 0, values: 0 },
): JsonShape {
  let { containers, values } = budget;
  const n = text.length;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      containers++;
      values++;
      if (containers > MAX_JSON_CONTAINERS) break;
    } else if (c === 44) {
      values++;
      if (values > MAX_JSON_VALUES) break;
    }
  }
  if (containers > MAX_JSON_CONTAINERS) {
    throw new DocumentError(
      'too-large',
      `${where} contient plus de ${MAX_JSON_CONTAINERS.toLocaleString('fr-FR')} objets et listes : c’est au-delà de ce qu’Arbitra lit (un portefeuille de 100 000 projets en compte environ un million).`,
    );
  }
  if (values > MAX_JSON_VALUES) {
    throw new DocumentError(
      'too-large',
      `${where} contient plus de ${MAX_JSON_VALUES.toLocaleString('fr-FR')} valeurs : c’est au-delà de ce qu’Arbitra lit.`,
    );
  }
  budget.containers = containers;
  budget.values = values;
  return budget;
}

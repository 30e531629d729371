/**
 * A workbook's limits, checked on its zip container before exceljs reads
 * anything (exceljs builds every cell in memory: a 5 MB workbook of a
 * million rows would take 4 GB, and a « zip bomb » inflates to gigabytes).
 *
 * yauzl lists the parts from the zip's central directory and inflates each
 * one as a stream; for each part the declared size is checked first, then
 * the bytes actually produced (yauzl stops a part that produces more than it
 * declared), so nothing past the limits is ever held in memory. Worksheets
 * are counted as they stream: rows (`<row`) and cells (`<c`), and the shared
 * strings table (`<si`).
 *
 * Limits (a workbook of 1 000 projects has about 3 000 rows and 60 000
 * cells; the ceilings below let about 30 000 projects through):
 */
import yauzl from 'yauzl';
import { DocumentError } from './document-error';

const MB = 1024 * 1024;

/** Parts (files) in the zip container. */
export const MAX_WORKBOOK_PARTS = 1_000;
/** Decompressed size of one part. */
export const MAX_PART_BYTES = 128 * MB;
/** Decompressed size of all the parts together. */
export const MAX_UNZIPPED_BYTES = 384 * MB;
/** Rows over all the sheets. */
export const MAX_WORKBOOK_ROWS = 250_000;
/** Cells over all the sheets (and entries of the shared strings table). */
export const MAX_WORKBOOK_CELLS = 2_000_000;

const fr = (n: number) => n.toLocaleString('fr-FR');

function tooLarge(message: string): DocumentError {
  return new DocumentError('too-large', message);
}

export function unreadableWorkbook(): DocumentError {
  return new DocumentError(
    'corrupt',
    'Ce fichier n’est pas un classeur Excel lisible (.xlsx) : il est endommagé ou d’un autre format. Ouvrez-le dans Excel et enregistrez-le au format .xlsx.',
  );
}

/** Counts the occurrences of an element's start tag in a stream of XML text. */
class TagCounter {
  count = 0;
  #tail = '';
  readonly #pattern: RegExp;
  constructor(tag: string) {
    // `<row ...>`, `<row>`, `<row/>`, and with a namespace prefix `<x:row>`.
    this.#pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]{0,15}:)?${tag}[\\s>/]`, 'g');
  }
  /** Text is decoded as latin1: tags are ASCII, and a multi-byte character cannot fake one. */
  feed(chunk: Buffer): void {
    const text = this.#tail + chunk.toString('latin1');
    const keep = Math.max(0, text.length - 24);
    this.#pattern.lastIndex = 0;
    for (let m = this.#pattern.exec(text); m; m = this.#pattern.exec(text)) {
      if (m.index >= keep) break;
      this.count++;
    }
    this.#tail = text.slice(keep);
  }
  end(): void {
    this.#pattern.lastIndex = 0;
    while (this.#pattern.exec(this.#tail)) this.count++;
    this.#tail = '';
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;

function readPart(zip: yauzl.ZipFile, entry: yauzl.Entry, counters: TagCounter[]) {
  return new Promise<number>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PART_BYTES) {
          stream.destroy(partTooLarge(entry.fileName));
          return;
        }
        for (const counter of counters) counter.feed(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        for (const counter of counters) counter.end();
        resolve(size);
      });
    });
  });
}

function partTooLarge(name: string): DocumentError {
  return tooLarge(
    `Une partie du classeur (« ${name.slice(0, 80)} ») se décompresse en plus de ${MAX_PART_BYTES / MB} Mo : Arbitra refuse les parties de plus de ${MAX_PART_BYTES / MB} Mo (le fichier est peut-être une « bombe » de compression).`,
  );
}

/**
 * Refuses (DocumentError `too-large`, or `corrupt` for a damaged zip) a
 * workbook past any of the limits above, reading it as a stream.
 */
export async function checkWorkbookLimits(bytes: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw unreadableWorkbook();
  }
  try {
    if (zip.entryCount > MAX_WORKBOOK_PARTS) {
      throw tooLarge(
        `Le classeur contient ${fr(zip.entryCount)} parties : Arbitra lit les classeurs d’au plus ${fr(MAX_WORKBOOK_PARTS)} parties.`,
      );
    }
    let declared = 0;
    let inflated = 0;
    const rows = new TagCounter('row');
    const cells = new TagCounter('c');
    const strings = new TagCounter('si');
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => done(null, e);
        const onEnd = () => done(null, null);
        const onError = (error: Error) => done(error, null);
        const done = (error: Error | null, e: yauzl.Entry | null) => {
          zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
          if (error) reject(error);
          else resolve(e);
        };
        zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zip.readEntry();
      });
      if (!entry) break;
      if (entry.fileName.endsWith('/')) continue;
      if (entry.uncompressedSize > MAX_PART_BYTES) throw partTooLarge(entry.fileName);
      declared += entry.uncompressedSize;
      if (declared > MAX_UNZIPPED_BYTES) throw unzippedTooLarge();
      const counters = WORKSHEET.test(entry.fileName)
        ? [rows, cells]
        : SHARED_STRINGS.test(entry.fileName)
          ? [strings]
          : [];
      inflated += await readPart(zip, entry, counters);
      if (inflated > MAX_UNZIPPED_BYTES) throw unzippedTooLarge();
      if (rows.count > MAX_WORKBOOK_ROWS) {
        throw tooLarge(
          `Le classeur contient plus de ${fr(MAX_WORKBOOK_ROWS)} lignes : Arbitra lit les classeurs d’au plus ${fr(MAX_WORKBOOK_ROWS)} lignes (toutes feuilles comprises).`,
        );
      }
      if (cells.count > MAX_WORKBOOK_CELLS || strings.count > MAX_WORKBOOK_CELLS) {
        throw tooLarge(
          `Le classeur contient plus de ${fr(MAX_WORKBOOK_CELLS)} cellules : Arbitra lit les classeurs d’au plus ${fr(MAX_WORKBOOK_CELLS)} cellules (toutes feuilles comprises).`,
        );
      }
    }
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    // yauzl stops a part at the first byte past the size it declared.
    if (/too many bytes/i.test((error as Error).message)) {
      throw tooLarge(
        'Une partie du classeur se décompresse en plus d’octets qu’elle n’en annonce : le fichier est endommagé ou piégé (« bombe » de compression). Il n’a pas été lu.',
      );
    }
    throw unreadableWorkbook();
  } finally {
    if (zip.isOpen) zip.close();
  }
}

function unzippedTooLarge(): DocumentError {
  return tooLarge(
    `Le classeur se décompresse en plus de ${MAX_UNZIPPED_BYTES / MB} Mo : Arbitra lit les classeurs d’au plus ${MAX_UNZIPPED_BYTES / MB} Mo une fois décompressés.`,
  );
}

/**
 * Why a document cannot be read, opened, created or edited, in French for
 * the user. Every failure of the file layer (Node's `fs` codes, SQLite's
 * codes, our own checks) ends as a `DocumentError` whose message a finance
 * officer can act on; the engine's English text stays in `cause` only, for
 * the logs.
 */
import { basename } from 'node:path';
import type { Problem } from '../../shared/model/portfolio';

export type DocumentErrorCode =
  | 'not-arbitra'
  | 'corrupt'
  | 'too-new'
  | 'conflict'
  | 'io'
  | 'exists'
  | 'invalid'
  /** The database holds an object Arbitra did not create (trigger, view, table, index). */
  | 'foreign'
  /** Past one of the readers' limits (size, rows, cells, decompressed size ...). */
  | 'too-large'
  /** Not a regular file (a folder, a FIFO, a device). */
  | 'not-a-file';

export class DocumentError extends Error {
  readonly code: DocumentErrorCode;
  readonly problems: Problem[];
  constructor(code: DocumentErrorCode, message: string, problems: Problem[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DocumentError';
    this.code = code;
    this.problems = problems.length > 0 ? problems : [{ path: '', message }];
  }
}

/** The name shown to the user in messages. */
export function shown(path: string): string {
  return `« ${basename(path)} »`;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite's extended codes (`SQLITE_IOERR_SHORT_READ`) by their primary code. */
function is(code: string, primary: string): boolean {
  return code === primary || code.startsWith(`${primary}_`);
}

/** Another connection holds the file for a moment: worth retrying, not a lost file. */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error);
  return is(code, 'SQLITE_BUSY') || is(code, 'SQLITE_LOCKED');
}

/** Turns any error raised while working on `path` into a DocumentError in French. */
export function asDocumentError(error: unknown, path: string): DocumentError {
  if (error instanceof DocumentError) return error;
  const code = codeOf(error);
  const name = shown(path);
  const make = (kind: DocumentErrorCode, message: string) =>
    new DocumentError(kind, message, [], error);
  if (is(code, 'SQLITE_NOTADB') || is(code, 'SQLITE_CORRUPT') || is(code, 'SQLITE_FORMAT')) {
    return make('corrupt', `Le fichier ${name} est endommagé et ne peut pas être lu.`);
  }
  if (code === 'ENOENT') return make('io', `Le fichier ${name} est introuvable.`);
  if (code === 'ENOTDIR') return make('io', `Le dossier de ${name} est introuvable.`);
  if (code === 'EISDIR' || code === 'SQLITE_CANTOPEN_ISDIR') {
    return make('not-a-file', `${name} est un dossier, pas un document.`);
  }
  if (code === 'EROFS' || is(code, 'SQLITE_READONLY')) {
    return make(
      'io',
      `Arbitra n’a pas le droit d’écrire ${name} : le fichier ou son dossier est en lecture seule. Copiez le document dans un dossier où vous pouvez écrire, ou utilisez « Enregistrer sous… ».`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || is(code, 'SQLITE_PERM') || is(code, 'SQLITE_AUTH')) {
    return make(
      'io',
      `Arbitra n’a pas le droit d’écrire ou de lire ${name}. Vérifiez les droits du fichier et de son dossier.`,
    );
  }
  if (isBusy(error) || code === 'EBUSY') {
    return make(
      'io',
      `Le fichier ${name} est en cours d’utilisation par un autre programme. Réessayez dans un instant.`,
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || is(code, 'SQLITE_FULL')) {
    return make('io', `Le disque est plein : ${name} n’a pas pu être enregistré.`);
  }
  if (code === 'ENAMETOOLONG') {
    return make('io', `Le chemin de ${name} est trop long pour ce système.`);
  }
  if (code === 'EMFILE' || code === 'ENFILE' || is(code, 'SQLITE_NOMEM') || code === 'ENOMEM') {
    return make(
      'io',
      `Le système manque de ressources pour ouvrir ${name}. Fermez d’autres programmes puis réessayez.`,
    );
  }
  if (is(code, 'SQLITE_TOOBIG')) {
    return make('too-large', `Le fichier ${name} contient une valeur trop grande pour être lue.`);
  }
  if (is(code, 'SQLITE_CANTOPEN')) {
    return make(
      'io',
      `Le fichier ${name} ne peut pas être ouvert (dossier absent ou inaccessible).`,
    );
  }
  if (is(code, 'SQLITE_IOERR') || code === 'EIO') {
    return make(
      'io',
      `Erreur du disque en lisant ou en écrivant ${name} (support retiré, réseau coupé ?). Réessayez ; si elle revient, copiez le document ailleurs.`,
    );
  }
  if (code.startsWith('SQLITE_')) {
    return make(
      'corrupt',
      `Le document ${name} ne peut pas être lu : sa base de données n’a pas la forme d’un document Arbitra.`,
    );
  }
  return make('io', `Erreur de lecture ou d’écriture sur ${name}.`);
}

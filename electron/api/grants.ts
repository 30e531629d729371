/**
 * The files the page may use, bound to what the user chose.
 *
 * The API never opens or writes a path the page names. The page names a
 * file by an opaque handle that the main process gave out when the user
 * chose that file: in a native dialog (Electron), in the recent list or the
 * documents folder listed by the main process itself. A handle is a random
 * 24-character token, valid for this run only, for one purpose (open or
 * save), and names the path the main process bound it to; the page cannot
 * make one up. Saving under a new name in the browser goes to the documents
 * folder only (a file name, no folder), and replacing an existing file
 * needs `overwrite: true`, which the page sends only once the user answered
 * « Remplacer » (the native save dialog of Electron asks it itself).
 */
import { randomBytes } from 'node:crypto';
import type { FileGrant } from '../../shared/api/contract';
import { basename } from 'node:path';
import { AppError } from './errors';

export type GrantPurpose = 'open' | 'save';

export interface Grant {
  path: string;
  purpose: GrantPurpose;
  /** The user already agreed to replace the file (native save dialog). */
  overwrite: boolean;
}

/** Handles kept at once; the oldest are forgotten first. */
export const MAX_GRANTS = 1_000;

export class Grants {
  readonly #byHandle = new Map<string, Grant>();

  /** A handle for `path`, for `purpose`. */
  issue(path: string, purpose: GrantPurpose, overwrite = false): FileGrant {
    const handle = randomBytes(18).toString('base64url');
    this.#byHandle.set(handle, { path, purpose, overwrite });
    while (this.#byHandle.size > MAX_GRANTS) {
      this.#byHandle.delete(this.#byHandle.keys().next().value!);
    }
    return { handle, name: basename(path) };
  }

  /** The grant behind `handle`, for `purpose`; an AppError `bad-grant` otherwise. */
  take(handle: string, purpose: GrantPurpose): Grant {
    const grant = this.#byHandle.get(handle);
    if (!grant || grant.purpose !== purpose) {
      throw new AppError(
        'bad-grant',
        purpose === 'open'
          ? 'Ce fichier n’a pas été choisi dans Arbitra : choisissez-le avec « Ouvrir… ».'
          : 'Cet emplacement n’a pas été choisi dans Arbitra : choisissez-le avec « Enregistrer sous… ».',
        [{ path: 'handle', message: 'Jeton de fichier inconnu.' }],
      );
    }
    return grant;
  }
}

/**
 * Temporary files of whole-file writes (new documents, copies, exports,
 * migrations), and their cleaning.
 *
 * Every temporary file is written in the target's folder (so the final
 * rename is atomic) under a recognisable hidden name:
 *
 *   .arbitra-tmp-<machine>-<process id>-<random>.<purpose>
 *
 * where <machine> is 8 hex digits of a hash of this computer's name. A copy
 * killed halfway leaves such a file behind; `cleanTemporaryFiles` removes,
 * from a folder, those of this machine whose process is no longer running,
 * and those of any machine (a shared drive) untouched for a day. SQLite's
 * side files of a temporary database (`-wal`, `-shm`, `-journal`) carry the
 * same prefix and go with it.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

export const TEMPORARY_PREFIX = '.arbitra-tmp-';

/** A temporary file of another machine is removed once untouched this long. */
export const FOREIGN_TEMPORARY_AGE_MS = 24 * 60 * 60 * 1000;

const MACHINE = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

const PATTERN = /^\.arbitra-tmp-([0-9a-f]{8})-(\d+)-[0-9a-f]+\./;

/** A temporary file name in the same folder as `path` (so rename is atomic). */
export function temporarySibling(path: string, purpose: string): string {
  const random = randomBytes(6).toString('hex');
  return join(dirname(path), `${TEMPORARY_PREFIX}${MACHINE}-${process.pid}-${random}.${purpose}`);
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that killed copies left in `folder`; returns
 * the names removed. Never throws: cleaning is a courtesy, not a condition.
 */
export function cleanTemporaryFiles(folder: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = PATTERN.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    try {
      const info = fs.lstatSync(path);
      if (!info.isFile()) continue;
      const ours = match[1] === MACHINE;
      const stale = ours
        ? !running(Number(match[2]))
        : now - info.mtimeMs > FOREIGN_TEMPORARY_AGE_MS;
      if (!stale) continue;
      fs.rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Vanished meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** fsync of a folder after a rename, where the platform allows it. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported everywhere (Windows); the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Removes a temporary database and its SQLite side files, quietly. */
export function removeQuietly(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Best effort: `cleanTemporaryFiles` catches what is left.
    }
  }
}

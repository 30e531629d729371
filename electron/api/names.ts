/**
 * File names for documents the app creates itself (demo, new, import):
 * readable, safe on every system, and never replacing an existing file.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A name usable as a file name on Windows, macOS and Linux. */
export function safeFileStem(name: string, fallback = 'Portefeuille'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  if (!cleaned || RESERVED.test(cleaned)) return fallback;
  return cleaned;
}

/** The stem of an imported file's name: `Budget 2027.json` gives `Budget 2027`. */
export function stemOf(fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/'));
  const ext = extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/** `dir/stem.ext`, or `dir/stem (2).ext`, `(3)`, ... when taken. */
export function uniquePath(
  dir: string,
  stem: string,
  ext: string,
  exists: (path: string) => boolean = existsSync,
): string {
  let candidate = join(dir, `${stem}${ext}`);
  for (let n = 2; exists(candidate); n++) candidate = join(dir, `${stem} (${n})${ext}`);
  return candidate;
}

#!/usr/bin/env node
/**
 * Fails when a tracked file names a place outside the repository, so that a
 * clone anywhere builds, tests and reads its docs on its own:
 *
 * - an absolute path of a machine: a home folder (`/home` or `/Users` then a
 *   user name, the super-user's home, `C:` then `Users` and a name), the
 *   shared work folder (`/work`), or the absolute path of this checkout;
 * - a relative path whose `..` steps climb above the repository root, read
 *   from the folder of the file that names it (one step up to a sibling
 *   `shared` folder from the root README, three steps up from `test/bench`).
 *
 * This file and its test name such paths only through patterns and pieces,
 * so that they pass the check themselves.
 *
 * Skipped: package-lock.json (registry URLs and tarball paths) and binary
 * files (a NUL byte in the first 8 KB). A line that must show such a path as
 * data (a made-up home folder in a test) carries `check-paths: allow`, or the
 * line before it `check-paths: allow-next-line`.
 *
 *   node scripts/check-paths.mjs             # the files `git ls-files` lists
 *   node scripts/check-paths.mjs FILE...     # these files only
 *   node scripts/check-paths.mjs --root DIR  # another checkout (default: this one)
 *
 * Run by `npm run lint`. Exit status 0 when clean, 1 with one line per finding.
 */
import { execFileSync } from 'node:child_process';
import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIPPED = new Set(['package-lock.json']);
const ALLOW = 'check-paths: allow';
const ALLOW_NEXT = 'check-paths: allow-next-line';

/** The pieces are joined at run time so that this file does not name them itself. */
const sep = '/';
const ABSOLUTE = [
  { name: 'shared work folder', pattern: `${sep}work${sep}` },
  { name: 'home folder', pattern: `${sep}root${sep}` },
  { name: 'home folder', pattern: `${sep}home${sep}[^/\\s'"\`]+` },
  { name: 'home folder', pattern: `${sep}Users${sep}[^/\\s'"\`]+${sep}` },
  { name: 'home folder', pattern: '[A-Za-z]:\\\\{1,2}Users\\\\{1,2}' },
];

/** Not preceded by a word, a dot, a tilde or a slash: `x.org/home/…` or `a/root/` is not a path of this machine. */
const BEFORE = '(?<![\\w.~/\\\\-])';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The absolute-path patterns, plus this checkout's own path and the user's
 * home folder when they are not already covered.
 */
export function absolutePatterns(root) {
  const list = ABSOLUTE.map(({ name, pattern }) => ({
    name,
    regex: new RegExp(BEFORE + pattern, 'g'),
  }));
  for (const [name, place] of [
    ['path of this checkout', root],
    ['home folder', homedir()],
  ]) {
    if (!place || place.length < 4) continue;
    const text = place.replace(/\\/g, '/').replace(/\/+$/, '');
    list.push({ name, regex: new RegExp(BEFORE + escapeRegExp(text) + '(?![\\w.-])', 'g') });
  }
  return list;
}

/** Runs of path characters that hold a `..` step. */
const RELATIVE = /[\w@+~%.\\/-]*\.\.[\\/][\w@+~%.\\/-]*|[\w@+~%.\\/-]*[\\/]\.\.(?![\w.])/g;

/**
 * Where a relative path named in `file` (a path from the root) leads, from
 * the file's folder: null when it stays inside the repository.
 */
export function climbsOut(file, token) {
  const path = token.replace(/\\/g, '/');
  if (path.startsWith('/')) return null;
  const from = posix.dirname(file.replace(/\\/g, '/'));
  const target = posix.normalize(posix.join(from === '.' ? '' : from, path));
  return target === '..' || target.startsWith('../') ? target : null;
}

/** True when the bytes look binary (a NUL byte in the first 8 KB). */
function isBinary(absolute) {
  const fd = openSync(absolute, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Findings in one text: `{ line, text, why }` each. */
export function checkText(file, text, root) {
  const findings = [];
  const patterns = absolutePatterns(root);
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.includes(ALLOW) && !line.includes(ALLOW_NEXT)) return;
    if (i > 0 && lines[i - 1].includes(ALLOW_NEXT)) return;
    // One finding per place: the first pattern that matches there names it.
    const seen = [];
    for (const { name, regex } of patterns) {
      regex.lastIndex = 0;
      for (let match; (match = regex.exec(line));) {
        const from = match.index;
        const to = from + match[0].length;
        if (seen.some(([a, b]) => from < b && a < to)) continue;
        seen.push([from, to]);
        findings.push({ line: i + 1, text: match[0], why: `names a ${name}` });
      }
    }
    RELATIVE.lastIndex = 0;
    for (let match; (match = RELATIVE.exec(line));) {
      const target = climbsOut(file, match[0]);
      if (target) {
        findings.push({
          line: i + 1,
          text: match[0],
          why: `climbs out of the repository (${target} from the root)`,
        });
      }
    }
  });
  return findings;
}

/** The files `git ls-files` lists under `root`. */
export function trackedFiles(root) {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter(Boolean);
}

/** Findings in `files` (paths from `root`), skipping the lock file, binaries and missing files. */
export function checkFiles(root, files) {
  const findings = [];
  for (const file of files) {
    const name = file.replace(/\\/g, '/');
    if (SKIPPED.has(posix.basename(name))) continue;
    const absolute = join(root, name);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      continue; // deleted in the work tree, not yet in the index
    }
    if (!stat.isFile() || isBinary(absolute)) continue;
    const text = readFileSync(absolute, 'utf8');
    for (const f of checkText(name, text, root)) findings.push({ file: name, ...f });
  }
  return findings;
}

function main(argv) {
  const at = argv.indexOf('--root');
  const root =
    at >= 0 && argv[at + 1]
      ? resolve(argv[at + 1])
      : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const named = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const files =
    named.length > 0 ? named.map((f) => relative(root, resolve(f))) : trackedFiles(root);
  const findings = checkFiles(root, files);
  for (const f of findings) {
    process.stderr.write(`${f.file}:${f.line}: « ${f.text} » ${f.why}\n`);
  }
  if (findings.length > 0) {
    process.stderr.write(
      `check-paths: ${findings.length} path(s) outside the repository; use a path inside it ` +
        `(new URL('../fixtures/…', import.meta.url)), or mark test data with "${ALLOW}".\n`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * better-sqlite3 built for Electron, beside the build for Node.
 *
 * Strategy: better-sqlite3 is a native addon, and Node and Electron need
 * different builds of it (different ABIs). We keep TWO BUILDS SIDE BY SIDE
 * and never rebuild in place:
 *
 *   - node_modules/better-sqlite3/build/Release/better_sqlite3.node is the
 *     build for Node, made by `npm install`. It serves `npm test`, the command
 *     line (`arbitra ...`) and `npm run web`. Nothing here touches it.
 *   - build/electron-native/<electronVersion>/better_sqlite3.node is the build
 *     for Electron, made by this script. The main process passes its path to
 *     better-sqlite3's `nativeBinding` option (electron/main/native.ts); a
 *     packaged app ships it as resources/native/better_sqlite3.node.
 *
 * To make the Electron build, the package is copied to a temporary folder
 * (without its build/) and, there:
 *   1. `prebuild-install --runtime=electron --target=<version> --arch=<arch>`
 *      downloads the prebuilt binary published by better-sqlite3 (GitHub);
 *   2. if that fails, `node-gyp rebuild --release --runtime=electron
 *      --target=<version> --dist-url=https://electronjs.org/headers` compiles
 *      it (needs a C++ toolchain and Python; node-gyp is the one npm ships).
 * The result is copied to the target path. The step is skipped when the file
 * is already there, so `npm test` and `npm start` work in either order, and a
 * new Electron version simply gets a new folder. Both steps need internet
 * access the first time (binary or Electron headers).
 *
 * Usage: node scripts/electron-native.mjs [--force]
 * `npm start` (scripts/start-electron.mjs) runs it before launching Electron.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  copyFileSync,
  realpathSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

export function electronVersion(root = ROOT) {
  const pkg = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  return pkg.version;
}

export function nativeTarget(version, root = ROOT) {
  return join(root, 'build', 'electron-native', version, 'better_sqlite3.node');
}

/** node-gyp as shipped with npm (npm_execpath when run by npm, else next to node). */
function findNodeGyp() {
  const npmDirs = [];
  if (process.env.npm_execpath) npmDirs.push(resolve(dirname(process.env.npm_execpath), '..'));
  const nodeDir = dirname(process.execPath);
  npmDirs.push(
    join(nodeDir, '..', 'lib', 'node_modules', 'npm'),
    join(nodeDir, 'node_modules', 'npm'),
    '/usr/lib/node_modules/npm',
    '/usr/local/lib/node_modules/npm',
  );
  for (const dir of npmDirs) {
    try {
      return require.resolve('node-gyp/bin/node-gyp.js', { paths: [dir] });
    } catch {
      // try the next place
    }
  }
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return null;
  }
}

function run(command, args, cwd, log) {
  log(
    `  $ ${[command, ...args].map((a) => (isAbsolute(a) ? relative(ROOT, a) || a : a)).join(' ')}`,
  );
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_runtime: 'electron' },
  });
  return result.status === 0;
}

/**
 * Makes sure the Electron build of better-sqlite3 exists; returns its path.
 * Throws an Error with a French message when it cannot be made.
 */
export function ensureElectronNative({
  root = ROOT,
  version = electronVersion(root),
  arch = process.arch,
  force = false,
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const target = nativeTarget(version, root);
  if (existsSync(target) && !force) return target;

  const source = realpathSync(join(root, 'node_modules', 'better-sqlite3'));
  const work = mkdtempSync(join(tmpdir(), 'arbitra-native-'));
  const pkgDir = join(work, 'better-sqlite3');
  log(`Préparation de SQLite pour Electron ${version} (${arch})…`);
  try {
    cpSync(source, pkgDir, {
      recursive: true,
      filter: (path) =>
        !path.startsWith(join(source, 'build') + sep) && path !== join(source, 'build'),
    });
    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    let ok = false;
    try {
      const prebuild = require.resolve('prebuild-install/bin.js');
      ok =
        run(
          process.execPath,
          [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${arch}`, '--verbose'],
          pkgDir,
          log,
        ) && existsSync(built);
    } catch {
      ok = false;
    }
    if (!ok) {
      const nodeGyp = findNodeGyp();
      if (nodeGyp) {
        log('Pas de binaire précompilé : compilation avec node-gyp…');
        ok =
          run(
            process.execPath,
            [
              nodeGyp,
              'rebuild',
              '--release',
              '--runtime=electron',
              `--target=${version}`,
              `--arch=${arch}`,
              '--dist-url=https://electronjs.org/headers',
            ],
            pkgDir,
            log,
          ) && existsSync(built);
      }
    }
    if (!ok) {
      throw new Error(
        `Impossible de préparer SQLite (better-sqlite3) pour Electron ${version} : ni binaire précompilé téléchargeable, ni compilation possible (il faut un accès à internet la première fois, et pour compiler Python et un compilateur C++). « npm run web » fonctionne sans cette étape.`,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(built, temporary);
    renameSync(temporary, target);
    log(`SQLite pour Electron prêt : ${relative(root, target)}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureElectronNative({ force: process.argv.includes('--force') });
    process.stdout.write(`${path}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

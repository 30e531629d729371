/**
 * `npm run dist`: installers of the desktop app with electron-builder
 * (configuration: "build" in package.json).
 *
 *   1. electron-vite build (main, preload, renderer into out/);
 *   2. better-sqlite3 built for Electron (scripts/electron-native.mjs), copied
 *      to build/native/better_sqlite3.node, which electron-builder ships as
 *      resources/native/better_sqlite3.node (see electron/main/native.ts);
 *   3. electron-builder for the current system, or the targets given:
 *      `npm run dist -- --linux AppImage deb`, `--win nsis`, `--mac dmg`.
 *
 * Needs internet access: electron-builder downloads the Electron binary and
 * its packaging tools (NSIS, AppImage runtime ...), and the native module
 * needs a prebuilt binary or Electron's headers. A dmg can only be made on
 * macOS; a Windows installer on Windows or with Wine.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronNative, ROOT } from './electron-native.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
run(bin('electron-vite'), ['build']);
const native = ensureElectronNative();
mkdirSync(join(ROOT, 'build', 'native'), { recursive: true });
copyFileSync(native, join(ROOT, 'build', 'native', 'better_sqlite3.node'));
run(bin('electron-builder'), ['--publish', 'never', ...process.argv.slice(2)]);

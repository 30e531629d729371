/**
 * `npm start`: the desktop app.
 *
 *   1. checks that the Electron binary is there (it is downloaded when
 *      `npm install` runs with internet access, unless
 *      ELECTRON_SKIP_BINARY_DOWNLOAD is set);
 *   2. makes sure better-sqlite3 is built for Electron, beside Node's build
 *      (see scripts/electron-native.mjs for the strategy);
 *   3. builds the app (`electron-vite build`) and launches Electron on it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureElectronNative, ROOT } from './electron-native.mjs';

const require = createRequire(join(ROOT, 'package.json'));

function stop(french, english) {
  process.stderr.write(`\n${french}\n(${english})\n\n`);
  process.exit(1);
}

/** Path of the Electron executable, or null when it was not downloaded. */
export function findElectronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = findElectronBinary();
if (!electron) {
  stop(
    'Le programme Electron est absent de node_modules : il se télécharge pendant « npm install » sur une machine reliée à internet (relancez « npm install » sans ELECTRON_SKIP_BINARY_DOWNLOAD) ; en attendant, « npm run web » sert la même application dans votre navigateur.',
    'The Electron binary is missing: it is downloaded by `npm install` with internet access (run `npm install` again without ELECTRON_SKIP_BINARY_DOWNLOAD); meanwhile `npm run web` serves the same app in your browser.',
  );
}

try {
  ensureElectronNative();
} catch (error) {
  stop(
    error.message,
    'Could not build better-sqlite3 for Electron; `npm run web` works without it.',
  );
}

const viteCli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [viteCli, 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  stop(
    'La construction de l’application a échoué (voir ci-dessus).',
    'The build failed (see above).',
  );
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
delete env.ELECTRON_RENDERER_URL;
const child = spawn(electron, ['.', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

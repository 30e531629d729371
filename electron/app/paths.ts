/**
 * Where things are on disk, for every way the app runs: Electron in
 * development (`out/main/index.js`), the packaged app, `npm run web`
 * (`tsx electron/web/serve.ts`), and the tests (sources under vitest).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The application's name, also the name of its data folder. */
export const APP_NAME = 'Arbitra';

/**
 * The folder holding the app's `package.json`: walks up from this module
 * (bundled into `out/main` or run from `electron/app`) until it finds ours.
 */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (pkg.name === 'arbitra') return dir;
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(from, '..', '..');
    dir = parent;
  }
}

/** The version in the app's `package.json`, or '0.0.0' when unreadable. */
export function readAppVersion(appRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The `resources/` folder (demo portfolio, presets): next to the sources in
 * development and under `npm run web`, in the packaged app's resources folder
 * (`process.resourcesPath/resources`, copied there as an extra resource).
 */
export function findResourcesDir(
  appRoot: string,
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
): string {
  const candidates = [join(appRoot, 'resources')];
  if (resourcesPath) candidates.push(join(resourcesPath, 'resources'), resourcesPath);
  return candidates.find((dir) => existsSync(join(dir, 'demo.json'))) ?? candidates[0]!;
}

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, so that
 * `npm run web` and the desktop app share their documents and settings.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

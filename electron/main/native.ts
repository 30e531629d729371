/**
 * Where the main process finds better-sqlite3's addon built for Electron.
 * Node's build stays in node_modules for the tests, the CLI and
 * `npm run web`; Electron's lives beside it (see scripts/electron-native.mjs).
 */
import { join } from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export function nativeBindingPath(options: {
  appRoot: string;
  electronVersion: string;
  isPackaged: boolean;
  resourcesPath: string;
}): string {
  if (options.isPackaged) return join(options.resourcesPath, 'native', NATIVE_FILE);
  return join(options.appRoot, 'build', 'electron-native', options.electronVersion, NATIVE_FILE);
}

/**
 * What the API handlers need to know about where they run: the data folder,
 * where documents go, where the bundled resources are, the transport, and
 * the native SQLite binding to use under Electron.
 */
import { join } from 'node:path';
import { findAppRoot, findResourcesDir, readAppVersion } from './paths';

export interface AppContext {
  /** Settings and default documents live here (Electron's userData). */
  dataDir: string;
  /** Where new, imported and demo documents are created. */
  documentsDir: string;
  /** The bundled `resources/` folder. */
  resourcesDir: string;
  /** The demo portfolio in format 1 (`resources/demo.json` by default). */
  demoPath: string;
  transport: 'electron' | 'web';
  /** better-sqlite3 addon built for Electron; undefined uses Node's build. */
  nativeBinding?: string;
  version: string;
}

export interface AppContextOptions {
  dataDir: string;
  transport: 'electron' | 'web';
  documentsDir?: string;
  resourcesDir?: string;
  demoPath?: string;
  nativeBinding?: string;
  version?: string;
  appRoot?: string;
}

export function createAppContext(options: AppContextOptions): AppContext {
  const appRoot = options.appRoot ?? findAppRoot();
  const resourcesDir = options.resourcesDir ?? findResourcesDir(appRoot);
  return {
    dataDir: options.dataDir,
    documentsDir: options.documentsDir ?? join(options.dataDir, 'Documents'),
    resourcesDir,
    demoPath: options.demoPath ?? join(resourcesDir, 'demo.json'),
    transport: options.transport,
    nativeBinding: options.nativeBinding,
    version: options.version ?? readAppVersion(appRoot),
  };
}

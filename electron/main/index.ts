/**
 * The Electron main process: one window showing the renderer from
 * `arbitra://app/`, the French menu, the API over IPC. Kept thin: the logic
 * lives in modules tested without Electron (security, scheme, menu, ipc,
 * the API handlers).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { CHANNELS } from '../app/channels';
import { createAppContext } from '../app/context';
import { APP_NAME } from '../app/paths';
import { createDispatcher } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { registerIpc, type Dialogs } from './ipc';
import { menuTemplate } from './menu';
import { nativeBindingPath } from './native';
import { createSchemeHandler, SCHEME_PRIVILEGES } from './scheme';
import {
  APP_SCHEME,
  APP_URL,
  devOrigin,
  hardenSession,
  hardenWebContents,
  webPreferences,
} from './security';

const dev = devOrigin(process.env.ELECTRON_RENDERER_URL);

protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES]);
app.setName(APP_NAME);
// Pinned, not derived from package.json's lower-case name: `npm run web`
// uses the same folder (electron/app/paths.ts defaultDataDir).
app.setPath('userData', join(app.getPath('appData'), APP_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, dev));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

function fail(error: unknown): void {
  process.stderr.write(`arbitra : ${(error as Error).stack ?? String(error)}\n`);
  dialog.showErrorBox('Arbitra', `Arbitra n’a pas pu démarrer : ${(error as Error).message}`);
  app.exit(1);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const nativeBinding = nativeBindingPath({
    appRoot,
    electronVersion: process.versions.electron ?? '',
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox(
      'Arbitra',
      `Le module SQLite construit pour Electron est introuvable (${nativeBinding}). Lancez l’application avec « npm start », qui le prépare.`,
    );
    app.exit(1);
    return;
  }
  const ctx = createAppContext({
    dataDir: app.getPath('userData'),
    transport: 'electron',
    nativeBinding,
    version: app.getVersion(),
    appRoot,
  });
  const handlers = createHandlers(ctx);
  app.on('will-quit', () => handlers.dispose());

  hardenSession(session.defaultSession, dev);
  protocol.handle(APP_SCHEME, createSchemeHandler(join(appRoot, 'out', 'renderer')));

  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Arbitra',
    show: false,
    webPreferences: webPreferences(fileURLToPath(new URL('../preload/index.cjs', import.meta.url))),
  });
  win.once('ready-to-show', () => win.show());

  const dialogs: Dialogs = {
    async pickOpenPath() {
      const result = await dialog.showOpenDialog(win, {
        title: 'Ouvrir un portefeuille',
        defaultPath: ctx.documentsDir,
        properties: ['openFile'],
        filters: [
          { name: 'Portefeuilles Arbitra', extensions: ['arbitra', 'json'] },
          { name: 'Document Arbitra (.arbitra)', extensions: ['arbitra'] },
          { name: 'Échange JSON (.json)', extensions: ['json'] },
        ],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath(suggestedName) {
      const result = await dialog.showSaveDialog(win, {
        title: 'Enregistrer le portefeuille sous',
        defaultPath: join(ctx.documentsDir, suggestedName),
        filters: [{ name: 'Document Arbitra (.arbitra)', extensions: ['arbitra'] }],
        // Windows and macOS always ask before replacing a file; Linux only with this.
        properties: ['showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
  registerIpc({
    ipcMain,
    dispatch: createDispatcher(handlers),
    dialogs,
    dev,
    grant: handlers.grant,
    print: {
      async pickPdfPath(suggestedName) {
        const result = await dialog.showSaveDialog(win, {
          title: 'Enregistrer le dossier en PDF',
          defaultPath: join(ctx.documentsDir, suggestedName),
          filters: [{ name: 'Document PDF (.pdf)', extensions: ['pdf'] }],
          properties: ['showOverwriteConfirmation'],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      writeFile: (path, data) => writeFile(path, data),
    },
  });

  const send = (action: string) => {
    if (!win.isDestroyed()) win.webContents.send(CHANNELS.menu, action);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(send, { isMac: process.platform === 'darwin', dev: dev !== null }),
    ),
  );

  app.on('window-all-closed', () => app.quit());
  await win.loadURL(dev ? process.env.ELECTRON_RENDERER_URL! : APP_URL);
}

/**
 * Playwright fixtures for end-to-end tests of the real renderer in Chromium:
 * each test gets a fresh data folder and its own in-process `npm run web`
 * server (port chosen by the system) serving `out/renderer`, so tests never
 * share documents or settings. Build first (`npm run build`).
 *
 *   import { test, expect } from './fixtures';
 *   test('opens the demo', async ({ openApp, page }) => { await openApp(); ... });
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../electron/app/context';
import { startWebServer, type WebServer } from '../../electron/web/server';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
// ARBITRA_RENDERER_DIR lets parallel work build and test against its own
// renderer build (`electron-vite build --outDir out-x`) without racing `out/`.
const RENDERER_DIR = process.env.ARBITRA_RENDERER_DIR
  ? resolve(process.env.ARBITRA_RENDERER_DIR)
  : join(ROOT, 'out', 'renderer');

export interface AppFixtures {
  /** A fresh data folder for this test (settings, Documents/). */
  dataDir: string;
  /** The app context the server runs with (documentsDir, demoPath, ...). */
  appContext: AppContext;
  /** The running server of this test. */
  server: WebServer;
  /** The page URL, token included: `http://127.0.0.1:PORT/?token=...`. */
  appUrl: string;
  /** Opens the app in `page` and returns it. */
  openApp: () => Promise<Page>;
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'arbitra-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  appContext: async ({ dataDir }, use) => {
    await use(createAppContext({ dataDir, transport: 'web', appRoot: ROOT }));
  },
  server: async ({ appContext }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error('out/renderer/index.html manque : lancez « npm run build » avant les tests.');
    }
    const server = await startWebServer({ ctx: appContext, rendererDir: RENDERER_DIR, port: 0 });
    await use(server);
    await server.close();
  },
  appUrl: async ({ server }, use) => {
    await use(server.url);
  },
  openApp: async ({ page, appUrl }, use) => {
    await use(async () => {
      await page.goto(appUrl);
      return page;
    });
  },
});

export { expect } from '@playwright/test';

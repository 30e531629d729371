import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { tempApp, type TempApp } from '../api/fixtures';

/** Enough of an ApiReply to read the fields this test checks. */
interface LooseReply {
  ok: boolean;
  result: { name: string; transport: string };
  error: { code: string };
}

let app: TempApp;
let server: WebServer;

beforeEach(async () => {
  app = tempApp('web');
  const rendererDir = join(app.dataDir, '..', 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ ctx: app.ctx, rendererDir });
});
afterEach(async () => {
  await server.close();
  app.cleanup();
});

it('opens the demo through the real handlers over HTTP', async () => {
  const origin = new URL(server.url).origin;
  const post = (method: string, args: unknown) =>
    fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Arbitra-Token': server.token },
      body: JSON.stringify({ method, args }),
    }).then((res) => res.json() as Promise<LooseReply>);
  const current = await post('document.current', {});
  expect(current.ok).toBe(true);
  expect(current.result.name).toBe("Démo – Val d'Exemple.arbitra");
  const info = await post('app.info', {});
  expect(info.result.transport).toBe('web');
  const unknown = await post('document.format', {});
  expect(unknown.error.code).toBe('unknown-method');
});

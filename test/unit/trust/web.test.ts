/**
 * The loopback server of `npm run web`, every combination at once: Host,
 * Origin, token and body size. test/unit/web/server.test.ts checks each rule
 * alone; here the rule is checked as a whole: the API runs a call only when
 * the Host is loopback on the server's port, the Origin (when sent) is that
 * same origin, the token is this run's, and the body is within the limit.
 * Any other combination is refused with 403 or 413 and reaches nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../../electron/app/context';
import type { Dispatch } from '../../../electron/api/dispatch';
import { API_PATH, startWebServer, type WebServer } from '../../../electron/web/server';

const LIMIT = 512;
let root: string;
let server: WebServer;
const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, result: 'ran' }));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'arbitra-trust-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Arbitra</title>');
  const ctx = createAppContext({ dataDir: join(root, 'data'), transport: 'web' });
  server = await startWebServer({ ctx, rendererDir, dispatch, maxBodyBytes: LIMIT });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

function post(headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: API_PATH, method: 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the web API, every combination of Host, Origin, token and size', () => {
  it('runs a call only when all four are right', async () => {
    const port = String(server.port);
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `evil.example:${port}`, '127.0.0.1:1'];
    const origins = (host: string) => [
      undefined,
      `http://${host}`,
      'http://evil.example',
      'null',
      `https://${host}`,
    ];
    const tokens = [server.token, undefined, `${server.token.slice(0, -1)}x`, ''];
    const small = JSON.stringify({ method: 'app.info', args: {} });
    const big = JSON.stringify({ method: 'app.info', args: { pad: 'x'.repeat(LIMIT) } });
    let allowed = 0;
    let cases = 0;
    for (const host of hosts) {
      for (const origin of origins(host)) {
        for (const token of tokens) {
          for (const body of [small, big]) {
            dispatch.mockClear();
            const headers: Record<string, string> = {
              Host: host,
              'Content-Type': 'application/json',
            };
            if (origin !== undefined) headers.Origin = origin;
            if (token !== undefined) headers['X-Arbitra-Token'] = token;
            const status = await post(headers, body);
            const hostOk = host === `127.0.0.1:${port}` || host === `localhost:${port}`;
            const originOk = origin === undefined || origin === `http://${host}`;
            const tokenOk = token === server.token;
            const sizeOk = body.length <= LIMIT;
            const shouldRun = hostOk && originOk && tokenOk && sizeOk;
            const what = JSON.stringify({
              host,
              origin,
              token: token === server.token ? 'ok' : token,
              size: body.length,
            });
            expect(dispatch.mock.calls.length, `${what} ${status}`).toBe(shouldRun ? 1 : 0);
            if (shouldRun) {
              expect(status, what).toBe(200);
              allowed++;
            } else if (!hostOk || !originOk || !tokenOk) expect(status, what).toBe(403);
            else expect(status, what).toBe(413);
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(4 * 5 * 4 * 2);
    expect(allowed).toBe(2 * 2); // two loopback names, each with no Origin or its own
  });
});

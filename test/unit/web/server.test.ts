import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../../electron/app/context';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/csp';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import type { Dispatch } from '../../../electron/api/dispatch';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let server: WebServer;
let dispatch: ReturnType<typeof vi.fn<Dispatch>>;

function call(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Content-Type': 'application/json', 'X-Arbitra-Token': server.token, ...extra };
}

/** The token with its last character changed: same length, different value. */
function wrongToken(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
}

const body = JSON.stringify({ method: 'app.info', args: {} });

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'arbitra-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Arbitra</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'solver.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  dispatch = vi.fn<Dispatch>(async (method) => ({ ok: true, result: { echo: method } }));
  const ctx = createAppContext({ dataDir: join(root, 'data'), transport: 'web' });
  server = await startWebServer({ ctx, rendererDir, dispatch, maxBodyBytes: 1024 });
});

afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web server', () => {
  it('prints a loopback page URL carrying a fresh token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers a valid call with the dispatcher reply', async () => {
    const reply = await call('/api/call', { method: 'POST', headers: apiHeaders(), body });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, result: { echo: 'app.info' } });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it('accepts a same-origin Origin header', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const reply = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ Origin: origin }),
      body,
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const missing = await call('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(missing.status).toBe(403);
    const wrong = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ 'X-Arbitra-Token': wrongToken(server.token) }),
      body,
    });
    expect(wrong.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a foreign origin even with the token', async () => {
    const reply = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ Origin: 'http://evil.example' }),
      body,
    });
    expect(reply.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const api = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ Host: `evil.example:${server.port}` }),
      body,
    });
    expect(api.status).toBe(403);
    const page = await call('/', { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    const localhost = await call('/', { headers: { Host: `localhost:${server.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const declared = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders(),
      body: Buffer.alloc(2048, 32),
    });
    expect(declared.status).toBe(413);
    const streamed = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ 'Transfer-Encoding': 'chunked' }),
      chunks: [Buffer.alloc(600, 32), Buffer.alloc(600, 32)],
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code ?? 'error' }));
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed.status);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses other methods than POST on the API', async () => {
    const reply = await call('/api/call', { headers: apiHeaders() });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('refuses a body that is not declared as JSON', async () => {
    const reply = await call('/api/call', {
      method: 'POST',
      headers: apiHeaders({ 'Content-Type': 'text/plain' }),
      body,
    });
    expect(reply.status).toBe(415);
  });

  it('serves index.html for / and files with their content type', async () => {
    const index = await call('/?token=abc');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Arbitra</title>');
    const script = await call('/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const wasm = await call('/assets/solver.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect((await call('/assets/missing.js')).status).toBe(404);
    expect((await call('/assets')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const reply = await call(path);
      expect(reply.status, path).not.toBe(200);
      expect(reply.body, path).not.toContain('SECRET');
    }
  });

  it('sends the security headers on every response', async () => {
    for (const reply of [
      await call('/'),
      await call('/nowhere'),
      await call('/api/call', { method: 'POST', headers: apiHeaders(), body }),
      await call('/api/call', { method: 'POST', body }),
    ]) {
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('answers a malformed call body with 400', async () => {
    const reply = await call('/api/call', { method: 'POST', headers: apiHeaders(), body: '{' });
    expect(reply.status).toBe(400);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CONTENT_SECURITY_POLICY } from '../../../electron/app/csp';
import { createSchemeHandler, SCHEME_PRIVILEGES } from '../../../electron/main/scheme';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'arbitra-scheme-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>A</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'worker.mjs'), 'self.onmessage = () => {}');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  handle = createSchemeHandler(join(root, 'renderer'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('arbitra:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch support', () => {
    expect(SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'arbitra',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the page with the CSP and the right content types', async () => {
    const page = await handle(new Request('arbitra://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>A</title>');
    const worker = await handle(new Request('arbitra://app/assets/worker.mjs'));
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder or another host', async () => {
    for (const url of [
      'arbitra://app/%2e%2e/secret.txt',
      'arbitra://app/..%2fsecret.txt',
      'arbitra://app/assets/..%5c..%5csecret.txt',
      'arbitra://other/index.html',
      'arbitra://app/missing.js',
    ]) {
      const reply = await handle(new Request(url));
      expect(reply.status, url).toBe(404);
      expect(await reply.text(), url).not.toContain('SECRET');
    }
  });
});

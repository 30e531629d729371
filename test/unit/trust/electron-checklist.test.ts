/**
 * Electron's security checklist (docs/latest/tutorial/security), item by
 * item. What test/unit/main/** already checks is named there; what it does
 * not is checked here, on the modules, the sources and the packaging
 * configuration. Electronegativity also runs on the build in CI (.ci/run).
 *
 *  1 Only load secure content ........... main/security.test (isAllowedRequest) + here: no http(s) URL in the app's sources
 *  2 No Node.js integration ............. main/security.test + here: every Node switch off
 *  3 Context isolation .................. main/security.test
 *  4 Process sandboxing ................. main/security.test + here: no `sandbox: false` anywhere
 *  5 Session permission requests ........ main/security.test (hardenSession)
 *  6 Do not disable webSecurity ......... main/security.test
 *  7 Content Security Policy ............ here: strict policy, same in index.html, headers on both transports
 *  8 No allowRunningInsecureContent ..... here
 *  9 No experimental features ........... here
 * 10 No enableBlinkFeatures ............. here
 * 11 <webview> allowpopups .............. here: no <webview> in the renderer, webviewTag off
 * 12 Verify <webview> options ........... main/security.test (will-attach-webview prevented)
 * 13 Limit navigation ................... main/security.test + here: applied to every web contents
 * 14 Limit new windows .................. main/security.test (setWindowOpenHandler deny)
 * 15 shell.openExternal ................. here: never called
 * 16 Current Electron ................... here: a supported major
 * 17 Validate IPC senders ............... main/ipc.test + here: every ipcMain handler goes through registerIpc
 * 18 Avoid file:// ...................... here: the page is loaded from arbitra://app/, never file://
 * 19 Electron fuses ..................... here: electron-builder flips them off
 * 20 Do not expose Electron APIs ........ main/preload.test + here: no ipcRenderer/electron handed to the page
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/app/csp';
import { isAllowedRequest, webPreferences } from '../../../electron/main/security';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string, ext = /\.(ts|svelte|js|mjs|cjs)$/): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path, ext));
    else if (ext.test(name)) out.push({ file: path, text: readFileSync(join(ROOT, path), 'utf8') });
  }
  return out;
}

/** Source text without comments, so that documentation does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const APP = [...sources('electron'), ...sources('renderer/src'), ...sources('shared')];
const MAIN = code(readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8'));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  build: Record<string, unknown>;
  devDependencies: Record<string, string>;
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Electron security checklist', () => {
  it('1. loads no remote content: no http(s) address is fetched, linked or loaded', () => {
    // Addresses in code that loads something: fetch, src/href, CSS url(), URL
    // objects, dynamic imports, windows, sockets. Loopback is the web server's own.
    const loading =
      /(?:fetch\(|src=|href=|url\(|new URL\(|import\(|loadURL\(|WebSocket\(|EventSource\(|Worker\()\s*['"`]https?:\/\/([^/'"`\s]+)/g;
    const remote = APP.flatMap(({ file, text }) =>
      [...code(text).matchAll(loading)]
        .map((m) => m[1]!)
        .filter((host) => !/^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(host))
        .map((host) => `${file}: ${host}`),
    );
    expect(remote).toEqual([]);
    // And the request filter cancels any that would slip in.
    expect(isAllowedRequest('https://example.org/x.js')).toBe(false);
  });

  it('2, 4, 8, 9, 10. turns every Node, insecure or experimental switch off', () => {
    const prefs = webPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      contextIsolation: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    for (const key of ['experimentalFeatures', 'enableBlinkFeatures', 'disableBlinkFeatures']) {
      expect(prefs[key]).toBeUndefined();
    }
    const risky = APP.filter(({ text }) =>
      /sandbox:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|experimentalFeatures|enableBlinkFeatures|--no-sandbox|disable-web-security/.test(
        code(text),
      ),
    ).map((s) => s.file);
    expect(risky).toEqual([]);
  });

  it('7. has a strict CSP, the same in index.html and in the headers of both transports', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(["'none'"]);
    for (const [name, values] of policy) {
      expect(values, name).not.toContain("'unsafe-inline'");
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(
        values.filter((v) => /^(https?:|\*|ws)/.test(v)),
        name,
      ).toEqual([]);
    }
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    // The meta tag cannot carry frame-ancestors; every other directive is the same.
    const fromMeta = directives(meta!);
    for (const [name, values] of policy) {
      if (name !== 'frame-ancestors') expect(fromMeta.get(name), name).toEqual(values);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const webServer = code(readFileSync(join(ROOT, 'electron/web/server.ts'), 'utf8'));
    const scheme = code(readFileSync(join(ROOT, 'electron/main/scheme.ts'), 'utf8'));
    expect(webServer).toMatch(/SECURITY_HEADERS/);
    expect(scheme).toMatch(/SECURITY_HEADERS/);
  });

  it('7. has no eval or inline code in the renderer', () => {
    const found = sources('renderer/src')
      .filter(({ text }) =>
        /\beval\(|new Function\(|innerHTML\s*=|\{@html\b|insertAdjacentHTML/.test(code(text)),
      )
      .map((s) => s.file);
    expect(found).toEqual([]);
  });

  it('11. uses no <webview> in the renderer', () => {
    const found = sources('renderer', /\.(svelte|html|ts)$/)
      .filter(({ text }) => /<webview\b|allowpopups/i.test(code(text)))
      .map((s) => s.file);
    expect(found).toEqual([]);
  });

  it('13, 14. hardens every web contents the app creates, not only the main window', () => {
    expect(MAIN).toMatch(/app\.on\(\s*'web-contents-created'[\s\S]{0,120}hardenWebContents\(/);
    expect(MAIN).toMatch(/hardenSession\(\s*session\.defaultSession/);
  });

  it('15. never opens external content with shell.openExternal', () => {
    const found = APP.filter(({ text }) =>
      /\bopenExternal\b|\bshell\.openPath\b/.test(code(text)),
    ).map((s) => s.file);
    expect(found).toEqual([]);
  });

  it('16. uses a supported Electron (major 39 or later)', () => {
    const installed = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as { version: string };
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(39);
  });

  it('17. registers IPC handlers only through the sender-checking registerIpc', () => {
    const direct = sources('electron')
      .filter(({ file }) => !file.endsWith('main/ipc.ts'))
      .filter(({ text }) => /ipcMain\.(handle|on|once)\(/.test(code(text)))
      .map((s) => s.file);
    expect(direct).toEqual([]);
    const ipc = code(readFileSync(join(ROOT, 'electron/main/ipc.ts'), 'utf8'));
    const handlers = [...ipc.matchAll(/ipcMain\.(handle|on)\(/g)].length;
    const checks = [...ipc.matchAll(/isTrustedSender\(/g)].length;
    expect(handlers).toBeGreaterThan(0);
    expect(checks).toBeGreaterThanOrEqual(1);
  });

  it('18. loads the page from arbitra://app/, never from file://', () => {
    expect(MAIN).toMatch(/loadURL\(\s*dev \? process\.env\.ELECTRON_RENDERER_URL! : APP_URL\)/);
    expect(MAIN).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('19. packages the app with the risky Electron fuses off', () => {
    expect(PACKAGE.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(PACKAGE.build.asar).toBe(true);
  });

  it('20. hands the page only the bridge, never ipcRenderer or an Electron module', () => {
    const preload = code(readFileSync(join(ROOT, 'electron/preload/index.ts'), 'utf8'));
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'(\w+)'\s*,\s*(\w+)/g)];
    expect(exposed.map((m) => [m[1], m[2]])).toEqual([['arbitra', 'bridge']]);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    const renderer = sources('renderer/src').filter(({ text }) =>
      /from 'electron'|require\('electron'\)|from 'node:/.test(code(text)),
    );
    expect(renderer.map((s) => s.file)).toEqual([]);
  });
});

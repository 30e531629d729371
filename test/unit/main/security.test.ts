import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  devOrigin,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  webPreferences,
} from '../../../electron/main/security';

const DEV = 'http://localhost:5173';

describe('window security', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = webPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('recognises only our own pages as the app', () => {
    expect(isAppUrl('arbitra://app/index.html')).toBe(true);
    expect(isAppUrl('arbitra://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.org/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(`${DEV}/`)).toBe(false);
    expect(isAppUrl(`${DEV}/`, DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
  });

  it('lets the page load its files, data and blobs but no remote content', () => {
    for (const url of [
      'arbitra://app/assets/index.js',
      'data:image/png;base64,AAAA',
      'blob:arbitra://app/1234',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
    for (const url of [
      'https://cdn.example.org/x.js',
      'http://localhost:5173/src/main.ts',
      'file:///etc/passwd',
      'ws://localhost:5173/',
      'arbitra://evil/',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('allows the dev server and its reload socket in development only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('https://example.org/', DEV)).toBe(false);
    expect(devOrigin('http://localhost:5173/')).toBe(DEV);
    expect(devOrigin(undefined)).toBeNull();
    expect(devOrigin('javascript:alert(1)')).toBeNull();
  });

  it('trusts IPC only from a frame of the app', () => {
    expect(isTrustedSender({ senderFrame: { url: 'arbitra://app/index.html' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://example.org/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({})).toBe(false);
  });

  it('denies every permission and cancels remote requests in the session', () => {
    let request: ((...args: unknown[]) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let before:
      ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: vi.fn((h) => (request = h)),
      setPermissionCheckHandler: vi.fn((h) => (check = h)),
      webRequest: { onBeforeRequest: vi.fn((h) => (before = h)) },
    };
    hardenSession(session as never);
    const granted = vi.fn();
    request!({}, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(check!({}, 'clipboard-read', 'arbitra://app', {})).toBe(false);
    const answer = vi.fn();
    before!({ url: 'https://tracker.example/' }, answer);
    expect(answer).toHaveBeenLastCalledWith({ cancel: true });
    before!({ url: 'arbitra://app/index.html' }, answer);
    expect(answer).toHaveBeenLastCalledWith({ cancel: false });
  });

  it('blocks navigation away, new windows and webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: vi.fn((name: string, listener) => listeners.set(name, listener)),
      setWindowOpenHandler: vi.fn((h) => (openHandler = h)),
    };
    hardenWebContents(contents as never);
    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(inside, 'arbitra://app/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});

/**
 * The window's security, as data and small functions the tests can check
 * without Electron: web preferences, which URLs the page may load or navigate
 * to, which IPC senders are ours, and the session hardening (no permission,
 * no remote request).
 *
 * The renderer is served from `arbitra://app/` (see `scheme.ts`), or in
 * development from electron-vite's dev server (`ELECTRON_RENDERER_URL`).
 */
import type { Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'arbitra';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The dev server's origin (`http://localhost:5173`), or null when not in development. */
export function devOrigin(rendererUrl: string | undefined): string | null {
  if (!rendererUrl) return null;
  const url = parse(rendererUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  return url.origin;
}

/**
 * Whether `url` is a page of the app itself. `arbitra:` is not a special
 * scheme for the WHATWG parser, so its origin is compared by scheme and host.
 */
export function isAppUrl(url: string, dev: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return dev !== null && parsed.origin === dev;
}

/**
 * Whether the page may load `url` at all: its own files, DevTools, inline
 * data and blobs; in development the dev server (HTTP and its HMR socket).
 * Everything else, remote content above all, is cancelled.
 */
export function isAllowedRequest(url: string, dev: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'http:':
    case 'https:':
      return dev !== null && parsed.origin === dev;
    case 'ws:':
    case 'wss:': {
      if (dev === null) return false;
      const devUrl = new URL(dev);
      return parsed.host === devUrl.host;
    }
    default:
      return false;
  }
}

/** The part of an IPC event the sender check looks at. */
export interface IpcSenderLike {
  senderFrame?: { url: string } | null;
}

/** Whether an IPC message comes from one of our pages (not a frame of elsewhere). */
export function isTrustedSender(event: IpcSenderLike, dev: string | null = null): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url, dev);
}

/** No permission (camera, notifications, clipboard read, ...) is ever granted; no remote load. */
export function hardenSession(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
  >,
  dev: string | null = null,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, dev) });
  });
}

/** No navigation away from the app, no new window, no <webview>. */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  dev: string | null = null,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, dev)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, dev)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

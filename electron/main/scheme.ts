/**
 * The `arbitra://app/` scheme: the renderer build served to the window with
 * a real origin (module workers and WebAssembly need one; `file://` has
 * none) and the same security headers as `npm run web`.
 */
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../app/csp';
import { findStaticFile } from '../app/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Privileges to register before the app is ready. */
export const SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    stream: true,
  },
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The handler for `protocol.handle('arbitra', ...)`: files of `rendererDir` only. */
export function createSchemeHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Adresse invalide.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      return plain(404, 'Introuvable.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Méthode non autorisée.');
    }
    const found = await findStaticFile(rendererDir, url.pathname);
    if (!found) return plain(404, 'Introuvable.');
    const body = request.method === 'HEAD' ? null : await readFile(found.file);
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': found.contentType,
        'Content-Length': String(found.size),
      },
    });
  };
}

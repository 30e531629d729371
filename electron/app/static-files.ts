/**
 * Serving the renderer build (`out/renderer`) safely, shared by the web
 * server and the Electron `arbitra://` scheme: a URL path is mapped to a file
 * strictly inside the root folder, with its content type.
 */
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null when the path is
 * malformed or leaves the root (`..`, encoded or not, backslashes, NUL).
 * `/` names `index.html`. The path is the URL's pathname, still encoded.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const base = resolve(root);
  const file = resolve(base, `.${decoded}`);
  if (!file.startsWith(base + sep)) return null;
  return file;
}

/** The file to serve for a URL path, or null when there is no such file. */
export async function findStaticFile(
  root: string,
  urlPath: string,
): Promise<{ file: string; contentType: string; size: number } | null> {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { file, contentType: contentTypeFor(file), size: info.size };
  } catch {
    return null;
  }
}

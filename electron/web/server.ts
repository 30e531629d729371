/**
 * The loopback HTTP server of `npm run web`: the renderer build as static
 * files, and the API as `POST /api/call` with the same dispatcher as the
 * Electron IPC. Only this machine's browser, holding this run's token, may
 * call the API:
 *
 * - listens on 127.0.0.1 only; a Host header other than 127.0.0.1:PORT or
 *   localhost:PORT is refused (DNS rebinding);
 * - an Origin header, when present, must be the server's own origin;
 * - every API call carries `X-Arbitra-Token`, a random secret printed in the
 *   page URL (`/?token=...`); the renderer keeps it in sessionStorage;
 * - bodies are JSON (415 otherwise) and at most 250 MB, counted as they
 *   stream (413);
 * - static files never leave the renderer folder; every response carries
 *   the same CSP and security headers as the Electron window.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context';
import { SECURITY_HEADERS } from '../app/csp';
import { findStaticFile } from '../app/static-files';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';

export const API_PATH = '/api/call';
export const TOKEN_HEADER = 'x-arbitra-token';
export const MAX_BODY_BYTES = 250 * 1024 * 1024;

export interface WebServerOptions {
  ctx: AppContext;
  rendererDir: string;
  port?: number;
  host?: string;
  /** For tests: a smaller body limit. */
  maxBodyBytes?: number;
  /** For tests: a dispatcher instead of the real handlers. */
  dispatch?: Dispatch;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, message: string, api: boolean): void {
  const extra: Record<string, string> = api ? { 'Cache-Control': 'no-store' } : {};
  if (status === 405) extra.Allow = api ? 'POST' : 'GET, HEAD';
  if (status === 413) extra.Connection = 'close';
  send(res, status, `${message}\n`, 'text/plain; charset=utf-8', extra);
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given, 'utf8');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** Reads the body, counting bytes as they arrive; rejects past `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpFailure(413, 'Requête trop volumineuse.'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.pause();
        reject(new HttpFailure(413, 'Requête trop volumineuse.'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token, 'utf8');
  const handlers = options.dispatch ? null : createHandlers(options.ctx);
  const dispatch = options.dispatch ?? createDispatcher(handlers!);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpFailure(405, 'Méthode non autorisée.');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      throw new HttpFailure(403, 'Origine refusée.');
    }
    if (!tokenMatches(tokenBytes, req.headers[TOKEN_HEADER])) {
      throw new HttpFailure(403, 'Jeton absent ou invalide.');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpFailure(415, 'Le corps de la requête doit être du JSON (application/json).');
    }
    const body = await readBody(req, limit);
    let call: { method?: unknown; args?: unknown };
    try {
      call = JSON.parse(body.toString('utf8')) as typeof call;
    } catch {
      throw new HttpFailure(400, 'Le corps de la requête n’est pas du JSON valide.');
    }
    if (typeof call !== 'object' || call === null) {
      throw new HttpFailure(400, 'Un objet { method, args } est attendu.');
    }
    const reply = await dispatch(call.method, call.args);
    send(res, 200, JSON.stringify(reply), 'application/json; charset=utf-8', {
      'Cache-Control': 'no-store',
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpFailure(405, 'Méthode non autorisée.');
    }
    const found = await findStaticFile(options.rendererDir, path);
    if (!found) throw new HttpFailure(404, 'Introuvable.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': String(found.size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(found.file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', () => resolve());
      stream.pipe(res);
    });
  }

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const pathOnly = rawUrl.split('?')[0]!;
    const api = pathOnly === '/api' || pathOnly.startsWith('/api/');
    const run = async () => {
      if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) {
        throw new HttpFailure(403, 'Hôte refusé.');
      }
      if (api) {
        if (pathOnly !== API_PATH) {
          throw new HttpFailure(req.method === 'POST' ? 404 : 405, 'Point d’accès inconnu.');
        }
        await handleApi(req, res);
      } else {
        await handleStatic(req, res, pathOnly);
      }
    };
    run().catch((error: unknown) => {
      if (error instanceof HttpFailure) {
        // A 413 goes out with `Connection: close`: the rest of the body is never read.
        sendError(res, error.status, error.message, api);
      } else {
        process.stderr.write(`arbitra web : ${(error as Error).stack ?? String(error)}\n`);
        sendError(res, 500, 'Erreur interne.', api);
      }
    });
  });
  server.headersTimeout = 60_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          handlers?.dispose();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

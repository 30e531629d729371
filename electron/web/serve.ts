/**
 * `npm run web`: the app in the default browser, served from this machine
 * only (see `server.ts`). Same documents and settings as the desktop app.
 *
 *   tsx electron/web/serve.ts [--data-dir DIR] [--port N] [--open]
 *
 * The data folder is `--data-dir`, else $ARBITRA_DATA_DIR, else the folder
 * Electron uses for the app's userData.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext } from '../app/context';
import { defaultDataDir, findAppRoot } from '../app/paths';
import { startWebServer } from './server';

export interface ServeOptions {
  dataDir: string;
  port: number;
  open: boolean;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  let dataDir = env.ARBITRA_DATA_DIR || '';
  let port = 0;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`l’option ${flag} attend une valeur.`);
      return v;
    };
    if (flag === '--data-dir') dataDir = value();
    else if (flag === '--port') {
      port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error('--port attend un numéro de port entre 0 et 65535.');
      }
    } else if (flag === '--open') open = true;
    else throw new Error(`option inconnue « ${arg} ».`);
  }
  return { dataDir: resolve(dataDir || defaultDataDir()), port, open };
}

/** Opens `url` in the default browser; failures are ignored (the URL is printed anyway). */
export function openBrowser(url: string, platform = process.platform, env = process.env): boolean {
  let command: string;
  let args: string[];
  if (platform === 'darwin') [command, args] = ['open', [url]];
  else if (platform === 'win32') [command, args] = ['cmd', ['/c', 'start', '""', url]];
  else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
    [command, args] = ['xdg-open', [url]];
  }
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`arbitra web : ${(error as Error).message}\n`);
    return 2;
  }
  const appRoot = findAppRoot();
  const rendererDir = join(appRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(
      'L’interface n’est pas encore construite (out/renderer/index.html manque) : lancez d’abord « npm run build ».\n',
    );
    return 1;
  }
  const ctx = createAppContext({ dataDir: options.dataDir, transport: 'web', appRoot });
  const server = await startWebServer({ ctx, rendererDir, port: options.port });
  process.stdout.write(
    `Arbitra est servi sur cette machine seulement. Ouvrez cette adresse dans votre navigateur :\n\n  ${server.url}\n\n` +
      `Données : ${ctx.dataDir}\nCtrl+C pour arrêter.\n`,
  );
  if (options.open) openBrowser(server.url);

  await new Promise<void>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write('\nArrêt du serveur…\n');
      server.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`arbitra web : ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}

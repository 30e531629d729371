/**
 * Child process of the limits tests (run with tsx under a memory cap): reads
 * one hostile file the way the app would and prints one JSON line with the
 * answer and the process's peak memory (`maxRSS`, in kilobytes).
 *
 * Usage: tsx limits-child.ts read FILE
 *        tsx limits-child.ts import-xlsx FILE DATA_DIR   (through the API dispatcher)
 */
import { readFileSync, writeSync } from 'node:fs';
import { createAppContext } from '../../../electron/app/context';
import { createDispatcher } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { readPortfolioFile } from '../../../electron/documents/files';

const [mode, file, dataDir] = process.argv.slice(2);
let answer: unknown;
if (mode === 'read') {
  answer = await readPortfolioFile(file!);
} else if (mode === 'import-xlsx') {
  const handlers = createHandlers(createAppContext({ dataDir: dataDir!, transport: 'web' }));
  const call = createDispatcher(handlers, { log: () => {} });
  const base64 = readFileSync(file!).toString('base64');
  const imported = await call('document.importXlsx', { base64, name: 'piege.xlsx' });
  const alive = await call('app.info', {});
  handlers.dispose();
  answer = { imported, alive: alive.ok };
} else {
  throw new Error(`unknown mode ${mode}`);
}
writeSync(1, `${JSON.stringify({ answer, maxRSS: process.resourceUsage().maxRSS })}\n`);

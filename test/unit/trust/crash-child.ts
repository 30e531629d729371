/**
 * Child process of the crash and two-writer tests (run with tsx). Opens the
 * document, then applies the edits of `crash-edits.ts` one after another,
 * writing `committed <count>` on stdout (synchronously) after each commit.
 * Every fourth edit reads the import file first; every fifth commit also
 * exports the document as JSON (atomic write). Runs until killed, or until
 * `maxEdits` edits are done.
 *
 * Usage: tsx crash-child.ts <document> <seed> <import.json> <export.json> [maxEdits]
 */
import { writeSync } from 'node:fs';
import { readPortfolioFile, writePortfolioFile } from '../../../electron/documents/files';
import { DocumentError, DocumentStore } from '../../../electron/documents/store';
import { editCount, nthEdit } from './crash-edits';

const [file, seedText, importPath, exportPath, maxText] = process.argv.slice(2);
if (!file || !seedText || !importPath || !exportPath) {
  process.stderr.write('usage: crash-child <document> <seed> <import.json> <export.json> [max]\n');
  process.exit(2);
}
const seed = Number(seedText);
const max = maxText ? Number(maxText) : Infinity;

const imported = await readPortfolioFile(importPath);
if (!imported.ok) throw new Error(JSON.stringify(imported.problems));

let store = DocumentStore.open(file);
writeSync(1, `ready ${editCount(store.read())}\n`);
let done = 0;
while (done < max) {
  const doc = store.read();
  const n = editCount(doc);
  // Re-read the import file each time, as a user importing would.
  const source = n % 4 === 0 ? await readPortfolioFile(importPath) : imported;
  if (!source.ok) throw new Error('import file unreadable');
  try {
    store.applyEdit(nthEdit(doc, seed, n, source.portfolio.projects), store.revision);
  } catch (error) {
    // Another writer committed first: reopen and go on from its state.
    if (error instanceof DocumentError && error.code === 'conflict') {
      store.close();
      store = DocumentStore.open(file);
      continue;
    }
    throw error;
  }
  writeSync(1, `committed ${n + 1}\n`);
  done++;
  if ((n + 1) % 5 === 0) await writePortfolioFile(exportPath, store.read());
}
store.close();
writeSync(1, 'done\n');

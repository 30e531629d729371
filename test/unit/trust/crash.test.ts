/**
 * Nothing lost: a child process edits, imports and exports a real .arbitra
 * document and is killed with SIGKILL at random (seeded) moments. After each
 * kill the document is reopened and must hold exactly the first k edits of
 * the child's deterministic sequence, with k at least the number the child
 * reported committed and at most one more (the edit in flight): every
 * reported edit is there, nothing half-applied, nothing never attempted.
 *
 * Default: a few dozen kills (about a minute). TRUST_LONG=1: several
 * hundred. TRUST_SEED=<n> replays one run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portfolioToJson } from '../../../electron/documents/files';
import { DocumentStore } from '../../../electron/documents/store';
import type { Project } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { project, tempDir } from '../store/helpers';
import { startChild } from './child';
import { editCount, expectedAfter, initialDocument, rng } from './crash-edits';

const LONG = process.env.TRUST_LONG === '1';
const KILLS = LONG ? 300 : 24;
const SEED = Number(process.env.TRUST_SEED ?? 20271);

function importSource(): Project[] {
  return [project('A', 'Importé A'), project('B', '<img src=x onerror=alert(1)>')];
}

function setUp(): { dir: string; file: string; importPath: string; exportPath: string } {
  const dir = tempDir('arbitra-crash-');
  const file = join(dir, 'crash.arbitra');
  DocumentStore.create(file, initialDocument()).close();
  const importPath = join(dir, 'import.json');
  writeFileSync(importPath, portfolioToJson({ ...initialDocument(), projects: importSource() }));
  return { dir, file, importPath, exportPath: join(dir, 'export.json') };
}

describe('a process killed while it edits a document', () => {
  it(
    `keeps exactly the committed edits, over ${KILLS} kills (seed ${SEED})`,
    async () => {
      const { file, importPath, exportPath } = setUp();
      const random = rng(SEED);
      const imported = importSource();
      let killedMidEdit = 0;
      let previous = 0;
      for (let round = 0; round < KILLS; round++) {
        const child = startChild([file, String(SEED), importPath, exportPath]);
        // Three kills in four land while editing, one during start-up and opening.
        if (random() < 0.75) {
          await child.ready;
          await new Promise((resolve) => setTimeout(resolve, random() * 250));
        } else {
          await new Promise((resolve) => setTimeout(resolve, random() * 600));
        }
        child.process.kill('SIGKILL');
        const exit = await child.exited;
        expect(exit.signal ?? exit.stderr).toBe('SIGKILL');

        const store = DocumentStore.open(file);
        const doc = store.read();
        store.close();
        const count = editCount(doc);
        if (child.reported < 0) {
          // Killed before it said ready: it cannot have edited anything.
          expect(count).toBe(previous);
        } else {
          if (child.reported > previous) killedMidEdit++;
          expect(count).toBeGreaterThanOrEqual(child.reported);
          expect(count).toBeLessThanOrEqual(child.reported + 1);
        }
        previous = count;
        expect(doc).toEqual(expectedAfter(SEED, count, imported));
        expect(validatePortfolio(doc).ok).toBe(true);
        if (existsSync(exportPath)) {
          // The export is written atomically: a whole document or the previous one.
          const exported: unknown = JSON.parse(readFileSync(exportPath, 'utf8'));
          expect(validatePortfolio(exported).ok).toBe(true);
        }
      }
      // The test is worth something only if kills did land between edits.
      expect(killedMidEdit).toBeGreaterThan(KILLS / 3);
    },
    LONG ? 3_600_000 : 300_000,
  );
});

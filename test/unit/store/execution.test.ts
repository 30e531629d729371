/**
 * The plan adopted in committee (`baseline`, with its AP, CP and AP numbers)
 * and the execution record (`actuals`) through the document store and JSON
 * (MODEL.md §9): written, read back, edited as sections (adopting a plan,
 * importing rows) and undone, without loss.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../electron/documents/store';
import {
  portfolioToJson,
  readPortfolioFile,
  writePortfolioFile,
} from '../../../electron/documents/files';
import { adoptPlan } from '../../../shared/engine/annex';
import { applyEdit, inverseOps, type EditOp } from '../../../shared/model/edits';
import { mergeActuals } from '../../../shared/model/merge-actuals';
import { executedPortfolio } from '../../support/executed';
import { tempDir } from './helpers';

describe('baseline and actuals in a document', () => {
  it.each([3, 8, 21])('come back the same through .arbitra and JSON (seed %i)', async (seed) => {
    const { doc } = executedPortfolio(seed);
    const dir = tempDir();
    await writePortfolioFile(join(dir, 'suivi.arbitra'), doc);
    const viaStore = await readPortfolioFile(join(dir, 'suivi.arbitra'));
    if (!viaStore.ok) throw new Error(JSON.stringify(viaStore.problems));
    expect(viaStore.portfolio).toStrictEqual(doc);
    await writePortfolioFile(join(dir, 'suivi.json'), viaStore.portfolio);
    expect(readFileSync(join(dir, 'suivi.json'), 'utf8')).toBe(portfolioToJson(doc));
    const viaJson = await readPortfolioFile(join(dir, 'suivi.json'));
    if (!viaJson.ok) throw new Error(JSON.stringify(viaJson.problems));
    expect(viaJson.portfolio.baseline).toStrictEqual(doc.baseline);
    expect(viaJson.portfolio.actuals).toStrictEqual(doc.actuals);
  });

  it('are edited as sections, kept on reopening, and undone exactly', () => {
    const { doc, plan } = executedPortfolio(8);
    const { baseline: _b, actuals: _a, ...bare } = doc;
    const dir = tempDir();
    const file = join(dir, 'edits.arbitra');
    const store = DocumentStore.create(file, bare);
    // Adopting the plan: one edit writing the baseline.
    const adopt: EditOp[] = [
      {
        op: 'section.put',
        section: 'baseline',
        value: adoptPlan(bare, plan, { date: '2026-12-01', meeting: 'Conseil' }),
      },
    ];
    expect(store.applyEdit({ label: 'Adopter le plan', ops: adopt }).ok).toBe(true);
    // Importing rows: one edit writing the merged actuals.
    const merged = mergeActuals(store.read().actuals, doc.actuals!).actuals;
    const before = store.read();
    const importOps: EditOp[] = [{ op: 'section.put', section: 'actuals', value: merged }];
    const undo = inverseOps(before, importOps);
    expect(store.applyEdit({ label: 'Importer', ops: importOps }).ok).toBe(true);
    store.close();
    const reopened = DocumentStore.open(file);
    // Imported rows carry the four columns of a sheet (the unknown field stays behind).
    expect(merged).toStrictEqual(
      doc.actuals!.map(({ project, year, paid, status }) => ({ project, year, paid, status })),
    );
    expect(reopened.read().actuals).toStrictEqual(merged);
    expect(reopened.read().baseline).toStrictEqual(
      adoptPlan(bare, plan, { date: '2026-12-01', meeting: 'Conseil' }),
    );
    expect(reopened.applyEdit({ label: 'Annuler', ops: undo }).ok).toBe(true);
    expect(reopened.read()).toStrictEqual(before);
    expect(applyEdit(before, importOps).actuals).toStrictEqual(merged);
    reopened.close();
  });

  it('refuses an actuals edit that breaks a rule, and keeps the document as it was', () => {
    const { doc } = executedPortfolio(3);
    const store = DocumentStore.create(join(tempDir(), 'refus.arbitra'), doc);
    const row = doc.actuals![0]!;
    const reply = store.applyEdit({
      label: 'Importer',
      ops: [{ op: 'section.put', section: 'actuals', value: [...doc.actuals!, { ...row }] }],
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.problems.map((p) => p.path)).toEqual([`actuals[${doc.actuals!.length}].year`]);
    }
    expect(store.read()).toStrictEqual(doc);
    store.close();
  });
});

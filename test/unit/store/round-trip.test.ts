import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../electron/documents/store';
import {
  portfolioToJson,
  readPortfolioFile,
  writePortfolioFile,
} from '../../../electron/documents/files';
import { validPortfolioArb } from '../../support/arbitraries';
import { obligationsPortfolio } from '../../support/obligations';
import { EXAMPLES, example, portfolioArb, smallPortfolio, tempDir } from './helpers';

describe('a document written then read back', () => {
  it.each(EXAMPLES)('is the same document for the example « %s »', (name) => {
    const dir = tempDir();
    const input = example(name);
    const store = DocumentStore.create(join(dir, `${name}.arbitra`), input);
    expect(store.read()).toStrictEqual(input);
    expect(store.revision).toBe(0);
    store.close();
    const reopened = DocumentStore.open(join(dir, `${name}.arbitra`));
    expect(reopened.read()).toStrictEqual(input);
    expect(portfolioToJson(reopened.read())).toBe(portfolioToJson(input));
    reopened.close();
  });

  it('is the same document for any valid portfolio, key order included', () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(portfolioArb, (input) => {
        const file = join(dir, `doc-${n++}.arbitra`);
        const store = DocumentStore.create(file, input);
        store.close();
        const reopened = DocumentStore.open(file);
        const back = reopened.read();
        reopened.close();
        expect(back).toStrictEqual(input);
        expect(JSON.stringify(back)).toBe(JSON.stringify(input));
      }),
      { numRuns: 40 },
    );
  });

  it('is the same document for the project’s valid-portfolio generator, through .arbitra and JSON', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        validPortfolioArb({ withUnknownFields: true, minProjects: 4 }),
        async (input) => {
          const stem = join(dir, `gen-${n++}`);
          await writePortfolioFile(`${stem}.arbitra`, input);
          const viaStore = await readPortfolioFile(`${stem}.arbitra`);
          expect(viaStore).toMatchObject({ ok: true });
          if (!viaStore.ok) return;
          // The generator builds some objects without a prototype: compare content and text.
          expect(viaStore.portfolio).toEqual(input);
          expect(JSON.stringify(viaStore.portfolio)).toBe(JSON.stringify(input));
          await writePortfolioFile(`${stem}.json`, viaStore.portfolio);
          expect(readFileSync(`${stem}.json`, 'utf8')).toBe(portfolioToJson(input));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps fields Arbitra does not know, at every level', () => {
    const dir = tempDir();
    const store = DocumentStore.create(join(dir, 'inconnus.arbitra'), smallPortfolio());
    const back = store.read();
    store.close();
    expect(back.x_commentaire).toBe('champ inconnu gardé');
    expect(back.organisation.x_siren).toBe('123');
    expect(back.projects[1]?.x_note).toBe('note P2');
  });

  it.each(EXAMPLES)(
    'gives the identical JSON text from JSON through .arbitra (« %s »)',
    async (name) => {
      const dir = tempDir();
      const source = join(dir, `${name}.json`);
      await writePortfolioFile(source, example(name));
      const first = await readPortfolioFile(source);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      await writePortfolioFile(join(dir, `${name}.arbitra`), first.portfolio);
      const middle = await readPortfolioFile(join(dir, `${name}.arbitra`));
      expect(middle.ok).toBe(true);
      if (!middle.ok) return;
      await writePortfolioFile(join(dir, `${name}-retour.json`), middle.portfolio);
      expect(readFileSync(join(dir, `${name}-retour.json`), 'utf8')).toBe(
        readFileSync(source, 'utf8'),
      );
      expect(middle.portfolio).toStrictEqual(example(name));
    },
  );

  it('keeps deadlines, postponements, dated decisions and judgements: JSON → .arbitra → JSON', async () => {
    const dir = tempDir();
    const input = obligationsPortfolio();
    await writePortfolioFile(join(dir, 'obligations.json'), input);
    const first = await readPortfolioFile(join(dir, 'obligations.json'));
    if (!first.ok) throw new Error(JSON.stringify(first));
    await writePortfolioFile(join(dir, 'obligations.arbitra'), first.portfolio);
    const middle = await readPortfolioFile(join(dir, 'obligations.arbitra'));
    if (!middle.ok) throw new Error(JSON.stringify(middle));
    expect(middle.portfolio).toStrictEqual(input);
    expect(middle.portfolio.criteriaJudgements![0]!.pairs[2]!.ratio).toBe(1 / 3);
    await writePortfolioFile(join(dir, 'obligations-retour.json'), middle.portfolio);
    expect(readFileSync(join(dir, 'obligations-retour.json'), 'utf8')).toBe(portfolioToJson(input));
  });

  it('refuses to create a document over an existing file, which stays as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'deja.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    const before = readFileSync(file);
    expect(() => DocumentStore.create(file, example('petit'))).toThrow(
      expect.objectContaining({ code: 'exists' }),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('saves a copy under another name that holds the document and its revision', () => {
    const dir = tempDir();
    const store = DocumentStore.create(join(dir, 'original.arbitra'), smallPortfolio());
    store.applyEdit({
      label: 'Renommer',
      ops: [{ op: 'section.put', section: 'mandateEnd', value: '2032-03' }],
    });
    const copy = store.saveAs(join(dir, 'copie.arbitra'));
    expect(copy.path).toBe(join(dir, 'copie.arbitra'));
    expect(copy.revision).toBe(1);
    expect(copy.read()).toStrictEqual({ ...smallPortfolio(), mandateEnd: '2032-03' });
    expect(() => store.read()).toThrow(expect.objectContaining({ code: 'io' }));
    copy.close();
    const original = DocumentStore.open(join(dir, 'original.arbitra'));
    expect(original.read().mandateEnd).toBe('2032-03');
    original.close();
  });
});

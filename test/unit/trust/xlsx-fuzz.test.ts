/**
 * The .xlsx reader on bad input: random bytes, damaged workbooks (truncated,
 * bytes flipped), and workbooks whose cells were changed to anything. It
 * answers with a document that validates or with problems, never throws; and
 * text that looks like a formula or HTML comes back as the same text; and
 * « Autres champs » rows of any shape (internal keys, indices up to two
 * million) give a document or problems, never a polluted prototype or a list
 * of a million empty places.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentFromReadTables,
  exportDocumentWorkbook,
  importDocumentWorkbook,
  readWorkbookTables,
  SHEETS,
  type ReadTable,
} from '../../../electron/documents/xlsx';
import { validatePortfolio } from '../../../shared/model/validate';
import { smallPortfolio } from '../store/helpers';

function expectAnswer(result: Awaited<ReturnType<typeof importDocumentWorkbook>>): void {
  if (result.ok) expect(validatePortfolio(result.portfolio).ok).toBe(true);
  else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(5);
  }
}

const HOSTILE = [
  '=HYPERLINK("http://example.invalid","x")',
  '<img src=x onerror=alert(1)>',
  '+1+1',
  '@SUM(A1)',
];

describe('the .xlsx reader on bad input', async () => {
  const doc = smallPortfolio();
  HOSTILE.forEach((name, i) => {
    if (doc.projects[i]) doc.projects[i]!.name = name;
  });
  doc.organisation.name = HOSTILE[0]!;
  const bytes = new Uint8Array(await exportDocumentWorkbook(doc));

  it('reads formula- and HTML-looking names back as the same text', async () => {
    const back = await importDocumentWorkbook(bytes);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.portfolio.organisation.name).toBe(HOSTILE[0]);
      expect(back.portfolio.projects.map((p) => p.name).slice(0, 3)).toEqual(HOSTILE.slice(0, 3));
    }
  });

  it('answers random bytes, truncated and damaged workbooks without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.nat({ max: bytes.length - 1 }).map((n) => bytes.slice(0, n)),
          fc
            .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
              minLength: 1,
              maxLength: 20,
            })
            .map((flips) => {
              const copy = bytes.slice();
              for (const [at, mask] of flips) copy[at]! ^= mask;
              return copy;
            }),
        ),
        async (input) => expectAnswer(await importDocumentWorkbook(input)),
      ),
      { numRuns: 120 },
    );
  });

  it('answers any change of cells with a valid document or problems', async () => {
    const tables = await readWorkbookTables(bytes);
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.constantFrom(...HOSTILE),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), cell), { minLength: 1, maxLength: 8 }),
        async (changes) => {
          const changed: ReadTable[] = structuredClone(tables);
          for (const [t, r, c, value] of changes) {
            const table = changed[t % changed.length]!;
            if (table.rows.length === 0) continue;
            const row = table.rows[r % table.rows.length]!;
            if (row.cells.length === 0) continue;
            row.cells[c % row.cells.length] = value;
          }
          expectAnswer(documentFromReadTables(changed));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('« Autres champs » rows of any shape', () => {
  const segment = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'projects', 'budget', 'x'),
    fc.integer({ min: -2, max: 2_000_000 }),
    fc.nat({ max: 4 }),
    fc.record({ id: fc.constantFrom('P1', 'P2', 'usagers', '') }),
    fc.record({ key: fc.constantFrom('__proto__', 'a') }),
  );

  it('answer a document or problems, never pollute a prototype nor build a huge list', async () => {
    const tables = await readWorkbookTables(
      new Uint8Array(await exportDocumentWorkbook(smallPortfolio())),
    );
    const extra = tables.find((t) => t.name === SHEETS.extra)!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(segment, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const changed: ReadTable[] = structuredClone(tables);
          const target = changed.find((t) => t.name === SHEETS.extra)!;
          rows.forEach(([path, value], i) =>
            target.rows.push({
              row: extra.rows.length + 2 + i,
              cells: [JSON.stringify(path), JSON.stringify(value) ?? null],
            }),
          );
          const result = documentFromReadTables(changed);
          expectAnswer(result);
          if (result.ok) expect(JSON.stringify(result.portfolio).length).toBeLessThan(100_000);
          expect(({} as Record<string, unknown>).a).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('x');
        },
      ),
      { numRuns: 300 },
    );
  });
});

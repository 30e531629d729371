/**
 * Bad input: the JSON reader and validator, the .arbitra reader, deeply
 * nested and very large documents. Whatever comes in, the answer is a result
 * or a DocumentError with a message, never another exception or a crash.
 *
 * Limits (documented here and in the report):
 * - nesting: MAX_NESTING = 1000 levels of arrays/objects (shared/model/validate.ts);
 *   deeper is refused with a problem naming where. JSON.parse itself takes
 *   100 000 levels without overflowing.
 * - JSON file size: MAX_JSON_BYTES = 200 MB (electron/documents/limits.ts),
 *   refused before reading; objects and arrays (2 million) and values (10
 *   million) counted before parsing (`checkJsonShape`, checked here against
 *   the parsed value).
 * - projects: no hard limit; 100 000 projects are read, validated and stored
 *   (measured: validation about 4 s, open about 7 s and 0.9 GB, an edit about
 *   3.5 s on this machine); the test checks they work, not how fast.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../electron/api/json-text';
import { MAX_JSON_BYTES, readPortfolioFile } from '../../../electron/documents/files';
import { DocumentError, DocumentStore } from '../../../electron/documents/store';
import {
  checkJsonShape,
  MAX_JSON_CONTAINERS,
  MAX_JSON_VALUES,
} from '../../../electron/documents/limits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { MAX_NESTING, validatePortfolio } from '../../../shared/model/validate';
import { portfolioArb, project, smallPortfolio, tempDir } from '../store/helpers';

function expectResult(result: ReturnType<typeof validatePortfolio>): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(5);
  }
}

type Json = unknown;
/** Mutations of a valid document: delete, replace or retype a value somewhere inside. */
function mutate(doc: Json, steps: { pick: number; action: number; value: Json }[]): Json {
  const root = structuredClone(doc) as Record<string, unknown>;
  for (const step of steps) {
    // Walk down a random path.
    let parent: Record<string, unknown> | unknown[] = root;
    let key: string | number = '';
    let node: unknown = root;
    let pick = step.pick;
    while (node !== null && typeof node === 'object' && pick > 0) {
      const keys: (string | number)[] = Array.isArray(node)
        ? node.map((_, i) => i)
        : Object.keys(node);
      if (keys.length === 0) break;
      key = keys[pick % keys.length]!;
      pick = Math.floor(pick / (keys.length + 1));
      parent = node as Record<string, unknown>;
      node = (node as Record<string, unknown>)[key];
    }
    if (key === '') continue;
    const target = parent as Record<string | number, unknown>;
    if (step.action === 0) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
    } else if (step.action === 1) target[key] = step.value;
    else if (step.action === 2) target[key] = typeof node === 'number' ? String(node) : -1;
    else if (step.action === 3 && Array.isArray(parent)) parent.push(structuredClone(node));
  }
  return root;
}

describe('the JSON reader and validator on any input', () => {
  it('answers any JSON value with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectResult(validatePortfolio(value))),
      { numRuns: 500 },
    );
  });

  it('answers any object shaped like a document with a result', () => {
    const almost = fc.record(
      {
        format: fc.oneof(fc.constant('arbitra-portfolio'), fc.jsonValue()),
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        organisation: fc.jsonValue(),
        horizon: fc.oneof(
          fc.record({ firstYear: fc.jsonValue(), years: fc.jsonValue() }),
          fc.jsonValue(),
        ),
        criteria: fc.array(fc.jsonValue(), { maxLength: 4 }),
        projects: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 4 }),
        budget: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(almost, (value) => expectResult(validatePortfolio(value))),
      { numRuns: 300 },
    );
  });

  it('answers mutated valid documents with a result naming the field', () => {
    fc.assert(
      fc.property(
        portfolioArb,
        fc.array(
          fc.record({
            pick: fc.nat({ max: 1_000_000 }),
            action: fc.integer({ min: 0, max: 3 }),
            value: fc.jsonValue({ maxDepth: 2 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (doc, steps) => expectResult(validatePortfolio(mutate(doc, steps))),
      ),
      { numRuns: 300 },
    );
  });

  it('says where any non-JSON text breaks, and never throws', () => {
    const valid = JSON.stringify(smallPortfolio(), null, 2);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)),
          fc
            .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
            .map(([n, s]) => valid.slice(0, n) + s + valid.slice(n + 1)),
        ),
        (text) => {
          const parsed = parseJsonText(text);
          if (parsed.ok) expectResult(validatePortfolio(parsed.value));
          else expect(parsed.problem.message).toMatch(/ligne \d+, colonne \d+/);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses 100 000 levels of nesting with a clear problem, without overflowing the stack', () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    const doc = { ...smallPortfolio(), x_profond: deep };
    const result = validatePortfolio(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.path).toMatch(/^x_profond/);
      expect(result.problems[0]!.message).toMatch(new RegExp(`plus de ${MAX_NESTING} niveaux`));
    }
    // Just under the limit is still a document.
    let shallow: unknown = [];
    for (let i = 0; i < MAX_NESTING - 2; i++) shallow = [shallow];
    expect(validatePortfolio({ ...smallPortfolio(), x_profond: shallow }).ok).toBe(true);
  });

  it('refuses a deeply nested document through the JSON file reader and the store', async () => {
    const dir = tempDir('arbitra-deep-');
    const file = join(dir, 'profond.json');
    const depth = 100_000;
    const text = JSON.stringify(smallPortfolio()).replace(
      /}$/,
      `,"x_profond":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    );
    writeFileSync(file, text);
    const read = await readPortfolioFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/imbriqué/);
    const parsed = JSON.parse(text) as Portfolio;
    expect(() => DocumentStore.create(join(dir, 'profond.arbitra'), parsed)).toThrow(DocumentError);
    // An edit nested that deep is refused like any invalid edit, and writes nothing.
    const store = DocumentStore.create(join(dir, 'ok.arbitra'), smallPortfolio());
    const value: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    const refused = store.applyEdit({
      label: 'profond',
      ops: [{ op: 'section.put', section: 'risk', value }],
    });
    expect(refused.ok).toBe(false);
    expect(store.revision).toBe(0);
    store.close();
  });

  it('refuses a JSON file over the size limit before reading it', async () => {
    const file = join(tempDir('arbitra-huge-'), 'enorme.json');
    writeFileSync(file, '{');
    truncateSync(file, MAX_JSON_BYTES + 1); // sparse: no disk or memory used
    const read = await readPortfolioFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/trop gros.*200 Mo/);
  });
});

/** Every way the .arbitra reader is called must end in a document or a DocumentError. */
async function expectDocumentOrError(file: string): Promise<'ok' | 'refused'> {
  const read = await readPortfolioFile(file);
  if (read.ok) expect(validatePortfolio(read.portfolio).ok).toBe(true);
  else expect(read.problems[0]!.message.length).toBeGreaterThan(5);
  try {
    const store = DocumentStore.open(file);
    expect(validatePortfolio(store.read()).ok).toBe(true);
    store.close();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message.length).toBeGreaterThan(5);
    return 'refused';
  }
}

describe('the .arbitra reader on damaged files', () => {
  const dir = tempDir('arbitra-damaged-');
  const good = join(dir, 'bon.arbitra');
  const doc = smallPortfolio();
  doc.projects = Array.from({ length: 60 }, (_, i) =>
    project(`P${i}`, `Projet ${i} ${'x'.repeat(50)}`),
  );
  DocumentStore.create(good, doc).close();
  const bytes = readFileSync(good);

  it('refuses a zero-byte file', async () => {
    const file = join(dir, 'vide.arbitra');
    writeFileSync(file, '');
    expect(await expectDocumentOrError(file)).toBe('refused');
  });

  it('refuses a SQLite database that is not an Arbitra document', async () => {
    const file = join(dir, 'autre.arbitra');
    const db = new Database(file);
    db.exec('CREATE TABLE projects (id TEXT, json TEXT); INSERT INTO projects VALUES (1, 2)');
    db.close();
    expect(await expectDocumentOrError(file)).toBe('refused');
  });

  it('refuses a huge file of zeros behind a SQLite header', async () => {
    const file = join(dir, 'enorme.arbitra');
    writeFileSync(file, bytes.subarray(0, 100));
    truncateSync(file, 2 * 1024 * 1024 * 1024); // 2 GB, sparse
    expect(await expectDocumentOrError(file)).toBe('refused');
  });

  it('opens or refuses every truncation and byte corruption, never anything else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .nat({ max: bytes.length - 1 })
            .map((cut) => ({ cut, flips: [] as [number, number][] })),
          fc
            .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
              minLength: 1,
              maxLength: 40,
            })
            .map((flips) => ({ cut: bytes.length, flips })),
        ),
        async ({ cut, flips }) => {
          const file = join(dir, `abime-${n++}.arbitra`);
          const damaged = Buffer.from(bytes.subarray(0, cut));
          for (const [at, mask] of flips) if (at < damaged.length) damaged[at]! ^= mask;
          const fd = openSync(file, 'w');
          writeSync(fd, damaged);
          closeSync(fd);
          await expectDocumentOrError(file);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a document with 100 000 projects', () => {
  it('is validated, stored, edited and read back', () => {
    const doc = smallPortfolio();
    doc.teams[0]!.capacity = [1e9, 1e9];
    doc.budget = { investment: [1e12, 1e12], operating: [1e11, 1e11] };
    doc.projects = Array.from({ length: 100_000 }, (_, i) => project(`P${i}`));
    expect(validatePortfolio(doc).ok).toBe(true);
    const file = join(tempDir('arbitra-large-'), 'grand.arbitra');
    const store = DocumentStore.create(file, doc);
    expect(
      store.applyEdit({
        label: 'x',
        ops: [{ op: 'project.put', project: project('P99999', 'Fin') }],
      }),
    ).toEqual({ ok: true, revision: 1 });
    store.close();
    const again = DocumentStore.open(file);
    const read = again.read();
    again.close();
    expect(read.projects).toHaveLength(100_000);
    expect(read.projects[99_999]!.name).toBe('Fin');
  }, 180_000);
});

describe('the JSON shape count made before parsing', () => {
  /** Objects and arrays, and the commas between their children, counted on the value. */
  function reference(value: unknown): { containers: number; values: number } {
    if (value === null || typeof value !== 'object') return { containers: 0, values: 0 };
    const children = Array.isArray(value) ? value : Object.values(value);
    let containers = 1;
    let values = 1 + Math.max(children.length - 1, 0);
    for (const child of children) {
      const inner = reference(child);
      containers += inner.containers;
      values += inner.values;
    }
    return { containers, values };
  }

  it('counts exactly what JSON.parse will build, texts with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        expect(checkJsonShape(text, 'Le texte')).toEqual(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses past the limits, naming them, and keeps counting across calls', () => {
    const justOver = `[${'[],'.repeat(MAX_JSON_CONTAINERS)}[]]`;
    expect(() => checkJsonShape(justOver, 'Le fichier')).toThrow(/plus de 2.000.000 objets/);
    const budget = { containers: 0, values: 0 };
    const half = `[${'[],'.repeat(MAX_JSON_CONTAINERS / 2)}[]]`;
    checkJsonShape(half, 'Le document', budget);
    expect(() => checkJsonShape(half, 'Le document', budget)).toThrow(DocumentError);
    expect(() => checkJsonShape(`[${'0,'.repeat(MAX_JSON_VALUES)}0]`, 'Le fichier')).toThrow(
      /plus de 10.000.000 valeurs/,
    );
  });
});

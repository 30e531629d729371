import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../../../electron/documents/store';
import { project, smallPortfolio, tempDir } from './helpers';

// The store's behaviour on a refusal, whatever the rules: a document whose
// organisation is named « REFUSÉ » is refused, everything else goes to the
// real validation.
vi.mock('../../../shared/model/validate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/model/validate')>();
  return {
    ...real,
    validatePortfolio: (input: unknown) => {
      const name = (input as { organisation?: { name?: string } }).organisation?.name;
      if (name === 'REFUSÉ') {
        return {
          ok: false,
          problems: [{ path: 'organisation.name', message: 'Nom refusé pour le test.' }],
        };
      }
      return real.validatePortfolio(input);
    },
  };
});

describe('a refused edit', () => {
  it('returns the problems and leaves the revision, the content and the file unchanged', () => {
    const file = join(tempDir(), 'refus.arbitra');
    const store = DocumentStore.create(file, smallPortfolio());
    store.close();
    const bytes = readFileSync(file);
    const reopened = DocumentStore.open(file);
    const result = reopened.applyEdit(
      {
        label: 'Tout changer',
        ops: [
          { op: 'project.put', project: project('P8') },
          { op: 'project.delete', id: 'P1' },
          {
            op: 'section.put',
            section: 'organisation',
            value: { name: 'REFUSÉ', kind: 'commune', fctvaRegime: 'N' },
          },
        ],
      },
      0,
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'organisation.name', message: 'Nom refusé pour le test.' }],
    });
    expect(reopened.revision).toBe(0);
    expect(reopened.read()).toStrictEqual(smallPortfolio());
    reopened.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses to create a document from an invalid portfolio and writes no file', () => {
    const dir = tempDir();
    const invalid = {
      ...smallPortfolio(),
      organisation: { name: 'REFUSÉ', kind: 'commune', fctvaRegime: 'N' },
    };
    expect(() => DocumentStore.create(join(dir, 'x.arbitra'), invalid as never)).toThrow(
      expect.objectContaining({
        code: 'invalid',
        problems: [{ path: 'organisation.name', message: 'Nom refusé pour le test.' }],
      }),
    );
    expect(() => readFileSync(join(dir, 'x.arbitra'))).toThrow();
  });
});

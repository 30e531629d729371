import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../shared/api/contract';
import { createDispatcher, formatPath } from '../../../electron/api/dispatch';
import { AppError } from '../../../electron/api/errors';
import { DocumentError } from '../../../electron/documents/store';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const info = { version: '1', transport: 'web', documentsDir: '/d', locale: 'fr' } as const;
  const notUsed = () => {
    throw new Error('not used');
  };
  return {
    'app.info': () => info,
    'settings.setLocale': () => info,
    'document.current': () => null,
    'document.new': notUsed,
    'document.openDemo': notUsed,
    'document.open': notUsed,
    'document.saveAs': notUsed,
    'document.recent': () => [],
    'document.list': () => [],
    'document.import': notUsed,
    'document.export': notUsed,
    'document.exportXlsx': notUsed,
    'document.importXlsx': notUsed,
    'document.exportFinanceXlsx': notUsed,
    'document.edit': () => ({ ok: true, revision: 1 }),
    'document.readActuals': notUsed,
    'document.nextYear': notUsed,
    ...overrides,
  };
}

const validEdit = {
  label: 'Modifier P01',
  ops: [{ op: 'project.delete', id: 'P01' }],
};

describe('API dispatch', () => {
  it('refuses a method the contract does not list', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    for (const method of ['document.delete', 'toString', '__proto__', 42, null]) {
      const reply = await dispatch(method, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('unknown-method');
    }
  });

  it('calls the handler with validated arguments and returns its result', async () => {
    const edit = vi.fn(() => ({ ok: true as const, revision: 4 }));
    const dispatch = createDispatcher(fakeHandlers({ 'document.edit': edit }));
    const reply = await dispatch('document.edit', { edit: validEdit, baseRevision: 3 });
    expect(reply).toEqual({ ok: true, result: { ok: true, revision: 4 } });
    expect(edit).toHaveBeenCalledWith({ edit: validEdit, baseRevision: 3 });
  });

  it('refuses arguments of the wrong type, with the path and a French message', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    const reply = await dispatch('settings.setLocale', { locale: 'de' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('bad-arguments');
    expect(reply.error.problems?.[0]?.path).toBe('locale');
    expect(reply.error.message).toMatch(/Arguments invalides/);
  });

  it('refuses missing fields', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    const reply = await dispatch('document.edit', { edit: validEdit });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.problems?.map((p) => p.path)).toContain('baseRevision');
  });

  it('refuses oversized strings', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    const reply = await dispatch('document.new', { name: 'a'.repeat(5000) });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.problems?.[0]?.path).toBe('name');
    const label = await dispatch('document.edit', {
      edit: { ...validEdit, label: 'x'.repeat(501) },
      baseRevision: 0,
    });
    expect(label.ok).toBe(false);
    if (!label.ok) expect(label.error.problems?.[0]?.path).toBe('edit.label');
  });

  it('refuses extra keys and unknown operations inside edit operations', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    const junk = await dispatch('document.edit', {
      edit: { label: 'x', ops: [{ op: 'project.delete', id: 'P01', sql: 'DROP TABLE' }] },
      baseRevision: 0,
    });
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.error.problems?.[0]?.path).toMatch(/^edit\.ops\[0\]/);
    const unknownOp = await dispatch('document.edit', {
      edit: { label: 'x', ops: [{ op: 'project.rename', id: 'P01' }] },
      baseRevision: 0,
    });
    expect(unknownOp.ok).toBe(false);
    if (!unknownOp.ok) expect(unknownOp.error.problems?.[0]?.path).toBe('edit.ops[0].op');
  });

  it('keeps the code and problems of an expected failure', async () => {
    const dispatch = createDispatcher(
      fakeHandlers({
        'document.edit': () => {
          throw new DocumentError('conflict', 'Le document a changé.', [
            { path: '', message: 'Rechargez.' },
          ]);
        },
        'document.export': () => {
          throw new AppError('no-document', 'Aucun document n’est ouvert.');
        },
      }),
    );
    const conflict = await dispatch('document.edit', { edit: validEdit, baseRevision: 0 });
    expect(conflict).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Le document a changé.',
        problems: [{ path: '', message: 'Rechargez.' }],
      },
    });
    const none = await dispatch('document.export', {});
    expect(none.ok === false && none.error.code).toBe('no-document');
  });

  it('hides the details of an unexpected error and logs them', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      fakeHandlers({
        'document.list': () => {
          // check-paths: allow-next-line (a made-up path the reply must hide)
          throw new Error('SQLITE secret /home/x');
        },
      }),
      { log },
    );
    const reply = await dispatch('document.list', {});
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SQLITE secret'));
  });

  it('never returns a value that JSON cannot carry', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const dispatch = createDispatcher(
      fakeHandlers({
        'document.list': () => cyclic as never,
        'document.recent': () => [{ when: new Date(0), drop: () => 1 }] as never,
      }),
      { log: () => {} },
    );
    const reply = await dispatch('document.list', {});
    expect(reply.ok === false && reply.error.code).toBe('internal');
    const recent = await dispatch('document.recent', {});
    expect(recent).toEqual({ ok: true, result: [{ when: '1970-01-01T00:00:00.000Z' }] });
  });

  it('writes zod paths the way the documents do', () => {
    expect(formatPath(['edit', 'ops', 0, 'project', 'id'])).toBe('edit.ops[0].project.id');
    expect(formatPath([])).toBe('');
  });
});

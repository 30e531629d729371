import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../electron/documents/store';
import { example, project, smallPortfolio, tempDir } from './helpers';

function newStore(name = 'doc.arbitra') {
  const file = join(tempDir(), name);
  return { file, store: DocumentStore.create(file, smallPortfolio()) };
}

describe('editing a document', () => {
  it('keeps every committed edit after closing and reopening', () => {
    const { file, store } = newStore();
    expect(
      store.applyEdit(
        { label: 'Modifier P2', ops: [{ op: 'project.put', project: project('P2', 'Portail') }] },
        0,
      ),
    ).toEqual({ ok: true, revision: 1 });
    expect(
      store.applyEdit({ label: 'Supprimer P1', ops: [{ op: 'project.delete', id: 'P1' }] }, 1),
    ).toEqual({ ok: true, revision: 2 });
    expect(
      store.applyEdit(
        {
          label: 'Ajouter',
          ops: [
            { op: 'project.put', project: project('P9') },
            { op: 'section.put', section: 'mandateEnd', value: '2032-03' },
          ],
        },
        2,
      ),
    ).toEqual({ ok: true, revision: 3 });
    const expected = store.read();
    store.close();

    const reopened = DocumentStore.open(file);
    expect(reopened.revision).toBe(3);
    expect(reopened.read()).toStrictEqual(expected);
    expect(reopened.read().projects.map((p) => [p.id, p.name])).toEqual([
      ['P2', 'Portail'],
      ['P3', 'Projet P3'],
      ['P9', 'Projet P9'],
    ]);
    expect(reopened.read().mandateEnd).toBe('2032-03');
    reopened.close();
  });

  it('puts a project back at its place when a deletion is undone', () => {
    const { file, store } = newStore();
    const removed = store.read().projects[0]!;
    store.applyEdit({ label: 'Supprimer', ops: [{ op: 'project.delete', id: 'P1' }] });
    store.applyEdit({
      label: 'Annuler',
      ops: [{ op: 'project.insert', project: removed, index: 0 }],
    });
    store.close();
    const reopened = DocumentStore.open(file);
    expect(reopened.read()).toStrictEqual(smallPortfolio());
    reopened.close();
  });

  it('removes an optional section and keeps the order of the others', () => {
    const { file, store } = newStore();
    store.applyEdit({
      label: 'Axes',
      ops: [{ op: 'section.put', section: 'axes', value: [{ id: 'A1', label: 'Axe' }] }],
    });
    store.applyEdit({
      label: 'Sans axes',
      ops: [{ op: 'section.put', section: 'axes', value: undefined }],
    });
    store.close();
    const reopened = DocumentStore.open(file);
    expect(JSON.stringify(reopened.read())).toBe(JSON.stringify(smallPortfolio()));
    reopened.close();
  });

  it('writes only the edited project’s row', () => {
    const file = join(tempDir(), 'grand.arbitra');
    const store = DocumentStore.create(file, example('moyen'));
    const target = store.read().projects[5]!;
    const spy = new Database(file, { readonly: true });
    const rows = () =>
      new Map(
        (spy.prepare('SELECT id, json FROM projects').all() as { id: string; json: string }[]).map(
          (r) => [r.id, r.json],
        ),
      );
    const before = rows();
    store.applyEdit({
      label: 'Renommer',
      ops: [{ op: 'project.put', project: { ...target, name: 'Nouveau nom' } }],
    });
    const after = rows();
    const changed = [...after].filter(([id, json]) => before.get(id) !== json).map(([id]) => id);
    expect(changed).toEqual([target.id]);
    spy.close();
    store.close();
  });

  it('refuses an edit made on an older revision and changes nothing', () => {
    const { file, store } = newStore();
    store.applyEdit(
      { label: 'Un', ops: [{ op: 'section.put', section: 'mandateEnd', value: '2031-03' }] },
      0,
    );
    const stale = () =>
      store.applyEdit(
        { label: 'Deux', ops: [{ op: 'section.put', section: 'mandateEnd', value: '2030-01' }] },
        0,
      );
    expect(stale).toThrow(expect.objectContaining({ name: 'DocumentError', code: 'conflict' }));
    expect(store.revision).toBe(1);
    store.close();
    const reopened = DocumentStore.open(file);
    expect(reopened.revision).toBe(1);
    expect(reopened.read().mandateEnd).toBe('2031-03');
    reopened.close();
  });

  it('sees edits committed by another window on the same file before editing', () => {
    const { file, store } = newStore();
    const other = DocumentStore.open(file);
    other.applyEdit({ label: 'Ailleurs', ops: [{ op: 'project.delete', id: 'P3' }] }, 0);
    expect(() =>
      store.applyEdit({ label: 'Ici', ops: [{ op: 'project.delete', id: 'P2' }] }, 0),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.applyEdit({ label: 'Ici', ops: [{ op: 'project.delete', id: 'P2' }] }, 1)).toEqual(
      {
        ok: true,
        revision: 2,
      },
    );
    expect(store.read().projects.map((p) => p.id)).toEqual(['P1']);
    other.close();
    store.close();
  });

  it('refuses an edit that breaks a rule of the document, writing nothing', () => {
    const { file, store } = newStore();
    const result = store.applyEdit(
      {
        label: 'Dépendance',
        ops: [{ op: 'project.put', project: { ...project('P2'), dependsOn: ['P404'] } }],
      },
      0,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.some((p) => p.path.startsWith('projects[1]'))).toBe(true);
    expect(store.revision).toBe(0);
    store.close();
    const reopened = DocumentStore.open(file);
    expect(reopened.revision).toBe(0);
    expect(reopened.read()).toStrictEqual(smallPortfolio());
    reopened.close();
  });

  it('gives a copy of the document that the caller cannot use to change the store', () => {
    const { store } = newStore();
    const copy = store.read();
    copy.projects.pop();
    copy.organisation.name = 'Autre';
    expect(store.read()).toStrictEqual(smallPortfolio());
    store.close();
  });
});

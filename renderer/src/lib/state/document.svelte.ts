/**
 * The open document as the renderer sees it.
 *
 * Every change is one `Edit`. It is applied at once to the portfolio shown
 * (optimistic update, with the same `applyEdit` the main process uses),
 * recorded for undo with its inverse (`inverseOps`), and sent with
 * `document.edit` and the last revision the server confirmed. Edits are sent
 * one after the other; the portfolio shown is always
 * `confirmed + pending edits`, so a refused edit is simply dropped and the
 * ones after it stay. Undo and redo are edits too (the inverse operations),
 * sent the same way.
 *
 * The portfolio is kept in `$state.raw`: it is replaced whole by each edit,
 * never mutated, so Svelte does not need to proxy hundreds of projects.
 */
import type { AppInfo, DocumentState, RecentDocument } from '../../../../shared/api/contract';
import { applyEdit, inverseOps, type Edit, type EditOp } from '../../../../shared/model/edits';
import type { Portfolio, Problem } from '../../../../shared/model/portfolio';
import { ApiError, call } from '../api/client';
import { i18n, t } from '../i18n/i18n.svelte';
import { EditHistory, type HistoryEntry } from './history';
import { status } from './status.svelte';

interface Pending {
  edit: Edit;
  entry: HistoryEntry;
  kind: 'do' | 'undo' | 'redo';
}

/** The one open document of the window (`doc`); the file itself is electron/documents/store.ts `DocumentStore`. */
export class OpenDocument {
  info = $state.raw<AppInfo | null>(null);
  /** The portfolio shown: the confirmed one with the pending edits applied. */
  portfolio = $state.raw<Portfolio | null>(null);
  name = $state('');
  path = $state('');
  warnings = $state.raw<string[]>([]);
  loading = $state(true);
  loadError = $state('');
  /** Problems of the last refused edit, for the screens to show inline. */
  lastRefusal = $state.raw<{ label: string; problems: Problem[] } | null>(null);
  /** Bumps when the undo/redo stacks change, so their labels are reactive. */
  private historyVersion = $state(0);

  private confirmed: Portfolio | null = null;
  private revision = 0;
  private pending: Pending[] = [];
  private sending = false;
  private history = new EditHistory();

  get undoLabel(): string | undefined {
    void this.historyVersion;
    return this.history.undoLabel;
  }
  get redoLabel(): string | undefined {
    void this.historyVersion;
    return this.history.redoLabel;
  }

  /** Start: the app's info (language) and the current document. */
  async start(): Promise<void> {
    this.loading = true;
    try {
      const info = await call('app.info', {});
      this.info = info;
      i18n.set(info.locale);
      const state = await call('document.current', {});
      if (state) this.adopt(state);
      this.loadError = '';
    } catch (error) {
      this.loadError = t('app.loadFailed', { message: messageOf(error) });
    } finally {
      this.loading = false;
    }
  }

  /** Takes a document the server opened, created, imported or saved. */
  adopt(state: DocumentState, keepHistory = false): void {
    this.confirmed = state.portfolio;
    this.revision = state.revision;
    this.pending = [];
    this.portfolio = state.portfolio;
    this.name = state.name;
    this.path = state.path;
    this.warnings = state.warnings;
    this.lastRefusal = null;
    if (!keepHistory) {
      this.history.clear();
      this.historyVersion++;
    }
  }

  /** One user action: shown at once, undoable, sent to be saved. */
  edit(edit: Edit): void {
    if (!this.portfolio) return;
    const entry: HistoryEntry = {
      label: edit.label,
      ops: edit.ops,
      inverse: inverseOps(this.portfolio, edit.ops),
    };
    this.history.record(entry);
    this.historyVersion++;
    this.enqueue({ edit, entry, kind: 'do' });
  }

  undo(): void {
    if (!this.portfolio) return;
    const entry = this.history.undo();
    if (!entry) return;
    this.historyVersion++;
    this.enqueue({
      edit: { label: t('undo.label', { label: entry.label }), ops: entry.inverse },
      entry,
      kind: 'undo',
    });
    status.info(t('undo.done', { label: entry.label }));
  }

  redo(): void {
    if (!this.portfolio) return;
    const entry = this.history.redo();
    if (!entry) return;
    this.historyVersion++;
    this.enqueue({
      edit: { label: t('redo.label', { label: entry.label }), ops: entry.ops },
      entry,
      kind: 'redo',
    });
    status.info(t('redo.done', { label: entry.label }));
  }

  /** Resolves when every pending edit has been answered (used before leaving). */
  async settled(): Promise<void> {
    while (this.sending || this.pending.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private enqueue(item: Pending): void {
    this.pending.push(item);
    this.recompute();
    void this.pump();
  }

  private recompute(): void {
    if (!this.confirmed) return;
    let shown = this.confirmed;
    for (const p of this.pending) shown = applyEdit(shown, p.edit.ops);
    this.portfolio = shown;
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const head = this.pending[0]!;
        try {
          const reply = await call('document.edit', {
            edit: head.edit,
            baseRevision: this.revision,
          });
          this.pending.shift();
          if (reply.ok) {
            this.confirmed = applyEdit(this.confirmed!, head.edit.ops);
            this.revision = reply.revision;
            this.lastRefusal = null;
            if (head.kind === 'do') status.info(t('edit.saved'));
          } else {
            this.refuse(head, reply.problems);
          }
        } catch (error) {
          this.pending.shift();
          if (error instanceof ApiError && error.code === 'conflict') {
            this.pending = [];
            const state = await call('document.current', {}).catch(() => null);
            if (state) this.adopt(state);
            status.fail(t('edit.conflict'));
            return;
          }
          if (error instanceof ApiError && error.code === 'io') {
            // The file refused the write (read-only, disk full): the main
            // process kept the edit in memory and says so. Show what it holds,
            // keep undo, and let the message point to « Enregistrer sous… ».
            this.pending = [];
            const state = await call('document.current', {}).catch(() => null);
            if (state) this.adopt(state, true);
            status.fail(t('edit.failed', { message: messageOf(error) }));
            return;
          }
          if (error instanceof ApiError && error.problems.length > 0) {
            this.refuse(head, error.problems);
          } else {
            this.history.refused(head.entry, head.kind);
            this.historyVersion++;
            status.fail(t('edit.failed', { message: messageOf(error) }));
          }
        }
        this.recompute();
      }
    } finally {
      this.sending = false;
    }
  }

  private refuse(head: Pending, problems: Problem[]): void {
    this.history.refused(head.entry, head.kind);
    this.historyVersion++;
    this.lastRefusal = { label: head.edit.label, problems };
    status.fail(t('edit.refused', { label: head.edit.label }));
    status.showProblems({
      title: t('edit.refusedTitle'),
      intro: t('edit.refused', { label: head.edit.label }),
      problems,
    });
  }

  // ---- files -------------------------------------------------------------

  async newDocument(name: string): Promise<void> {
    await this.fileOp(async () => {
      const state = await call('document.new', { name });
      this.adopt(state);
      status.info(t('file.created', { name: state.name }));
    });
  }

  async openDemo(): Promise<void> {
    await this.fileOp(async () => {
      const state = await call('document.openDemo', {});
      this.adopt(state);
      status.info(t('file.opened', { name: state.name }));
    });
  }

  /** Opens a file the user chose, by the handle the main process gave for it. */
  async open(handle: string): Promise<void> {
    await this.fileOp(async () => {
      const state = await call('document.open', { handle });
      this.adopt(state);
      status.info(t('file.opened', { name: state.name }));
    });
  }

  /**
   * Saves under a place the user chose (a handle from the native dialog) or
   * a file name in the documents folder. Resolves to 'exists' when that file
   * exists and `overwrite` was not given: the caller asks the user first.
   */
  async saveAs(
    target: { handle: string } | { name: string },
    overwrite = false,
  ): Promise<'saved' | 'exists' | 'failed'> {
    let outcome: 'saved' | 'exists' | 'failed' = 'failed';
    await this.fileOp(async () => {
      await this.settled();
      try {
        const state = await call('document.saveAs', { ...target, overwrite });
        // Same content under a new name: undo keeps working.
        this.adopt(state, true);
        status.info(t('file.saved', { name: state.name }));
        outcome = 'saved';
      } catch (error) {
        if (error instanceof ApiError && error.code === 'exists') outcome = 'exists';
        else throw error;
      }
    });
    return outcome;
  }

  /** Imports JSON text; on refusal every problem is listed and nothing changes. */
  async importText(text: string, name: string): Promise<boolean> {
    let imported = false;
    await this.fileOp(async () => {
      try {
        const result = await call('document.import', { text, name });
        if (result.ok) {
          this.adopt(result.state);
          status.info(t('file.imported', { name: result.state.name }));
          imported = true;
        } else {
          this.reportImport(name, result.problems);
        }
      } catch (error) {
        if (error instanceof ApiError && error.problems.length > 0) {
          this.reportImport(name, error.problems);
        } else throw error;
      }
    });
    return imported;
  }

  private reportImport(name: string, problems: Problem[]): void {
    const intro = t('file.importIntro', { name, count: problems.length });
    status.fail(intro);
    status.showProblems({ title: t('file.importTitle'), intro, problems });
  }

  async exportJson(): Promise<{ text: string; name: string } | null> {
    let out: { text: string; name: string } | null = null;
    await this.fileOp(async () => {
      await this.settled();
      out = await call('document.export', {});
    });
    return out;
  }

  async recent(): Promise<RecentDocument[]> {
    return call('document.recent', {});
  }

  async list(): Promise<RecentDocument[]> {
    return call('document.list', {});
  }

  async setLocale(locale: 'fr' | 'en'): Promise<void> {
    i18n.set(locale);
    try {
      this.info = await call('settings.setLocale', { locale });
    } catch (error) {
      status.fail(t('file.error', { message: messageOf(error) }));
    }
  }

  private async fileOp(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      status.fail(t('file.error', { message: messageOf(error) }));
      if (error instanceof ApiError && error.problems.length > 0) {
        status.showProblems({
          title: t('file.importTitle'),
          intro: error.message,
          problems: error.problems,
        });
      }
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const doc = new OpenDocument();

export type { Edit, EditOp };

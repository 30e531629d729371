/**
 * The undo and redo stacks of the open document, as plain data so the
 * behaviour can be unit-tested under Node. An entry keeps the operations
 * that did the change and the ones that undo it (computed with
 * `inverseOps` against the document as it was).
 */
import type { EditOp } from '../../../../shared/model/edits';

export interface HistoryEntry {
  label: string;
  ops: EditOp[];
  inverse: EditOp[];
}

export class EditHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = 200) {}

  /** A new change: it can be undone, and nothing can be redone any more. */
  record(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  get undoLabel(): string | undefined {
    return this.undoStack.at(-1)?.label;
  }
  get redoLabel(): string | undefined {
    return this.redoStack.at(-1)?.label;
  }

  /** Takes the latest change to undo; it moves to the redo stack. */
  undo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    return entry;
  }

  /** Takes the latest undone change to do again; it moves back to the undo stack. */
  redo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    return entry;
  }

  /**
   * The server refused what was sent for `entry`: put the stacks back as
   * they were before. A refused new change is forgotten; a refused undo
   * goes back to the undo stack; a refused redo back to the redo stack.
   */
  refused(entry: HistoryEntry, kind: 'do' | 'undo' | 'redo'): void {
    const drop = (stack: HistoryEntry[]) => {
      const at = stack.lastIndexOf(entry);
      if (at >= 0) stack.splice(at, 1);
    };
    if (kind === 'do') drop(this.undoStack);
    else if (kind === 'undo') {
      drop(this.redoStack);
      this.undoStack.push(entry);
    } else {
      drop(this.undoStack);
      this.redoStack.push(entry);
    }
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}

/**
 * Edits of an open document. Every user action is one `Edit`: a list of
 * operations applied together (one SQLite transaction in the store, one entry
 * in the renderer's undo stack). The same pure function applies them in the
 * renderer (optimistic update) and in the main process (persisted), so both
 * sides agree on the result.
 */
import type { Portfolio, Project } from './portfolio';

/** Top-level parts of a document that are replaced whole by an edit. */
export const SECTIONS = [
  'organisation',
  'horizon',
  'mandateEnd',
  'criteria',
  'axes',
  'directions',
  'teams',
  'budget',
  'risk',
  'scenarios',
  'decisions',
  'criteriaJudgements',
  'actuals',
  'baseline',
] as const;
export type Section = (typeof SECTIONS)[number];

export type EditOp =
  /** Replace the project with the same id, or append it when there is none. */
  | { op: 'project.put'; project: Project }
  /** Insert a project at a position (used by undo of a deletion). */
  | { op: 'project.insert'; project: Project; index: number }
  | { op: 'project.delete'; id: string }
  /** Replace a top-level section; `undefined` removes an optional one. */
  | { op: 'section.put'; section: Section; value: unknown };

export interface Edit {
  /** What the user did, for the undo menu ("Modifier P03"). */
  label: string;
  ops: EditOp[];
}

/** Applies the operations to a copy of the document; the input is untouched. */
export function applyEdit(portfolio: Portfolio, ops: readonly EditOp[]): Portfolio {
  const next: Portfolio = { ...portfolio, projects: [...portfolio.projects] };
  for (const op of ops) {
    switch (op.op) {
      case 'project.put': {
        const at = next.projects.findIndex((p) => p.id === op.project.id);
        if (at >= 0) next.projects[at] = op.project;
        else next.projects.push(op.project);
        break;
      }
      case 'project.insert': {
        const index = Math.max(0, Math.min(op.index, next.projects.length));
        next.projects.splice(index, 0, op.project);
        break;
      }
      case 'project.delete':
        next.projects = next.projects.filter((p) => p.id !== op.id);
        break;
      case 'section.put':
        if (op.value === undefined) delete (next as Record<string, unknown>)[op.section];
        else (next as Record<string, unknown>)[op.section] = op.value;
        break;
    }
  }
  return next;
}

/**
 * The operations that undo `ops` when applied to the result of applying them
 * to `before`. Computed against the document as it was, so undo restores
 * exactly the previous values (positions included).
 */
export function inverseOps(before: Portfolio, ops: readonly EditOp[]): EditOp[] {
  const inverse: EditOp[] = [];
  let state = before;
  for (const op of ops) {
    switch (op.op) {
      case 'project.put': {
        const index = state.projects.findIndex((p) => p.id === op.project.id);
        const old: Project | undefined = state.projects[index];
        inverse.unshift(
          old ? { op: 'project.put', project: old } : { op: 'project.delete', id: op.project.id },
        );
        break;
      }
      case 'project.insert':
        inverse.unshift({ op: 'project.delete', id: op.project.id });
        break;
      case 'project.delete': {
        const index = state.projects.findIndex((p) => p.id === op.id);
        const old = state.projects[index];
        if (old) inverse.unshift({ op: 'project.insert', project: old, index });
        break;
      }
      case 'section.put':
        inverse.unshift({
          op: 'section.put',
          section: op.section,
          value: (state as Record<string, unknown>)[op.section],
        });
        break;
    }
    state = applyEdit(state, [op]);
  }
  return inverse;
}

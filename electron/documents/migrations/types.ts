import type Database from 'better-sqlite3';

/**
 * One numbered step of the document schema. Steps are applied in order, each
 * in its own transaction together with its row in the `migrations` table, and
 * are never edited once released: a change to the layout is a new step.
 */
export interface Migration {
  /** 1, 2, 3 ... without gaps; the schema version reached once applied. */
  id: number;
  /** Short stable name, recorded in the document and checked on open. */
  name: string;
  up(db: Database.Database): void;
}

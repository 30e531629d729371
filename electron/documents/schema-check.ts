/**
 * What a `.arbitra` database may hold: exactly the objects (tables, indexes,
 * and nothing else: no trigger, no view) that Arbitra's own migrations
 * create, with the same definitions. Anything else in `sqlite_master` was
 * put there by someone else: a trigger would run on every edit made through
 * the app, a view would run whatever query it holds when read. Such a file is
 * refused before anything is written to it, and before any of its tables is
 * read (only `sqlite_master` is, a plain list).
 *
 * The expected schema of a document at version k is built by applying the
 * first k migrations to an empty database in memory, so it is always the one
 * this version's code creates, never a second copy to keep in step.
 */
import Database from 'better-sqlite3';
import type { Migration } from './migrations';
import { DocumentError, shown } from './document-error';

/** One row of `sqlite_master`, as compared. */
export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS migrations (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** The objects listed in a database's `sqlite_master`. */
export function schemaOf(db: Database.Database): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
    .all() as SchemaObject[];
}

const expectedCache = new WeakMap<readonly Migration[], Map<number, SchemaObject[]>>();

/** The schema the first `version` steps of `migrations` create. */
export function expectedSchema(
  migrations: readonly Migration[],
  version: number,
  nativeBinding?: string,
): SchemaObject[] {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  const cached = byVersion.get(version);
  if (cached) return cached;
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    db.exec(CREATE_MIGRATIONS_TABLE);
    for (const migration of migrations.slice(0, version)) migration.up(db);
    const schema = schemaOf(db);
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

/**
 * Records the schema of a database just migrated from a checked one by the
 * first `version` steps: it is, by construction, that version's schema, so
 * the steps need not run a second time in memory to know it.
 */
export function rememberSchema(
  migrations: readonly Migration[],
  version: number,
  db: Database.Database,
): void {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  if (!byVersion.has(version)) byVersion.set(version, schemaOf(db));
}

const key = (o: SchemaObject) => JSON.stringify([o.type, o.name, o.tbl_name, o.sql]);

const KIND: Record<string, string> = {
  trigger: 'déclencheur',
  view: 'vue',
  table: 'table',
  index: 'index',
};

/** The objects of `actual` that `expected` does not have, in words. */
function describe(objects: SchemaObject[]): string {
  const shownObjects = objects
    .slice(0, 5)
    .map((o) => `${KIND[o.type] ?? o.type} « ${o.name.slice(0, 60)} »`);
  const more = objects.length > 5 ? ` et ${objects.length - 5} autre(s)` : '';
  return shownObjects.join(', ') + more;
}

/**
 * Refuses (`foreign`) a database whose objects differ from `expected`: an
 * object added, or one of ours whose definition was changed.
 */
export function checkSchema(db: Database.Database, path: string, expected: SchemaObject[]): void {
  const actual = schemaOf(db);
  const wanted = new Set(expected.map(key));
  const present = new Set(actual.map(key));
  const extra = actual.filter((o) => !wanted.has(key(o)));
  const missing = expected.filter((o) => !present.has(key(o)));
  if (extra.length === 0 && missing.length === 0) return;
  const changed = extra.filter((o) => expected.some((e) => e.name === o.name));
  const added = extra.filter((o) => !changed.includes(o));
  const parts: string[] = [];
  if (added.length > 0) parts.push(`des éléments qu’Arbitra n’a pas créés (${describe(added)})`);
  if (changed.length > 0) parts.push(`des éléments d’Arbitra modifiés (${describe(changed)})`);
  if (parts.length === 0) parts.push(`des éléments manquants (${describe(missing)})`);
  throw new DocumentError(
    'foreign',
    `Le document ${shown(path)} contient ${parts.join(' et ')}. Il n’a pas été ouvert et rien n’y a été écrit : ces éléments pourraient modifier le document à votre insu. Demandez à la personne qui vous l’a envoyé un export .json, ou ouvrez une copie que vous avez enregistrée vous-même.`,
  );
}

/**
 * The `migrations` table itself, checked before any row of it is read: it
 * must be a plain table with our definition (a view of that name could run
 * any query, a never-ending one included).
 */
export function checkHistoryTable(db: Database.Database, path: string, nativeBinding?: string) {
  const ours = expectedSchema([], 0, nativeBinding).find((o) => o.name === 'migrations');
  const found = schemaOf(db).filter((o) => o.name === 'migrations');
  if (found.length === 0) {
    throw new DocumentError(
      'corrupt',
      `Le document ${shown(path)} est incomplet : son historique de versions est absent.`,
    );
  }
  if (found.length !== 1 || !ours || key(found[0]!) !== key(ours)) {
    throw new DocumentError(
      'foreign',
      `Le document ${shown(path)} contient des éléments d’Arbitra modifiés (${describe(found)}). Il n’a pas été ouvert et rien n’y a été écrit.`,
    );
  }
}

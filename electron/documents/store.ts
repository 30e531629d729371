/**
 * The portfolio document on disk: one SQLite file, extension `.arbitra`
 * (MODEL.md §2), opened, edited and saved like a spreadsheet.
 *
 * Layout of the file (schema built by the numbered steps in `migrations/`):
 *
 * - SQLite header `application_id` = 0x41524254 ("ARBT"): how we recognise
 *   one of our files before reading any table. A SQLite file without it is
 *   refused as `not-arbitra`; a file that is not SQLite at all as `corrupt`.
 * - `migrations(id, name, applied_at)`: the schema steps applied, in order.
 *   On open it must be a prefix of `MIGRATIONS` (same ids, same names);
 *   otherwise the document is refused (`corrupt`), or `too-new` when it holds
 *   steps this version does not know. Pending steps are applied to a copy in
 *   the same folder, which replaces the file (rename) only once every step
 *   succeeded and the document read from it is valid; a backup copy
 *   `<name>.avant-migration-<target version>.arbitra` of the previous file
 *   is kept next to it. `PRAGMA user_version` mirrors the last step applied.
 * - Nothing else: a database holding any object the migrations did not
 *   create (trigger, view, table, index, or one of ours redefined) is refused
 *   (`foreign`) before anything is written to it (`schema-check.ts`). Every
 *   check runs on a read-only connection first.
 * - `meta(key, value)`: `application` = `arbitra`, `format` =
 *   `arbitra-portfolio`, `formatVersion` = `1`, `revision` (bumped by one in
 *   every edit's transaction), `createdWith` / `savedWith` (app versions).
 * - `projects(id, position, json)`: one row per project, its full JSON
 *   (unknown fields included), `position` its index in `projects`.
 * - `sections(name, position, json)`: one row per other top-level field of
 *   the document (`format`, `organisation`, `budget`, unknown fields ...),
 *   with its full JSON; `position` keeps the document's key order, and the
 *   row named `projects` (json NULL) marks where the project list sits.
 *
 * So editing one project writes one row, whatever the size of the document,
 * and a document read back is the document written, key order included. On
 * open, every project row's key must be the id inside its JSON (`corrupt`
 * otherwise: an edit would be written under one key and read under another).
 *
 * The file is in WAL mode; every user action (`applyEdit`) is one
 * transaction, so a crash leaves the last committed version. New files and
 * copies are written to a temporary file in the target folder and renamed.
 *
 * Two stores (windows, processes) on one file: no lock and no refusal.
 * SQLite serialises the transactions (one writer at a time, the other waits
 * up to 5 s), and an edit made on a revision another writer has replaced is
 * refused as `conflict`, writing nothing: the file holds one serial history.
 *
 * A file that stops accepting writes (read-only, disk full): the edit is
 * kept in memory (`unsaved`), the error says so, and `saveAs` writes the
 * document held in memory to another file.
 *
 * better-sqlite3 is a native addon: Node's build serves the tests and the
 * command line; Electron passes the path of its own build in
 * `StoreOptions.nativeBinding`.
 */
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { applyEdit as applyOps, type Edit } from '../../shared/model/edits';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Portfolio,
  type Problem,
} from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';
import type { EditResult } from '../../shared/api/contract';
import { asDocumentError, DocumentError, isBusy, shown } from './document-error';
import { checkJsonShape, checkRegularFile, MAX_DOCUMENT_BYTES, type JsonShape } from './limits';
import { MIGRATIONS, type Migration } from './migrations';
import {
  checkHistoryTable,
  checkSchema,
  CREATE_MIGRATIONS_TABLE,
  expectedSchema,
  rememberSchema,
} from './schema-check';
import { cleanTemporaryFiles, removeQuietly, syncFolder, temporarySibling } from './temporary';

export { DocumentError, type DocumentErrorCode } from './document-error';
export { syncFolder, temporarySibling } from './temporary';

/** "ARBT" in the SQLite header: marks a file written by Arbitra. */
export const APPLICATION_ID = 0x41524254;

const APP_VERSION: string = packageJson.version;

export interface StoreOptions {
  /** Path of the better-sqlite3 addon to load (Electron uses its own build). */
  nativeBinding?: string;
  /**
   * The migration list to apply instead of `MIGRATIONS`. For tests only:
   * simulates documents written by older or newer versions.
   */
  migrations?: readonly Migration[];
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Refuses, before SQLite sees it, what is not a regular file of a sane size
 * (a FIFO would block the process) or not SQLite at all.
 */
function checkFile(path: string): void {
  checkRegularFile(path, MAX_DOCUMENT_BYTES, 'documents .arbitra');
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw asDocumentError(error, path);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) {
      throw new DocumentError('not-a-file', `${shown(path)} n’est pas un fichier ordinaire.`);
    }
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    if (read < buffer.length || buffer.toString('latin1') !== SQLITE_HEADER) {
      throw new DocumentError(
        'corrupt',
        `Le fichier ${shown(path)} n’est pas un document Arbitra lisible : il est vide, tronqué ou d’un autre type.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

function openDatabase(
  path: string,
  options: StoreOptions,
  extra: Database.Options = {},
): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...extra,
    });
  } catch (error) {
    throw asDocumentError(error, path);
  }
  try {
    // Functions called from a schema (views, triggers) cannot have side effects.
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    db.close();
    throw asDocumentError(error, path);
  }
  return db;
}

/** Refuses a SQLite file that Arbitra did not write. */
function checkIdentity(db: Database.Database, path: string): void {
  const id = db.pragma('application_id', { simple: true });
  if (id !== APPLICATION_ID) {
    throw new DocumentError(
      'not-arbitra',
      `Le fichier ${shown(path)} est une base de données, mais pas un document Arbitra. Ouvrez un fichier .arbitra créé par Arbitra, ou importez un fichier .json au format Arbitra.`,
    );
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !==
    undefined
  );
}

/**
 * The steps of `migrations` not yet applied to the document. Throws when the
 * recorded history disagrees with the list (`corrupt`) or goes beyond it
 * (`too-new`). The history table has been checked to be ours.
 */
function pendingMigrations(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[],
): Migration[] {
  const known = migrations.length;
  const applied = db
    .prepare('SELECT id, name FROM migrations ORDER BY id LIMIT ?')
    .all(known + 1) as { id: unknown; name: unknown }[];
  const last = applied[applied.length - 1];
  if (last && typeof last.id === 'number' && last.id > known) {
    throw new DocumentError(
      'too-new',
      `Le document ${shown(path)} a été enregistré par une version plus récente d’Arbitra (schéma ${last.id}) ; cette version ne connaît que le schéma ${known}. Mettez Arbitra à jour pour l’ouvrir.`,
    );
  }
  applied.forEach((row, index) => {
    const expected = migrations[index];
    if (!expected || row.id !== expected.id || row.name !== expected.name) {
      throw new DocumentError(
        'corrupt',
        `Le document ${shown(path)} a un historique de versions incohérent (étape ${String(row.id).slice(0, 20)} « ${String(row.name).slice(0, 60)} » inconnue de cette version d’Arbitra). Il n’a pas été ouvert pour ne pas l’abîmer.`,
      );
    }
  });
  return migrations.slice(applied.length);
}

/**
 * Every check made before a document's tables are read or anything is
 * written: ours (application id), a history this version knows, and exactly
 * the schema that history creates. Returns the steps still to apply.
 */
function inspect(db: Database.Database, path: string, options: StoreOptions): Migration[] {
  checkIdentity(db, path);
  checkHistoryTable(db, path, options.nativeBinding);
  const migrations = options.migrations ?? MIGRATIONS;
  const pending = pendingMigrations(db, path, migrations);
  const applied = migrations.length - pending.length;
  checkSchema(db, path, expectedSchema(migrations, applied, options.nativeBinding));
  return pending;
}

/** Runs `work` on a read-only connection to `path`, closed afterwards. */
function withReadOnly<T>(
  path: string,
  options: StoreOptions,
  work: (db: Database.Database) => T,
): T {
  const db = openDatabase(path, options, { readonly: true });
  try {
    return work(db);
  } catch (error) {
    throw asDocumentError(error, path);
  } finally {
    db.close();
  }
}

function runMigrations(db: Database.Database, pending: readonly Migration[]): void {
  const record = db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.id, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.id}`);
    }).immediate();
  }
}

/** A consistent copy of the open database at `target` (which must not exist). */
function vacuumInto(db: Database.Database, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
  const fd = fs.openSync(target, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the copy of a document is kept before its schema changes. */
function backupPath(path: string, target: number): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  let candidate = join(dirname(path), `${stem}.avant-migration-${target}${ext || '.arbitra'}`);
  for (let n = 2; fs.existsSync(candidate); n++) {
    candidate = join(dirname(path), `${stem}.avant-migration-${target}-${n}${ext || '.arbitra'}`);
  }
  return candidate;
}

/**
 * Applies the pending steps to a copy of the document, checks that the
 * migrated document reads back valid, keeps a backup of the file as it was,
 * then replaces the file by the copy (rename). Until that rename the file is
 * untouched; a failure leaves it as it was. Returns the backup's path.
 */
function migrateOnCopy(path: string, options: StoreOptions, pending: readonly Migration[]): string {
  const temporary = temporarySibling(path, 'migration');
  let backup: string | undefined;
  try {
    withReadOnly(path, options, (db) => vacuumInto(db, temporary));
    const copy = openDatabase(temporary, options);
    try {
      copy.pragma('journal_mode = WAL');
      runMigrations(copy, pending);
      const migrations = options.migrations ?? MIGRATIONS;
      rememberSchema(migrations, migrations.length, copy);
      const checked = validatePortfolio(loadDocument(copy, path).portfolio);
      if (!checked.ok) {
        throw validationError(checked.problems, `Le document ${shown(path)} est refusé`);
      }
      copy.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.close();
    }
    backup = backupPath(path, pending[pending.length - 1]!.id);
    const target = backup;
    withReadOnly(path, options, (db) => vacuumInto(db, target));
    // A journal of the replaced file must not be replayed on the new one.
    for (const leftover of [`${path}-wal`, `${path}-shm`]) fs.rmSync(leftover, { force: true });
    fs.renameSync(temporary, path);
    removeQuietly(temporary);
    syncFolder(dirname(path));
    return backup;
  } catch (error) {
    removeQuietly(temporary);
    if (backup && !fs.existsSync(path)) fs.copyFileSync(backup, path);
    throw asDocumentError(error, path);
  }
}

function parseRow(json: string, path: string, where: string, budget: JsonShape): unknown {
  checkJsonShape(json, `Le document ${shown(path)}`, budget);
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new DocumentError(
      'corrupt',
      `Le document ${shown(path)} est endommagé : la partie « ${where} » est illisible.`,
      [],
      error,
    );
  }
}

/** Sets `key` as an own property, even `__proto__`. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

interface Loaded {
  portfolio: Portfolio;
  revision: number;
}

/** Reads the whole document from the tables. */
function loadDocument(db: Database.Database, path: string): Loaded {
  for (const table of ['meta', 'sections', 'projects']) {
    if (!hasTable(db, table)) {
      throw new DocumentError(
        'corrupt',
        `Le document ${shown(path)} est incomplet : la table « ${table} » est absente.`,
      );
    }
  }
  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
      (row) => [row.key, row.value],
    ),
  );
  const formatVersion = Number(meta.get('formatVersion'));
  if (meta.get('format') !== FORMAT_NAME || !Number.isInteger(formatVersion)) {
    throw new DocumentError(
      'corrupt',
      `Le document ${shown(path)} est endommagé : son format n’est pas indiqué.`,
    );
  }
  if (formatVersion > FORMAT_VERSION) {
    throw new DocumentError(
      'too-new',
      `Le document ${shown(path)} utilise le format ${formatVersion}, plus récent que celui que connaît cette version d’Arbitra (${FORMAT_VERSION}). Mettez Arbitra à jour pour l’ouvrir.`,
    );
  }
  const revision = Number(meta.get('revision'));
  if (!Number.isInteger(revision) || revision < 0) {
    throw new DocumentError(
      'corrupt',
      `Le document ${shown(path)} est endommagé : son numéro de révision est illisible.`,
    );
  }
  const budget: JsonShape = { containers: 0, values: 0 };
  const projects = (
    db.prepare('SELECT id, json FROM projects ORDER BY position, rowid').all() as {
      id: unknown;
      json: unknown;
    }[]
  ).map((row) => {
    const key = typeof row.id === 'string' ? row.id : String(row.id);
    if (typeof row.json !== 'string') {
      throw new DocumentError(
        'corrupt',
        `Le document ${shown(path)} est endommagé : le projet « ${key.slice(0, 80)} » est illisible.`,
      );
    }
    const project = parseRow(row.json, path, `projet ${key.slice(0, 80)}`, budget);
    const id = (project as { id?: unknown } | null)?.id;
    if (typeof row.id !== 'string' || id !== row.id) {
      throw new DocumentError(
        'corrupt',
        `Le document ${shown(path)} est incohérent : la ligne du projet « ${key.slice(0, 80)} » contient ${
          typeof id === 'string' ? `le projet « ${id.slice(0, 80)} »` : 'un projet sans identifiant'
        }. Il n’a pas été ouvert : une modification de ce projet y serait enregistrée sous un nom et relue sous un autre, donc perdue.`,
      );
    }
    return project;
  });
  const document: Record<string, unknown> = {};
  let projectsPlaced = false;
  const sections = db.prepare('SELECT name, json FROM sections ORDER BY position, rowid').all() as {
    name: unknown;
    json: unknown;
  }[];
  for (const row of sections) {
    if (typeof row.name !== 'string' || (row.json !== null && typeof row.json !== 'string')) {
      throw new DocumentError(
        'corrupt',
        `Le document ${shown(path)} est endommagé : une de ses parties est illisible.`,
      );
    }
    if (row.name === 'projects') {
      if (row.json !== null) {
        throw new DocumentError(
          'corrupt',
          `Le document ${shown(path)} est incohérent : la liste des projets y figure deux fois.`,
        );
      }
      document.projects = projects;
      projectsPlaced = true;
    } else if (row.json !== null) {
      define(document, row.name, parseRow(row.json, path, row.name.slice(0, 80), budget));
    }
  }
  if (!projectsPlaced) document.projects = projects;
  return { portfolio: document as Portfolio, revision };
}

function validationError(problems: Problem[], what: string): DocumentError {
  const count = problems.length;
  return new DocumentError(
    'invalid',
    `${what} : ${count} problème${count > 1 ? 's' : ''} à corriger.`,
    problems,
  );
}

/** Normalises a value the way writing it to disk and reading it back would. */
function throughJson<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}

/** Writes a new document's rows (the schema must exist). */
function writeWholeDocument(db: Database.Database, portfolio: Portfolio): void {
  const insertSection = db.prepare('INSERT INTO sections (name, position, json) VALUES (?, ?, ?)');
  const insertProject = db.prepare('INSERT INTO projects (id, position, json) VALUES (?, ?, ?)');
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    let position = 0;
    let projectsPlaced = false;
    for (const [name, value] of Object.entries(portfolio)) {
      if (name === 'projects') {
        insertSection.run(name, position++, null);
        projectsPlaced = true;
      } else if (value !== undefined) {
        insertSection.run(name, position++, JSON.stringify(value));
      }
    }
    if (!projectsPlaced) insertSection.run('projects', position++, null);
    portfolio.projects.forEach((project, index) => {
      insertProject.run(project.id, index, JSON.stringify(project));
    });
    setMeta.run('application', 'arbitra');
    setMeta.run('format', FORMAT_NAME);
    setMeta.run('formatVersion', String(FORMAT_VERSION));
    setMeta.run('revision', '0');
    setMeta.run('createdWith', APP_VERSION);
    setMeta.run('savedWith', APP_VERSION);
  }).immediate();
}

/**
 * Moves a finished temporary file to `target` without replacing an existing
 * file: a hard link fails when the target exists; on file systems without
 * hard links (FAT, exFAT), a check then a rename.
 */
function publishNew(temporary: string, target: string): void {
  try {
    fs.linkSync(temporary, target);
    fs.rmSync(temporary, { force: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') {
      throw new DocumentError('exists', `Le fichier ${shown(target)} existe déjà.`, [], error);
    }
    if (fs.existsSync(target)) {
      throw new DocumentError('exists', `Le fichier ${shown(target)} existe déjà.`, [], error);
    }
    fs.renameSync(temporary, target);
  }
  syncFolder(dirname(target));
}

/** An open `.arbitra` document. One store per open file; close it when done. */
export class DocumentStore {
  readonly path: string;
  readonly warnings: string[];
  #db: Database.Database | undefined;
  #portfolio: Portfolio;
  #revision: number;
  #unsaved = false;
  readonly #options: StoreOptions;

  private constructor(
    path: string,
    db: Database.Database,
    loaded: Loaded,
    warnings: string[],
    options: StoreOptions,
  ) {
    this.path = path;
    this.#db = db;
    this.#portfolio = loaded.portfolio;
    this.#revision = loaded.revision;
    this.warnings = warnings;
    this.#options = options;
  }

  /**
   * Creates a new document at `path` holding `portfolio`, which must be
   * valid. Never replaces an existing file (`exists`); the file appears
   * complete or not at all.
   */
  static create(path: string, portfolio: Portfolio, options: StoreOptions = {}): DocumentStore {
    const target = resolve(path);
    if (fs.existsSync(target)) {
      throw new DocumentError('exists', `Le fichier ${shown(target)} existe déjà.`);
    }
    const checked = validatePortfolio(portfolio);
    if (!checked.ok) throw validationError(checked.problems, 'Le portefeuille est refusé');
    const content = throughJson(portfolio);
    cleanTemporaryFiles(dirname(target));
    const temporary = temporarySibling(target, 'creation');
    try {
      let db: Database.Database;
      try {
        db = new Database(temporary, {
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
      } catch (error) {
        throw asDocumentError(error, target);
      }
      try {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma('journal_mode = WAL');
        db.exec(CREATE_MIGRATIONS_TABLE);
        runMigrations(db, options.migrations ?? MIGRATIONS);
        writeWholeDocument(db, content);
      } finally {
        db.close();
      }
      publishNew(temporary, target);
    } catch (error) {
      removeQuietly(temporary);
      throw asDocumentError(error, target);
    }
    return DocumentStore.open(target, options);
  }

  /**
   * Opens an existing document, applying pending schema steps after a
   * backup copy. Throws a DocumentError saying why a file cannot be opened.
   */
  static open(path: string, options: StoreOptions = {}): DocumentStore {
    const target = resolve(path);
    checkFile(target);
    const pending = withReadOnly(target, options, (db) => inspect(db, target, options));
    const warnings: string[] = [];
    if (pending.length > 0) {
      const backup = migrateOnCopy(target, options, pending);
      warnings.push(
        `Le document a été mis à jour pour cette version d’Arbitra ; une copie de la version précédente a été gardée dans « ${basename(backup)} ».`,
      );
    }
    const db = openDatabase(target, options);
    try {
      // The same checks on the connection that will write: the file may have
      // been replaced since the read-only look.
      if (inspect(db, target, options).length > 0) {
        throw new DocumentError(
          'io',
          `Le document ${shown(target)} a été modifié pendant son ouverture ; réessayez.`,
        );
      }
      db.pragma('journal_mode = WAL');
      const loaded = loadDocument(db, target);
      const checked = validatePortfolio(loaded.portfolio);
      if (!checked.ok) {
        throw validationError(checked.problems, `Le document ${shown(target)} est refusé`);
      }
      warnings.push(...checked.warnings);
      return new DocumentStore(target, db, loaded, warnings, options);
    } catch (error) {
      db.close();
      throw asDocumentError(error, target);
    }
  }

  /**
   * Reads a document without changing the file: pending schema steps are
   * applied to a copy in memory. For the command line and imports.
   */
  static readFile(
    path: string,
    options: StoreOptions = {},
  ): { portfolio: Portfolio; warnings: string[] } {
    const target = resolve(path);
    checkFile(target);
    let db = openDatabase(target, options, { readonly: true });
    try {
      const pending = inspect(db, target, options);
      if (pending.length > 0) {
        const image = db.serialize();
        // Bytes 18-19 of the header say "WAL mode", which a database in memory cannot use.
        image[18] = 1;
        image[19] = 1;
        const copy = new Database(image, {
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
        db.close();
        db = copy;
        db.pragma('trusted_schema = OFF');
        runMigrations(db, pending);
      }
      const loaded = loadDocument(db, target);
      const checked = validatePortfolio(loaded.portfolio);
      if (!checked.ok) {
        throw validationError(checked.problems, `Le document ${shown(target)} est refusé`);
      }
      return { portfolio: loaded.portfolio, warnings: checked.warnings };
    } catch (error) {
      throw asDocumentError(error, target);
    } finally {
      db.close();
    }
  }

  /** Increases by one with every committed edit. */
  get revision(): number {
    return this.#revision;
  }

  /** The full document, unknown fields included (a copy: changing it changes nothing). */
  read(): Portfolio {
    this.#open();
    return structuredClone(this.#portfolio);
  }

  /**
   * Applies one user action. The whole resulting document is validated; a
   * refused edit writes nothing and returns its problems. Otherwise it is
   * written in one transaction and the revision goes up by one. A
   * `baseRevision` other than the current one means the edit was made on a
   * stale copy: `conflict`.
   */
  applyEdit(edit: Edit, baseRevision?: number): EditResult {
    const db = this.#open();
    try {
      if (!this.#unsaved) this.#refreshIfChangedElsewhere(db);
      this.#checkBase(baseRevision);
      const before = this.#portfolio;
      let ops: Edit['ops'];
      try {
        ops = throughJson(edit.ops);
      } catch (error) {
        // Nesting deep enough to exhaust the stack: refused like any invalid edit.
        if (!(error instanceof RangeError)) throw error;
        return {
          ok: false,
          problems: [{ path: '', message: 'La modification est imbriquée trop profondément.' }],
        };
      }
      const after = applyOps(before, ops);
      const checked = validatePortfolio(after);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      if (this.#unsaved) this.#keepInMemory(after, undefined);
      try {
        db.transaction(() => {
          // Another process may have written since the check above.
          if (this.#storedRevision(db) !== this.#revision) {
            throw new DocumentError(
              'conflict',
              'Le document a été modifié ailleurs entre-temps ; votre modification n’a pas été enregistrée. Rechargez-le puis recommencez.',
            );
          }
          this.#writeChanges(db, before, after);
          const next = this.#revision + 1;
          db.prepare(`UPDATE meta SET value = ? WHERE key = 'revision'`).run(String(next));
          db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('savedWith', ?)`).run(
            APP_VERSION,
          );
        }).immediate();
      } catch (error) {
        const failure = asDocumentError(error, this.path);
        // A file that cannot be written (read-only, disk full, removed ...):
        // the edit is not lost, it stays in memory until « Enregistrer sous ».
        if (failure.code === 'io' && !isBusy(error)) this.#keepInMemory(after, failure);
        throw failure;
      }
      this.#portfolio = after;
      this.#revision += 1;
      return { ok: true, revision: this.#revision };
    } catch (error) {
      throw asDocumentError(error, this.path);
    }
  }

  /**
   * True once an edit could not be written to the file (read-only file or
   * folder, full disk ...). The document in memory (`read()`) then holds that
   * edit and every later one; `saveAs` writes it whole to another file.
   */
  get unsaved(): boolean {
    return this.#unsaved;
  }

  /** Keeps an edit the file refused in memory, and says so (throws). */
  #keepInMemory(after: Portfolio, failure: DocumentError | undefined): never {
    this.#portfolio = after;
    this.#revision += 1;
    this.#unsaved = true;
    const cause = failure?.message ?? `Le fichier ${shown(this.path)} n’a pas pu être écrit.`;
    throw new DocumentError(
      'io',
      `${cause} La modification est gardée en mémoire mais n’est pas enregistrée : utilisez « Enregistrer sous… » pour enregistrer le document dans un autre dossier.`,
      [],
      failure,
    );
  }

  /**
   * Writes a consistent copy of the document at `path` (replacing a file the
   * user chose to overwrite), closes this store and returns one open on the
   * copy.
   */
  saveAs(path: string): DocumentStore {
    const target = resolve(path);
    const db = this.#open();
    if (target === this.path && !this.#unsaved) return this;
    cleanTemporaryFiles(dirname(target));
    if (this.#unsaved) return this.#saveFromMemory(target);
    const temporary = temporarySibling(target, 'copie');
    try {
      vacuumInto(db, temporary);
      // A journal left by a previous document of that name must not be replayed on the copy.
      for (const leftover of [`${target}-wal`, `${target}-shm`]) {
        fs.rmSync(leftover, { force: true });
      }
      fs.renameSync(temporary, target);
      syncFolder(dirname(target));
    } catch (error) {
      removeQuietly(temporary);
      throw asDocumentError(error, target);
    }
    this.close();
    return DocumentStore.open(target, this.#options);
  }

  /**
   * Writes the document held in memory (with the edits the file refused) as a
   * new document at `target`, replacing a file the user chose to overwrite.
   */
  #saveFromMemory(target: string): DocumentStore {
    const temporary = temporarySibling(target, 'copie');
    try {
      DocumentStore.create(temporary, this.#portfolio, this.#options).close();
      for (const leftover of [`${target}-wal`, `${target}-shm`]) {
        fs.rmSync(leftover, { force: true });
      }
      fs.renameSync(temporary, target);
      syncFolder(dirname(target));
    } catch (error) {
      removeQuietly(temporary);
      throw asDocumentError(error, target);
    }
    this.close();
    return DocumentStore.open(target, this.#options);
  }

  /** Closes the file; the store can no longer be used. */
  close(): void {
    const db = this.#db;
    this.#db = undefined;
    if (db?.open) db.close();
  }

  #open(): Database.Database {
    if (!this.#db) {
      throw new DocumentError('io', `Le document ${shown(this.path)} est fermé.`);
    }
    return this.#db;
  }

  #storedRevision(db: Database.Database): number {
    const row = db.prepare(`SELECT value FROM meta WHERE key = 'revision'`).get() as
      { value: string } | undefined;
    return Number(row?.value);
  }

  #checkBase(baseRevision: number | undefined): void {
    if (baseRevision !== undefined && baseRevision !== this.#revision) {
      throw new DocumentError(
        'conflict',
        `Cette modification a été faite sur une version dépassée du document (révision ${baseRevision}, le document en est à la révision ${this.#revision}). Rechargez-le puis recommencez.`,
      );
    }
  }

  /** Picks up edits committed by another connection to the same file. */
  #refreshIfChangedElsewhere(db: Database.Database): void {
    if (this.#storedRevision(db) !== this.#revision) {
      const loaded = loadDocument(db, this.path);
      this.#portfolio = loaded.portfolio;
      this.#revision = loaded.revision;
    }
  }

  /** Writes only the rows that differ between two versions of the document. */
  #writeChanges(db: Database.Database, before: Portfolio, after: Portfolio): void {
    const oldProjects = new Map(
      before.projects.map((project, index) => [project.id, { project, index }]),
    );
    const insertProject = db.prepare('INSERT INTO projects (id, position, json) VALUES (?, ?, ?)');
    const updateJson = db.prepare('UPDATE projects SET json = ? WHERE id = ?');
    const updatePosition = db.prepare('UPDATE projects SET position = ? WHERE id = ?');
    const deleteProject = db.prepare('DELETE FROM projects WHERE id = ?');
    const kept = new Set<string>();
    after.projects.forEach((project, index) => {
      kept.add(project.id);
      const old = oldProjects.get(project.id);
      if (!old) {
        insertProject.run(project.id, index, JSON.stringify(project));
        return;
      }
      if (old.project !== project) {
        const json = JSON.stringify(project);
        if (json !== JSON.stringify(old.project)) updateJson.run(json, project.id);
      }
      if (old.index !== index) updatePosition.run(index, project.id);
    });
    for (const id of oldProjects.keys()) if (!kept.has(id)) deleteProject.run(id);

    const beforeRecord = before as Record<string, unknown>;
    const afterKeys = Object.keys(after).filter(
      (key) => key === 'projects' || (after as Record<string, unknown>)[key] !== undefined,
    );
    const beforeKeys = Object.keys(before).filter(
      (key) => key === 'projects' || beforeRecord[key] !== undefined,
    );
    const sameOrder =
      afterKeys.length === beforeKeys.length && afterKeys.every((key, i) => beforeKeys[i] === key);
    const upsert = db.prepare(
      'INSERT INTO sections (name, position, json) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET position = excluded.position, json = excluded.json',
    );
    afterKeys.forEach((key, position) => {
      if (key === 'projects') {
        if (!sameOrder) upsert.run(key, position, null);
        return;
      }
      const value = (after as Record<string, unknown>)[key];
      if (sameOrder && value === beforeRecord[key]) return;
      const json = JSON.stringify(value);
      if (sameOrder && json === JSON.stringify(beforeRecord[key])) return;
      upsert.run(key, position, json);
    });
    const removed = beforeKeys.filter((key) => !afterKeys.includes(key));
    const deleteSection = db.prepare('DELETE FROM sections WHERE name = ?');
    for (const key of removed) deleteSection.run(key);
  }
}

/**
 * The one API between the renderer and the main process.
 *
 * Both transports carry exactly these calls: Electron IPC through the preload
 * (`window.arbitra.call`), and HTTP on loopback for `npm run web`. Every
 * argument is validated in the main process with the schemas below before a
 * handler sees it: the renderer is not trusted. Replies travel as
 * `ApiReply` (`{ ok, result }` or `{ ok: false, error }`) and the client
 * rebuilds a real `Error` (see `ApiError`).
 */
import { z } from 'zod';
import type { Portfolio, Problem } from '../model/portfolio';
import type { IncomingActual } from '../model/merge-actuals';
import type { ContinuedProject, DeliveredProject } from '../engine/next-year';
import { SECTIONS, type Edit } from '../model/edits';

/** An opaque handle the main process gave for a file the user chose (see electron/api/grants.ts). */
const handle = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'un jeton de fichier donné par Arbitra est attendu');
/** A file name without folder (the browser saves in the documents folder). */
const fileName = z
  .string()
  .min(1, 'un nom de fichier est attendu')
  .max(200)
  .refine((n) => !/[/\\]/.test(n), 'un nom de fichier sans dossier est attendu');
const anyJson = z.custom<unknown>(() => true);
const projectLike = z.looseObject({ id: z.string().min(1).max(200) });

/** Operations are strict: an unexpected key is refused, not silently dropped. */
export const editSchema = z.object({
  label: z.string().max(500),
  ops: z
    .array(
      z.discriminatedUnion('op', [
        z.strictObject({ op: z.literal('project.put'), project: projectLike }),
        z.strictObject({
          op: z.literal('project.insert'),
          project: projectLike,
          index: z.number().int().min(0),
        }),
        z.strictObject({ op: z.literal('project.delete'), id: z.string().min(1).max(200) }),
        z.strictObject({ op: z.literal('section.put'), section: z.enum(SECTIONS), value: anyJson }),
      ]),
    )
    .min(1)
    .max(10_000),
});

/** What the renderer knows of the open document. */
export interface DocumentState {
  /** Absolute path of the `.arbitra` file. */
  path: string;
  /** File name without folder, for the title bar. */
  name: string;
  /** Increases by one with every committed edit. */
  revision: number;
  portfolio: Portfolio;
  /** Non-blocking remarks (unknown fields kept, migration done, ...). */
  warnings: string[];
}

export interface RecentDocument {
  /** Shown to the user; the page opens the document by `handle`, never by path. */
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
  /** Opaque handle for `document.open` (absent when the file is missing). */
  handle?: string;
}

/** A file the user chose: its opaque handle (for `document.open` / `saveAs`) and its name. */
export interface FileGrant {
  handle: string;
  name: string;
}

export type Locale = 'fr' | 'en';

export interface AppInfo {
  version: string;
  transport: 'electron' | 'web';
  /** Where new and imported documents are saved by default. */
  documentsDir: string;
  locale: Locale;
}

export type ImportResult = { ok: true; state: DocumentState } | { ok: false; problems: Problem[] };

/** A file to download: its bytes in base64 and a suggested name. */
export interface BinaryFile {
  base64: string;
  name: string;
}

export type EditResult = { ok: true; revision: number } | { ok: false; problems: Problem[] };

/**
 * MODEL.md §9: execution rows read from a workbook against the open
 * document (electron/documents/actuals-import.ts). Nothing is written: the
 * renderer merges `rows` with `mergeActuals` as one edit.
 */
export type ActualsRead =
  | {
      ok: true;
      rows: IncomingActual[];
      /** The sheet read. */
      sheet: string;
      added: number;
      replaced: number;
      warnings: string[];
    }
  | { ok: false; problems: Problem[] };

/** MODEL.md §9: what preparing the next budget year's arbitration did (shared/engine/rearbitration.ts). */
export interface NextYearSummary {
  /** The new document's first year. */
  fromYear: number;
  /** The scenario to optimise again in the new document. */
  scenarioId: string;
  /** The adopted plan carried as a scenario, or null without a baseline. */
  carried: { id: string; name: string } | null;
  continued: ContinuedProject[];
  delivered: DeliveredProject[];
  abandoned: string[];
  forcedOut: string[];
  warnings: string[];
}

/** Argument schemas, one per method. */
export const apiArgs = {
  'app.info': z.object({}),
  'settings.setLocale': z.object({ locale: z.enum(['fr', 'en']) }),
  'document.current': z.object({}),
  'document.new': z.object({ name: z.string().min(1).max(200).optional() }),
  'document.openDemo': z.object({}),
  /** A file the user chose: from the recent list, the documents folder, or a native dialog. */
  'document.open': z.object({ handle }),
  /**
   * Save as: a place the user chose in the native dialog (`handle`), or a
   * file name in the documents folder (`name`). An existing file is replaced
   * only with `overwrite: true` (or a native dialog that asked).
   */
  'document.saveAs': z.union([
    z.object({ handle, overwrite: z.boolean().optional() }),
    z.object({ name: fileName, overwrite: z.boolean().optional() }),
  ]),
  'document.recent': z.object({}),
  'document.list': z.object({}),
  'document.import': z.object({
    /** The file's content: JSON text (format 1). */
    text: z.string().max(200 * 1024 * 1024),
    /** The file's name, used to name the new document. */
    name: z.string().min(1).max(300),
  }),
  'document.export': z.object({}),
  /** The open document as an Excel workbook (also the import template). */
  'document.exportXlsx': z.object({}),
  /** An Excel workbook made a new document, like `document.import`. */
  'document.importXlsx': z.object({
    /** The workbook's bytes in base64. */
    base64: z
      .string()
      .max(200 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'le contenu du classeur doit être en base64'),
    name: z.string().min(1).max(300),
  }),
  /** The finance workbook of a scenario's plan (MODEL.md §6). */
  'document.exportFinanceXlsx': z.object({
    scenario: z.string().min(1).max(200).optional(),
  }),
  'document.edit': z.object({ edit: editSchema, baseRevision: z.number().int().min(0) }),
  /** MODEL.md §9: execution rows of a workbook (« Exécution » or an accounting export), checked against the open document. */
  'document.readActuals': z.object({
    /** The workbook's bytes in base64. */
    base64: z
      .string()
      .max(200 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'le contenu du classeur doit être en base64'),
    name: z.string().min(1).max(300),
  }),
  /** MODEL.md §9: the next budget year's document, written in the documents folder and opened. */
  'document.nextYear': z.object({ scenario: z.string().min(1).max(200).optional() }),
} as const;

export type Method = keyof typeof apiArgs;
export type Args<M extends Method> = z.input<(typeof apiArgs)[M]>;

/** Result type of each method. */
export interface Results {
  'app.info': AppInfo;
  'settings.setLocale': AppInfo;
  'document.current': DocumentState | null;
  'document.new': DocumentState;
  'document.openDemo': DocumentState;
  'document.open': DocumentState;
  'document.saveAs': DocumentState;
  'document.recent': RecentDocument[];
  'document.list': RecentDocument[];
  'document.import': ImportResult;
  'document.export': { text: string; name: string };
  'document.exportXlsx': BinaryFile;
  'document.importXlsx': ImportResult;
  'document.exportFinanceXlsx': BinaryFile & {
    /** Which plan the figures are for: the scenario's saved plan or the required projects. */
    plan: 'scenario' | 'required';
  };
  'document.edit': EditResult;
  'document.readActuals': ActualsRead;
  'document.nextYear': { state: DocumentState; summary: NextYearSummary };
}

/** What the main process implements: one async function per method. */
export type Handlers = {
  [M in Method]: (args: z.output<(typeof apiArgs)[M]>) => Promise<Results[M]> | Results[M];
};

/**
 * Why a call failed, for the renderer to switch on; the message is for the user.
 *
 * - transport and dispatcher: `forbidden` (not our page), `unknown-method`,
 *   `bad-arguments` (the contract's schema refused them), `internal` (a bug);
 * - the app: `no-document`, `bad-path` (a name or extension Arbitra does not
 *   write), `bad-grant` (a file handle the main process did not give),
 *   `demo-unavailable`;
 * - documents (electron/documents/document-error.ts): `not-arbitra`,
 *   `corrupt`, `too-new`, `foreign` (SQL Arbitra did not write), `too-large`,
 *   `not-a-file`, `conflict` (edited elsewhere), `exists` (ask before
 *   replacing), `invalid` (problems listed), `io`.
 */
export const API_ERROR_CODES = [
  'forbidden',
  'unknown-method',
  'bad-arguments',
  'internal',
  'no-document',
  'bad-path',
  'bad-grant',
  'demo-unavailable',
  'not-arbitra',
  'corrupt',
  'too-new',
  'foreign',
  'too-large',
  'not-a-file',
  'conflict',
  'exists',
  'invalid',
  'io',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);
}

export interface ApiErrorData {
  message: string;
  code: ApiErrorCode;
  problems?: Problem[];
}

export type ApiReply<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorData };

/** The error the client throws when a call fails. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: Problem[];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = isApiErrorCode(data.code) ? data.code : 'internal';
    this.problems = data.problems ?? [];
  }
}

/** Choices of the application menu (Electron), sent to the renderer to act on. */
export const MENU_ACTIONS = [
  'new',
  'open',
  'saveAs',
  'import',
  'export',
  'undo',
  'redo',
  'about',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** The object the preload exposes as `window.arbitra`, and the web shim imitates. */
export interface ArbitraBridge {
  call(method: string, args: unknown): Promise<ApiReply>;
  /**
   * Native file dialogs, only under Electron: the file the user chose, as a
   * handle bound to it in the main process (the page never sees a path it
   * could replace).
   */
  pickOpenPath?(): Promise<FileGrant | null>;
  pickSavePath?(suggestedName: string): Promise<FileGrant | null>;
  /** Application menu choices, only under Electron; returns a function that unsubscribes. */
  onMenu?(listener: (action: MenuAction) => void): () => void;
  /**
   * Prints the page to a PDF file the user picks (A4, footer « page X / N »),
   * only under Electron; the dossier's title goes in the footer.
   */
  printPdf?(request: { title: string; name: string }): Promise<PrintPdfReply>;
}

/** What printing to PDF gave: the file's name (never its folder), or why not. */
export type PrintPdfReply =
  { ok: true; file: string } | { ok: false; cancelled?: true; message?: string };

export type { Edit };

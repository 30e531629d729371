/**
 * The API's behaviour in the main process: one open document per context (a
 * `DocumentStore`), the settings, the recent list. The same handlers serve
 * Electron (IPC) and `npm run web` (loopback HTTP). Arguments arrive already
 * validated by the dispatcher; failures the user can act on are thrown as
 * `AppError` / `DocumentError` with a French message. Files are named by
 * handles bound to what the user chose (`grants.ts`), never by a path the
 * page sends. At start, temporary files left by copies killed in an earlier
 * run are removed from the documents folder and the recent documents' folders.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type {
  AppInfo,
  DocumentState,
  FileGrant,
  Handlers,
  ImportResult,
  RecentDocument,
} from '../../shared/api/contract';
import type { Portfolio } from '../../shared/model/portfolio';
import { emptyPortfolio } from '../../shared/model/defaults';
import { validatePortfolio } from '../../shared/model/validate';
import { portfolioToJson, readPortfolioFile } from '../documents/files';
import { DocumentStore, type StoreOptions } from '../documents/store';
import { exportFinanceWorkbook } from '../documents/finance-workbook';
import { exportDocumentWorkbook, importDocumentWorkbook } from '../documents/xlsx';
import { financePlan, requiredProjectsPlan } from '../../shared/engine/finance';
import { prepareRearbitration } from '../../shared/engine/rearbitration';
import { importActualsWorkbook } from '../documents/actuals-import';
import { resolveScenario } from '../../shared/model/portfolio';
import type { AppContext } from '../app/context';
import { SettingsStore } from '../app/settings';
import { cleanTemporaryFiles } from '../documents/temporary';
import { AppError } from './errors';
import { Grants, type GrantPurpose } from './grants';
import { parseJsonText } from './json-text';
import { safeFileStem, stemOf, uniquePath } from './names';

export const DOCUMENT_EXTENSION = '.arbitra';

function documentName(path: string): string {
  return basename(path);
}

/** Serialises calls: two opens or an open and an edit never interleave. */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export interface HandlersWithLifecycle extends Handlers {
  /** Closes the open document (app quitting, server stopping). */
  dispose(): void;
  /**
   * A handle for a file the user chose outside the page (native dialog):
   * the only way a path enters the API. `overwrite` when the dialog already
   * asked about replacing it.
   */
  grant(path: string, purpose: GrantPurpose, overwrite?: boolean): FileGrant;
}

export function createHandlers(ctx: AppContext): HandlersWithLifecycle {
  const settings = new SettingsStore(ctx.dataDir);
  const storeOptions: StoreOptions = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};
  const queue = serial();
  const grants = new Grants();
  let store: DocumentStore | null = null;
  let restoreTried = false;

  // Temporary files of copies killed halfway in an earlier run (start-up cleaning).
  for (const folder of new Set([
    ctx.documentsDir,
    ...settings.get().recent.map((r) => dirname(r.path)),
  ])) {
    cleanTemporaryFiles(folder);
  }

  const ensureDocumentsDir = () => mkdirSync(ctx.documentsDir, { recursive: true });

  const state = (): DocumentState => {
    if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
    return {
      path: store.path,
      name: documentName(store.path),
      revision: store.revision,
      portfolio: store.read(),
      warnings: [...store.warnings],
    };
  };

  /** Makes `next` the open document, closing the previous one. */
  const adopt = (next: DocumentStore): DocumentState => {
    if (store && store !== next) store.close();
    store = next;
    restoreTried = true;
    settings.recordOpened(next.path);
    return state();
  };

  const createDocument = (stem: string, portfolio: Portfolio): DocumentState => {
    ensureDocumentsDir();
    const path = uniquePath(ctx.documentsDir, safeFileStem(stem), DOCUMENT_EXTENSION);
    return adopt(DocumentStore.create(path, portfolio, storeOptions));
  };

  const openDemo = async (): Promise<DocumentState> => {
    const read = await readPortfolioFile(ctx.demoPath, storeOptions);
    if (!read.ok) {
      throw new AppError(
        'demo-unavailable',
        'Le portefeuille de démonstration est illisible ou absent de cette installation.',
        read.problems,
      );
    }
    return createDocument(`Démo – ${read.portfolio.organisation.name}`, read.portfolio);
  };

  /** Validates JSON text and makes it a new document; leaves the open one as is on failure. */
  const importText = (text: string, fileName: string): ImportResult => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    const checked = validatePortfolio(parsed.value);
    if (!checked.ok) return { ok: false, problems: checked.problems };
    // The document as written, unknown fields included.
    return { ok: true, state: createDocument(stemOf(fileName), parsed.value as Portfolio) };
  };

  const checkPath = (path: string, extensions: string[]): string => {
    if (!isAbsolute(path)) {
      throw new AppError('bad-path', `Le chemin « ${path} » doit être un chemin absolu.`, [
        { path: 'path', message: 'Un chemin absolu est attendu.' },
      ]);
    }
    const ext = extname(path).toLowerCase();
    if (!extensions.includes(ext)) {
      const list = extensions.join(' ou ');
      throw new AppError(
        'bad-path',
        `Le fichier « ${basename(path)} » doit avoir l’extension ${list}.`,
        [{ path: 'path', message: `Extension ${list} attendue.` }],
      );
    }
    return ext;
  };

  const info = (): AppInfo => ({
    version: ctx.version,
    transport: ctx.transport,
    documentsDir: ctx.documentsDir,
    locale: settings.get().locale,
  });

  const handlers: Handlers = {
    'app.info': () => info(),

    'settings.setLocale': ({ locale }) =>
      queue(() => {
        settings.setLocale(locale);
        return info();
      }),

    'document.current': () =>
      queue(async () => {
        if (store) return state();
        if (restoreTried) return null;
        restoreTried = true;
        const last = settings.get().lastOpened;
        if (last && existsSync(last)) {
          try {
            return adopt(DocumentStore.open(last, storeOptions));
          } catch (error) {
            process.stderr.write(
              `arbitra : le dernier document n’a pas pu être rouvert (${last}) : ${
                (error as Error).message
              }\n`,
            );
          }
        }
        try {
          return await openDemo();
        } catch (error) {
          process.stderr.write(
            `arbitra : la démonstration n’a pas pu être ouverte : ${(error as Error).message}\n`,
          );
          return null;
        }
      }),

    'document.new': ({ name }) =>
      queue(() => {
        const title = name?.trim() || 'Nouveau portefeuille';
        return createDocument(title, emptyPortfolio(title));
      }),

    'document.openDemo': () => queue(openDemo),

    'document.open': ({ handle }) =>
      queue(async () => {
        const { path } = grants.take(handle, 'open');
        const ext = checkPath(path, [DOCUMENT_EXTENSION, '.json']);
        if (ext === DOCUMENT_EXTENSION) return adopt(DocumentStore.open(path, storeOptions));
        const read = await readPortfolioFile(path, storeOptions);
        if (!read.ok) {
          throw new AppError(
            'invalid',
            `Le fichier « ${basename(path)} » ne peut pas être importé.`,
            read.problems,
          );
        }
        return createDocument(stemOf(path), read.portfolio);
      }),

    'document.saveAs': (target) =>
      queue(() => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        let path: string;
        let confirmed = target.overwrite === true;
        if ('handle' in target) {
          const grant = grants.take(target.handle, 'save');
          path = grant.path;
          confirmed ||= grant.overwrite;
        } else {
          const stem = target.name
            .trim()
            .normalize('NFC')
            .replace(/\.arbitra$/i, '');
          if (!stem || safeFileStem(stem, '') !== stem) {
            throw new AppError(
              'bad-path',
              `« ${target.name.slice(0, 80)} » ne peut pas servir de nom de fichier : évitez les caractères < > : " / \\ | ? * et les points en fin de nom.`,
              [{ path: 'name', message: 'Nom de fichier refusé.' }],
            );
          }
          ensureDocumentsDir();
          path = join(ctx.documentsDir, `${stem}${DOCUMENT_EXTENSION}`);
        }
        checkPath(path, [DOCUMENT_EXTENSION]);
        if (path !== store.path && existsSync(path) && !confirmed) {
          throw new AppError(
            'exists',
            `Le fichier « ${basename(path)} » existe déjà. Confirmez pour le remplacer, ou choisissez un autre nom.`,
            [{ path: 'overwrite', message: 'Le fichier existe : confirmation attendue.' }],
          );
        }
        return adopt(store.saveAs(path));
      }),

    'document.recent': () =>
      settings.get().recent.map((entry): RecentDocument => {
        const exists = existsSync(entry.path);
        return {
          path: entry.path,
          name: documentName(entry.path),
          openedAt: entry.openedAt,
          exists,
          ...(exists ? { handle: grants.issue(entry.path, 'open').handle } : {}),
        };
      }),

    'document.list': () => {
      let names: string[];
      try {
        names = readdirSync(ctx.documentsDir);
      } catch {
        return [];
      }
      const opened = new Map(settings.get().recent.map((r) => [r.path, r.openedAt]));
      const list: (RecentDocument & { mtime: number })[] = [];
      for (const name of names) {
        if (extname(name).toLowerCase() !== DOCUMENT_EXTENSION || name.startsWith('.')) continue;
        const path = join(ctx.documentsDir, name);
        try {
          const info = statSync(path);
          if (!info.isFile()) continue;
          list.push({
            path,
            name,
            openedAt: opened.get(path) ?? info.mtime.toISOString(),
            exists: true,
            handle: grants.issue(path, 'open').handle,
            mtime: info.mtimeMs,
          });
        } catch {
          // vanished meanwhile
        }
      }
      list.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name, 'fr'));
      return list.map(({ mtime: _mtime, ...doc }) => doc);
    },

    'document.import': ({ text, name }) => queue(() => importText(text, name)),

    'document.export': () =>
      queue(() => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        return { text: portfolioToJson(store.read()), name: `${stemOf(store.path)}.json` };
      }),

    'document.exportXlsx': () =>
      queue(async () => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        const bytes = await exportDocumentWorkbook(store.read());
        return { base64: bytes.toString('base64'), name: `${stemOf(store.path)}.xlsx` };
      }),

    'document.importXlsx': ({ base64, name }) =>
      queue(async () => {
        const read = await importDocumentWorkbook(Buffer.from(base64, 'base64'));
        if (!read.ok) return { ok: false as const, problems: read.problems };
        return { ok: true as const, state: createDocument(stemOf(name), read.portfolio) };
      }),

    'document.exportFinanceXlsx': ({ scenario }) =>
      queue(async () => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        const portfolio = store.read();
        const resolved = resolveScenario(portfolio, scenario);
        if (!resolved) {
          throw new AppError('bad-arguments', `Le scénario « ${scenario} » n’existe pas.`, [
            {
              path: 'scenario',
              message: 'Aucun scénario de ce document ne porte cet identifiant.',
            },
          ]);
        }
        const saved = resolved.plan !== undefined;
        const plan = saved ? resolved.plan! : requiredProjectsPlan(portfolio, resolved);
        const bytes = await exportFinanceWorkbook(
          portfolio,
          financePlan(portfolio, resolved, plan),
          resolved.name,
        );
        return {
          base64: bytes.toString('base64'),
          name: `${stemOf(store.path)} – finances ${safeFileStem(resolved.id)}.xlsx`,
          plan: saved ? ('scenario' as const) : ('required' as const),
        };
      }),

    'document.edit': ({ edit, baseRevision }) =>
      queue(() => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        return store.applyEdit(edit as Parameters<DocumentStore['applyEdit']>[0], baseRevision);
      }),

    // MODEL.md §9: execution rows and the next budget year.

    'document.readActuals': ({ base64 }) =>
      queue(async () => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        return importActualsWorkbook(Buffer.from(base64, 'base64'), store.read());
      }),

    'document.nextYear': ({ scenario }) =>
      queue(() => {
        if (!store) throw new AppError('no-document', 'Aucun document n’est ouvert.');
        const portfolio = store.read();
        if (scenario !== undefined && !portfolio.scenarios?.some((s) => s.id === scenario)) {
          throw new AppError('bad-arguments', `Le scénario « ${scenario} » n’existe pas.`, [
            {
              path: 'scenario',
              message: 'Aucun scénario de ce document ne porte cet identifiant.',
            },
          ]);
        }
        const next = prepareRearbitration(portfolio, scenario ? { scenarioId: scenario } : {});
        const checked = validatePortfolio(next.portfolio);
        if (!checked.ok) {
          throw new AppError(
            'invalid',
            `Le document de l’arbitrage ${next.fromYear} n’a pas pu être préparé : ${checked.problems.length} problème(s).`,
            checked.problems,
          );
        }
        // « Budget – arbitrage 2028 », and from it « Budget – arbitrage 2029 ».
        const stem = stemOf(store.path).replace(/ – arbitrage \d{4}( \(\d+\))?$/, '');
        const state = createDocument(`${stem} – arbitrage ${next.fromYear}`, next.portfolio);
        return {
          state,
          summary: {
            fromYear: next.fromYear,
            scenarioId: next.scenarioId,
            carried: next.carried ? { id: next.carried.id, name: next.carried.name } : null,
            continued: next.continued,
            delivered: next.delivered,
            abandoned: next.abandoned,
            forcedOut: next.forcedOut,
            warnings: next.warnings,
          },
        };
      }),
  };

  return {
    ...handlers,
    dispose() {
      store?.close();
      store = null;
    },
    grant: (path, purpose, overwrite = false) => grants.issue(path, purpose, overwrite),
  };
}

/**
 * The IPC endpoints of the main process, on fixed channels only: the API
 * call (through the shared dispatcher), the native file dialogs and, in the
 * desktop app, printing the page to PDF (print.ts). Every
 * message is checked to come from one of our pages. A dialog's answer goes
 * back to the page as a handle bound to the path the user chose (`grant`),
 * never as a path: the API opens and writes only such handles.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiReply, FileGrant } from '../../shared/api/contract';
import { CHANNELS } from '../app/channels';
import type { Dispatch } from '../api/dispatch';
import { safeFileStem, stemOf } from '../api/names';
import { printToPdf, type PrintDeps } from './print';
import { isTrustedSender } from './security';

export interface Dialogs {
  /** Absolute path chosen by the user, or null when cancelled. */
  pickOpenPath(): Promise<string | null>;
  /** Absolute path chosen by the user (the dialog asked before replacing a file), or null. */
  pickSavePath(suggestedName: string): Promise<string | null>;
}

/** Binds a path the user chose to a handle (the API handlers' `grant`). */
export type GrantPath = (path: string, purpose: 'open' | 'save', overwrite?: boolean) => FileGrant;

const REFUSED_TEXT = 'Appel refusé : il ne vient pas de la fenêtre d’Arbitra.';
const REFUSED: ApiReply = { ok: false, error: { code: 'forbidden', message: REFUSED_TEXT } };

/** A file name the save dialog may propose: no folder, `.arbitra` extension. */
export function suggestedDocumentName(input: unknown): string {
  const text = typeof input === 'string' ? input.slice(0, 300) : '';
  return `${safeFileStem(stemOf(text), 'Portefeuille')}.arbitra`;
}

/** Without a grant function nothing the user chose can reach the page. */
const NO_GRANT = (): null => null;

export function registerIpc(options: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  dialogs: Dialogs;
  dev: string | null;
  grant?: GrantPath;
  /** Printing the page to PDF (the desktop app); without it the channel is not opened. */
  print?: PrintDeps;
}): void {
  const { ipcMain, dispatch, dialogs, dev } = options;
  const grant: (...args: Parameters<GrantPath>) => FileGrant | null = options.grant ?? NO_GRANT;
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, dev);

  ipcMain.handle(CHANNELS.call, (event, method: unknown, args: unknown) =>
    trusted(event) ? dispatch(method, args) : REFUSED,
  );
  ipcMain.handle(CHANNELS.pickOpenPath, async (event) => {
    if (!trusted(event)) return null;
    const path = await dialogs.pickOpenPath();
    return path ? grant(path, 'open') : null;
  });
  ipcMain.handle(CHANNELS.pickSavePath, async (event, suggestedName: unknown) => {
    if (!trusted(event)) return null;
    const path = await dialogs.pickSavePath(suggestedDocumentName(suggestedName));
    // The native save dialog asks before replacing an existing file.
    return path ? grant(path, 'save', true) : null;
  });
  const print = options.print;
  if (print) {
    ipcMain.handle(CHANNELS.printPdf, (event, request: unknown) =>
      trusted(event)
        ? printToPdf(event.sender, request, print)
        : { ok: false, message: REFUSED_TEXT },
    );
  }
}

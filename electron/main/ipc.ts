/**
 * The IPC endpoints of the main process, on fixed channels only: the API
 * call (through the shared dispatcher) and the native file dialogs. Every
 * message is checked to come from one of our pages.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiReply } from '../../shared/api/contract';
import { CHANNELS } from '../app/channels';
import type { Dispatch } from '../api/dispatch';
import { safeFileStem, stemOf } from '../api/names';
import { isTrustedSender } from './security';

export interface Dialogs {
  /** Absolute path chosen by the user, or null when cancelled. */
  pickOpenPath(): Promise<string | null>;
  pickSavePath(suggestedName: string): Promise<string | null>;
}

const REFUSED: ApiReply = {
  ok: false,
  error: { code: 'forbidden', message: 'Appel refusé : il ne vient pas de la fenêtre d’Arbitra.' },
};

/** A file name the save dialog may propose: no folder, `.arbitra` extension. */
export function suggestedDocumentName(input: unknown): string {
  const text = typeof input === 'string' ? input.slice(0, 300) : '';
  return `${safeFileStem(stemOf(text), 'Portefeuille')}.arbitra`;
}

export function registerIpc(options: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  dialogs: Dialogs;
  dev: string | null;
}): void {
  const { ipcMain, dispatch, dialogs, dev } = options;
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, dev);

  ipcMain.handle(CHANNELS.call, (event, method: unknown, args: unknown) =>
    trusted(event) ? dispatch(method, args) : REFUSED,
  );
  ipcMain.handle(CHANNELS.pickOpenPath, (event) =>
    trusted(event) ? dialogs.pickOpenPath() : null,
  );
  ipcMain.handle(CHANNELS.pickSavePath, (event, suggestedName: unknown) =>
    trusted(event) ? dialogs.pickSavePath(suggestedDocumentName(suggestedName)) : null,
  );
}

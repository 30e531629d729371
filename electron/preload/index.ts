/**
 * The preload: exposes `window.arbitra` (the `ArbitraBridge` of the
 * contract) and nothing else. Every function goes to a fixed IPC channel;
 * the page never sees `ipcRenderer` itself. Built as CommonJS (a sandboxed
 * preload cannot be an ES module).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only: a sandboxed preload can require nothing but 'electron', so no
// package (zod, ...) may end up in this bundle.
import type {
  ApiReply,
  ArbitraBridge,
  FileGrant,
  MenuAction,
  PrintPdfReply,
} from '../../shared/api/contract';
import { CHANNELS } from '../app/channels';

const bridge = {
  call: (method: string, args: unknown): Promise<ApiReply> =>
    ipcRenderer.invoke(CHANNELS.call, method, args),
  pickOpenPath: (): Promise<FileGrant | null> => ipcRenderer.invoke(CHANNELS.pickOpenPath),
  pickSavePath: (suggestedName: string): Promise<FileGrant | null> =>
    ipcRenderer.invoke(CHANNELS.pickSavePath, suggestedName),
  printPdf: (request: { title: string; name: string }): Promise<PrintPdfReply> =>
    ipcRenderer.invoke(CHANNELS.printPdf, request),
  onMenu: (listener: (action: MenuAction) => void): (() => void) => {
    // The main process sends only MenuAction values on this channel.
    const relay = (_event: IpcRendererEvent, action: MenuAction) => listener(action);
    ipcRenderer.on(CHANNELS.menu, relay);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menu, relay);
    };
  },
} satisfies ArbitraBridge;

contextBridge.exposeInMainWorld('arbitra', bridge);

/**
 * Which transport carries the API: the preload's `window.arbitra` under
 * Electron, or a shim with the same shape that posts to the loopback server
 * of `npm run web`. The rest of the renderer only sees an `ArbitraBridge`.
 */
import type { ApiReply, ArbitraBridge } from '../../../../shared/api/contract';
import { takeToken } from './token';

/** The same object under both transports (menu and native dialogs only under Electron). */
export type RendererBridge = ArbitraBridge;

declare global {
  interface Window {
    arbitra?: RendererBridge;
  }
}

export function fetchBridge(token: string | null): RendererBridge {
  return {
    async call(method: string, args: unknown): Promise<ApiReply> {
      let response: Response;
      try {
        response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Arbitra-Token': token ?? '' },
          body: JSON.stringify({ method, args }),
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'io', message: `Le service Arbitra ne répond pas (${String(error)}).` },
        };
      }
      try {
        return (await response.json()) as ApiReply;
      } catch {
        return {
          ok: false,
          error: {
            code: response.status === 401 || response.status === 403 ? 'forbidden' : 'internal',
            message: `Réponse illisible du service Arbitra (HTTP ${response.status}).`,
          },
        };
      }
    },
  };
}

let chosen: RendererBridge | undefined;

/** The bridge of this window, chosen once. */
export function bridge(): RendererBridge {
  chosen ??= window.arbitra ?? fetchBridge(takeToken());
  return chosen;
}

import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CHANNELS } from '../../../electron/app/channels';
import { registerIpc, suggestedDocumentName } from '../../../electron/main/ipc';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((channel: string, h: Handler) => handlers.set(channel, h)) };
  const dispatch = vi.fn(async () => ({ ok: true as const, result: 'done' }));
  const dialogs = {
    pickOpenPath: vi.fn(async () => '/docs/a.arbitra'),
    pickSavePath: vi.fn(async (name: string) => `/docs/${name}`),
  };
  registerIpc({ ipcMain: ipcMain as never, dispatch, dialogs, dev: null });
  return { handlers, dispatch, dialogs };
}

const ours = { senderFrame: { url: 'arbitra://app/index.html' } };
const foreign = { senderFrame: { url: 'https://example.org/' } };

describe('IPC endpoints', () => {
  it('listens on the three fixed channels only', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [CHANNELS.call, CHANNELS.pickOpenPath, CHANNELS.pickSavePath].sort(),
    );
  });

  it('passes calls from our page to the dispatcher', async () => {
    const { handlers, dispatch } = setup();
    const reply = await handlers.get(CHANNELS.call)!(ours, 'app.info', {});
    expect(reply).toEqual({ ok: true, result: 'done' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it('refuses calls and dialogs from any other frame', async () => {
    const { handlers, dispatch, dialogs } = setup();
    const reply = (await handlers.get(CHANNELS.call)!(foreign, 'app.info', {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('forbidden');
    expect(await handlers.get(CHANNELS.pickOpenPath)!(foreign)).toBeNull();
    expect(dispatch).not.toHaveBeenCalled();
    expect(dialogs.pickOpenPath).not.toHaveBeenCalled();
  });

  it('proposes a safe .arbitra name in the save dialog', async () => {
    const { handlers, dialogs } = setup();
    await handlers.get(CHANNELS.pickSavePath)!(ours, '../../etc/Plan: 2028.json');
    expect(dialogs.pickSavePath).toHaveBeenCalledWith('Plan 2028.arbitra');
    expect(suggestedDocumentName(42)).toBe('Portefeuille.arbitra');
  });
});

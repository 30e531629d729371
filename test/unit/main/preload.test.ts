import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async (..._args: unknown[]) => 'reply');
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: { invoke, on, removeListener },
}));

interface Bridge {
  call(method: string, args: unknown): Promise<unknown>;
  pickOpenPath(): Promise<unknown>;
  pickSavePath(name: string): Promise<unknown>;
  onMenu(listener: (action: string) => void): () => void;
  printPdf(request: { title: string; name: string }): Promise<unknown>;
}

let bridge: Bridge;

beforeEach(async () => {
  vi.resetModules();
  exposed.clear();
  invoke.mockClear();
  on.mockClear();
  removeListener.mockClear();
  await import('../../../electron/preload/index');
  bridge = exposed.get('arbitra') as unknown as Bridge;
});

describe('preload bridge', () => {
  it('exposes window.arbitra with exactly the bridge functions', () => {
    expect([...exposed.keys()]).toEqual(['arbitra']);
    expect(Object.keys(bridge).sort()).toEqual([
      'call',
      'onMenu',
      'pickOpenPath',
      'pickSavePath',
      'printPdf',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each function to its fixed channel', async () => {
    await bridge.call('document.current', {});
    await bridge.pickOpenPath();
    await bridge.pickSavePath('Plan.arbitra');
    await bridge.printPdf({ title: 'Dossier', name: 'dossier' });
    expect(invoke.mock.calls).toEqual([
      ['arbitra:call', 'document.current', {}],
      ['arbitra:pickOpenPath'],
      ['arbitra:pickSavePath', 'Plan.arbitra'],
      ['arbitra:printPdf', { title: 'Dossier', name: 'dossier' }],
    ]);
  });

  it('relays menu actions without exposing the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenu(listener);
    expect(on).toHaveBeenCalledWith('arbitra:menu', expect.any(Function));
    const relay = on.mock.calls[0]![1] as (event: unknown, action: string) => void;
    relay({ sender: 'secret' }, 'saveAs');
    expect(listener).toHaveBeenCalledWith('saveAs');
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith('arbitra:menu', relay);
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { menuTemplate } from '../../../electron/main/menu';
import { nativeBindingPath } from '../../../electron/main/native';

function find(template: MenuItemConstructorOptions[], label: string) {
  for (const top of template) {
    for (const item of (top.submenu ?? []) as MenuItemConstructorOptions[]) {
      if (item.label === label) return item;
    }
  }
  return undefined;
}

describe('application menu', () => {
  it('is in French with the document commands', () => {
    const template = menuTemplate(() => {}, { isMac: false, dev: false });
    expect(template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    for (const label of ['Nouveau', 'Ouvrir…', 'Enregistrer sous…', 'Importer…', 'Exporter…']) {
      expect(find(template, label), label).toBeDefined();
    }
    expect(find(template, 'Quitter')?.role).toBe('quit');
  });

  it('sends the action id to the renderer when an item is chosen', () => {
    const send = vi.fn();
    const template = menuTemplate(send, { isMac: false, dev: false });
    const click = (label: string) => (find(template, label)!.click as unknown as () => void)();
    click('Ouvrir…');
    click('Annuler');
    click('Rétablir');
    expect(send.mock.calls).toEqual([['open'], ['undo'], ['redo']]);
  });

  it('leaves the undo shortcuts to the page so text fields keep their own undo', () => {
    const template = menuTemplate(() => {}, { isMac: false, dev: false });
    expect(find(template, 'Annuler')).toMatchObject({
      accelerator: 'CmdOrCtrl+Z',
      registerAccelerator: false,
    });
    expect(find(template, 'Rétablir')?.registerAccelerator).toBe(false);
    expect(find(template, 'Ouvrir…')?.registerAccelerator).toBe(true);
  });

  it('offers developer tools only in development', () => {
    expect(
      find(
        menuTemplate(() => {}, { isMac: false, dev: false }),
        'Outils de développement',
      ),
    ).toBeUndefined();
    expect(
      find(
        menuTemplate(() => {}, { isMac: false, dev: true }),
        'Outils de développement',
      ),
    ).toBeDefined();
  });
});

describe('native SQLite binding for Electron', () => {
  it('is kept per Electron version beside the sources in development', () => {
    expect(
      nativeBindingPath({
        appRoot: '/repo',
        electronVersion: '41.7.1',
        isPackaged: false,
        resourcesPath: '/x',
      }),
    ).toBe('/repo/build/electron-native/41.7.1/better_sqlite3.node');
  });

  it('ships in the resources folder of a packaged app', () => {
    expect(
      nativeBindingPath({
        appRoot: '/app.asar',
        electronVersion: '41.7.1',
        isPackaged: true,
        resourcesPath: '/opt/Arbitra/resources',
      }),
    ).toBe('/opt/Arbitra/resources/native/better_sqlite3.node');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureElectronNative, nativeTarget } from '../../../scripts/electron-native.mjs';
import { nativeBindingPath } from '../../../electron/main/native';

vi.mock('electron', () => ({}));

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('Electron build of better-sqlite3', () => {
  it('is looked for by the main process where the script puts it', () => {
    expect(nativeTarget('41.7.1', '/repo')).toBe(
      nativeBindingPath({
        appRoot: '/repo',
        electronVersion: '41.7.1',
        isPackaged: false,
        resourcesPath: '/unused',
      }),
    );
  });

  it('is not rebuilt when already there', () => {
    root = mkdtempSync(join(tmpdir(), 'arbitra-native-test-'));
    const target = nativeTarget('99.0.0', root);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, 'binary');
    const log = vi.fn();
    // No node_modules in this root: any attempt to build would throw.
    expect(ensureElectronNative({ root, version: '99.0.0', log })).toBe(target);
    expect(log).not.toHaveBeenCalled();
  });
});

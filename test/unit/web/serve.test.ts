import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/app/paths';
import { openBrowser, parseServeArgs } from '../../../electron/web/serve';

describe('npm run web options', () => {
  it('uses Electron’s userData folder by default, per system', () => {
    // Made-up home folders, marked for scripts/check-paths.mjs.
    // check-paths: allow-next-line
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Arbitra');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(
      // check-paths: allow-next-line
      '/Users/ana/Library/Application Support/Arbitra',
    );
    // check-paths: allow-next-line
    expect(defaultDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\Users\\ana')).toBe(
      join('C:\\AppData', 'Arbitra'),
    );
  });

  it('takes the data folder from --data-dir, else ARBITRA_DATA_DIR', () => {
    expect(parseServeArgs(['--data-dir', '/srv/a'], {}).dataDir).toBe('/srv/a');
    expect(parseServeArgs(['--data-dir=/srv/b'], { ARBITRA_DATA_DIR: '/x' }).dataDir).toBe(
      '/srv/b',
    );
    expect(parseServeArgs([], { ARBITRA_DATA_DIR: '/srv/env' }).dataDir).toBe('/srv/env');
  });

  it('reads --port and --open, and refuses anything else', () => {
    expect(parseServeArgs(['--port', '8123', '--open'], {})).toMatchObject({
      port: 8123,
      open: true,
    });
    expect(parseServeArgs([], {})).toMatchObject({ port: 0, open: false });
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/port/);
    expect(() => parseServeArgs(['--verbose'], {})).toThrow(/inconnue/);
  });

  it('does not try to open a browser on Linux without a display', () => {
    expect(openBrowser('http://127.0.0.1:1/', 'linux', {})).toBe(false);
  });
});

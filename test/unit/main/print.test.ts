/**
 * Printing the dossier to PDF in the desktop app (electron/main/print.ts,
 * registered in ipc.ts), Electron mocked: only our page may ask, the request
 * is checked, the native dialog proposes a safe .pdf name, Chromium's
 * printer gets A4 with the footer « page X / N » (the title escaped), and
 * the file is written where the user chose — or nothing when they cancel.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CHANNELS } from '../../../electron/app/channels';
import { registerIpc } from '../../../electron/main/ipc';
import { pdfOptions, printRequest } from '../../../electron/main/print';
import { pageFooterTemplate } from '../../../shared/print/footer';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function setup(path: string | null = '/docs/dossier.pdf') {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((channel: string, h: Handler) => handlers.set(channel, h)) };
  const print = {
    pickPdfPath: vi.fn(async () => path),
    writeFile: vi.fn(async () => {}),
  };
  registerIpc({
    ipcMain: ipcMain as never,
    dispatch: vi.fn(),
    dialogs: { pickOpenPath: vi.fn(), pickSavePath: vi.fn() },
    dev: null,
    print,
  });
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
  const sender = { printToPDF: vi.fn(async (_options: unknown) => pdf) };
  const ours = { senderFrame: { url: 'arbitra://app/index.html' }, sender };
  const foreign = { senderFrame: { url: 'https://example.org/' }, sender };
  return { handler: handlers.get(CHANNELS.printPdf)!, print, sender, pdf, ours, foreign };
}

describe('printing the dossier to PDF', () => {
  it('prints our page to the file the user picked, with the page footer', async () => {
    const { handler, print, sender, pdf, ours } = setup();
    const reply = await handler(ours, { title: 'Dossier <b>2027</b>', name: 'dossier-2027' });
    expect(reply).toEqual({ ok: true, file: 'dossier.pdf' });
    expect(print.pickPdfPath).toHaveBeenCalledWith('dossier-2027.pdf');
    const options = (sender.printToPDF.mock.calls as unknown[][])[0]![0] as ReturnType<
      typeof pdfOptions
    >;
    expect(options).toMatchObject({ pageSize: 'A4', displayHeaderFooter: true });
    expect(options!.footerTemplate).toContain('<span class="pageNumber"></span> / ');
    expect(options!.footerTemplate).toContain('<span class="totalPages"></span>');
    expect(options!.footerTemplate).toContain('Dossier &lt;b&gt;2027&lt;/b&gt;');
    expect(options!.footerTemplate).not.toContain('<b>');
    expect(print.writeFile).toHaveBeenCalledWith('/docs/dossier.pdf', pdf);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { handler, print, sender, ours } = setup(null);
    expect(await handler(ours, { title: 'Dossier', name: 'x' })).toEqual({
      ok: false,
      cancelled: true,
    });
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(print.writeFile).not.toHaveBeenCalled();
  });

  it('refuses another frame and a bad request, naming the field', async () => {
    const { handler, print, foreign, ours } = setup();
    expect(await handler(foreign, { title: 'Dossier', name: 'x' })).toMatchObject({ ok: false });
    const bad = (await handler(ours, { title: '', name: 'x' })) as { message: string };
    expect(bad.message).toMatch(/^Titre du dossier invalide/);
    expect(print.pickPdfPath).not.toHaveBeenCalled();
  });

  it('says why when Chromium cannot print', async () => {
    const { handler, sender, print, ours } = setup();
    sender.printToPDF.mockRejectedValueOnce(new Error('disque plein'));
    const reply = (await handler(ours, { title: 'Dossier', name: 'x' })) as { message: string };
    expect(reply.message).toBe('Le PDF n’a pas pu être écrit : disque plein');
    expect(print.writeFile).not.toHaveBeenCalled();
  });

  it('proposes a safe name ending in .pdf, never a folder', () => {
    for (const name of ['../../etc/passwd', 'a/b:c.PDF', 'C:\\x\\y']) {
      const r = printRequest({ title: 'T', name }) as { name: string };
      expect(r.name, name).not.toMatch(/[/\\:]/);
      expect(r.name, name).toMatch(/\.pdf$/);
    }
    expect((printRequest({ title: 'T', name: 'a/b:c.PDF' }) as { name: string }).name).toBe(
      'a b c.pdf',
    );
    expect((printRequest({ title: 'T', name: 42 }) as { name: string }).name).toBe('Dossier.pdf');
  });

  it('writes « page X / N » after the title in the footer, with margins for it', () => {
    const footer = pageFooterTemplate('Dossier de décision');
    expect(footer.indexOf('Dossier de décision')).toBeLessThan(footer.indexOf('pageNumber'));
    const o = pdfOptions('T')!;
    expect(o.margins!.bottom! * 25.4).toBeGreaterThanOrEqual(14);
  });
});

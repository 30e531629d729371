/**
 * Printing the dossier. In the desktop app the main process writes the PDF
 * (printToPDF, with the footer « page X / N » the print dialog cannot add)
 * to the file the user picks; in the browser, the system print dialog.
 */
import type { ArbitraBridge } from '../../../../shared/api/contract';
import { status } from '../../lib/state/status.svelte';
import { fileNameOf } from './fileName';
import { p } from './paper-messages';

export async function printDossier(title: string): Promise<void> {
  const bridge = (globalThis as { arbitra?: ArbitraBridge }).arbitra;
  if (!bridge?.printPdf) {
    window.print();
    return;
  }
  const reply = await bridge.printPdf({ title, name: fileNameOf(title) });
  if (reply.ok) status.info(p('print.done', { file: reply.file }));
  else if (!reply.cancelled) status.fail(p('print.failed', { message: reply.message ?? '' }));
}

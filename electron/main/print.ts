/**
 * Printing the dossier to PDF in the desktop app: the page asks (fixed
 * channel, trusted frame only), the user picks where in the native save
 * dialog, and Chromium's printer writes A4 pages with the footer
 * « page X / N » (shared/print/footer.ts) — what the browser's print dialog
 * cannot add. The page sends only the dossier's title (checked, escaped in
 * the footer) and a file name to propose; it never sees or gives a path.
 * The channel is registered, sender checked, in ipc.ts.
 */
import type { WebContents } from 'electron';
import { EMPTY_HEADER, pageFooterTemplate, PRINT_MARGINS_MM } from '../../shared/print/footer';
import type { PrintPdfReply } from '../../shared/api/contract';
import { safeFileStem } from '../api/names';

const MM_PER_INCH = 25.4;

/** The options of `webContents.printToPDF` for a dossier titled `title`. */
export function pdfOptions(title: string): Parameters<WebContents['printToPDF']>[0] {
  const inches = (mm: number) => mm / MM_PER_INCH;
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: pageFooterTemplate(title),
    margins: {
      top: inches(PRINT_MARGINS_MM.top),
      bottom: inches(PRINT_MARGINS_MM.bottom),
      left: inches(PRINT_MARGINS_MM.left),
      right: inches(PRINT_MARGINS_MM.right),
    },
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

/** The request checked: a title (1–300 characters) and the name to propose, ending in `.pdf`. */
export function printRequest(input: unknown): { title: string; name: string } | string {
  const r = (input ?? {}) as { title?: unknown; name?: unknown };
  if (typeof r.title !== 'string' || r.title.trim() === '' || r.title.length > 300) {
    return 'Titre du dossier invalide : une phrase de 1 à 300 caractères est attendue.';
  }
  const stem = typeof r.name === 'string' ? r.name.slice(0, 200).replace(/\.pdf$/i, '') : '';
  return { title: r.title, name: `${safeFileStem(stem, 'Dossier')}.pdf` };
}

export interface PrintDeps {
  /** The native save dialog: an absolute path, or null when cancelled. */
  pickPdfPath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

/** Prints `sender`'s page to the PDF file the user picks (the sender already checked: ipc.ts). */
export async function printToPdf(
  sender: Pick<WebContents, 'printToPDF'>,
  input: unknown,
  deps: PrintDeps,
): Promise<PrintPdfReply> {
  const request = printRequest(input);
  if (typeof request === 'string') return { ok: false, message: request };
  const path = await deps.pickPdfPath(request.name);
  if (!path) return { ok: false, cancelled: true };
  try {
    const pdf = await sender.printToPDF(pdfOptions(request.title));
    await deps.writeFile(path, pdf);
    return { ok: true, file: path.split(/[\\/]/).pop() ?? request.name };
  } catch (error) {
    return {
      ok: false,
      message: `Le PDF n’a pas pu être écrit : ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

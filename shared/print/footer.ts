/**
 * The running footer of a printed dossier, for Chromium's PDF printer
 * (Electron's `webContents.printToPDF`, Playwright's `page.pdf`): the
 * dossier's title on the left, « page X / N » on the right. Chromium fills
 * the elements of class `pageNumber` and `totalPages`; CSS `@page` margin
 * boxes, which would say the same, are not printed by Chromium. The
 * template is rendered apart from the page, so it carries its own style
 * (font size in absolute units: the default is tiny) and no script.
 */

/** Text made safe inside HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The footer: `title` left, « page X / N » right (the same words in both languages). */
export function pageFooterTemplate(title: string): string {
  const name = escapeHtml(title.replace(/\s+/g, ' ').trim().slice(0, 160));
  return (
    '<div style="width:100%;margin:0 12mm;font-family:sans-serif;font-size:8pt;color:#444;' +
    'display:flex;justify-content:space-between;gap:8mm">' +
    `<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${name}</span>` +
    '<span style="white-space:nowrap">page <span class="pageNumber"></span> / ' +
    '<span class="totalPages"></span></span></div>'
  );
}

/** An empty header (Chromium prints the date and the address when none is given). */
export const EMPTY_HEADER = '<span></span>';

/** Margins of the printed dossier, millimetres: room for the footer at the bottom. */
export const PRINT_MARGINS_MM = { top: 14, bottom: 16, left: 12, right: 12 } as const;

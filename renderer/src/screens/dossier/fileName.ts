/** Pure helpers of the chart export (no DOM), tested in Node. */

/** A file name from a chart title: lower case, accents and punctuation dropped. */
export function fileNameOf(text: string): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'graphique';
}

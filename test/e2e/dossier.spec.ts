/**
 * The dossier on paper, end to end on the demo: printed to PDF by Chromium
 * as the desktop app does (A4, footer template « page X / N »,
 * shared/print/footer.ts), then read back with poppler's pdfinfo and
 * pdftotext: the cover says what, for whom and when (a French date), the
 * table of contents lists the sections, every page carries « page X / N »
 * with the right N, the note d'arbitrage and the AP/CP annex are there, the
 * annex's total row is the finance engine's (annexTotal recomputed here
 * from the demo file), every planned project's name is whole on paper, and
 * no screen control is printed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annexRows, annexTotal } from '../../shared/engine/annex';
import type { Portfolio } from '../../shared/model/portfolio';
import { EMPTY_HEADER, pageFooterTemplate, PRINT_MARGINS_MM } from '../../shared/print/footer';
import { formatDate, formatEuros } from '../../renderer/src/lib/i18n/format';
import { axe, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

const portfolio = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../resources/demo.json', import.meta.url)), 'utf8'),
) as Portfolio;
/** The scenario the dossier opens on: the first with a saved plan. */
const scenario = portfolio.scenarios!.find((s) => (s.plan ?? []).length > 0)!;

/** Text with every kind of space made one plain space. */
const flat = (s: string) => plain(s).replace(/\s+/g, ' ').trim();

test('the dossier as printed pages: cover, contents, page X / N on every page, note, AP/CP annex total as the engine', async ({
  page,
  appUrl,
}, testInfo) => {
  test.setTimeout(120_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Dossier PDF' })
    .click();
  await expect(page.getByTestId('dossier-risk')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('dossier-annex')).toBeVisible();
  await axe(page, 'the dossier with its note and annex');

  await page.emulateMedia({ media: 'print' });
  const title = `Dossier de décision – ${portfolio.organisation.name} – ${scenario.name}`;
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: pageFooterTemplate(title),
    margin: {
      top: `${PRINT_MARGINS_MM.top}mm`,
      bottom: `${PRINT_MARGINS_MM.bottom}mm`,
      left: `${PRINT_MARGINS_MM.left}mm`,
      right: `${PRINT_MARGINS_MM.right}mm`,
    },
  });
  const file = testInfo.outputPath('dossier.pdf');
  writeFileSync(file, pdf);

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const total = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  expect(total).toBeGreaterThanOrEqual(5 + scenario.plan!.length);
  // pdftotext separates pages with a form feed.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f').slice(0, total).map(flat);
  expect(pages).toHaveLength(total);

  // Page numbers on every page, with the right total.
  pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`page ${i + 1} / ${total}`));

  // The cover: what, for whom, which scenario, when (French date: « 1er décembre »).
  // Today where the page runs (the tests' time zone, playwright.config.ts).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const cover = pages[0]!;
  expect(cover).toContain('Dossier de décision');
  expect(cover).toContain(flat(portfolio.organisation.name));
  expect(cover).toContain(flat(`Scénario « ${scenario.name} »`));
  expect(cover).toContain(flat(`Établi le ${formatDate('fr', today)}`));
  // The cover holds nothing else: the contents start on the next page.
  expect(cover).not.toContain('Sommaire');

  // The table of contents, on page 2, names every section in order.
  const contents = pages[1]!;
  const sections = [
    'Note d’arbitrage',
    'Synthèse chiffrée',
    'Graphiques',
    'Le plan et son financement',
    'Risques',
    'Annexe : autorisations de programme et crédits de paiement',
    `Fiches des projets retenus (${scenario.plan!.length})`,
  ].map(flat);
  expect(contents).toContain('Sommaire');
  let at = 0;
  for (const s of sections) {
    const k = contents.indexOf(s, at);
    expect(k, s).toBeGreaterThanOrEqual(0);
    at = k + s.length;
  }
  // Each section starts on a page of its own after the contents.
  const start = (heading: string) => pages.findIndex((p, i) => i > 1 && p.startsWith(heading));
  expect(start('Note d’arbitrage')).toBe(2);
  const note = pages.slice(2, start('Synthèse chiffrée')).join(' ');
  for (const part of ['La recommandation', 'Les options', 'Les projets écartés, et pourquoi'])
    expect(note).toContain(part);
  expect(note).toContain('Les décisions à prendre');

  // The AP/CP annex: its total row is the engine's, to the euro.
  const annexAt = start(flat('Annexe : autorisations de programme et crédits de paiement'));
  expect(annexAt).toBeGreaterThan(2);
  const rows = annexRows(portfolio, scenario.plan!);
  const sum = annexTotal(rows, portfolio.horizon.firstYear);
  // Read as laid out, so that a row is a line.
  const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\f')
    .map(flat);
  const annex = layout.slice(annexAt, annexAt + 4).join(' ');
  const totalRow = ['Total', sum.amount, ...sum.cp]
    .map((x) => (typeof x === 'number' ? flat(formatEuros('fr', x)) : x))
    .join(' ');
  expect(annex).toContain(totalRow);
  // Once: at the end of the table, not at the foot of every page.
  expect(annex.split(totalRow)).toHaveLength(2);
  for (const r of rows) expect(annex).toContain(r.ap);

  // Names whole on paper, no screen control printed.
  const all = pages.join(' ');
  for (const e of scenario.plan!) {
    const name = portfolio.projects.find((p) => p.id === e.project)!.name;
    expect(all, e.project).toContain(flat(name));
  }
  expect(all).not.toContain('…');
  for (const control of [
    'sous forme de tableau',
    'Imprimer / enregistrer en PDF',
    'Exporter en SVG',
    'Préparer la séance',
  ])
    expect(all).not.toContain(control);
  console.log(`dossier PDF: ${total} pages, ${pdf.length} bytes`);
  done();
});

test('the dossier of a prepared meeting: the cover says when, the note holds the frontier options, the risk its 10 000 runs', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(300_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Dossier PDF' })
    .click();
  await page.getByLabel('Temps de calcul par optimisation').selectOption('2');
  await page.getByTestId('meeting-prepare').click();
  await expect(page.getByTestId('meeting-ready')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('dossier-cover')).toContainText(/Chiffres calculés le \d/);
  // The frontier's other envelopes are options of the note, beside the plan and the heuristic.
  const options = page.getByTestId('dossier-options').getByRole('rowheader');
  await expect(options.filter({ hasText: /^Enveloppe × 0,9$/ })).toHaveCount(1);
  await expect(options.filter({ hasText: /^Enveloppe × 1,1$/ })).toHaveCount(1);
  await expect(options.first()).toHaveText('Plan proposé');
  // The meeting's simulation, not a second quick one.
  await expect(page.getByTestId('dossier-risk')).toBeVisible();
  await expect(page.locator('#dossier-risk-page')).toContainText(
    /D’après 10\s000 déroulements simulés/,
  );
  await expect(page.getByTestId('dossier-recommendation')).toContainText(
    /chances? sur 10 de livrer au moins 80/,
  );
  await axe(page, 'the dossier of a prepared meeting');
  done();
});

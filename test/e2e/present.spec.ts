/**
 * The committee's presentation mode and printable dossier, end to end on
 * the demo: every view walked with the keyboard only, each title announced
 * with its number, axe-core (WCAG 2.1 A/AA) on two views; the dossier
 * printed (print media: no navigation, the financing totals recomputed here
 * with financePlan from the demo document), a PDF of at least one page per
 * planned project, and a chart exported as SVG and PNG. Any
 * Content-Security-Policy violation fails the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { financePlan } from '../../shared/engine/finance';
import { resolveScenario, type Portfolio } from '../../shared/model/portfolio';
import { formatEuros } from '../../renderer/src/lib/i18n/format';
import { axe, frontierValueAt, frNumber, openDemo, plain, watch } from './checks';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const portfolio = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../resources/demo.json', import.meta.url)), 'utf8'),
) as Portfolio;
/** The scenario both screens open on: the first with a saved plan. */
const scenario = portfolio.scenarios!.find((s) => (s.plan ?? []).length > 0)!;

/** Prepares the meeting of the scenario shown, 2 s per optimisation, and waits for its end. */
async function prepare(page: Page): Promise<void> {
  await page.getByLabel('Temps de calcul par optimisation').selectOption('2');
  await page.getByTestId('meeting-prepare').click();
  await expect(page.getByTestId('meeting-ready')).toBeVisible({ timeout: 240_000 });
}

test('presentation: every view by keyboard, titles announced, axe on two views', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(300_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Présentation' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Présentation' })).toBeVisible();

  // Before the meeting is prepared, the deck holds what the document alone gives: no risk view.
  const outline = page.getByTestId('present-outline').locator('li');
  await expect(outline.first()).toBeVisible();
  await expect(outline.filter({ hasText: /chances? sur 10 de livrer au moins 80/ })).toHaveCount(0);
  // Prepared: the risk view is in it.
  await prepare(page);
  await expect(outline.filter({ hasText: /chances? sur 10 de livrer au moins 80/ })).toHaveCount(1);
  await axe(page, 'the presentation outline');
  const titles = (await outline.allTextContents()).map(plain);
  // The decision in one sentence first, the roadmap, the value against the heuristic, the decisions last.
  const n = scenario.plan!.length;
  expect(titles[0]).toMatch(new RegExp(`^Décision : retenir ${n} projets pour `));
  expect(titles[1]).toMatch(new RegExp(`^${n} projets réalisés de 2027`));
  const valueAt = titles.findIndex((t) => /^Le plan apporte .* points de valeur/.test(t));
  const riskAt = titles.findIndex((t) => /chances? sur 10 de livrer au moins 80/.test(t));
  expect(valueAt).toBeGreaterThan(1);
  expect(titles[titles.length - 1]).toMatch(/décisions à acter aujourd’hui$/);

  // Keyboard only from here.
  await page.getByTestId('present-start').focus();
  await page.keyboard.press('Enter');
  const deck = page.getByTestId('present-deck');
  await expect(deck).toBeVisible();
  const live = page.getByTestId('present-live');
  const total = titles.length;
  for (let i = 0; i < total; i++) {
    await expect(page.getByTestId('slide-title')).toHaveText(titles[i]!);
    await expect(page.getByTestId('present-counter')).toContainText(`${i + 1} / ${total}`);
    await expect
      .poll(async () => plain(await live.textContent()))
      .toBe(`Vue ${i + 1} sur ${total} : ${titles[i]}`);
    if (i === valueAt) await axe(page, 'the value view');
    if (i === riskAt) {
      await expect(page.getByTestId('present-odds')).toBeVisible();
      await axe(page, 'the risk view');
    }
    if (i < total - 1) await page.keyboard.press('ArrowRight');
  }
  // Past the end stays on the last view; Home, PageDown, End, PageUp.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present-counter')).toContainText(`${total} / ${total}`);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('slide-title')).toHaveText(titles[0]!);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('slide-title')).toHaveText(titles[1]!);
  await page.keyboard.press('End');
  await expect(page.getByTestId('slide-title')).toHaveText(titles[total - 1]!);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('slide-title')).toHaveText(titles[total - 2]!);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slide-title')).toHaveText(titles[total - 3]!);

  // Tab stays inside the deck.
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press('Tab');
    await expect(deck.locator(':focus')).toHaveCount(1);
  }

  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
  await expect(page.getByTestId('present-start')).toBeFocused();

  // A scenario without a plan: a view says so, the others show the heuristic's plan, provisional.
  const without = portfolio.scenarios!.find((s) => (s.plan ?? []).length === 0)!;
  await page.getByLabel('Scénario présenté').selectOption(without.id);
  await expect(outline.nth(1)).toContainText(`« ${without.name} » n’a pas encore de plan`);
  await expect(outline.filter({ hasText: /^Le plan apporte/ })).toHaveCount(0);
  await page.getByTestId('present-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slide-decision')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-noPlan')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-roadmap')).toBeVisible();
  await expect(deck).toContainText('Plan provisoire');
  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
  done();
});

test('presentation shows the frontier of the prepared meeting, the figures of the frontier screen, and compares with another scenario that has a plan', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(300_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  const nav = page.getByRole('navigation', { name: 'Écrans' });
  const first = portfolio.scenarios![0]!;
  await nav.getByRole('link', { name: 'Présentation' }).click();
  await page.getByLabel('Scénario présenté').selectOption(first.id);
  const outline = page.getByTestId('present-outline').locator('li');
  const frontierTitle = outline.filter({ hasText: /^Avec 10\s%\sde budget en plus\s:\s/ });
  // Not prepared: no frontier in the deck, whatever was computed elsewhere.
  await expect(outline.first()).toBeVisible();
  await expect(frontierTitle).toHaveCount(0);
  await prepare(page);
  await expect(frontierTitle).toHaveCount(1);
  const shown = frNumber(
    /: ([+−][\d  ,]+) points/.exec(plain(await frontierTitle.textContent()))![1]!,
  );

  await page.getByTestId('present-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slide-decision')).toBeVisible();
  // The frontier comes after the roadmap's pages and the value.
  for (let i = 0; i < 12 && (await page.getByTestId('slide-frontier').count()) === 0; i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByTestId('slide-frontier')).toBeVisible();
  await expect(page.getByTestId('slide-frontier').getByTestId('frontier-chart')).toBeVisible();
  await axe(page, 'the frontier view');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-deck')).toHaveCount(0);

  // The frontier screen shows the prepared points: value at × 1,1 minus value at × 1.
  await nav.getByRole('link', { name: 'Frontière efficace' }).click();
  await page
    .getByLabel('Scénario')
    .first()
    .selectOption(first.id)
    .catch(() => {});
  const delta = (await frontierValueAt(page, '1,1')) - (await frontierValueAt(page, '1'));
  expect(Math.abs(shown - delta)).toBeLessThanOrEqual(0.1 + 1e-6);

  // A second scenario with a plan (optimised on the comparison screen): the comparison view.
  await nav.getByRole('link', { name: 'Comparer des scénarios' }).click();
  await page.getByLabel('Scénario A').selectOption(scenario.id);
  await page.getByLabel('Scénario B').selectOption(first.id);
  await page.getByLabel('Temps maximal du calcul').selectOption('2');
  await page
    .getByRole('button', { name: `Calculer le plan optimisé de « ${first.name} »` })
    .click();
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 60_000 });
  await nav.getByRole('link', { name: 'Présentation' }).click();
  await page.getByLabel('Scénario présenté').selectOption(scenario.id);
  // The meeting of this scenario is prepared with the other plan known.
  await prepare(page);
  await expect(
    outline.filter({ hasText: `« ${first.name} » face à « ${scenario.name} »` }),
  ).toHaveCount(1);
  await page.getByTestId('present-start').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  if ((await page.getByTestId('slide-compare').count()) === 0)
    await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slide-compare').getByTestId('comparison')).toBeVisible();
  await expect(page.getByTestId('slide-title')).toContainText('face à');
  await page.keyboard.press('Escape');
  done();
});

test('dossier: printed without navigation, finance totals as financePlan, a PDF of a page per project, charts exported', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Dossier PDF' })
    .click();
  await expect(page.getByTestId('dossier-finance')).toBeVisible();
  await expect(page.getByTestId('dossier-risk')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('dossier-project')).toHaveCount(scenario.plan!.length);
  await axe(page, 'the dossier');

  // Chart export: the roadmap as SVG, then as PNG.
  const exportButton = (format: string) =>
    page.getByRole('button', { name: `${format} : Feuille de route` });
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    exportButton('SVG').click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('feuille-de-route.svg');
  const svgText = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svgText).toMatch(/^<\?xml/);
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('fill=');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    exportButton('PNG').click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('feuille-de-route.png');
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);

  // Print media: no navigation chrome, no controls; the finance figures of financePlan.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Écrans' })).toBeHidden();
  await expect(page.getByTestId('dossier-print')).toBeHidden();
  const resolved = resolveScenario(portfolio, scenario.id)!;
  const report = financePlan(portfolio, resolved, scenario.plan!);
  const euros = (x: number) => plain(formatEuros('fr', x));
  const rows: [string, number[], number][] = [
    ['fin.gross', report.investment.gross, report.totals.gross],
    ['fin.subsidies', report.investment.subsidies, report.totals.subsidies],
    ['fin.partners', report.investment.partners, report.totals.partners],
    ['fin.net', report.investment.net, report.totals.net],
    ['fin.fctva', report.fctva, report.totals.fctva],
    ['fin.run', report.operating.run, report.totals.run],
    ['fin.savings', report.operating.savings, report.totals.savings],
    ['fin.netCost', report.netCost, report.totals.netCost],
  ];
  const table = page.getByTestId('dossier-finance');
  await expect(table).toBeVisible();
  for (const [key, values, totalValue] of rows) {
    const cells = (await table.locator(`tr[data-row="${key}"] td`).allTextContents()).map(plain);
    expect(cells, key).toEqual([...values.map(euros), euros(totalValue)]);
  }
  expect(plain(await page.getByTestId('dossier-summary').textContent())).toContain(
    euros(report.totals.gross),
  );

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1 + scenario.plan!.length);
  console.log(
    `dossier PDF: ${pages} pages, ${pdf.length} bytes, ${scenario.plan!.length} planned projects`,
  );
  done();
});

/**
 * The risk screen end to end: the demo's saved plan is simulated in Web
 * Workers, a figure is read, moving the correlation changes the figures
 * (a saved, undoable edit), the same seed gives the same figures twice, a
 * scenario without a plan shows the provisional heuristic plan, and axe-core
 * finds no WCAG 2.1 A/AA violation with the results shown.
 */
import { axe, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

test('risk screen: figures, correlation, same seed same figures, provisional plan, axe', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(60_000);
  const clean = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Risques' }).click();

  const done = page.getByTestId('risk-done');
  const summary = page.getByTestId('risk-value-summary');
  await page.getByLabel('Nombre de déroulements simulés').selectOption('1000');
  await expect(done).toHaveText(/1\s000 déroulements simulés, série 42/, { timeout: 30_000 });
  await expect(page.getByTestId('risk-plan')).toContainText('Priorité usagers');
  const p50 = Number(
    plain(await page.getByTestId('risk-value-p50').textContent())
      .replace(/\s/g, '')
      .replace(',', '.'),
  );
  expect(p50).toBeGreaterThan(0);
  const before = plain(await summary.textContent());
  expect(before).toMatch(/P50 [\d ,]+, P90 [\d ,]+ points/);
  await axe(page, 'the risk screen with results');

  // Correlation to its maximum: one edit, new figures.
  const slider = page.getByLabel(/^Corrélation entre projets/);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('risk-correlation-value')).toHaveText('0,95');
  await expect(summary).not.toHaveText(before, { timeout: 30_000 });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const correlated = plain(await summary.textContent());

  // Same seed twice, same figures; another seed, other figures.
  const seed = page.getByLabel('Série du hasard');
  await seed.fill('7');
  await seed.press('Tab');
  await expect(done).toHaveText(/série 7\./, { timeout: 30_000 });
  const first = plain(await summary.textContent());
  expect(first).not.toBe(correlated);
  await seed.fill('42');
  await seed.press('Tab');
  await expect(done).toHaveText(/série 42\./, { timeout: 30_000 });
  expect(plain(await summary.textContent())).toBe(correlated);
  await seed.fill('7');
  await seed.press('Tab');
  await expect(done).toHaveText(/série 7\./, { timeout: 30_000 });
  expect(plain(await summary.textContent())).toBe(first);

  // 50 000 iterations: time printed (not asserted); then a new run cancelled midway.
  const began = Date.now();
  await page.getByLabel('Nombre de déroulements simulés').selectOption('50000');
  await expect(done).toHaveText(/50\s000 déroulements simulés, série 7\./, { timeout: 40_000 });
  console.log(`risk screen: 50 000 iterations of the demo plan in ${Date.now() - began} ms`);
  // A run long enough to be caught midway (50 000 can end before the click lands).
  await page.getByLabel('Nombre de déroulements simulés').selectOption('200000');
  await expect(page.getByRole('progressbar')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Annuler la simulation' }).click();
  await expect(page.getByText(/Simulation annulée/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.getByLabel('Nombre de déroulements simulés').selectOption('1000');
  await seed.fill('8');
  await seed.press('Tab');
  await expect(done).toHaveText(/série 8\./, { timeout: 30_000 });

  // English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByText(/^Value delivered before the end of the term/)).toBeVisible();
  await page.getByRole('button', { name: 'FR', exact: true }).click();

  // A scenario without a saved plan: the heuristic's plan, said plainly.
  await page
    .getByLabel('Scénario', { exact: true })
    .selectOption({ label: 'Scénario de référence' });
  await expect(page.getByTestId('risk-provisional')).toContainText(
    'plan provisoire : classement par valeur par euro',
    { ignoreCase: true },
  );
  await expect(done).toBeVisible({ timeout: 30_000 });
  await axe(page, 'the risk screen with a provisional plan');
  // The correlation change is one undoable edit of the document.
  await page
    .getByRole('button', { name: /^Annuler : Corrélation de la simulation : 0,95/ })
    .click();
  await expect(page.getByTestId('risk-correlation-value')).toHaveText('0,3');
  clean();
});

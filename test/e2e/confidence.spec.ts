/**
 * Plans that hold under risk on the scenario screen (MODEL.md §7): the
 * user asks for a plan that holds each investment envelope 8 years in 10,
 * the optimisation runs in its worker with the simulation, and the screen
 * shows, year by year, the simulated risk of overrun (each within the
 * target), the price of confidence in one sentence, and the measure the
 * plan's value is; the choice is one undoable edit.
 */
import { axe, frNumber, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

test('a confidence set on the scenario screen gives a plan whose every year holds', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Scénarios et optimisation' }).click();
  await page
    .getByLabel('Scénario', { exact: true })
    .selectOption({ label: 'Scénario de référence' });

  const hold = page.getByLabel(/Exiger un plan qui tienne les enveloppes/);
  await hold.check();
  await expect(page.getByLabel('Confiance (en %)')).toHaveValue('80');
  await expect(page.getByText('chaque enveloppe tenue au moins 8 années sur 10')).toBeVisible();
  // One undoable edit: undo it, then ask again.
  await page.getByRole('button', { name: /^Annuler : / }).click();
  await expect(hold).not.toBeChecked();
  await hold.check();
  await expect(page.getByTestId('confidence-unknown')).toBeVisible();

  await page.getByLabel('Temps de calcul maximal').selectOption('30');
  await page.getByRole('button', { name: 'Lancer l’optimisation' }).click();
  await expect(page.getByTestId('run-status')).toContainText(/Plan (optimal|trouvé)/, {
    timeout: 120_000,
  });

  const years = page.getByTestId('confidence-years');
  await expect(years.getByRole('row')).toHaveCount(7); // head + 6 years
  for (const row of await years.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells.length === 0) continue;
    expect(frNumber(cells[0]!.replace('%', ''))).toBeLessThanOrEqual(20);
    expect(plain(cells[2]!)).toBe('tenue');
  }
  const price = plain(await page.getByTestId('confidence-price').textContent());
  expect(price).toMatch(/Tenir chaque enveloppe d’investissement 8 années sur 10 coûte [\d,]+ %/);
  // The plan's value is named as the measure it is, and is below the plan with no margin.
  await expect(page.getByTestId('value-figures')).toContainText('Valeur actualisée du plan');
  const value = frNumber(await page.getByTestId('plan-value').textContent());
  const det = frNumber(/contre ([\d\s ,]+) sans marge/.exec(price)![1]!);
  expect(value).toBeLessThanOrEqual(det);
  expect(value).toBeGreaterThan(0);
  await axe(page, 'the scenario screen with a plan that holds');
  done();
});

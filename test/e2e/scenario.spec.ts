/**
 * The scenario screen end to end: a factor edited and undone; the optimiser
 * run in its worker on a fast scenario gives a plan whose value the screen
 * recomputes to the solver's figure, compared with the ranking heuristic;
 * the plan saved in the scenario is there after a reload; a long run is
 * stopped and its best plan so far kept; axe-core finds no WCAG 2.1 A/AA
 * violation with the results shown.
 */
import type { Page } from '@playwright/test';
import { axe, frNumber, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

async function openScreen(page: Page, appUrl: string) {
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Scénarios et optimisation' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Scénarios et optimisation' }),
  ).toBeVisible();
}

test('optimises a fast scenario, compares with the heuristic, saves the plan across a reload', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(60_000);
  const done = await watch(page);
  await openScreen(page, appUrl);
  await page
    .getByLabel('Scénario', { exact: true })
    .selectOption({ label: 'Scénario de référence' });

  // A factor typed in percent is one undoable edit.
  const capacity = page.getByLabel('Capacité des équipes (en %)');
  await expect(capacity).toHaveValue('100');
  await capacity.fill('85');
  await capacity.press('Enter');
  await expect(page.getByLabel('Capacité des équipes (curseur)')).toHaveValue('85');
  await page.getByRole('button', { name: /^Annuler : / }).click();
  await expect(capacity).toHaveValue('100');

  await page.getByLabel('Temps de calcul maximal').selectOption('10');
  await page.getByRole('button', { name: 'Lancer l’optimisation' }).click();
  await expect(page.getByTestId('run-status')).toContainText(/Plan (optimal|trouvé)/, {
    timeout: 40_000,
  });
  // The screen's own value of the plan agrees with the solver's objective.
  const best = frNumber(await page.getByTestId('run-best').textContent());
  const value = frNumber(await page.getByTestId('plan-value').textContent());
  expect(best).toBeGreaterThan(0);
  expect(Math.abs(value - best)).toBeLessThanOrEqual(0.05);
  // "+x points, +y %" is the plan's value against the ranking heuristic's.
  const heuristic = frNumber(await page.getByTestId('heuristic-value').textContent());
  expect(heuristic).toBeGreaterThan(0);
  const gain = /^\+([\d ]+,\d) points, \+([\d ]+,\d) %$/.exec(
    plain(await page.getByTestId('plan-gain').textContent()),
  );
  expect(gain, 'gain as "+x points, +y %"').not.toBeNull();
  // Each figure is rounded to 0,1 point.
  expect(Math.abs(frNumber(gain![1]!) - (value - heuristic))).toBeLessThanOrEqual(0.11);
  expect(frNumber(gain![2]!)).toBeCloseTo((100 * (value - heuristic)) / heuristic, 0);
  await expect(page.getByTestId('roadmap')).toBeVisible();
  const planned = await page.getByTestId('roadmap-table').locator('tbody tr').count();
  expect(planned).toBeGreaterThan(5);
  await expect(page.getByTestId('team-heatmap')).toBeVisible();
  await expect(page.getByTestId('exclusions').locator('> li').first()).toBeVisible();

  await page.getByRole('button', { name: 'Enregistrer le plan dans le scénario' }).click();
  await expect(page.getByTestId('plan-is-saved')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Annuler : Enregistrer le plan/ })).toBeVisible();

  // Give the edit time to reach the document, then reload.
  await page.waitForTimeout(500);
  await page.reload();
  // The hash route brings the reloaded page back to this screen.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Scénarios et optimisation' }),
  ).toBeVisible();
  await page
    .getByLabel('Scénario', { exact: true })
    .selectOption({ label: 'Scénario de référence' });
  await expect(
    page.getByRole('heading', { name: 'Plan enregistré dans le scénario' }),
  ).toBeVisible();
  expect(frNumber(await page.getByTestId('plan-value').textContent())).toBeCloseTo(value, 1);
  expect(await page.getByTestId('roadmap-table').locator('tbody tr').count()).toBe(planned);
  done();
});

test('a long run stopped keeps its best plan so far; the screen passes axe with results', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(60_000);
  const done = await watch(page);
  await openScreen(page, appUrl);
  await page
    .getByLabel('Scénario', { exact: true })
    .selectOption({ label: 'Scénario de référence' });
  await page.getByLabel('Temps de calcul maximal').selectOption('300');
  await page.getByRole('button', { name: 'Lancer l’optimisation' }).click();
  await expect(page.locator('#sc-progress')).toBeVisible();
  // The heuristic plan arrives first, then the solver's; stop while it searches.
  await expect(page.getByTestId('run-best')).toHaveText(/\d/, { timeout: 15_000 });
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Arrêter le calcul' }).click();
  await expect(page.getByTestId('run-status')).toContainText(
    'le meilleur plan trouvé jusque-là est conservé',
  );
  await expect(page.locator('#sc-progress')).toHaveCount(0);
  const best = frNumber(await page.getByTestId('run-best').textContent());
  const value = frNumber(await page.getByTestId('plan-value').textContent());
  expect(Math.abs(value - best)).toBeLessThanOrEqual(0.05);
  await expect(page.getByTestId('roadmap')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Enregistrer le plan dans le scénario' }),
  ).toBeEnabled();
  // The UI stayed responsive: the forced decisions still open and answer.
  await page.getByTestId('force-summary').click();
  await expect(page.getByLabel(/Décision pour P07 .* dans le scénario/)).toHaveValue('out');

  await axe(page, 'the scenario screen with a plan');

  // A mandatory project forced out: no plan, explained in words.
  await page.getByLabel(/Décision pour P11 .* dans le scénario/).selectOption('out');
  await expect(page.getByText('Les réglages ont changé depuis ce calcul')).toBeVisible();
  await page.getByLabel('Temps de calcul maximal').selectOption('10');
  await page.getByRole('button', { name: 'Lancer l’optimisation' }).click();
  await expect(page.getByTestId('run-status')).toContainText(
    'Aucun plan ne respecte toutes les règles',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('run-reasons')).toContainText('P11');
  done();
});

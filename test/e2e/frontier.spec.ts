/**
 * The optimiser's analysis screens end to end, on the demo portfolio with
 * short time limits:
 * - the efficient frontier is computed in a worker, the title states what
 *   10 % more budget buys (checked against the table's own figures), the
 *   current scenario's point is marked, a point chosen with the keyboard shows
 *   its plan, and a cancelled run keeps the points already computed;
 * - a scenario is duplicated, a project forced out in the copy (scenario
 *   screen), both optimised plans computed on the comparison screen and the
 *   differences listed; then the copy is deleted after confirmation and undo
 *   brings it back;
 * - a portfolio without scenarios gets its frontier under neutral settings,
 *   and a point without a plan says why.
 * axe-core finds no WCAG 2.1 A/AA violation on either screen.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { axe, frontierValueAt, frNumber, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

test('efficient frontier: title from the points, current scenario marked, a point’s plan by keyboard, cancel keeps points', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Frontière efficace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frontière efficace' })).toBeVisible();
  await expect(page.getByText('Pas encore calculée pour ce scénario.')).toBeVisible();

  await page.getByLabel('Enveloppes calculées').selectOption('close');
  await page.getByLabel('Temps maximal par point').selectOption('2');
  await page.getByRole('button', { name: 'Calculer la frontière' }).click();
  await expect(page.getByRole('button', { name: 'Annuler le calcul' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Calculer la frontière' })).toBeEnabled({
    timeout: 60_000,
  });

  // The title: value at × 1,1 minus value at × 1, from the table.
  const table = page.getByTestId('frontier-table');
  const delta = (await frontierValueAt(page, '1,1')) - (await frontierValueAt(page, '1'));
  const title = page.getByTestId('frontier-title');
  await expect(title).toContainText('Avec 10 % d’investissement en plus');
  const shown = frNumber(/: ([+−][\d  ,]+) points/.exec(plain(await title.textContent()))![1]!);
  expect(Math.abs(shown - delta)).toBeLessThanOrEqual(0.1 + 1e-6); // each figure is rounded to 0,1
  await expect(table.getByRole('row')).toHaveCount(6);

  // The current scenario's point is marked, in the chart and in the table.
  const chart = page.getByTestId('frontier-chart');
  await expect(chart.getByText('Scénario actuel')).toBeVisible();
  await expect(chart.getByRole('button', { name: /× 1 :.*\(scénario actuel\)/ })).toHaveCount(1);
  await axe(page, 'the frontier screen with its chart');

  // Keyboard: from the first point, Tab reaches the last one (× 1,2); Enter shows its plan.
  const point = chart.getByRole('button', { name: /^Enveloppe × 1,2 :/ });
  const buttons = chart.getByRole('button');
  await buttons.first().focus();
  const count = await buttons.count();
  for (let i = 1; i < count; i++) await page.keyboard.press('Tab');
  await expect(point).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(point).toHaveAttribute('aria-pressed', 'true');
  const plan = page.getByTestId('frontier-plan');
  await expect(
    plan.getByRole('heading', { name: /Plan à l’enveloppe × 1,2\s:\s\d+ projets/ }),
  ).toBeVisible();
  await expect(plan.getByTestId('frontier-changes')).toContainText('Entrent');
  expect(await plan.getByRole('table').getByRole('row').count()).toBeGreaterThan(5);
  await axe(page, 'the frontier screen with a plan open');

  // Cancel after the first point: the points computed so far stay.
  await page.getByLabel('Enveloppes calculées').selectOption('fine');
  await page.getByRole('button', { name: 'Calculer la frontière' }).click();
  await expect(page.getByTestId('frontier-status')).toContainText(/Calcul en cours\s:\s[1-9]/, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Annuler le calcul' }).click();
  const status = page.getByTestId('frontier-status');
  await expect(status).toContainText(/Calcul annulé\s:\s\d+ point\(s\) calculé\(s\) sur 11/);
  const kept = Number(/annulé : (\d+)/.exec(plain(await status.textContent()))![1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(11);
  await expect(table.getByRole('row')).toHaveCount(kept + 1);
  done();
});

test('scenario comparison: duplicate, force a project out in the copy, compute both plans, see the differences, delete the copy', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Comparer des scénarios' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Comparer des scénarios' }),
  ).toBeVisible();
  await axe(page, 'the comparison screen');

  const list = page.getByTestId('scenario-list');
  await page.getByRole('button', { name: 'Dupliquer « Scénario de référence »' }).click();
  await expect(
    list.getByRole('rowheader', { name: /Scénario de référence \(copie\)/ }),
  ).toBeVisible();
  // The copy is picked as B next to its original.
  await expect(page.getByLabel('Scénario A')).toHaveValue('reference');
  await expect(page.getByLabel('Scénario B')).toHaveValue('reference-copie');
  await expect(page.getByTestId('no-plan-A')).toContainText('n’a pas de plan enregistré');
  await expect(page.getByTestId('no-plan-B')).toContainText('n’a pas de plan enregistré');

  // Force P10 out of the copy on the scenario screen.
  await page.getByRole('link', { name: 'Scénarios et optimisation' }).click();
  await page.getByLabel('Scénario', { exact: true }).selectOption('reference-copie');
  await page.getByTestId('force-summary').click();
  await page.getByLabel(/^Décision pour P10 /).selectOption('out');
  await expect(page.getByTestId('force-summary')).toContainText('3 écarté(s)');

  await page.getByRole('link', { name: 'Comparer des scénarios' }).click();
  await expect(page.getByLabel('Scénario B')).toHaveValue('reference-copie');
  await page.getByLabel('Temps maximal du calcul').selectOption('2');
  await page
    .getByRole('button', { name: 'Calculer le plan optimisé de « Scénario de référence »' })
    .click();
  await page
    .getByRole('button', { name: 'Calculer le plan optimisé de « Scénario de référence (copie) »' })
    .click();
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toBeVisible({ timeout: 60_000 });
  await expect(comparison.getByTestId('settings-diff')).toContainText(
    'Projets écartés : seulement dans A : aucun ; seulement dans B : P10',
  );
  await expect(comparison.getByTestId('project-changes')).toBeVisible();
  await expect(comparison.getByTestId('same-plan')).toHaveCount(0);
  // P10 is forced out of B: never among B's own projects.
  await expect(comparison.getByTestId('only-b').getByText('P10', { exact: true })).toHaveCount(0);
  await expect(comparison.getByTestId('money').getByRole('row')).toHaveCount(1 + 6 + 1);
  await axe(page, 'the comparison of two scenarios');

  // Delete the copy, after confirmation.
  await page.getByRole('button', { name: 'Supprimer « Scénario de référence (copie) »' }).click();
  const dialog = page.getByRole('dialog', { name: /Supprimer le scénario/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Supprimer le scénario' }).click();
  await expect(list.getByRole('rowheader', { name: /\(copie\)/ })).toHaveCount(0);
  // One undoable edit: undo brings the copy back with its forced-out project.
  await page.getByRole('button', { name: /^Annuler : Supprimer le scénario/ }).click();
  await expect(list.getByRole('rowheader', { name: /\(copie\)/ })).toHaveCount(1);
  await expect(list.getByRole('row', { name: /\(copie\)/ })).toContainText('3 écarté(s)');
  done();
});

test('a portfolio without scenarios: frontier under neutral settings, a point without a plan explained', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(60_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  const small = JSON.parse(
    readFileSync(fileURLToPath(new URL('../fixtures/petit.json', import.meta.url)), 'utf8'),
  ) as Record<string, unknown>;
  delete small.scenarios;
  await page.getByTestId('import-input').setInputFiles({
    name: 'petit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(small)),
  });
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toContainText('P10');

  await page.getByRole('link', { name: 'Comparer des scénarios' }).click();
  await expect(page.getByText('Ce portefeuille n’a pas encore de scénario')).toBeVisible();

  await page.getByRole('link', { name: 'Frontière efficace' }).click();
  await expect(page.getByLabel('Scénario', { exact: true })).toHaveCount(0);
  await page.getByLabel('Temps maximal par point').selectOption('5');
  await page.getByRole('button', { name: 'Calculer la frontière' }).click();
  const table = page.getByTestId('frontier-table');
  await expect(table.getByRole('row')).toHaveCount(6, { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Calculer la frontière' })).toBeEnabled();
  await expect(page.getByTestId('frontier-title')).toContainText(
    'Avec 25 % d’investissement en plus',
  );
  // Half the envelope cannot hold the mandatory projects: no plan, and why.
  await expect(
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^× 0,5$/ }) }),
  ).toContainText('aucun plan');
  await expect(page.getByText(/Pourquoi aucun plan à × 0,5\s:.*obligatoire/)).toBeVisible();
  await axe(page, 'a frontier with a point without a plan');
  done();
});

/**
 * The criteria screen end to end: a pairwise comparison filled with the
 * keyboard only changes the AHP weights and the consistency ratio, applying
 * them changes a project's value (and undo restores it), the robustness
 * worker starts and can be cancelled, and axe-core finds no WCAG 2.1 A/AA
 * violation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { axe, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

test('pairwise comparison by keyboard, weights applied, value changed, robustness cancelled', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Critères et valeur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Critères et valeur' })).toBeVisible();
  await axe(page, 'the criteria screen');

  const cr = page.getByTestId('cr');
  const ahpUsagers = page.getByTestId('ahp-usagers');
  const value = page.getByTestId('value-P01').locator('.bar-label');
  const weightBefore = plain(await ahpUsagers.textContent());
  const crBefore = plain(await cr.textContent());
  const valueBefore = plain(await value.textContent());

  // Keyboard only: focus the first comparison, then Home / End / Tab.
  const first = page.getByLabel(/^Comparaison 1 sur 6/);
  await first.focus();
  // Home: the first option, « Qualité de service à l'usager » compte extrêmement plus que …
  await page.keyboard.press('Home');
  await expect(first).toHaveValue('8');
  await expect(first.locator('option:checked')).toHaveText(
    /«\sQualité de service à l'usager\s» compte extrêmement plus que «\sEfficience pour le contribuable\s»/,
  );
  await expect(ahpUsagers).not.toHaveText(weightBefore);
  // Comparison 2 (usagers / agents): agents count extremely more — contradicts the others.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^Comparaison 2 sur 6/)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByLabel(/^Comparaison 2 sur 6/)).toHaveValue('-8');
  await expect(cr).not.toHaveText(crBefore);
  await expect(page.getByTestId('cr-warning')).toContainText(
    /La plus discordante\s:\s«\s[^»]+\s» face à «\s[^»]+\s»/,
  );
  await axe(page, 'the consistency warning');
  // Back to moderate judgements: usagers counts barely more than efficience
  // (7 steps down from the top) and than agents (9 steps up from the bottom).
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
  for (let k = 0; k < 7; k++) await page.keyboard.press('ArrowDown');
  await expect(first).toHaveValue('1');
  await page.keyboard.press('Tab');
  for (let k = 0; k < 9; k++) await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel(/^Comparaison 2 sur 6/)).toHaveValue('1');
  await expect(page.getByTestId('cr-warning')).toHaveCount(0);
  await expect(cr).toContainText('cohérent');
  const weightAfter = plain(await ahpUsagers.textContent());
  expect(weightAfter).not.toBe(weightBefore);

  // Apply (keyboard): the value of P01 changes; the share shown follows the AHP weight.
  const apply = page.getByRole('button', { name: 'Appliquer ces poids' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('share-usagers')).toHaveText(weightAfter);
  await expect(value).not.toHaveText(valueBefore);
  await axe(page, 'the criteria screen after applying the weights');

  // One undo step restores the value.
  await page
    .getByRole('button', { name: /^Annuler/ })
    .first()
    .click();
  await expect(value).toHaveText(valueBefore);

  // A score changed in the grid with the keyboard changes the value.
  const score = page.getByLabel(/^Note de P01 .* pour «\sQualité de service à l'usager\s»/);
  await score.focus();
  await score.selectOption('5');
  await expect(value).not.toHaveText(valueBefore);

  // Robustness runs in a worker with progress, and can be cancelled.
  await page.getByRole('button', { name: 'Calculer la robustesse' }).click();
  await expect(page.locator('#robust-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(page.getByTestId('robust-message')).toHaveText(
    /^Calcul annulé\s:\srésultats partiels\.$/,
  );
  done();
});

test('a small portfolio: what the saved plan gives each axis, and the robustness chart', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  const small = JSON.parse(
    readFileSync(fileURLToPath(new URL('../fixtures/petit.json', import.meta.url)), 'utf8'),
  ) as { scenarios: { plan?: { project: string; start: number }[] }[] };
  // P08 serves A1 and A2, P05 A1, P09 A2: nothing for A3 and A4.
  small.scenarios[0]!.plan = [
    { project: 'P08', start: 2027 },
    { project: 'P05', start: 2027 },
    { project: 'P09', start: 2028 },
  ];
  await page.getByTestId('import-input').setInputFiles({
    name: 'petit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(small)),
  });
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toContainText('P10');
  await page.getByRole('link', { name: 'Critères et valeur' }).click();

  const axes = page.getByTestId('axes-chart');
  await expect(axes).toBeVisible();
  const rows = axes.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('2'); // A1: P08 and P05
  await expect(rows.nth(2)).toContainText('aucun projet');
  await expect(rows.nth(3)).toContainText('aucun projet');
  // The second scenario has no saved plan: said so.
  await page.getByLabel('Scénario', { exact: true }).selectOption({ index: 1 });
  await expect(page.getByTestId('axes-no-plan')).toContainText('n’a pas de plan enregistré');

  await page.getByLabel('Scénario', { exact: true }).selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Calculer la robustesse' }).click();
  const chart = page.getByTestId('robust-chart');
  await expect(chart.locator('tbody tr')).toHaveCount(4, { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Calculer la robustesse' })).toBeEnabled({
    timeout: 45_000,
  });
  await expect(chart.locator('caption')).toHaveText(
    'Plage de poids qui garde les mêmes projets, par critère',
  );
  await expect(chart.locator('tbody tr').first()).toContainText(/\d+\s%\s–\s\d+/);
  await expect(page.getByTestId('robust-stability')).toBeVisible();
  await axe(page, 'the robustness chart');
  done();
});

/**
 * The renderer's foundation, end to end, on the `npm run web` path: the demo
 * portfolio list (sort, filter), the project sheet (edit, inline errors,
 * undo/redo, saved across a reload), the language switch (remembered), a
 * refused import (every problem listed, the open document untouched), and
 * axe-core (WCAG 2.1 A/AA) on each screen. Any Content-Security-Policy
 * violation fails the test.
 */
import type { Page } from '@playwright/test';
import { axe, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

const rows = (page: Page) => page.locator('table.project-table tbody tr');

test('opens the demo: about forty projects, sortable and filterable, token out of the address bar', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  expect(page.url()).not.toContain('token=');
  const total = await rows(page).count();
  expect(total).toBeGreaterThanOrEqual(35);
  await expect(page.getByTestId('row-count')).toContainText(
    `${total} projet(s) affiché(s) sur ${total}`,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Portefeuille' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Écrans' })).toBeVisible();

  // Sort by value: descending first, then ascending.
  const valueHeader = page.getByRole('columnheader', { name: /Valeur/ });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  const values = async () =>
    (await page.locator('table.project-table tbody tr td:nth-child(4)').allTextContents()).map(
      (s) => Number(plain(s).replace(',', '.')),
    );
  let v = await values();
  expect(v).toEqual([...v].sort((a, b) => b - a));
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
  v = await values();
  expect(v).toEqual([...v].sort((a, b) => a - b));

  // Filters: mandatory only, then a text search, then clear.
  await page.getByLabel('Obligatoire', { exact: true }).selectOption('yes');
  const mandatory = await rows(page).count();
  expect(mandatory).toBeGreaterThan(0);
  expect(mandatory).toBeLessThan(total);
  await expect(page.locator('table.project-table tbody .badge.mandatory')).toHaveCount(mandatory);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(rows(page)).toHaveCount(total);
  await page.getByLabel('Rechercher').fill('messagerie');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('P03');

  // Decision filter: retenu projects only show « retenu ».
  await page.getByLabel('Rechercher').fill('');
  await page.getByLabel('Décision', { exact: true }).selectOption('retenu');
  const kept = await rows(page).count();
  expect(kept).toBeGreaterThan(0);
  await expect(page.locator('table.project-table tbody td:nth-child(8)')).toHaveText(
    Array(kept).fill('retenu'),
  );

  // Open a project and come back: the filter is kept.
  await rows(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/projet\//);
  await page.getByRole('link', { name: /Retour au portefeuille/ }).click();
  await expect(page.getByLabel('Décision', { exact: true })).toHaveValue('retenu');
  await expect(rows(page)).toHaveCount(kept);
  done();
});

test('edits a project name, undoes and redoes it, and finds it saved after a reload', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: /^Migration de la messagerie/ }).click();
  await expect(page).toHaveURL(/#\/projet\/P03$/);
  const name = page.getByLabel('Nom', { exact: true });
  const old = await name.inputValue();
  await name.fill('Messagerie souveraine');
  await name.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Messagerie souveraine');
  await expect(
    page.getByRole('status').filter({ hasText: 'Modification enregistrée' }),
  ).toBeVisible();
  const undo = page.getByRole('button', { name: 'Annuler : Modifier P03 : nom' });
  await expect(undo).toBeEnabled();

  await undo.click();
  await expect(name).toHaveValue(old);
  const redo = page.getByRole('button', { name: 'Rétablir : Modifier P03 : nom' });
  await redo.click();
  await expect(name).toHaveValue('Messagerie souveraine');

  // Keyboard: Ctrl+Z and Ctrl+Y outside a field being typed in.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue(old);
  await page.keyboard.press('Control+y');
  await expect(name).toHaveValue('Messagerie souveraine');
  await expect(page.getByRole('button', { name: 'Annuler : Modifier P03 : nom' })).toBeEnabled();

  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Messagerie souveraine');
  done();
});

test('shows inline errors for bad values and does not send them', async ({ page, appUrl }) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.goto(`${new URL(appUrl).origin}/#/projet/P03`);
  const investment = page.getByLabel('Investissement (CP, € TTC) – Année 1');
  const before = await investment.inputValue();
  await investment.fill('-5000');
  await investment.press('Enter');
  await expect(investment).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await investment.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy!.split(' ').at(-1)}"]`)).toContainText(
    /0 ou plus|négatif/,
  );
  await expect(investment).toHaveValue('-5000');
  await expect(page.getByRole('button', { name: /^Annuler :/ })).toHaveCount(0);

  const low = page.getByLabel('Optimiste').first();
  await low.fill('40');
  await low.press('Enter');
  await expect(low).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-duration-low-error')).toBeVisible();

  // Not a number at all.
  const runCost = page.getByLabel('Coût de fonctionnement annuel (€)');
  await runCost.fill('beaucoup');
  await runCost.press('Enter');
  await expect(page.locator('#f-runCost-error')).toContainText('Saisissez un nombre');

  await axe(page, 'the project sheet with errors');
  await page.reload();
  await expect(page.getByLabel('Investissement (CP, € TTC) – Année 1')).toHaveValue(before);
  await expect(page.getByLabel('Optimiste').first()).not.toHaveValue('40');
  done();
});

test('switches to English and back, remembered after a reload', async ({ page, appUrl }) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await axe(page, 'the list in English');
  await page.getByRole('button', { name: 'FR', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portefeuille' })).toBeVisible();
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Portefeuille' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  done();
});

test('refuses a bad JSON import, listing every problem, the open document untouched', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  const total = await rows(page).count();
  const docName = await page.locator('.doc-name').textContent();
  const bad = {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune test', kind: 'commune', fctvaRegime: 'N+4' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 100, 100] }],
    budget: { investment: [1000, 1000, 1000], operating: [10, -10] },
    projects: [
      {
        id: 'X1',
        name: 'Projet cassé',
        scores: { usagers: 9 },
        investment: [-100, 50],
        staff: [{ team: 'inconnue', days: [1] }],
        durationMonths: { low: 12, mode: 6, high: 3 },
      },
    ],
  };
  await page.getByTestId('import-input').setInputFiles({
    name: 'mauvais.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const dialog = page.getByRole('dialog', { name: 'Import refusé' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('mauvais.json');
  const items = dialog.locator('.problems li');
  expect(await items.count()).toBeGreaterThanOrEqual(5);
  for (const path of ['organisation.fctvaRegime', 'budget.operating', 'projects[0].investment']) {
    await expect(dialog.locator('.problems .path', { hasText: path }).first()).toBeVisible();
  }
  await axe(page, 'the import problems dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(total);
  await expect(page.locator('.doc-name')).toHaveText(docName ?? '');
  done();
});

test('every screen passes axe-core (WCAG 2.1 A and AA), keyboard paths work', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  await axe(page, 'the portfolio list');

  // Skip link first in the tab order, and it moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Sort with the keyboard.
  const idHeader = page.getByRole('columnheader', { name: /Id\./ });
  await idHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending');

  await page.getByRole('link', { name: /^Socle d'identité/ }).click();
  await expect(page.getByLabel('Nom', { exact: true })).toBeVisible();
  await axe(page, 'the project sheet');

  // Delete asks for confirmation in a dialog that Escape closes.
  await page.getByRole('button', { name: 'Supprimer le projet' }).click();
  const confirm = page.getByRole('dialog', { name: /Supprimer P01/ });
  await expect(confirm).toBeVisible();
  await axe(page, 'the delete confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();

  for (const [link, heading] of [
    ['Paramètres', 'Paramètres'],
    ['Scénarios et optimisation', 'Scénarios et optimisation'],
    ['Risques', 'Risques'],
    ['Comité', 'Comité'],
    ['Notes de calcul', 'Notes de calcul'],
  ] as const) {
    await page
      .getByRole('navigation', { name: 'Écrans' })
      .getByRole('link', { name: link })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await axe(page, `the ${link} screen`);
  }

  // The File menu opens with the keyboard and closes with Escape.
  const fileButton = page.getByRole('button', { name: /Fichier/ });
  await fileButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ouvrir…' })).toBeVisible();
  await axe(page, 'the File menu');
  await page.getByRole('button', { name: 'Ouvrir…' }).click();
  const open = page.getByRole('dialog', { name: 'Ouvrir un portefeuille' });
  await expect(open).toBeVisible();
  await axe(page, 'the open dialog');
  await page.keyboard.press('Escape');
  await expect(open).toBeHidden();
  done();
});

test('settings: the number of years resizes envelopes and capacities in one undoable edit', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  const years = page.getByLabel('Nombre d’années (1 à 15)');
  const before = Number(await years.inputValue());
  const envelopeRows = page.locator('table.envelopes tbody tr');
  await expect(envelopeRows).toHaveCount(before);
  await years.fill(String(before + 1));
  await years.press('Enter');
  await expect(envelopeRows).toHaveCount(before + 1);
  await expect(
    page.getByRole('status').filter({ hasText: 'Modification enregistrée' }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Annuler : Modifier les paramètres/ }).click();
  await expect(envelopeRows).toHaveCount(before);

  const inv = page.getByLabel(/^Investissement \d{4}$/).first();
  await inv.fill('-1');
  await inv.press('Enter');
  await expect(inv).toHaveAttribute('aria-invalid', 'true');
  done();
});

test('stays usable with 500 projects (imported), sorting and filtering included', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  // Build a 500-project document from the demo's own export.
  const text = await page.evaluate<string>(`(async () => {
    const token = sessionStorage.getItem('arbitra.token') ?? '';
    const reply = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Arbitra-Token': token },
      body: JSON.stringify({ method: 'document.export', args: {} }),
    }).then((r) => r.json());
    return reply.result.text;
  })()`);
  const doc = JSON.parse(text);
  const base = doc.projects as { id: string; dependsOn?: string[]; excludes?: string[] }[];
  const projects = [];
  for (let i = 0; i < 500; i++) {
    const p = structuredClone(base[i % base.length]!);
    p.id = `Q${String(i + 1).padStart(3, '0')}`;
    p.dependsOn = [];
    p.excludes = [];
    projects.push(p);
  }
  doc.projects = projects;
  doc.decisions = [];
  doc.scenarios = [];
  const started = Date.now();
  await page.getByTestId('import-input').setInputFiles({
    name: 'grand.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(rows(page)).toHaveCount(500);
  const imported = Date.now() - started;
  const t0 = Date.now();
  await page
    .getByRole('columnheader', { name: /Valeur/ })
    .getByRole('button')
    .click();
  await expect(page.getByRole('columnheader', { name: /Valeur/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const sorted = Date.now() - t0;
  const t1 = Date.now();
  await page.getByLabel('Rechercher').fill('Q123');
  await expect(rows(page)).toHaveCount(1);
  const filtered = Date.now() - t1;
  console.log(
    `500 projects: import+render ${imported} ms, sort ${sorted} ms, filter ${filtered} ms`,
  );
  done();
});

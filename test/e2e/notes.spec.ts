/**
 * The calculation notes end to end: the link « Comment ce chiffre est-il
 * calculé ? » of the risk screen opens the notes at the simulation's heading
 * (focused, in view); every screen that shows figures links to its section;
 * the notes render as elements (tables, code, headings with anchors) under
 * the app's CSP, pass axe-core, and in English say that they are in French.
 */
import { axe, openDemo, watch } from './checks';
import { expect, test } from './fixtures';

test('the risk screen’s link opens the notes at the simulation, which pass axe in both languages', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  const nav = page.getByRole('navigation', { name: 'Écrans' });

  await nav.getByRole('link', { name: 'Risques' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risques' })).toBeVisible();
  await page.getByRole('link', { name: 'Comment ce chiffre est-il calculé ?' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Notes de calcul' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/calculs/simulation-des-risques');
  const section = page.getByRole('heading', { level: 2, name: 'Simulation des risques' });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();
  await expect(section).toHaveAttribute('id', 'simulation-des-risques');

  // Rendered as elements: a table, formulas in code blocks, French text.
  const notes = page.getByTestId('notes');
  await expect(notes).toHaveAttribute('lang', 'fr');
  await expect(notes.locator('table').first()).toBeVisible();
  await expect(notes.locator('pre code').first()).toContainText('V_p = 100 × Σ_c');
  await expect(notes.getByRole('heading', { name: 'Méthode', exact: true })).toBeVisible();
  await expect(notes.locator('script, iframe, [style]')).toHaveCount(0);
  await axe(page, 'the calculation notes');

  // A link inside the notes moves to another section of the notes.
  await notes
    .getByRole('link', { name: 'Correspondance avec le contrat du domaine' })
    .first()
    .click();
  expect(new URL(page.url()).hash).toBe('#/calculs/correspondance-avec-le-contrat-du-domaine');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Correspondance avec le contrat du domaine' }),
  ).toBeFocused();

  // In English: the screen says the notes are in French, and still passes axe.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calculation notes' })).toBeVisible();
  await expect(page.getByTestId('notes-language')).toContainText('written in French');
  await axe(page, 'the calculation notes in English');
  await page.getByRole('button', { name: 'FR', exact: true }).click();
  await expect(page.getByTestId('notes-language')).toHaveCount(0);
  done();
});

test('each screen that shows figures links to its section of the notes', async ({
  page,
  appUrl,
}) => {
  const done = await watch(page);
  await openDemo(page, appUrl);
  const nav = page.getByRole('navigation', { name: 'Écrans' });
  for (const [screen, section] of [
    ['Critères et valeur', 'valeur-dun-projet'],
    ['Scénarios et optimisation', 'loptimiseur'],
    ['Frontière efficace', 'la-frontière-efficace'],
    ['Comité', 'finances'],
  ] as const) {
    await nav.getByRole('link', { name: screen }).click();
    const link = page.getByTestId('how-computed').first();
    await expect(link).toHaveText('Comment ce chiffre est-il calculé ?');
    await expect(link).toHaveAttribute('href', `#/calculs/${encodeURIComponent(section)}`);
  }
  await page.getByTestId('how-computed').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Finances' })).toBeFocused();
  done();
});

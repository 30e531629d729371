/**
 * Money for the vote and the plan in its second year (MODEL.md §9), on the
 * demo: a project below its self-financing floor warned with its shortfall;
 * the plan adopted in committee (date picker read back in words, PPI and
 * AP/CP annex); two years of execution entered on a project's sheet and a
 * third imported from an accounting export (a bad one refused cell by
 * cell); the follow-up screen with its re-forecast; then the next year's
 * arbitration prepared: the continued project fixed in the new first year
 * with its remainder, the rest optimised, and the adopted plan there to
 * compare with. axe-core (WCAG 2.1 A/AA) on the new screen and sections.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { Portfolio } from '../../shared/model/portfolio';
import { axe, plain, watch } from './checks';
import { expect, test } from './fixtures';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo.json'), 'utf8')) as Portfolio;
const euros = (n: number) =>
  plain(
    new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(n),
  );

const SCENARIO = demo.scenarios!.find((s) => s.plan && s.plan.length > 0)!;
// A project of that plan started in 2027 over two budget years: P02 (180 000 € then 120 000 €).
const TARGET = demo.projects.find((p) => p.id === 'P02')!;
// Another project of the plan, made to rely on subsidies for 90 % of its cost.
const SUBSIDISED = demo.projects.find((p) => p.id === 'P01')!;
// What the other projects the plan started in 2027 paid that year, and where they stand.
const OTHERS_2027: [string, number, string][] = [
  ['P01', 130000, 'en cours'],
  ['P12', 25000, 'Livré'],
  ['P18', 65000, 'en-cours'],
  ['P39', 90000, 'livré'],
  ['P41', 33000, 'livre'],
];

async function accountingExport(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Export GF');
  sheet.addRow(['projet', 'libellé', 'exercice', 'montant payé', 'état']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function commit(page: Page, id: string, value: string) {
  const field = page.locator(`#${id}`);
  await field.fill(value);
  await field.press('Enter');
}

test('vote: floor, adoption, two years entered and a third imported, follow-up, next year', async ({
  openApp,
}) => {
  test.setTimeout(240_000);
  const page = await openApp();
  const seen = await watch(page);
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toBeVisible();
  expect(SCENARIO.plan!.some((e) => e.project === TARGET.id && e.start === 2027)).toBe(true);
  expect(TARGET.investment).toEqual([180000, 120000]);

  // The self-financing floor on the project sheet: 70 % subsidy + 20 % partners leave 10 %.
  await page.goto(`${page.url().split('#')[0]}#/projet/${SUBSIDISED.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SUBSIDISED.name);
  await commit(page, 'f-subsidyRate', '70');
  await commit(page, 'f-partnerShare', '20');
  const ap = SUBSIDISED.investment.reduce((s, x) => s + x, 0);
  await expect(page.getByTestId('floor-warning')).toContainText(
    `Il manque ${euros(0.1 * ap)} d’autofinancement`,
  );

  // Committee: the financing plan lists it below its floor; PPI and annex; adopt the plan.
  await page.getByRole('link', { name: 'Comité' }).click();
  await page.getByLabel('Scénario', { exact: true }).selectOption(SCENARIO.id);
  const floor = page.getByTestId('floor-table');
  await expect(floor.getByRole('row', { name: new RegExp(`^${SUBSIDISED.id}\\b`) })).toContainText(
    euros(0.1 * ap),
  );
  await expect(
    page.getByTestId('ppi-table').getByRole('rowheader', { name: '2027' }),
  ).toBeVisible();
  const planAp = SCENARIO.plan!.reduce(
    (s, e) =>
      s + demo.projects.find((p) => p.id === e.project)!.investment.reduce((a, b) => a + b, 0),
    0,
  );
  expect(plain(await page.getByTestId('annex-total').textContent())).toBe(euros(planAp));

  await expect(page.getByTestId('baseline-status')).toHaveText('Aucun plan n’est encore adopté.');
  await page.getByRole('button', { name: 'Adopter ce plan' }).click();
  await expect(page.getByText('Choisissez la date de la séance')).toBeVisible();
  await page.getByLabel('Date de la séance', { exact: true }).fill('2026-12-01');
  await expect(page.getByText('Séance du 1er décembre 2026')).toBeVisible();
  await page
    .getByLabel(/^Instance/)
    .last()
    .fill('Conseil communautaire');
  await page.getByRole('button', { name: 'Adopter ce plan' }).click();
  await expect(page.getByTestId('baseline-status')).toContainText(
    'Plan adopté le 1er décembre 2026 (Conseil communautaire)',
  );
  // The annex now shows its AP initiales; an AP number is edited there.
  const numberField = page.getByLabel(`Numéro d’AP de ${TARGET.id}`);
  await commit(page, `ap-number-${TARGET.id}`, 'AP-2027-RSA');
  await expect(numberField).toHaveValue('AP-2027-RSA');
  // Adopting again asks first, saying what changes.
  await page.getByRole('button', { name: 'Adopter ce plan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remplacer le plan adopté ?' });
  await expect(confirm).toContainText('seules la date et l’instance changent');
  await axe(page, 'the committee screen with the adoption dialog');
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await axe(page, 'the committee screen with the PPI and the annex');

  // Two years of execution on the project's sheet.
  await page.goto(`${page.url().split('#')[0]}#/projet/${TARGET.id}`);
  await expect(page.getByTestId('execution-source')).toContainText(
    'CP votés : ceux du plan adopté le 1er décembre 2026.',
  );
  await commit(page, 'f-paid-2027', '150000');
  await page.locator('#f-status-2027').selectOption('en-cours');
  await commit(page, 'f-paid-2028', '60 000');
  await page.locator('#f-status-2028').selectOption('en-cours');
  await expect(page.getByTestId('paid-total')).toHaveText(euros(210000));
  await expect(page.getByTestId('execution-late')).toContainText(
    'moins payé que voté en 2027, 2028',
  );
  await axe(page, 'the project sheet with its execution table');

  // The follow-up screen: a bad export refused cell by cell, then the third year imported.
  await page.getByRole('link', { name: 'Suivi d’exécution' }).click();
  await expect(page.getByTestId('follow-asof')).toContainText('jusqu’à l’exercice 2028');
  await page.getByTestId('actuals-import').setInputFiles({
    name: 'mauvais.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await accountingExport([['P999', 'inconnu', 2029, 1000, 'en cours']]),
  });
  const refused = page.getByRole('dialog', { name: 'Import de l’exécution refusé' });
  await expect(refused).toContainText('Feuille Export GF, ligne 2, colonne Projet');
  await refused.getByRole('button', { name: /Fermer/ }).click();
  await expect(page.getByTestId('follow-asof')).toContainText('jusqu’à l’exercice 2028');

  await page.getByTestId('actuals-import').setInputFiles({
    name: 'mandats-2029.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await accountingExport([
      [TARGET.id, TARGET.name, 2029, 20000, 'en cours'],
      // The year's export holds the other projects the plan started in 2027.
      ...OTHERS_2027.map(([id, paid, state]) => [id, 'libellé', 2027, paid, state]),
    ]),
  });
  await expect(page.getByTestId('imp-outcome')).toHaveText(
    `« mandats-2029.xlsx », feuille Export GF : ${1 + OTHERS_2027.length} ligne(s) ajoutée(s), 0 remplacée(s).`,
  );
  await expect(page.getByTestId('follow-asof')).toContainText('jusqu’à l’exercice 2029');
  expect(
    SCENARIO.plan!.filter((e) => e.start === 2027 && e.project !== TARGET.id).map((e) => e.project),
  ).toEqual(OTHERS_2027.map(([id]) => id));
  const row = page
    .getByTestId('projects-table')
    .getByRole('row', { name: new RegExp(`^${TARGET.id}\\b`) });
  await expect(row).toContainText(euros(230000));
  await expect(row).toContainText(euros(70000));
  await expect(page.getByTestId('late-list')).toContainText(TARGET.id);
  // One undoable edit: undo takes the imported year away, redo brings it back.
  await page.getByRole('button', { name: /^Annuler : Importer l’exécution/ }).click();
  await expect(page.getByTestId('follow-asof')).toContainText('jusqu’à l’exercice 2028');
  await page.getByRole('button', { name: /^Rétablir : Importer l’exécution/ }).click();
  await expect(page.getByTestId('follow-asof')).toContainText('jusqu’à l’exercice 2029');

  // The re-forecast of what is left, in Web Workers.
  await page.getByLabel('Itérations').selectOption('2000');
  await page.getByRole('button', { name: 'Lancer la re-prévision' }).click();
  await expect(page.getByTestId('rf-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('rf-table').getByRole('rowheader', { name: '2030' })).toBeVisible();
  await expect(page.getByTestId('execution-chart')).toBeVisible();
  await axe(page, 'the follow-up screen after the re-forecast');

  // Next year's arbitration.
  const preview = page.getByTestId('ny-preview');
  await expect(preview).toContainText(`${TARGET.id} : reste ${euros(70000)} sur 1 exercice(s)`);
  await page.getByRole('button', { name: 'Préparer l’arbitrage 2028' }).click();
  await expect(page.getByText(/– arbitrage 2028\.arbitra/).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scénarios et optimisation');
  await expect(page.getByLabel('Scénario', { exact: true })).toHaveValue(SCENARIO.id);
  // The optimiser runs on the scenario; its plan is saved when it ends.
  await expect(page.getByTestId('run-status')).toContainText(/^Plan (optimal|trouvé)/, {
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Enregistrer le plan dans le scénario' }).click();
  await expect(page.getByTestId('plan-is-saved')).toBeVisible();

  // The continued project: committed in 2028 with its remainder.
  await page.goto(`${page.url().split('#')[0]}#/projet/${TARGET.id}`);
  await expect(page.locator('#f-fixedStart')).toHaveValue('2028');
  // 2028: the 70 000 € left, on top of the 60 000 € already paid that year; 2029: the 20 000 €
  // paid then. Its AP is still 300 000 €: 150 000 € paid before 2028 and 150 000 € of CP.
  await expect(page.locator('#f-investment-0')).toHaveValue(/^130\s000$/);
  await expect(page.locator('#f-investment-1')).toHaveValue(/^20\s000$/);
  await expect(page.getByTestId('execution-summary')).toContainText(
    `AP actualisée ${euros(300000)} · payé ${euros(230000)} · reste ${euros(70000)}`,
  );

  // The comparison screen offers the adopted plan beside the plan optimised again.
  await page.getByRole('link', { name: 'Comparer des scénarios' }).click();
  await expect(page.getByLabel(/Scénario B|Scénario A/).first()).toBeVisible();
  const options = await page.locator('select option').allTextContents();
  expect(options.some((o) => o.includes('Plan adopté en 2027'))).toBe(true);
  seen();
});

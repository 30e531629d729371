/**
 * The committee screen on the demo: a decision recorded, found in the log,
 * applied to the scenario's forced lists; the financing plan's total net cost
 * recomputed here from the document with shared/engine/finance.ts; the
 * finance workbook downloaded; axe-core (WCAG 2.1 A/AA).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { exportDocumentWorkbook, SHEETS } from '../../electron/documents/xlsx';
import { financePlan } from '../../shared/engine/finance';
import { resolveScenario, type Portfolio } from '../../shared/model/portfolio';
import { axe, plain } from './checks';
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

test('committee: record a decision, see it in the log, apply it to the scenario; finance table; axe', async ({
  openApp,
}) => {
  const page = await openApp();
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toBeVisible();
  await page.getByRole('link', { name: 'Comité' }).click();
  await expect(page.getByRole('heading', { name: 'Enregistrer une décision' })).toBeVisible();

  // A project no demo scenario forces and no demo decision names.
  const decided = new Set((demo.decisions ?? []).map((d) => d.project));
  const forced = new Set(
    (demo.scenarios ?? []).flatMap((s) => [...(s.forceIn ?? []), ...(s.forceOut ?? [])]),
  );
  const target = demo.projects.find(
    (p) => !decided.has(p.id) && !forced.has(p.id) && !p.mandatory && p.fixedStart == null,
  )!;
  const reference = demo.scenarios![0]!;

  // An invalid date is refused at the field, nothing recorded.
  await page.getByLabel('Projet', { exact: true }).selectOption(target.id);
  await page.getByLabel('Décision', { exact: true }).selectOption('retenu');
  await page.getByLabel(/Date de la séance/).fill('2027-02-30');
  await page.getByLabel(/Instance/).fill('CODIR de test');
  await page.getByLabel('Motif').fill('Financement confirmé.');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText(/Une date réelle est attendue/)).toBeVisible();
  await expect(page.getByLabel(/Date de la séance/)).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(/Date de la séance/).fill('2027-02-03');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();

  // In the log, by meeting and by project.
  const meetingTable = page.getByRole('table', { name: /séance CODIR de test du/ });
  await expect(meetingTable).toBeVisible();
  await expect(meetingTable.getByRole('rowheader', { name: new RegExp(target.id) })).toBeVisible();
  await page.getByLabel('par projet').check();
  await expect(
    page.getByRole('table', {
      name: new RegExp(`Décisions sur ${target.id}.*en vigueur : retenu`),
    }),
  ).toBeVisible();

  // Before applying: the change is shown; the forced list does not have it yet.
  await page.getByLabel('Scénario', { exact: true }).selectOption(reference.id);
  const changes = page.getByRole('table', { name: /Changements que les décisions apportent/ });
  const row = changes.getByRole('row', { name: new RegExp(`^${target.id}\\b`) });
  await expect(row).toContainText('Libre');
  await expect(row).toContainText('Imposé');
  await expect(page.getByTestId('forced-in')).not.toContainText(target.id);
  await axe(page, 'the committee screen with a pending change');

  await page.getByRole('button', { name: 'Appliquer les décisions au scénario' }).click();
  await expect(page.getByTestId('forced-in')).toContainText(target.id);
  await expect(
    page.getByText('Le scénario respecte déjà toutes les décisions en vigueur.'),
  ).toBeVisible();

  // One undoable edit: undo puts the forced list back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('forced-in')).not.toContainText(target.id);
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('forced-in')).toContainText(target.id);

  // The scenario screen's forced list shows it too.
  await page.getByRole('link', { name: 'Scénarios et optimisation' }).click();
  await page.getByLabel('Scénario', { exact: true }).selectOption(reference.id);
  await page.getByTestId('force-summary').click();
  await expect(
    page.getByLabel(`Décision pour ${target.id} ${target.name} dans le scénario`),
  ).toHaveValue('in');
  await page.getByRole('link', { name: 'Comité' }).click();

  // The financing plan of the scenario with a saved plan, checked against the engine.
  const withPlan = demo.scenarios!.find((s) => s.plan && s.plan.length > 0)!;
  await page.getByLabel('Scénario', { exact: true }).selectOption(withPlan.id);
  const scenario = resolveScenario(demo, withPlan.id)!;
  const report = financePlan(demo, scenario, scenario.plan!);
  const table = page.getByTestId('finance-table');
  await expect(table).toContainText(withPlan.name);
  const netCost = table.locator('tr[data-row="fin.netCost"] td.total');
  await expect
    .poll(async () => plain(await netCost.textContent()))
    .toBe(euros(report.totals.netCost));
  const gross = table.locator('tr[data-row="fin.gross"] td.total');
  expect(plain(await gross.textContent())).toBe(euros(report.totals.gross));

  // The finance workbook downloads.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le plan de financement (.xlsx)' }).click();
  expect((await download).suggestedFilename()).toMatch(/finances .*\.xlsx$/);

  await axe(page, 'the committee screen with the financing plan');
});

test('committee: a workbook with bad cells is refused cell by cell, the open document untouched; the project sheet records a decision', async ({
  openApp,
}) => {
  const page = await openApp();
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toBeVisible();
  await page.getByRole('link', { name: 'Comité' }).click();
  const title = await page.title();

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportDocumentWorkbook(demo)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEETS.projects)!;
  let column = 0;
  sheet.getRow(1).eachCell((cell, c) => {
    if (cell.value === 'Coût d’investissement an 1') column = c;
  });
  sheet.getRow(7).getCell(column).value = 'beaucoup';
  await page.getByTestId('xlsx-import').setInputFiles({
    name: 'modele.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  const dialog = page.getByRole('dialog', { name: 'Import du classeur refusé' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('modele.xlsx');
  await expect(dialog.locator('.problems li')).toHaveCount(1);
  await expect(dialog.locator('.problems li')).toContainText(
    'Feuille Projets, ligne 7, colonne Coût d’investissement an 1',
  );
  await expect(dialog.locator('.problems li')).toContainText('« beaucoup » n’est pas un nombre.');
  await axe(page, 'the workbook import problems');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.title()).toBe(title);

  // The project sheet has its own small form, project fixed.
  const project = demo.projects[2]!;
  await page.goto(`${new URL(page.url()).origin}/#/projet/${project.id}`);
  await expect(
    page.getByRole('heading', { name: 'Enregistrer une décision sur ce projet' }),
  ).toBeVisible();
  await page.locator('#sheet-rec-decision').selectOption('à instruire');
  await page.locator('#sheet-rec-date').fill('2027-05-06');
  await page.locator('#sheet-rec-meeting').fill('Bureau test');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByRole('cell', { name: 'Bureau test' })).toBeVisible();
  await axe(page, 'the project sheet with its decision form');
});

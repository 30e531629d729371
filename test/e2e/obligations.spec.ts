/**
 * Obligations in time, postponements and the committee's weights (MODEL.md
 * §8) end to end: two members enter their comparisons on the criteria
 * screen, the group's weights (checked against shared/engine/judgements.ts on
 * the same judgements) and the disagreement in words appear, each member's
 * plan is computed in the optimiser's worker; a « reporté à 2029 » decision
 * applied to a scenario moves the project's earliest start (the scenario
 * screen names it, an optimisation does not start it before 2029, the
 * roadmap marks it) and the comparison screen costs it; axe-core on the new
 * views.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committeeWeights } from '../../shared/engine/judgements';
import type { MemberJudgements, Portfolio } from '../../shared/model/portfolio';
import { axe, frNumber, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo.json'), 'utf8')) as Portfolio;
const label = (id: string) => demo.criteria.find((c) => c.id === id)!.label;

test('two members judge the criteria: group weights, disagreement, each member’s plan; axe', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(120_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Critères et valeur' }).click();
  const section = page.getByTestId('committee-weights');
  await expect(section.getByRole('heading', { name: 'Les poids du comité' })).toBeVisible();

  // A blank name is refused at the field.
  await section.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(section.getByText('Donnez un nom au membre.')).toBeVisible();

  const member = section.getByTestId('member-judgements');
  const pair = (n: number) => member.getByLabel(new RegExp(`^Comparaison ${n} sur 6`));
  // DGS: usagers 3 × efficience (code 2), 5 × agents (code 4); the other pairs left as equal.
  await section.getByLabel(/Nouveau membre/).fill('DGS');
  await section.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(member.getByRole('heading', { name: 'Comparaisons de DGS' })).toBeVisible();
  await expect(pair(1)).toHaveValue('unset');
  await pair(1).selectOption('2');
  await pair(2).selectOption('4');
  await expect(member.getByTestId('member-progress')).toHaveText('2 paire(s) comparée(s) sur 6');
  // A name already taken, whatever its case.
  await section.getByLabel(/Nouveau membre/).fill('dgs');
  await section.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(section.getByText(/Ce membre existe déjà/)).toBeVisible();
  // DAF: efficience 3 × usagers (code −2), usagers 5 × agents; the keyboard works too.
  await section.getByLabel(/Nouveau membre/).fill('DAF');
  await section.getByRole('button', { name: 'Ajouter le membre' }).click();
  await expect(member.getByRole('heading', { name: 'Comparaisons de DAF' })).toBeVisible();
  await pair(1).selectOption('-2');
  await pair(2).selectOption('4');
  await pair(3).focus();
  await page.keyboard.press('End');
  await expect(pair(3)).toHaveValue('-8');

  // The group's weights: those of the engine on the same judgements.
  const judgements: MemberJudgements[] = [
    {
      member: 'DGS',
      pairs: [
        { a: 'usagers', b: 'efficience', ratio: 3 },
        { a: 'usagers', b: 'agents', ratio: 5 },
      ],
    },
    {
      member: 'DAF',
      pairs: [
        { a: 'usagers', b: 'efficience', ratio: 1 / 3 },
        { a: 'usagers', b: 'agents', ratio: 5 },
        { a: 'usagers', b: 'strategie', ratio: 1 / 9 },
      ],
    },
  ];
  const expected = committeeWeights(demo.criteria, judgements);
  const group = section.getByTestId('group-weights');
  for (const c of demo.criteria) {
    const shown = frNumber(
      plain(await group.getByTestId(`group-${c.id}`).textContent()).replace(' %', ''),
    );
    expect(shown).toBeCloseTo(100 * expected.group.weights[c.id]!, 1);
  }
  const cr = frNumber(plain(await group.getByTestId('group-cr').textContent()).replace(/ %.*/, ''));
  expect(cr).toBeCloseTo(100 * expected.group.cr, 1);

  // Where they disagree most, in words: usagers against efficience, 3 against 1/3.
  const first = group.getByTestId('disagreement').locator('li').first();
  await expect(first).toContainText(`« ${label('usagers')} » face à « ${label('efficience')} »`);
  await expect(first).toContainText(
    `Pour DGS, « ${label('usagers')} » compte 3 fois plus que « ${label('efficience')} » ; pour DAF, c’est l’inverse.`,
  );
  await axe(page, 'the criteria screen with the committee’s weights');

  // What each member's weights would choose: three short optimisations in the worker.
  const plans = section.getByTestId('member-plans');
  await plans.getByLabel('Temps maximal par optimisation').selectOption('2');
  await plans.getByRole('button', { name: 'Calculer les plans (3 optimisations)' }).click();
  for (const key of ['group', 'member-0', 'member-1']) {
    await expect(plans.getByTestId(`plans-row-${key}`).getByRole('cell').nth(1)).toHaveText(/\d/, {
      timeout: 60_000,
    });
  }
  // Each plan is valued with its own weights and the group's; a member's is compared with the group's.
  for (const key of ['group', 'member-0', 'member-1']) {
    const cells = plans.getByTestId(`plans-row-${key}`).getByRole('cell');
    expect(frNumber(await cells.nth(1).textContent())).toBeGreaterThan(0);
    expect(frNumber(await cells.nth(2).textContent())).toBeGreaterThan(0);
  }
  await expect(plans.getByTestId('plans-row-group').getByRole('cell').nth(3)).toHaveText(/^—/);
  await expect(plans.getByTestId('plans-row-member-1').getByRole('cell').nth(3)).toHaveText(
    /le même plan que le groupe|en plus|en moins|autre année/,
  );
  await axe(page, 'the criteria screen with each member’s plan');

  // Applying the group's weights: one edit, the current column follows.
  await group.getByRole('button', { name: 'Appliquer les poids du groupe' }).click();
  const currentUsagers = group
    .getByRole('row', { name: new RegExp(`^${label('usagers')}`) })
    .getByRole('cell')
    .first();
  await expect(currentUsagers).toHaveText(
    plain(await group.getByTestId('group-usagers').textContent()),
  );
  await expect(
    page.getByRole('button', { name: /^Annuler : Appliquer les poids du groupe/ }),
  ).toBeVisible();
  done();
});

test('« reporté à 2029 » applied to a scenario: earliest start moved, plan not before 2029, cost compared; axe', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  const done = await watch(page);
  // A project the reference scenario leaves free, with no decision, mandatory or start year of its own.
  const decided = new Set((demo.decisions ?? []).map((d) => d.project));
  const reference = demo.scenarios![0]!;
  const target = demo.projects.find(
    (p) =>
      !decided.has(p.id) &&
      !(reference.forceIn ?? []).includes(p.id) &&
      !(reference.forceOut ?? []).includes(p.id) &&
      !p.mandatory &&
      p.fixedStart == null &&
      p.earliestStart == null &&
      (p.dependsOn ?? []).length === 0 &&
      p.investment.length <= 3,
  )!;
  await openDemo(page, appUrl);
  await page.getByRole('link', { name: 'Comité' }).click();
  await page.getByLabel('Projet', { exact: true }).selectOption(target.id);
  await page.getByLabel('Décision', { exact: true }).selectOption('reporté');
  // The year is asked for « reporté » only, and checked.
  const until = page.getByLabel(/Pas de démarrage avant/);
  await until.fill('29');
  await page.getByLabel(/Date de la séance/).fill('2027-02-03');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText(/Une année est attendue/)).toBeVisible();
  await until.fill('2029');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(
    page
      .getByRole('table', { name: /Décisions de la séance CODIR du/ })
      .getByRole('row', { name: new RegExp(`^${target.id}\\b`) }),
  ).toContainText('reporté à 2029');

  // Applying: neither forced in nor out, not before 2029.
  await page.getByLabel('Scénario', { exact: true }).selectOption(reference.id);
  const row = page
    .getByRole('table', { name: /Changements que les décisions apportent/ })
    .getByRole('row', { name: new RegExp(`^${target.id}\\b`) });
  await expect(row.getByRole('cell').last()).toHaveText('Libre, pas avant 2029');
  await axe(page, 'the committee screen with a postponement to apply');
  await page.getByRole('button', { name: 'Appliquer les décisions au scénario' }).click();
  await expect(page.getByTestId('postponed')).toContainText(`${target.id} (pas avant 2029)`);
  await expect(page.getByTestId('forced-out')).not.toContainText(target.id);

  // The scenario screen names the postponement; forced in, the optimiser starts it in 2029 or later.
  await page.getByRole('link', { name: 'Scénarios et optimisation' }).click();
  await page.getByLabel('Scénario', { exact: true }).selectOption({ label: reference.name });
  await expect(page.getByTestId('postponed-summary')).toContainText(`${target.id} pas avant 2029`);
  await page.getByTestId('force-summary').click();
  const force = page.getByLabel(new RegExp(`Décision pour ${target.id} .* dans le scénario`));
  await expect(force.locator('xpath=ancestor::tr')).toContainText('pas avant 2029');
  await force.selectOption('in');
  await page.getByLabel('Temps de calcul maximal').selectOption('10');
  await page.getByRole('button', { name: 'Lancer l’optimisation' }).click();
  await expect(page.getByTestId('run-status')).toContainText(/Plan (optimal|trouvé)/, {
    timeout: 60_000,
  });
  await page.getByText('Voir la feuille de route sous forme de tableau').click();
  const planned = page
    .getByTestId('roadmap-table')
    .getByRole('row', { name: new RegExp(`^${target.id}\\b`) });
  const start = Number(plain(await planned.getByRole('cell').nth(1).textContent()));
  expect(start).toBeGreaterThanOrEqual(2029);
  await expect(planned.getByRole('cell').last()).toHaveText('pas avant 2029');
  await expect(
    page.getByTestId('roadmap').getByText('pas avant 2029', { exact: true }),
  ).toBeVisible();
  await axe(page, 'the scenario screen with a postponed project in the plan');

  // The comparison screen costs the postponement: never below 0.
  await page.getByRole('link', { name: 'Comparer des scénarios' }).click();
  const cost = page.getByTestId('postponement-cost');
  await page.getByLabel('Temps maximal du calcul').selectOption('5');
  await cost.getByRole('button', { name: 'Chiffrer les reports (2 optimisations)' }).click();
  const costRow = cost.getByTestId(`pp-row-${target.id}`);
  await expect(costRow.getByRole('cell').first()).toHaveText(/\d/, { timeout: 60_000 });
  expect(
    frNumber(plain(await costRow.getByRole('cell').first().textContent()).split(' (')[0]!),
  ).toBeGreaterThanOrEqual(0);
  await expect(costRow.getByRole('cell').last()).toHaveText(
    new RegExp(`${target.id} (démarre en 20\\d\\d au lieu de 20\\d\\d|sort du plan)|reste le même`),
  );
  await axe(page, 'the comparison screen with the cost of a postponement');
  done();
});

test('a deadline typed on the project sheet: list column, chance of being on time on the risk screen and in the dossier; axe', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page.goto(`${new URL(appUrl).origin}/#/projet/P18`);
  const deadline = page.getByLabel('Livraison due au plus tard (mois)');
  // A month that is not one is refused at the field, nothing sent.
  await deadline.evaluate((el) => el.setAttribute('type', 'text'));
  await deadline.fill('2029-13');
  await deadline.press('Enter');
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: /^Annuler :/ })).toHaveCount(0);
  await deadline.evaluate((el) => el.setAttribute('type', 'month'));
  await deadline.fill('2029-12');
  await deadline.press('Enter');
  await expect(page.getByTestId('deadline-shown')).toHaveText(
    'À livrer au plus tard fin décembre 2029.',
  );
  await expect(
    page.getByRole('button', { name: /^Annuler : Modifier P18 : livraison due/ }),
  ).toBeVisible();
  await axe(page, 'the project sheet with a deadline');

  // The project list gains a deadline column.
  await page
    .getByRole('link', { name: /Retour à la liste|Portefeuille/ })
    .first()
    .click();
  const list = page.getByRole('table', { name: /Projets du portefeuille/ });
  await expect(list.getByRole('columnheader', { name: /Échéance/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /Facturation électronique/ })).toContainText(
    'déc. 2029',
  );

  // The risk screen: the short list and the roadmap's « à l'heure » column.
  await page.getByRole('link', { name: 'Risques' }).click();
  await page.getByLabel('Nombre de déroulements simulés').selectOption('1000');
  await expect(page.getByTestId('risk-done')).toBeVisible({ timeout: 30_000 });
  const onTime = page.getByTestId('risk-on-time');
  await expect(onTime).toContainText(
    /P18 Facturation électronique.* — à livrer fin décembre 2029\s: \d+\s% de chances d’être à l’heure/,
  );
  await expect(page.getByTestId('on-time-P18')).toHaveText(/^\d+\s%$/);
  await axe(page, 'the risk screen with an obligation with a date');

  // The dossier's page of the project.
  await page.getByRole('link', { name: 'Dossier PDF' }).click();
  const sheet = page.getByRole('region', { name: /^P18 –/ });
  await expect(sheet).toContainText('À livrer au plus tard fin décembre 2029.');
  await expect(sheet).toContainText(
    /Chance d’être livré à l’heure \(fin décembre 2029\)\s: \d+\s%/,
    {
      timeout: 30_000,
    },
  );
  done();
});

/**
 * The deck on a projector, end to end on the demo: the meeting prepared
 * (one progress bar, then when its figures were computed), then every slide
 * walked at 1280 × 720 and at 1920 × 1080, each measured from the DOM
 * (test/e2e/measure.ts): nothing scrolls, nothing leaves the window or its
 * slide, no element clips its content, every visible text — chart labels
 * included, their size scaled as the SVG is drawn — is at least 18 px at
 * 1280 × 720 and 24 px at 1920 × 1080, and every title holds on two lines.
 * The same slides at both sizes, and the same again after the deck is
 * closed and opened: the deck is built from the prepared figures only.
 * The presenter's view (N) shows the notes and the next title, the slide
 * still fitting beside them.
 */
import { axe, openDemo, plain, watch } from './checks';
import { expect, test } from './fixtures';
import { MEASURE_SLIDE, type FitReport } from './measure';

const SIZES = [
  { width: 1280, height: 720, min: 18 },
  { width: 1920, height: 1080, min: 24 },
];

test('the prepared deck fits 1280×720 and 1920×1080: nothing overflows, no text under 18 / 24 px', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(420_000);
  const done = await watch(page);
  await openDemo(page, appUrl);
  await page
    .getByRole('navigation', { name: 'Écrans' })
    .getByRole('link', { name: 'Présentation' })
    .click();
  await page.getByLabel('Temps de calcul par optimisation').selectOption('2');
  await expect(page.getByText(/Durée estimée\s:\senviron/)).toBeVisible();
  await page.getByTestId('meeting-prepare').click();
  await expect(page.getByTestId('meeting-progress')).toBeVisible();
  await expect(page.getByTestId('meeting-ready')).toBeVisible({ timeout: 360_000 });
  await expect(page.getByTestId('meeting-ready')).toContainText(/Séance préparée le \d/);
  await axe(page, 'the presentation screen, prepared');

  const outline = (await page.getByTestId('present-outline').locator('li').allTextContents()).map(
    plain,
  );
  // A prepared deck: the frontier, the price of confidence and the risk are in it.
  expect(outline.length).toBeGreaterThanOrEqual(10);
  expect(outline.some((t) => /^Avec \d+\s%\sde budget en (plus|moins)/.test(t))).toBe(true);
  // The price of confidence: its price, or (2 s per solve is short) that no level found a plan.
  expect(outline.some((t) => /^(Tenir|Aucun plan trouvé qui tienne) les enveloppes/.test(t))).toBe(
    true,
  );
  expect(outline.some((t) => /chances? sur 10 de livrer au moins 80/.test(t))).toBe(true);

  await page.getByTestId('present-start').click();
  const deck = page.getByTestId('present-deck');
  await expect(deck).toBeVisible();
  await page.mouse.move(5, 5);
  const seen: string[][] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.keyboard.press('Home');
    const titles: string[] = [];
    for (let i = 0; i < outline.length; i++) {
      await expect(page.getByTestId('present-counter')).toContainText(
        `${i + 1} / ${outline.length}`,
      );
      const title = plain(await page.getByTestId('slide-title').textContent());
      titles.push(title);
      const fit = (await page.evaluate(MEASURE_SLIDE)) as FitReport;
      const where = `slide ${i + 1} (${title}) at ${size.width}×${size.height}`;
      expect(fit.problems, where).toEqual([]);
      expect(fit.texts, where).toBeGreaterThan(3);
      expect(
        fit.smallest.px,
        `${where}: smallest text « ${fit.smallest.text} »`,
      ).toBeGreaterThanOrEqual(size.min - 0.01);
      expect(fit.titleLines, where).toBeLessThanOrEqual(2);
      if (i === 0) await axe(page, `the first slide at ${size.width}×${size.height}`);
      await page.keyboard.press('ArrowRight');
    }
    seen.push(titles);
  }
  // The same deck at both sizes, and as the outline announced it.
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[0]).toEqual(outline);

  // The presenter's view (N): the notes and the next slide's title beside the slide, which
  // still fits, as a miniature of itself (the presenter's own screen, not the projector).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  const notes = page.getByTestId('present-notes');
  await expect(notes).toBeVisible();
  for (let i = 0; i < outline.length; i++) {
    await expect(page.getByTestId('present-counter')).toContainText(`${i + 1} / ${outline.length}`);
    if (i + 1 < outline.length) {
      expect(plain(await notes.textContent())).toContain(`Vue suivante : ${outline[i + 1]}`);
    }
    const fit = (await page.evaluate(MEASURE_SLIDE)) as FitReport;
    expect(fit.problems, `presenter's view, slide ${i + 1}`).toEqual([]);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('n');
  await expect(notes).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
  done();
});

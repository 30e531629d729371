/**
 * The navigation holds on one line, without scrolling, on a 1280×720 laptop
 * and a 1920×1080 screen, in French and in English: every screen is one
 * click away and none is hidden past the edge.
 */
import { openDemo } from './checks';
import { expect, test } from './fixtures';

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`the navigation holds on one line at ${width}×${height}, FR and EN`, async ({
    page,
    appUrl,
  }) => {
    await page.setViewportSize({ width, height });
    await openDemo(page, appUrl);
    const nav = page.locator('nav.app-nav');
    for (const language of ['FR', 'EN']) {
      await page.getByRole('button', { name: language, exact: true }).click();
      const fit = await nav.locator('ul').evaluate((ul) => ({
        scroll: ul.scrollWidth,
        client: ul.clientWidth,
        links: ul.querySelectorAll('a').length,
        tops: [...ul.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top)),
      }));
      expect(fit.links, 'one link per screen').toBe(12);
      expect(fit.scroll, `${language}: no link past the edge`).toBeLessThanOrEqual(fit.client);
      expect(new Set(fit.tops).size, `${language}: one line`).toBe(1);
    }
  });
}

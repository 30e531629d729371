/**
 * Checks shared by the end-to-end specs: axe-core on WCAG 2.1 A/AA, a watcher
 * that fails on Content-Security-Policy violations and page errors, reading
 * French-formatted text and numbers, and opening the demo.
 *
 *   import { axe, plain, watch } from './checks';
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The axe-core tags every screen must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails, listing each violation and the elements it names, if axe-core finds any. */
export async function axe(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? ''))
        .join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/**
 * Starts watching for CSP violations and page errors; call before the first
 * navigation. The function returned fails if any was seen since.
 */
export async function watch(page: Page): Promise<() => void> {
  const problems: string[] = [];
  // A string: this runs in the page, and the test's tsconfig has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/content security policy|CSP violation/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return () => expect(problems, 'CSP violations or page errors').toEqual([]);
}

/** Visible text, trimmed, with the no-break spaces of French number formats made plain. */
export const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** A French number as shown (`1 689,5`, `−12,3`); NaN if it is not one. */
export const frNumber = (s: string | null) =>
  Number(plain(s).replace(/\s/g, '').replace('−', '-').replace(',', '.'));

/** Opens the app on the demo portfolio and waits for its project list. */
export async function openDemo(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await expect(page.getByRole('table', { name: /Projets du portefeuille/ })).toBeVisible();
}

/** The value of the plan at a budget factor (`'1,1'`), read in the frontier screen's table. */
export async function frontierValueAt(page: Page, factor: string): Promise<number> {
  return frNumber(
    await page
      .getByTestId('frontier-table')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^× ${factor}\\b`) }) })
      .getByRole('cell')
      .first()
      .textContent(),
  );
}

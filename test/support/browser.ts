/**
 * Launches Chromium through playwright-core (the Playwright-managed browsers cannot be downloaded
 * here): CHROMIUM_PATH, the system's, or the one that comes with `npm ci` (test/support/chromium.ts).
 * A browser that cannot start is an error, never a reason to skip: the browser tests must fail.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseChromium } from './chromium.ts';

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args, source } = await chooseChromium();
  console.log(`browser: ${source} (${executablePath})`);
  return chromium.launch({ executablePath, args, headless: true });
}

/**
 * axe with the WCAG 2.1 A/AA rules; by default only serious and critical findings fail the test (all
 * are printed); `{ all: true }` fails on any violation (the public pages on the design system).
 */
export async function expectAccessible(page: Page, what: string, o: { all?: boolean } = {}) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => o.all || v.impact === 'serious' || v.impact === 'critical');
  const describe = (vs: typeof bad) =>
    vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  if (result.violations.length > bad.length) console.warn(`axe (${what}), minor findings:\n${describe(result.violations.filter((v) => !bad.includes(v)))}`);
  expect(bad, `axe found ${o.all ? '' : 'serious/critical '}violations on ${what}:\n${describe(bad)}`).toEqual([]);
}

// Expressions as strings: the project compiles without the DOM library.
export const activeId = (page: Page) => page.evaluate<string>("document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || ''");

/**
 * Fills a form with the keyboard only: from the top of the page, Tab through every stop in order,
 * type into the fields named in `typed`, let `other` handle any other stop (a select, a check),
 * and press Enter on the submit button, waiting for `submitted`. Returns the ids of the stops.
 */
export async function tabThroughForm(page: Page, typed: Record<string, string>, submitted: RegExp, other: (id: string, stop: number) => Promise<void> = async () => {}): Promise<string[]> {
  const visited: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await activeId(page);
    visited.push(id);
    if (id in typed) await page.keyboard.type(typed[id]!);
    else if (id === 'button') {
      await Promise.all([page.waitForURL(submitted), page.keyboard.press('Enter')]);
      break;
    } else await other(id, i);
  }
  return visited;
}

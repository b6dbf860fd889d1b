/**
 * The public pages on the NL Design System in Chromium, with a procedure whose form asks a date:
 * the stylesheet from the office's own origin under the CSP, axe at WCAG 2.1 AA with no violation
 * at all at 320 and 1280 px, keyboard-only filing through the three date fields, date errors that
 * name the field, and the character-limit hint without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { procedurePath } from '../support/engine-harness.ts';
import { activeId, expectAccessible, launchChromium, tabThroughForm } from '../support/browser.ts';

const TIMEOUT = 90_000;

let office: LocalOffice;
let browser: Browser;

beforeAll(async () => {
  office = await startLocalOffice({ procedurePath: procedurePath('ben-in-de-buurt'), port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, tickSeconds: 0 });
  browser = await launchChromium();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await office?.close();
}, TIMEOUT);


/** Files a complaint through the form with the mouse-free helpers; returns the status page URL. */
async function fileByForm(page: Page, email: string): Promise<string> {
  await page.goto(`${office.url}/`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-eventDate').fill('26');
  await page.locator('#f-eventDate-maand').fill('2');
  await page.locator('#f-eventDate-jaar').fill('2026');
  await page.locator('#f-topic').selectOption({ index: 1 });
  await page.locator('#f-description').fill('Mijn afspraak werd afgezegd zonder bericht.');
  await Promise.all([page.waitForURL(/\/ontvangen\?/), page.getByRole('button', { name: 'Klacht versturen' }).click()]);
  await Promise.all([page.waitForURL(/\/complaints\/[^/]+\?token=/), page.getByRole('link', { name: /Volg je klacht/ }).click()]);
  return page.url();
}

describe('NL Design System pages in Chromium', () => {
  it('serves the stylesheet from its own origin and the pages use it under the CSP', async () => {
    const css = await fetch(`${office.url}/assets/nlds.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const text = await css.text();
    expect(text).toContain('.utrecht-button');
    expect(text).toContain('.voorbeeld-theme');
    const res = await fetch(`${office.url}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('script-src');

    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${office.url}/`);
    // The theme's token reached the button: the stylesheet loaded and applied.
    const themed = await page.evaluate<string>("getComputedStyle(document.documentElement).getPropertyValue('--utrecht-button-primary-action-background-color').trim()");
    expect(themed).not.toBe('');
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor")).not.toBe('rgba(0, 0, 0, 0)');
    expect(blocked).toEqual([]);
    await context.close();
  }, TIMEOUT);

  for (const width of [320, 1280]) {
    it(`form and status page at ${width} px: no axe violation at WCAG 2.1 AA, no horizontal scroll`, async () => {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        const scrollWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
        await page.goto(`${office.url}/`);
        await expectAccessible(page, `the form at ${width} px`, { all: true });
        expect(await scrollWidth()).toBeLessThanOrEqual(width);
        await Promise.all([page.waitForURL(`${office.url}/api/complaints`), page.getByRole('button', { name: 'Klacht versturen' }).click()]);
        await expectAccessible(page, `the form with errors at ${width} px`, { all: true });
        await fileByForm(page, `scherm-${width}@example.nl`);
        await expectAccessible(page, `the status page at ${width} px`, { all: true });
        expect(await scrollWidth()).toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    }, TIMEOUT);
  }

  it('files a complaint with the keyboard only, the date in three fields', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${office.url}/`);
    const typed: Record<string, string> = {
      'f-email': 'toetsen-datum@example.nl',
      'f-eventDate': '26',
      'f-eventDate-maand': '2',
      'f-eventDate-jaar': '2026',
      'f-description': 'Ingevuld met alleen het toetsenbord.',
    };
    const visited = await tabThroughForm(page, typed, /\/ontvangen\?/, async (id) => {
      if (id === 'f-topic') await page.keyboard.press('ArrowDown');
    });
    expect(visited.filter((id) => id.startsWith('f-eventDate'))).toEqual(['f-eventDate', 'f-eventDate-maand', 'f-eventDate-jaar']);
    const main = await page.locator('main').innerText();
    // The three parts arrived as one date (YYYY-MM-DD in the case, shown in words).
    expect(main).toContain('26 februari 2026');
    await context.close();
  }, TIMEOUT);

  it('names the date field in its error, in Dutch and English, keeping the parts typed', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    for (const [lang, message, button] of [
      ['nl', 'Vul bij "Wanneer gebeurde het?" een bestaande datum in', 'Klacht versturen'],
      ['en', 'Enter a real date for "When did it happen?"', 'Send complaint'],
    ] as const) {
      await page.goto(`${office.url}/?lang=${lang}`);
      await page.locator('#f-eventDate').fill('31');
      await page.locator('#f-eventDate-maand').fill('2');
      await page.locator('#f-eventDate-jaar').fill('2026');
      await Promise.all([page.waitForURL(`${office.url}/api/complaints`), page.getByRole('button', { name: button }).click()]);
      expect(await page.locator('#f-eventDate-error').innerText()).toContain(message);
      await page.locator('#error-summary a[href="#f-eventDate"]').click();
      expect(await activeId(page)).toBe('f-eventDate');
      expect(await page.locator('#f-eventDate').inputValue()).toBe('31');
      expect(await page.locator('#f-eventDate-jaar').inputValue()).toBe('2026');
    }
    await context.close();
  }, TIMEOUT);

  it('says the character limit on long text without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${office.url}/`);
    expect(await page.locator('#f-description-count').innerText()).toBe('Je kunt hoogstens 10.000 tekens gebruiken.');
    await expect(page.locator('#f-description').getAttribute('aria-describedby')).resolves.toContain('f-description-count');
    await context.close();
  }, TIMEOUT);
});

/**
 * The public complaint form in a real browser (Debian's Chromium through playwright-core):
 * keyboard-only filing, the confirmation and status pages, the error state, English, axe checks,
 * and a submit without JavaScript. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, termEnd } from '../../shared/calendar/index.ts';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { procedurePath } from '../support/engine-harness.ts';
import { expectAccessible, launchChromium, tabThroughForm } from '../support/browser.ts';

const TIMEOUT = 60_000;
const CLOCK_START = '2026-03-02T09:00:00.000Z'; // Monday 2 March 2026, 10:00 in Amsterdam
const RECEIVED_ON = '2026-03-02';
const REFERENCE = /^HSS-2026-[2-9A-Z]{5}$/;
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

let office: LocalOffice;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  office = await startLocalOffice({ procedurePath: procedurePath('hss'), port: 0, clockStart: CLOCK_START, minFillMs: 0, tickSeconds: 0 });
  browser = await launchChromium();
  // A Dutch browser: without ?lang= the office picks the language from Accept-Language.
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1024, height: 800 } });
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await office?.close();
}, TIMEOUT);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

interface OutboxEntry {
  to: string[];
  subject: string;
  text: string;
}
async function outbox(): Promise<OutboxEntry[]> {
  const res = await fetch(`${office.url}/_local/outbox`);
  expect(res.status).toBe(200);
  return (await res.json()) as OutboxEntry[];
}

/** The dates the receipt and pages must show, computed with the calendar, not read from the app. */
function expectedTerms() {
  const rules = office.ctx.procedure.calendar;
  return {
    bevestiging: formatDate(termEnd(RECEIVED_ON, { amount: 7, unit: 'workingDays' }, rules).lastDay, 'nl'),
    standpunt: formatDate(termEnd(RECEIVED_ON, { amount: 6, unit: 'weeks' }, rules).lastDay, 'nl'),
  };
}


describe('complaint form in Chromium', () => {
  let confirmationUrl = '';
  let reference = '';
  const email = 'toetsenbord@example.nl';

  it('files a complaint with the keyboard only', async () => {
    const page = await context.newPage();
    await page.goto(`${office.url}/`);
    await shot(page, 'form');
    await expectAccessible(page, 'the form');

    const typed: Record<string, string> = {
      'f-name': 'Kim de Toetsenbord',
      'f-email': email,
      'f-phone': '020 123 45 67',
      'f-employeeName': 'Medewerker X',
      'f-description': 'Ik kreeg onjuist advies over mijn aanvraag en niemand belde terug.',
      'f-desiredSolution': 'Een gesprek en excuses.',
    };
    const visited = await tabThroughForm(page, typed, /\/ontvangen\?/, async (id, stop) => {
      // The first stop is the skip link, then the language switch.
      if (stop === 0) expect(await page.locator(':focus').innerText()).toBe('Direct naar de inhoud');
      if (stop === 1) expect(await page.locator(':focus').innerText()).toBe('English');
      if (id === 'f-topic') {
        // A closed select: arrow keys move through the options without opening the list.
        for (let n = 0; n < 4; n++) await page.keyboard.press('ArrowDown'); // Kies… → advies → informatie → afhandeltermijn → bejegening
        expect(await page.locator('#f-topic').inputValue()).toBe('bejegening');
      }
    });
    // Every field was reached by Tab, in the visual order, and the honeypot never.
    const fields = visited.filter((id) => id.startsWith('f-'));
    expect(fields).toEqual(['f-name', 'f-email', 'f-phone', 'f-topic', 'f-employeeName', 'f-description', 'f-desiredSolution']);
    expect(visited.at(-1)).toBe('button');

    reference = (await page.locator('main .ref').first().innerText()).trim();
    expect(reference).toMatch(REFERENCE);
    await expect(page.title()).resolves.toContain('Klacht ontvangen');
    const main = await page.locator('main').innerText();
    expect(main).toContain(email);
    const terms = expectedTerms();
    expect(main).toContain(terms.bevestiging);
    expect(main).toContain(terms.standpunt);
    expect(main).toContain('Bejegening of gedrag');
    confirmationUrl = page.url();
    await shot(page, 'confirmation');
    await expectAccessible(page, 'the confirmation page');

    const receipts = (await outbox()).filter((m) => m.to.includes(email));
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt.subject).toContain(reference);
    expect(receipt.text).toContain(reference);
    expect(receipt.text).toContain(terms.bevestiging);
    expect(receipt.text).toContain(terms.standpunt);
    expect(receipt.text).toContain(formatDate(RECEIVED_ON, 'nl'));
    await page.close();
  }, TIMEOUT);

  it('follows the status link from the confirmation page', async () => {
    expect(confirmationUrl, 'needs the keyboard test first').not.toBe('');
    const page = await context.newPage();
    await page.goto(confirmationUrl);
    await Promise.all([page.waitForURL(/\/complaints\/[^/]+\?token=/), page.getByRole('link', { name: /Volg uw klacht/ }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/complaints/${reference}`);
    await expect(page.title()).resolves.toContain(reference);
    expect((await page.locator('h1 .ref').innerText()).trim()).toBe(reference);
    const status = page.getByRole('row', { name: /Status/ });
    await expect(status.innerText()).resolves.toContain('In behandeling');
    const next = await page.getByRole('row', { name: /Volgende stap/ }).innerText();
    expect(next).toContain(expectedTerms().bevestiging);
    expect(next).toContain('Bevestiging van de behandeling');
    await shot(page, 'status');
    await expectAccessible(page, 'the status page');
    await page.close();
  }, TIMEOUT);

  it('shows errors at the top and next to each field, keeping what was typed', async () => {
    const page = await context.newPage();
    await page.goto(`${office.url}/`);
    await page.locator('#f-name').focus();
    await page.keyboard.type('Alleen Een Naam');
    await Promise.all([page.waitForURL(`${office.url}/api/complaints`), page.getByRole('button', { name: 'Klacht versturen' }).click()]);

    await expect(page.title()).resolves.toMatch(/^Een klacht indienen \(fout\)/);
    // The summary comes first in <main>, before the heading, with a link per error.
    const firstInMain = await page.locator('main > :first-child').getAttribute('id');
    expect(firstInMain).toBe('error-summary');
    const summary = page.locator('#error-summary');
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#f-email', '#f-topic', '#f-description']);
    for (const key of ['email', 'topic', 'description']) {
      const field = page.locator(`.field:has(#f-${key})`);
      await expect(field.getAttribute('class')).resolves.toContain('invalid');
      const error = field.locator(`#f-${key}-error`);
      expect(await error.count()).toBe(1);
      const control = page.locator(`#f-${key}`);
      await expect(control.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(control.getAttribute('aria-describedby')).resolves.toContain(`f-${key}-error`);
    }
    // Fields without an error carry no error.
    expect(await page.locator('.field:has(#f-name) .error').count()).toBe(0);
    // What was typed is still there.
    expect(await page.locator('#f-name').inputValue()).toBe('Alleen Een Naam');

    // A summary link brings the user to the field.
    await page.locator('#error-summary a[href="#f-email"]').click();
    expect(new URL(page.url()).hash).toBe('#f-email');

    await shot(page, 'form-errors');
    await expectAccessible(page, 'the form with errors');
    await page.close();
  }, TIMEOUT);

  it('renders English with ?lang=en, errors included', async () => {
    const page = await context.newPage();
    await page.goto(`${office.url}/?lang=en`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.title()).resolves.toMatch(/^File a complaint/);
    expect(await page.locator('label[for="f-email"]').innerText()).toContain('Your e-mail address');
    expect(await page.locator('#f-topic option').allInnerTexts()).toContain('Treatment or conduct');
    await Promise.all([page.waitForURL(`${office.url}/api/complaints`), page.getByRole('button', { name: 'Send complaint' }).click()]);
    await expect(page.title()).resolves.toMatch(/^File a complaint \(error\)/);
    expect(await page.locator('#error-summary h2').innerText()).toBe('There is a problem');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.close();
  }, TIMEOUT);

  it('reflows at 320 CSS pixels without horizontal scrolling (WCAG 1.4.10), long words included', async () => {
    const narrow = await browser.newContext({ locale: 'nl-NL', viewport: { width: 320, height: 640 } });
    try {
      const page = await narrow.newPage();
      const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
      await page.goto(`${office.url}/`);
      expect(await width()).toBeLessThanOrEqual(320);
      await Promise.all([page.waitForURL(`${office.url}/api/complaints`), page.getByRole('button', { name: 'Klacht versturen' }).click()]);
      expect(await width()).toBeLessThanOrEqual(320);
      await page.locator('#f-email').fill('smal-scherm@example.nl');
      await page.locator('#f-topic').selectOption('advies');
      // A pasted link: one long word that must wrap instead of widening the page.
      await page.locator('#f-description').fill(`Zie https://voorbeeld.example.nl/${'dossier/'.repeat(12)}brief-van-de-gemeente.pdf`);
      await Promise.all([page.waitForURL(/\/ontvangen\?/), page.getByRole('button', { name: 'Klacht versturen' }).click()]);
      expect(await width()).toBeLessThanOrEqual(320);
      await Promise.all([page.waitForURL(/\/complaints\/[^/]+\?token=/), page.getByRole('link', { name: /Volg uw klacht/ }).click()]);
      expect(await width()).toBeLessThanOrEqual(320);
    } finally {
      await narrow.close();
    }
  }, TIMEOUT);

  it('works without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
    try {
      const page = await noJs.newPage();
      await page.goto(`${office.url}/`);
      const address = 'zonder-js@example.nl';
      await page.locator('#f-email').fill(address);
      await page.locator('#f-topic').selectOption('informatie');
      await page.locator('#f-description').fill('Verstuurd zonder JavaScript.');
      await Promise.all([page.waitForURL(/\/ontvangen\?/), page.getByRole('button', { name: 'Klacht versturen' }).click()]);
      const ref = (await page.locator('main .ref').first().innerText()).trim();
      expect(ref).toMatch(REFERENCE);
      expect(ref).not.toBe(reference);
      const receipts = (await outbox()).filter((m) => m.to.includes(address));
      expect(receipts.map((m) => m.subject)).toEqual([expect.stringContaining(ref)]);
    } finally {
      await noJs.close();
    }
  }, TIMEOUT);
});

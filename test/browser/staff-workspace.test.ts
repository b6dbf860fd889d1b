/**
 * The staff workspace in Chromium: sign in through the link in the outbox, open a case,
 * confirm its handling and decide it, with axe checks on each page. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { procedurePath } from '../support/engine-harness.ts';
import { expectAccessible, launchChromium } from '../support/browser.ts';

const TIMEOUT = 60_000;
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DIRECTIE = 'directie@hss.example.nl';

let office: LocalOffice;
let browser: Browser;
let context: BrowserContext;
let reference: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  office = await startLocalOffice({ procedurePath: procedurePath('hss'), port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  const res = await fetch(office.url + '/api/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await withFormToken(office.url, { name: 'Jan Jansen', email: 'jan@example.nl', topic: 'advies', description: 'Ik kreeg verkeerd advies over mijn aanvraag.' })),
  });
  reference = ((await res.json()) as { reference: string }).reference;
  await office.idle(); // intake's effects (the summary, the mail) run after its answer
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1024, height: 800 } });
  // A step that cannot happen fails within seconds, naming the step, instead of at the test's timeout.
  context.setDefaultTimeout(10_000);
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await office?.close();
}, TIMEOUT);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('staff workspace in Chromium', () => {
  it('signs in with the e-mailed link, acknowledges and decides a case', async () => {
    const page = await context.newPage();
    await page.goto(`${office.url}/staff`);
    expect(page.url()).toContain('/staff');
    await expectAccessible(page, 'the sign-in page', { all: true });
    await page.getByLabel('E-mailadres').fill(DIRECTIE);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await expect.poll(() => page.textContent('h1')).toContain('Kijk in uw e-mail');
    await office.settled(); // the link is mailed after the answer

    const mail = [...office.outbox.messages].reverse().find((m) => m.to[0]!.email === DIRECTIE)!;
    const link = /http:\/\/localhost:\d+\/staff\/login\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await page.getByRole('button', { name: 'Inloggen bij het klachtenloket' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Klachten');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'staff_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    await expectAccessible(page, 'the case list', { all: true });
    await shot(page, 'staff-list');

    await page.getByRole('link', { name: reference }).click();
    await expect.poll(() => page.textContent('h1')).toContain(reference);
    await expect.poll(() => page.textContent('body')).toContain('Bevestiging van de behandeling');
    await expectAccessible(page, 'the case page', { all: true });
    await shot(page, 'staff-case');

    // Confirm the handling: the 7-working-day term is met and the complainant is told.
    await page.locator('summary', { hasText: 'Behandeling bevestigen aan de klager' }).click();
    await page.getByRole('button', { name: 'Bevestigen', exact: true }).click();
    await expect.poll(() => page.textContent('[role=status]')).toContain('acknowledge');
    expect(office.outbox.messages.at(-1)!.subject).toBe(`Uw klacht ${reference} is in behandeling genomen`);

    // The duties checklist shows the hearing still to do; the complainant declined one (Awb 9:10 lid 2b).
    await expect.poll(() => page.textContent('table.duties')).toContain('nog niet aangeboden');
    await page.locator('summary', { hasText: 'Niet horen' }).click();
    await page.locator('#duty-waive-hearing-reason').selectOption('declined');
    await page.locator('details:has(#duty-waive-hearing-reason) button[type=submit]').click();
    await expect.poll(() => page.textContent('[role=status]')).toContain('waive-hearing');
    await expect.poll(() => page.textContent('table.duties')).toContain('wil niet gehoord worden');

    // Decide, with reasons and measures.
    await page.locator('summary', { hasText: 'Besluiten' }).click();
    await page.locator('#decide-outcome').selectOption('deels-gegrond');
    await page.locator('#decide-motivation').fill('Het advies was onvolledig.');
    await page.locator('#decide-measures').fill('Werkinstructie aangepast.');
    await page.getByRole('button', { name: 'Besluit versturen' }).click();
    await expect.poll(() => page.textContent('body')).toContain('Afgesloten');
    const letter = office.outbox.messages.at(-1)!;
    expect(letter.to[0]!.email).toBe('jan@example.nl');
    expect(letter.text).toContain('deels gegrond');
    expect(letter.text).toContain('Het advies was onvolledig.');
    await expectAccessible(page, 'the decided case', { all: true });
    await shot(page, 'staff-decided');
  }, TIMEOUT);

  it('shows a decision error next to the form, without losing the page', async () => {
    const page = await context.newPage();
    const res = await fetch(office.url + '/api/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(office.url, { email: 'b@example.nl', topic: 'advies', description: 'Tweede klacht.' })),
    });
    const second = ((await res.json()) as { reference: string }).reference;
    await office.idle(); // intake's effects run after its answer
    await page.goto(`${office.url}/staff/cases/${second}`);
    await page.locator('summary', { hasText: 'Besluiten' }).click();
    await page.getByRole('button', { name: 'Besluit versturen' }).click();
    await expect.poll(() => page.textContent('[role=alert]')).toContain('motivation');
    expect(await page.title()).toContain('(fout)');
    await expectAccessible(page, 'the case page with an error', { all: true });
  }, TIMEOUT);
});

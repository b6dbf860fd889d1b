/**
 * The staff workspace's accessibility in Chromium: axe at WCAG 2.1 A/AA with no violation at all
 * on every staff page at 320 and 1280 px, and a decision taken with the keyboard only, the
 * controls found by their accessible names. One office (Ben in de Buurt), one signed-in session.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { call, signIn } from '../support/http.ts';
import { procedurePath } from '../support/engine-harness.ts';
import { activeId, expectAccessible, launchChromium } from '../support/browser.ts';

const TIMEOUT = 240_000;
const ANNA = 'anna.devries@benindebuurt.example.nl';
const PIETER = 'pieter.bakker@benindebuurt.example.nl';

let office: LocalOffice;
let browser: Browser;
let session: string;
let reference: string;

/** A case about an ordinary employee, registered in person with a postal address: parties, duties and letters to post. */
async function caseWithHearingOffered(): Promise<string> {
  const r = await call(office, 'POST', '/api/staff/complaints', {
    token: session,
    body: { channel: 'in-person', name: 'Henk de Boer', address: 'Kerkstraat 12\n1234 AB Buurtdorp', eventDate: '2026-02-20', topic: 'bejegening', employeeName: 'Pieter Bakker', description: 'Hij luisterde niet.' },
  });
  expect(r.status).toBe(201);
  const ref = r.json().reference as string;
  const act = async (body: Record<string, unknown>) => expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: session, body })).status).toBe(200);
  const detail = async () => (await call(office, 'GET', `/api/staff/cases/${ref}`, { token: session })).json();
  const about = (await detail()).parties.find((x: { role: string }) => x.role === 'complained-about');
  await act({ type: 'identify-party', party: about.id, staff: PIETER });
  await act({ type: 'offer-hearing', party: 'complainant', replyBy: '2026-03-16' });
  return ref;
}

/** A mail to a complainant's reply address from another address: it waits on the held list. */
async function holdOneMail() {
  const filed = await call(office, 'POST', '/api/complaints', { body: { email: 'jan@example.nl', topic: 'bejegening', description: 'Niemand belde terug.', eventDate: '2026-02-20' } });
  expect(filed.status).toBe(201);
  const address = office.outbox.messages.find((m) => m.to[0]!.email === 'jan@example.nl')!.replyTo!.email;
  const raw = `From: jan.werk@example.org\r\nTo: ${address}\r\nSubject: Aanvulling\r\nMessage-ID: <aanvulling@example.org>\r\n\r\nIk schrijf vanaf mijn werkadres.\r\n`;
  expect(await office.receive(Buffer.from(raw), { to: [address] })).toMatchObject({ outcome: 'held' });
}

beforeAll(async () => {
  office = await startLocalOffice({ procedurePath: procedurePath('ben-in-de-buurt'), port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, tickSeconds: 0 });
  session = await signIn(office, ANNA);
  reference = await caseWithHearingOffered();
  await holdOneMail();
  browser = await launchChromium();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await office?.close();
}, TIMEOUT);

/** A browser context signed in as Anna, with the session cookie the sign-in sets. */
async function signedIn(width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: 800 } });
  context.setDefaultTimeout(10_000);
  await context.addCookies([{ name: 'staff_session', value: session, url: office.url, httpOnly: true, secure: true, sameSite: 'Strict' }]);
  return context;
}

describe('staff pages in Chromium', () => {
  for (const width of [320, 1280]) {
    it(`have no axe violation at WCAG 2.1 AA at ${width} px`, async () => {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: 800 } });
      const page = await context.newPage();
      try {
        await page.goto(`${office.url}/staff`);
        await expectAccessible(page, `the sign-in page at ${width} px`, { all: true });
        await page.getByLabel('E-mailadres').fill(`onbekend-${width}@example.nl`);
        await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
        await expect.poll(() => page.textContent('h1')).toContain('Kijk in uw e-mail');
        await expectAccessible(page, `the link-sent page at ${width} px`, { all: true });
      } finally {
        await context.close();
      }
      const staff = await signedIn(width);
      const p = await staff.newPage();
      try {
        // Each page with what shows it is the full page, not an empty state.
        for (const [path, what, shows] of [
          ['/staff', 'the case list', `text=${reference}`],
          [`/staff/cases/${reference}`, 'the case page', 'table.duties'],
          ['/staff/held', 'the held mail', 'text=Aanvulling'],
          ['/staff/reports', 'the reports and register', 'form'],
          ['/staff/new', 'the new complaint', 'textarea'],
          ['/staff/letters', 'the letters to post', 'input[type=date]'],
        ] as const) {
          await p.goto(office.url + path);
          expect(await p.locator('h1').count(), what).toBe(1);
          await expect(p.locator(shows).first().isVisible(), what).resolves.toBe(true);
          if (path.startsWith('/staff/cases/')) {
            expect(await p.locator('main').innerText()).toContain('Te versturen brieven bij deze klacht');
            expect(await p.locator('main').innerText()).toContain('Pieter Bakker');
          }
          await expectAccessible(p, `${what} at ${width} px`, { all: true });
        }
      } finally {
        await staff.close();
      }
    }, TIMEOUT);
  }

  it('takes a decision with the keyboard only, the controls named for a screen reader', async () => {
    // A second case, its hearings waived through the staff API (the complainant declined): only the decision is left.
    const ref = await caseWithHearingOffered();
    const duties = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token: session })).json().duties as { duty: string; state: string; party?: string }[];
    for (const d of duties.filter((x) => x.duty === 'hearing' && x.state === 'due' && x.party))
      expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: session, body: { type: 'waive-hearing', party: d.party, reason: 'declined' } })).status).toBe(200);

    const context = await signedIn(1280);
    const page = await context.newPage();
    try {
      await page.goto(`${office.url}/staff/cases/${ref}`);
      const focused = () => page.evaluate<{ tag: string; id: string; text: string }>("({ tag: document.activeElement.tagName.toLowerCase(), id: document.activeElement.id, text: document.activeElement.textContent.trim() })");
      /** Tab forward until `want` has the focus; fails after 150 stops. */
      const tabTo = async (want: (f: { tag: string; id: string; text: string }) => boolean, what: string) => {
        for (let i = 0; i < 150; i++) {
          await page.keyboard.press('Tab');
          if (want(await focused())) return;
        }
        throw new Error(`Tab never reached ${what}`);
      };
      const idOf = (role: 'combobox' | 'textbox' | 'button', name: string) => page.getByRole(role, { name, exact: true }).getAttribute('id');

      await page.locator('body').focus();
      await tabTo((f) => f.tag === 'summary' && f.text === 'Besluiten', 'the decide summary');
      // One step too far and back: Shift+Tab works the same way.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toMatchObject({ tag: 'summary', text: 'Besluiten' });
      await page.keyboard.press('Enter'); // opens the details
      await page.keyboard.press('Tab');
      expect(await activeId(page)).toBe('decide-outcome');
      expect(await idOf('combobox', 'Uitkomst')).toBe('decide-outcome');
      await page.keyboard.press('ArrowDown');
      const outcome = await page.locator('#decide-outcome').inputValue();
      await page.keyboard.press('Tab');
      expect(await activeId(page)).toBe(await idOf('textbox', 'Motivering'));
      await page.keyboard.type('Er is niet goed geluisterd.');
      await page.keyboard.press('Tab');
      expect(await activeId(page)).toBe(await idOf('textbox', 'Maatregelen'));
      await page.keyboard.type('Een gesprek met de medewerker.');
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'button', text: 'Besluit versturen' });
      expect(await page.getByRole('button', { name: 'Besluit versturen' }).count()).toBe(1);
      await Promise.all([page.waitForURL(`**/staff/cases/${ref}**`), page.keyboard.press('Space')]);

      await expect.poll(() => page.textContent('[role=status]')).toContain('decide');
      const timeline = await page.getByRole('list').filter({ has: page.locator('li', { hasText: 'Besluit:' }) }).innerText();
      expect(timeline).toContain('Er is niet goed geluisterd.');
      expect(timeline).toContain('Een gesprek met de medewerker.');
      expect(outcome).not.toBe('');
      await expectAccessible(page, 'the decided case', { all: true });
    } finally {
      await context.close();
    }
  }, TIMEOUT);
});

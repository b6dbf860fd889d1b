/**
 * `npm run screenshots`: the pages as a new user sees them, for the README. Starts the local office
 * (in memory, frozen clock), files a complaint through the form, signs a staff member in through the
 * e-mailed link, and saves PNGs from headless Chromium into docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startLocalOffice } from '../infra/local/office.ts';
import { chooseChromium } from '../test/support/chromium.ts';
import { PROJECT_ROOT } from '../infra/stack/bundle-options.ts';

const OUT = join(PROJECT_ROOT, 'docs', 'screenshots');
const PROCEDURE = join(PROJECT_ROOT, 'procedures', 'ben-in-de-buurt.yaml');
const STAFF = 'klachtenfunctionaris@benindebuurt.example.nl';

async function main() {
  mkdirSync(OUT, { recursive: true });
  const office = await startLocalOffice({ procedurePath: PROCEDURE, port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, tickSeconds: 0 });
  const { executablePath, args } = await chooseChromium();
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const shot = async (page: Page, name: string) => {
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      console.log(`docs/screenshots/${name}.png`);
    };

    const narrow = await browser.newContext({ locale: 'nl-NL', viewport: { width: 320, height: 800 } });
    const small = await narrow.newPage();
    await small.goto(`${office.url}/`);
    await shot(small, 'form-320');
    await narrow.close();

    const page = await context.newPage();
    await page.goto(`${office.url}/`);
    await shot(page, 'form');
    await page.fill('#f-name', 'Sanne Jansen');
    await page.fill('#f-email', 'sanne@example.nl');
    await page.fill('#f-eventDate', '26');
    await page.fill('#f-eventDate-maand', '2');
    await page.fill('#f-eventDate-jaar', '2026');
    await page.selectOption('#f-topic', { index: 1 });
    await page.fill('#f-description', 'Mijn afspraak werd twee keer afgezegd zonder dat iemand mij belde.');
    await Promise.all([page.waitForURL(/\/ontvangen\?/), page.click('button[type=submit]')]);
    await shot(page, 'confirmation');
    const reference = (await page.locator('main .ref').first().innerText()).trim();
    await Promise.all([page.waitForURL(/\/complaints\/[^/]+\?token=/), page.getByRole('link', { name: /Volg (uw|je) klacht/ }).click()]);
    await shot(page, 'status');

    await page.goto(`${office.url}/staff`);
    await page.getByLabel('E-mailadres').fill(STAFF);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForSelector('text=Kijk in uw e-mail');
    const mail = [...office.outbox.messages].reverse().find((m) => m.to[0]!.email === STAFF)!;
    const link = /http:\/\/localhost:\d+\/staff\/login\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await page.getByRole('button', { name: 'Inloggen bij het klachtenloket' }).click();
    await page.getByRole('link', { name: reference }).waitFor();
    await shot(page, 'staff-list');
    await page.getByRole('link', { name: reference }).click();
    await page.waitForURL(new RegExp(`/staff/cases/${reference}`));
    await shot(page, 'staff-case');
  } finally {
    await browser.close();
    await office.close();
  }
}

await main();

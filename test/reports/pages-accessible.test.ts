/**
 * The register, report and dossier pages in Chromium, checked with axe (WCAG 2.1 A/AA); screenshots
 * go to test-results/screenshots/. Needs Debian's Chromium, as the browser tests do.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium } from '../support/browser.ts';
import { Office } from './support.ts';

const TIMEOUT = 60_000;
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DIRECTIE = 'directie@hss.example.nl';

describe('register, report and dossier pages are accessible', () => {
  let o: Office;
  let browser: Browser;
  let context: BrowserContext;
  let ref: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    o = await Office.start('hss', '2026-01-06T09:00:00.000Z');
    const directie = await o.signIn(DIRECTIE);
    for (const [topic, outcome] of [['advies', 'gegrond'], ['bejegening', 'ongegrond'], ['bejegening', 'deels-gegrond']] as const) {
      ref = (await o.file({ name: 'Jan Jansen', email: 'jan@example.nl', topic, description: 'Een klacht.' })).reference;
      await o.act(directie, ref, { type: 'acknowledge' });
      await o.act(directie, ref, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
      await o.act(directie, ref, { type: 'decide', outcome, motivation: 'Zo is het.', measures: outcome === 'gegrond' ? 'Aangepast.' : '' });
    }
    await o.advanceTo('2026-04-02T09:00:00.000Z');
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1024, height: 800 } });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'staff_session', value: directie, url: o.office.url, httpOnly: true, secure: true, sameSite: 'Strict' }]);
  }, TIMEOUT);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await o?.close();
  });

  it.each([
    ['reports', '/staff/reports', 'Register en rapportages'],
    ['report', '/staff/reports/2026-Q1', 'Inventarisatie van klachten: 1e kwartaal 2026'],
    ['report-yearly', '/staff/reports/2026', 'Jaaroverzicht klachten: 2026'],
    ['register', '/staff/register?year=2026', 'Register van klachten 2026'],
  ])('%s', async (name, path, heading) => {
    const page = await context.newPage();
    await page.goto(o.office.url + path);
    expect(await page.textContent('h1')).toContain(heading);
    await expectAccessible(page, path);
    await page.screenshot({ path: join(SCREENSHOTS, `staff-${name}.png`), fullPage: true });
    await page.close();
  }, TIMEOUT);

  it('dossier', async () => {
    const page = await context.newPage();
    await page.goto(`${o.office.url}/staff/cases/${ref}/dossier`);
    expect(await page.textContent('h1')).toContain(ref);
    await expectAccessible(page, 'the dossier');
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-dossier.png'), fullPage: true });
    await page.close();
  }, TIMEOUT);
});

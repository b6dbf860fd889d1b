import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';

describe('GET /regeling on the local office (Bureau MHR, real HTTP)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/bureau-mhr.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('serves the regeling in Dutch with the diagram inline, under the strict CSP', async () => {
    const res = await fetch(office.url + '/regeling');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-eval|https?:/);
    const page = await res.text();
    expect(page).toContain('<html lang="nl" class="utrecht-html');
    expect(page).toContain('<h1>Klachtenregeling Bureau Maatschappelijk Herstel en Rehabilitatie</h1>');
    expect(page).toContain('binnen 6 weken na ontvangst van de klacht (wettelijke standaardtermijn, Awb 9:11 lid 1)');
    expect(page).toMatch(/<svg [^>]*role="img"/);
    expect(page).not.toMatch(/<script|@import|fonts\.googleapis/);
    expect(page).toContain('href="/regeling?lang=en"');
  });

  it('serves it in English with ?lang=en, and the form links to it', async () => {
    const en = await (await fetch(office.url + '/regeling?lang=en')).text();
    expect(en).toContain('<html lang="en" class="utrecht-html');
    expect(en).toContain('within 2 weeks after this step starts');
    const form = await (await fetch(office.url + '/')).text();
    expect(form).toContain('<a href="/regeling?lang=nl">Lees de volledige klachtenregeling</a>');
  });
});

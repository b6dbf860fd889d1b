/**
 * The register, the reports and erasure in the staff workspace (HTML, signed in by cookie).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office } from '../reports/support.ts';

const DIRECTIE = 'directie@hss.example.nl';

describe('register, reports and erasure in the workspace', () => {
  let o: Office;
  let cookie: string;
  let csrf: string;
  let ref: string;
  beforeAll(async () => {
    o = await Office.start('hss', '2026-04-07T09:00:00.000Z');
    cookie = `staff_session=${await o.signIn(DIRECTIE)}`;
    ref = (await o.file({ name: 'Wim Winterkoning', email: 'wim@example.nl', topic: 'advies', description: 'Over de Winterkoningregeling.' })).reference;
    csrf = /name="csrf" value="([^"]+)"/.exec((await o.call('GET', '/staff', { cookie })).text)![1]!;
  });
  afterAll(() => o?.close());

  it('links to the register and the reports from every page, and lists last quarter’s inventory', async () => {
    const list = await o.call('GET', '/staff', { cookie });
    expect(list.text).toContain('<a href="/staff/reports">Register en rapportages</a>');
    const index = await o.call('GET', '/staff/reports', { cookie });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<a href="/staff/reports/2026-Q1">1e kwartaal 2026</a>');
    expect(index.text).toContain('<a href="/staff/register?year=2026">2026</a>');
    expect(index.text).toContain('Klachteninventarisatie per kwartaal');
    expect(index.text).toContain('Klachtenprocedure 3.5');
  });

  it('shows a report with its charts and a CSV link, and the register with the case', async () => {
    const page = await o.call('GET', '/staff/reports/2026-Q2', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<h1>Inventarisatie van klachten: 2e kwartaal 2026</h1>');
    expect(page.text).toContain('Ontvangen per onderwerp');
    expect(page.text).toMatch(/<th scope="row" style="font-weight:400">Onjuist advies<\/th><td>1<\/td><td style="width:50%"><span aria-hidden="true" style="[^"]*width:100%"><\/span>/);
    expect(page.text).toContain('href="/api/staff/reports/2026-Q2?format=csv&amp;kind=inventory"');
    const csv = await o.call('GET', '/api/staff/reports/2026-Q2?format=csv&kind=inventory', { cookie });
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[1]).toBe('ontvangen,totaal,Ontvangen klachten,1,0,0,0,0');
    expect((await o.call('GET', '/staff/reports/2026-Q7', { cookie })).status).toBe(404);
    const register = await o.call('GET', '/staff/register?year=2026', { cookie });
    expect(register.status).toBe(200);
    expect(register.text).toContain(`<a href="/staff/cases/${ref}">${ref}</a>`);
    expect((await o.call('GET', '/api/staff/register?year=twintig', { cookie })).status).toBe(400);
    expect((await o.call('GET', '/api/staff/reports/2026-Q2')).status).toBe(401);
  });

  it('erases a case from its page: with the form’s token, the grounds and the reference typed', async () => {
    const body = { grounds: 'verzoek-betrokkene', confirm: ref };
    expect((await o.call('POST', `/staff/cases/${ref}/erase`, { cookie, form: true, body })).status).toBe(403);
    const wrong = await o.call('POST', `/staff/cases/${ref}/erase`, { cookie, form: true, body: { ...body, confirm: 'nee', csrf } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Typ het kenmerk van de klacht ter bevestiging.');
    const done = await o.call('POST', `/staff/cases/${ref}/erase`, { cookie, form: true, body: { ...body, csrf } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff');
    expect((await o.call('GET', `/staff/cases/${ref}`, { cookie })).status).toBe(404);
    expect((await o.call('GET', '/staff', { cookie })).text).not.toContain(ref);
  });
});

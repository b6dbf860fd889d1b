import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { LIMITS } from '../../shared/http/limits.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';

describe('staff sessions and requests an attacker could forge (HSS)', () => {
  let office: LocalOffice;
  let ref: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    ref = (await call(office, 'POST', '/api/complaints', { body: { name: 'Jan', email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' } })).json().reference;
  });
  afterAll(() => office.close());

  it('ends the session at logout: neither the cookie nor the bearer token works afterwards', async () => {
    const token = await signIn(office, DIRECTIE);
    const cookie = `staff_session=${token}`;
    const page = await call(office, 'GET', '/staff', { cookie });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const out = await call(office, 'POST', '/staff/logout', { cookie, form: true, body: { csrf } });
    expect(out.status).toBe(303);
    expect((await call(office, 'GET', '/api/staff/cases', { token })).status).toBe(401);
    expect((await call(office, 'GET', '/staff', { cookie })).status).toBe(401);

    const other = await signIn(office, DIRECTIE);
    expect((await call(office, 'POST', '/api/staff/logout', { token: other })).status).toBe(204);
    expect((await call(office, 'GET', `/api/staff/cases/${ref}`, { token: other })).status).toBe(401);
  });

  it('refuses a cookie-authenticated call to the JSON API without the CSRF token or a JSON type plus the custom header', async () => {
    const token = await signIn(office, DIRECTIE);
    const cookie = `staff_session=${token}`;
    const csrf = /name="csrf" value="([^"]+)"/.exec((await call(office, 'GET', '/staff', { cookie })).text)![1]!;
    const note = (text: string) => ({ type: 'note', text });
    // A cross-site form post carries the cookie (if the browser sends it) but can set neither a header nor a JSON type.
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { cookie, form: true, body: note('geforceerd') })).status).toBe(403);
    expect((await call(office, 'POST', `/api/staff/complaints`, { cookie, form: true, body: { channel: 'phone', email: 'x@example.nl', topic: 'advies', description: 'x' } })).status).toBe(403);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/erase`, { cookie, form: true, body: { reason: 'x' } })).status).toBe(403);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { cookie, body: note('json zonder kop') })).status).toBe(403);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { cookie, body: note('json met kop'), headers: { 'x-requested-with': 'klachtenloket' } })).status).toBe(200);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { cookie, form: true, body: { ...note('met token'), csrf } })).status).toBe(200);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { cookie, form: true, body: note('token in kop'), headers: { 'x-csrf-token': csrf } })).status).toBe(200);
    // A bearer token is never sent by a browser on its own: no CSRF check.
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, form: true, body: note('bearer') })).status).toBe(200);
    const notes = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token })).text;
    expect(notes).not.toContain('geforceerd');
    expect(notes).not.toContain('json zonder kop');
  });
});

describe('dates outside any sane range are refused at the edge (Ben in de Buurt)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/ben-in-de-buurt.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('answers 400 naming eventDate for the year 0000 or 0100', async () => {
    for (const eventDate of ['0000-01-01', '0100-06-15', '1-1-0050']) {
      const r = await call(office, 'POST', '/api/complaints', { body: { email: 'k@example.nl', eventDate, topic: 'bejegening', description: 'Oud.' } });
      expect(r.status).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['eventDate']);
    }
  });

  it('answers 400 naming the year or period for registers and reports of years 0000–0100', async () => {
    const token = await signIn(office, 'pieter.bakker@benindebuurt.example.nl');
    for (const year of ['0000', '0050', '0100', '9999']) {
      const reg = await call(office, 'GET', `/api/staff/register?year=${year}`, { token });
      expect(reg.status).toBe(400);
      expect(reg.json().errors[0].field).toBe('year');
      const rep = await call(office, 'GET', `/api/staff/reports/${year}-Q1`, { token });
      expect(rep.status).toBe(400);
      expect(rep.json().errors[0].field).toBe('period');
    }
    expect((await call(office, 'GET', '/api/staff/register?year=2026', { token })).status).toBe(200);
    expect((await call(office, 'GET', '/api/staff/reports/2026-Q1', { token })).status).toBe(200);
  });
});

describe('sign-in requests (HSS)', () => {
  let office: LocalOffice;
  beforeEach(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterEach(() => office.close());

  it('answers before the mail is sent, known and unknown addresses alike', async () => {
    const real = office.ctx.mailer;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    office.ctx.mailer = { send: async (m) => (await gate, real.send(m)) };
    const known = await call(office, 'POST', '/api/staff/login', { body: { email: DIRECTIE } });
    const unknown = await call(office, 'POST', '/api/staff/login', { body: { email: 'niemand@example.org' } });
    expect([known.status, known.text]).toEqual([unknown.status, unknown.text]);
    expect(office.outbox.messages.length).toBe(0); // the sign-in mail still waits at the gate
    release();
    await office.settled();
    expect(office.outbox.messages.at(-1)!.to[0]!.email).toBe(DIRECTIE);
    office.ctx.mailer = real;
  });

  it('limits sign-in requests per address and per client, answering known and unknown the same', async () => {
    const ask = (email: string) => call(office, 'POST', '/api/staff/login', { body: { email } });
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) expect((await ask(DIRECTIE)).status).toBe(202);
    const limited = await ask(DIRECTIE);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) await ask('niemand@example.org');
    const unknown = await ask('niemand@example.org');
    expect([unknown.status, unknown.text]).toEqual([limited.status, limited.text]);
    await office.settled();
    expect(office.outbox.messages.filter((m) => m.to[0]!.email === DIRECTIE).length).toBe(LIMITS.signInPerAddress.limit);
    // Many addresses from one client: the client's own limit.
    let status = 202;
    for (let i = 0; i < LIMITS.signInPerClient.limit && status === 202; i++) status = (await ask(`x${i}@example.org`)).status;
    expect(status).toBe(429);
  });
});

describe('sign-in link expiry and who may record a withdrawal (HSS)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('lets a sign-in link expire by the office clock', async () => {
    await call(office, 'POST', '/api/staff/login', { body: { email: DIRECTIE } });
    await office.settled();
    const token = decodeURIComponent(/login\?token=([^\s"]+)/.exec(office.outbox.messages.at(-1)!.text)![1]!);
    await office.advanceTo('2026-03-02T09:16:00.000Z');
    expect((await call(office, 'POST', '/api/staff/session', { body: { token } })).status).toBe(401);
  });

  it('refuses a withdrawal recorded by a staff member who is not the handler (403)', async () => {
    const ref = (await call(office, 'POST', '/api/complaints', { body: { email: 'k@example.nl', topic: 'advies', description: 'Intrekken?' } })).json().reference;
    const colleague = await signIn(office, 'medewerker@hss.example.nl');
    const r = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: colleague, body: { type: 'withdraw', reason: 'De klager belde.' } });
    expect(r.status).toBe(403);
    const director = await signIn(office, DIRECTIE);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: director, body: { type: 'withdraw', reason: 'De klager belde.' } })).status).toBe(200);
  });
});

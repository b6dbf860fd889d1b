import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';
const MEDEWERKER = 'medewerker@hss.example.nl';

describe('staff sign-in and the staff API (HSS)', () => {
  let office: LocalOffice;
  let ref: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const r = await call(office, 'POST', '/api/complaints', { body: { name: 'Jan Jansen', email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' } });
    ref = r.json().reference;
  });
  afterAll(() => office.close());

  it('sends a single-use sign-in link only to addresses in the procedure’s roles', async () => {
    const before = office.outbox.messages.length;
    const unknown = await call(office, 'POST', '/api/staff/login', { body: { email: 'indringer@example.org' } });
    expect(unknown.status).toBe(202);
    expect(office.outbox.messages.length).toBe(before);

    await call(office, 'POST', '/api/staff/login', { body: { email: DIRECTIE } });
    await office.settled();
    const mail = office.outbox.messages.at(-1)!;
    expect(mail.to[0]!.email).toBe(DIRECTIE);
    const token = decodeURIComponent(/login\?token=([^\s"]+)/.exec(mail.text)![1]!);
    const first = await call(office, 'POST', '/api/staff/session', { body: { token } });
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/staff_session=.+; HttpOnly; Secure; SameSite=Strict/);
    expect((await call(office, 'POST', '/api/staff/session', { body: { token } })).status).toBe(401);
    expect((await call(office, 'POST', '/api/staff/session', { body: { token: token.slice(0, -2) + 'xx' } })).status).toBe(401);
  });

  it('lists open cases and shows one, recording the view in the audit trail', async () => {
    expect((await call(office, 'GET', '/api/staff/cases')).status).toBe(401);
    const token = await signIn(office, DIRECTIE);
    const list = await call(office, 'GET', '/api/staff/cases', { token });
    expect(list.status).toBe(200);
    expect(list.json().cases[0]).toMatchObject({ reference: ref, stage: 'directie', nextTerm: { lastDay: '2026-03-11' } });
    const detail = await call(office, 'GET', `/api/staff/cases/${ref}`, { token });
    expect(detail.json()).toMatchObject({ reference: ref, complainant: { email: 'jan@example.nl' } });
    const events = (await loadCase(office.ctx, ref))!.events;
    expect(events.some((e) => e.type === 'viewed' && e.by === DIRECTIE)).toBe(true);
  });

  it('answers actions with 200, 400, 403, 409 and 422 as the contract says', async () => {
    const token = await signIn(office, DIRECTIE);
    const seq = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token })).json().seq;
    const stale = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'acknowledge', expectedSeq: seq - 1 } });
    expect(stale.status).toBe(409);
    const ok = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'acknowledge', expectedSeq: seq } });
    expect(ok.status).toBe(200);
    expect(ok.json().terms.map((t: { label: string }) => t.label)).not.toContain('Bevestiging van de behandeling');
    expect(office.outbox.messages.at(-1)!.subject).toBe(`Uw klacht ${ref} is in behandeling genomen`);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'acknowledge' } })).status).toBe(422);
    const bad = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'extend', reason: '', until: 'morgen' } });
    expect(bad.status).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reason', 'until']));
    const unknownType = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'shred' } });
    expect(unknownType.status).toBe(400);

    const colleague = await signIn(office, MEDEWERKER);
    const forbidden = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: colleague, body: { type: 'decide', outcome: 'gegrond', motivation: 'x' } });
    expect(forbidden.status).toBe(403);

    // Not before the complainant was offered a hearing (Awb 9:10): here they declined it.
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'decide', outcome: 'gegrond', motivation: 'x' } })).status).toBe(422);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'waive-hearing', party: 'complainant', reason: 'declined' } })).status).toBe(200);
    const decided = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'decide', outcome: 'gegrond', motivation: 'Het advies was onjuist.', measures: 'Werkinstructie aangepast.' } });
    expect(decided.status).toBe(200);
    expect(decided.json().status).toBe('closed');
    const letter = office.outbox.messages.at(-1)!;
    expect(letter.text).toContain('gegrond');
    expect(letter.text).toContain('Het advies was onjuist.');
    expect(letter.text).toContain('erisietsmisgegaan.nl');
  });

  it('lets staff enter a complaint received by phone', async () => {
    const token = await signIn(office, MEDEWERKER);
    const r = await call(office, 'POST', '/api/staff/complaints', { token, body: { channel: 'phone', name: 'Piet', email: 'piet@example.nl', topic: 'bejegening', description: 'Onvriendelijk te woord gestaan.' } });
    expect(r.status).toBe(201);
    const state = (await loadCase(office.ctx, r.json().reference))!.state;
    expect(state.channel).toBe('phone');
    expect((await call(office, 'POST', '/api/staff/complaints', { token, body: { channel: 'fax', description: 'x' } })).status).toBe(400);
  });

  it('protects cookie-authenticated forms against CSRF', async () => {
    const token = await signIn(office, DIRECTIE);
    const cookie = `staff_session=${token}`;
    const page = await call(office, 'GET', '/staff', { cookie });
    expect(page.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const r2 = (await call(office, 'POST', '/api/complaints', { body: { email: 'k@example.nl', topic: 'advies', description: 'Nog een klacht.' } })).json().reference;
    const forged = await call(office, 'POST', `/staff/cases/${r2}/actions`, { cookie, form: true, body: { type: 'note', text: 'zonder token' } });
    expect(forged.status).toBe(403);
    const ok = await call(office, 'POST', `/staff/cases/${r2}/actions`, { cookie, form: true, body: { type: 'note', text: 'met token', csrf } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/staff/cases/${r2}?done=note`);
  });
});

describe('a complaint about a staff member is never theirs to see once staff identify them (Ben in de Buurt)', () => {
  it('a name alone hides nothing; an identification from the API hides the case from that manager in lists, pages and actions', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/ben-in-de-buurt.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      const ANNA = 'anna.devries@benindebuurt.example.nl';
      const r = await call(office, 'POST', '/api/complaints', {
        body: { email: 'k@example.nl', eventDate: '2026-02-20', topic: 'bejegening', employeeName: 'Anna de Vries', description: 'Zij was onbeleefd.' },
      });
      const ref = r.json().reference;
      const anna = await signIn(office, ANNA);
      const pieter = await signIn(office, 'pieter.bakker@benindebuurt.example.nl');
      // Named in the complaint, not yet identified: still in her list; Pieter's page suggests her.
      expect((await call(office, 'GET', '/api/staff/cases', { token: anna })).json().cases.map((c: { reference: string }) => c.reference)).toEqual([ref]);
      const page = await call(office, 'GET', `/staff/cases/${ref}`, { token: pieter });
      expect(page.text).toContain('Betrokkenen');
      expect(page.text).toContain(`Lijkt op: Anna de Vries (${ANNA})`);
      const seen = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token: pieter })).json();
      expect(seen.parties).toEqual([
        { id: 'complainant', role: 'complainant', email: 'k@example.nl' },
        { id: 'named', role: 'complained-about', name: 'Anna de Vries', suggestions: [{ email: ANNA, name: 'Anna de Vries' }] },
      ]);
      const bad = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: pieter, body: { type: 'identify-party', party: 'named', staff: 'iemand@example.org' } });
      expect(bad.status).toBe(400);
      const ok = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: pieter, body: { type: 'identify-party', party: 'named', staff: ANNA } });
      expect(ok.status).toBe(200);
      expect(ok.json().timeline.at(-2).text).toBe(`Betrokkene named vastgesteld als medewerker ${ANNA}`);
      expect(ok.json().timeline.at(-1).text).toBe(`Kopie van de klacht naar Anna de Vries (per e-mail, ${ANNA})`);
      expect(office.outbox.messages.at(-1)!.to[0]!.email).toBe(ANNA); // her copy of the complaint (Awb 9:9)
      expect((await call(office, 'GET', '/api/staff/cases', { token: anna })).json().cases).toEqual([]);
      expect((await call(office, 'GET', `/api/staff/cases/${ref}`, { token: anna })).status).toBe(404);
      expect((await call(office, 'GET', `/staff/cases/${ref}`, { token: anna })).status).toBe(404);
      expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: anna, body: { type: 'identify-party', party: 'named', staff: '' } })).status).toBe(404);
      const assign = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: pieter, body: { type: 'assign', handler: ANNA } });
      expect(assign.status).toBe(422);
      const added = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: pieter, body: { type: 'add-party', role: 'representative', name: 'Mr. A. Advocaat', address: 'Postbus 1, 9700 AA Groningen' } });
      expect(added.status).toBe(200);
      expect(added.json().parties.at(-1)).toEqual({ id: 'p1', role: 'representative', name: 'Mr. A. Advocaat', address: 'Postbus 1, 9700 AA Groningen' });
    } finally {
      await office.close();
    }
  });

  it('"HSS" as the name complained about hides the case from nobody: the director is told and handles it', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      const r = await call(office, 'POST', '/api/complaints', { body: { email: 'k@example.nl', topic: 'bejegening', employeeName: 'HSS', description: 'Iedereen daar.' } });
      const ref = r.json().reference;
      expect(office.outbox.messages.some((m) => m.to[0]!.email === DIRECTIE && m.subject.includes(ref))).toBe(true);
      for (const who of [DIRECTIE, MEDEWERKER]) {
        const token = await signIn(office, who);
        expect((await call(office, 'GET', '/api/staff/cases', { token })).json().cases.map((c: { reference: string }) => c.reference)).toEqual([ref]);
      }
      const token = await signIn(office, DIRECTIE);
      expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'acknowledge' } })).status).toBe(200);
    } finally {
      await office.close();
    }
  });
});

describe('reconciliation of open terms and timers', () => {
  it('schedules again the timers of open terms that were lost, and leaves the rest', async () => {
    const { reconcile } = await import('../../shared/app/use-cases/reconcile-timers.ts');
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      await call(office, 'POST', '/api/complaints', { body: { email: 'a@example.nl', topic: 'advies', description: 'Een.' } });
      const timers = office.deadlines.list();
      expect(timers.length).toBe(4); // two terms, each with a reminder and an expiry
      for (const t of timers.slice(0, 2)) await office.deadlines.cancel(t); // lost, as after an outage
      expect(office.deadlines.list().length).toBe(2);
      const result = await reconcile(office.ctx);
      expect(result).toEqual({ cases: 1, terms: 2 });
      expect(office.deadlines.list()).toEqual(timers);
    } finally {
      await office.close();
    }
  });
});

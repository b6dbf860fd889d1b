import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';

const COMPLAINANT = 'jan@example.nl';

describe('the holding list: staff attach or discard held mail, and it does not stay forever', () => {
  let office: LocalOffice;
  let reference: string;
  let address: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    reference = (await call(office, 'POST', '/api/complaints', { body: { email: COMPLAINANT, topic: 'advies', description: 'Verkeerd advies.' } })).json().reference;
    address = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!.replyTo!.email;
  });
  afterAll(() => office.close());

  const hold = async (from: string, subject: string) => {
    const raw = `From: ${from}\r\nTo: ${address}\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.nl>\r\n\r\n${subject}: ik schrijf vanaf mijn werkadres.\r\n`;
    expect(await office.receive(Buffer.from(raw), { to: [address] })).toMatchObject({ outcome: 'held', reason: 'token-mismatch' });
    return (await office.ctx.store.listHeld()).find((h) => h.subject === subject)!;
  };

  it('attaches a held mail to its case as the complainant’s message, by a handler only', async () => {
    const held = await hold('jan.jansen@werk.example.nl', 'Aanvulling');
    const colleague = await signIn(office, 'medewerker@hss.example.nl');
    const forbidden = await call(office, 'POST', `/api/staff/held/${held.id}`, { token: colleague, body: { action: 'attach', caseRef: reference } });
    expect(forbidden.status).toBe(403);

    const token = await signIn(office, 'directie@hss.example.nl');
    const before = office.outbox.messages.length;
    const r = await call(office, 'POST', `/api/staff/held/${held.id}`, { token, body: { action: 'attach', caseRef: reference } });
    expect(r.status).toBe(200);
    const message = (await loadCase(office.ctx, reference))!.events.find((e) => e.type === 'message-received');
    expect(message).toMatchObject({ party: 'complainant', sender: 'jan.jansen@werk.example.nl', text: 'Aanvulling: ik schrijf vanaf mijn werkadres.' });
    expect(office.outbox.messages.slice(before).map((m) => m.to[0]!.email)).toEqual(['directie@hss.example.nl']);
    expect((await office.ctx.store.listHeld()).some((h) => h.id === held.id)).toBe(false);
    expect((await call(office, 'POST', `/api/staff/held/${held.id}`, { token, body: { action: 'attach', caseRef: reference } })).status).toBe(404);
  });

  it('discards a held mail with its raw copy, through the workspace form (CSRF checked)', async () => {
    const held = await hold('spam@example.org', 'Reclame');
    const token = await signIn(office, 'directie@hss.example.nl');
    const cookie = `staff_session=${token}`;
    const page = await call(office, 'GET', '/staff/held', { cookie });
    expect(page.text).toContain('Reclame');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    expect((await call(office, 'POST', `/staff/held/${held.id}`, { cookie, form: true, body: { action: 'discard' } })).status).toBe(403);
    const r = await call(office, 'POST', `/staff/held/${held.id}`, { cookie, form: true, body: { action: 'discard', csrf } });
    expect(r.status).toBe(303);
    expect(await office.ctx.blobs.get(held.blob)).toBeUndefined();
    expect((await office.ctx.store.listHeld()).some((h) => h.id === held.id)).toBe(false);
  });

  it('deletes held mail after 90 days', async () => {
    const held = await hold('iemand@example.org', 'Vergeten');
    await office.advanceTo('2026-05-30T09:00:00.000Z'); // 89 days
    expect((await office.ctx.store.listHeld()).some((h) => h.id === held.id)).toBe(true);
    await office.advanceTo('2026-06-01T09:00:00.000Z');
    expect((await office.ctx.store.listHeld()).some((h) => h.id === held.id)).toBe(false);
    expect(await office.ctx.blobs.get(held.blob)).toBeUndefined();
  });
});

/** Issue 12, item 3: held mail tied to a case follows the case's visibility. */
describe('held mail about a staff member', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('is not listed, shown, downloadable or discardable for that staff member (404), but is for the others', async () => {
    const filed = await call(office, 'POST', '/api/complaints', { body: { email: COMPLAINANT, topic: 'bejegening', employeeName: 'Medewerker HSS', description: 'De medewerker was onbeleefd.' } });
    const reference = filed.json().reference as string;
    // A name alone hides nothing (issue 12 item 2): the directie identifies the employee first.
    const directie = await signIn(office, 'directie@hss.example.nl');
    const identified = await call(office, 'POST', `/api/staff/cases/${reference}/actions`, { token: directie, body: { type: 'identify-party', party: 'named', staff: 'medewerker@hss.example.nl' } });
    expect(identified.status).toBe(200);
    await office.idle();
    const address = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!.replyTo!.email;
    const raw = `From: getuige@example.org\r\nTo: ${address}\r\nSubject: Getuigenverklaring\r\nMessage-ID: <getuige@example.org>\r\n\r\nIk zag wat de medewerker deed.\r\n`;
    expect(await office.receive(Buffer.from(raw), { to: [address] })).toMatchObject({ outcome: 'held', caseRef: reference });
    const held = (await office.ctx.store.listHeld()).find((h) => h.subject === 'Getuigenverklaring')!;

    const concerned = await signIn(office, 'medewerker@hss.example.nl');
    const list = await call(office, 'GET', '/api/staff/held', { token: concerned });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('Getuigenverklaring');
    expect((await call(office, 'GET', '/staff/held', { cookie: `staff_session=${concerned}` })).text).not.toContain('Getuigenverklaring');
    expect((await call(office, 'GET', `/staff/held/${held.id}/original`, { cookie: `staff_session=${concerned}` })).status).toBe(404);
    expect((await call(office, 'POST', `/api/staff/held/${held.id}`, { token: concerned, body: { action: 'discard' } })).status).toBe(404);

    const director = await signIn(office, 'directie@hss.example.nl');
    expect((await call(office, 'GET', '/api/staff/held', { token: director })).text).toContain('Getuigenverklaring');
    const original = await call(office, 'GET', `/staff/held/${held.id}/original`, { cookie: `staff_session=${director}` });
    expect(original.status).toBe(200);
    expect(original.text).toContain('Ik zag wat de medewerker deed.');
  });
});

/** Issue 12, item 4: a flood cannot push a genuine mail out of view, redeliveries add nothing, nothing unseen goes silently. */
describe('the holding list under a flood', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  const stray = (i: number | string, extra = '') => Buffer.from(`${extra}From: vreemde${i}@example.org\r\nTo: iemand@reply.localhost\r\nSubject: Bericht ${i}\r\nMessage-ID: <stray-${i}@example.org>\r\n\r\nTekst ${i}.\r\n`);

  it('keeps one entry for a mail delivered again, by its bytes or by its Message-ID', async () => {
    await office.receive(stray('twice'), { to: ['iemand@reply.localhost'] });
    await office.advanceTo('2026-03-02T10:00:00.000Z'); // the sender's server tries again an hour later
    await office.receive(stray('twice'), { to: ['iemand@reply.localhost'] });
    await office.receive(stray('twice', 'Received: from relay2.example.org\r\n'), { to: ['iemand@reply.localhost'] });
    expect((await office.ctx.store.listHeld()).filter((h) => h.subject === 'Bericht twice')).toHaveLength(1);
  });

  it('counts unseen held mail in the workspace, and pages the list so the oldest stays reachable', async () => {
    await office.receive(stray('echt'), { to: ['iemand@reply.localhost'] });
    for (let i = 0; i < 120; i++) await office.receive(stray(i), { to: ['iemand@reply.localhost'] });
    const token = await signIn(office, 'directie@hss.example.nl');
    const cases = await call(office, 'GET', '/api/staff/cases', { token });
    expect(cases.json().unseenHeld).toBe(122);
    expect((await call(office, 'GET', '/staff', { cookie: `staff_session=${token}` })).text).toContain('122 niet-gekoppelde e-mail(s) die nog niemand heeft bekeken');

    const subjects: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = (await call(office, 'GET', `/api/staff/held${after ? `?after=${encodeURIComponent(after)}` : ''}`, { token })).json();
      subjects.push(...page.held.map((h: { subject: string }) => h.subject));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(subjects).size).toBe(122);
    expect(subjects).toContain('Bericht echt');
    expect((await call(office, 'GET', '/api/staff/cases', { token })).json().unseenHeld).toBe(0);
  });

  it('tells the organisation when it deletes held mail nobody has seen', async () => {
    await office.receive(stray('ongezien'), { to: ['iemand@reply.localhost'] });
    const before = office.outbox.messages.length;
    await office.advanceTo('2026-06-10T09:00:00.000Z');
    expect(await office.ctx.store.listHeld()).toEqual([]);
    const notices = office.outbox.messages.slice(before).filter((m) => m.subject.includes('niet-gekoppelde e-mail'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.to.map((t) => t.email)).toEqual(['beheer@hss.example.nl']);
    expect(notices[0]!.text).toContain('1 niet-gekoppelde e-mail');
  });
});

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

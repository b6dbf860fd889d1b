import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { loadCase } from '../../shared/app/pipeline.ts';

const COMPLAINANT = 'jan@example.nl';
const DIRECTIE = 'directie@hss.example.nl';
const SCAM = 'Betaal eerst 50 euro via http://evil.example/pay';

/** Issue 12, item 1: the case reference is in every subject line, so it must never be enough to speak for anyone. */
describe('a thread header never puts a mail on a case', () => {
  let office: LocalOffice;
  let smtp: Transporter;
  let reference: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, smtpPort: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: office.smtpPort!, secure: false, ignoreTLS: true });
    const res = await fetch(office.url + '/api/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await withFormToken(office.url, { email: COMPLAINANT, topic: 'advies', description: 'Verkeerd advies.' })) });
    reference = ((await res.json()) as { reference: string }).reference;
    // Intake answers before its effects: the receipt and the staff notice are out once the queue is idle.
    await office.idle();
  });
  afterAll(async () => {
    smtp.close();
    await office.close();
  });

  const messages = async () => (await loadCase(office.ctx, reference))!.events.filter((e) => e.type === 'message-received');
  const forged = (from: string, side: '' | '.staff', id: string) =>
    `From: ${from}\r\nTo: klachten@hss.example.nl\r\nSubject: Re: Bericht over uw klacht ${reference}\r\nMessage-ID: <${id}@evil.example>\r\nIn-Reply-To: <${reference.toLowerCase()}${side}@reply.localhost>\r\nReferences: <${reference.toLowerCase()}${side}@reply.localhost>\r\n\r\n${SCAM}\r\n`;
  const expectHeldAndSilent = async (before: number) => {
    expect(office.outbox.messages.slice(before)).toEqual([]);
    expect(JSON.stringify(office.outbox.messages)).not.toContain('evil.example');
    expect(await messages()).toEqual([]);
  };

  it('holds a mail "from the directie" answering the staff thread, over POST /_local/inbound', async () => {
    const before = office.outbox.messages.length;
    const res = await fetch(office.url + '/_local/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: forged(DIRECTIE, '.staff', 'f1') });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ outcome: 'held' });
    await expectHeldAndSilent(before);
  });

  it('holds the same over SMTP, and one "from the complainant" answering the complainant’s thread', async () => {
    const before = office.outbox.messages.length;
    await smtp.sendMail({ envelope: { from: DIRECTIE, to: ['klachten@hss.example.nl'] }, raw: forged(DIRECTIE, '.staff', 'f2') });
    await smtp.sendMail({ envelope: { from: COMPLAINANT, to: ['klachten@hss.example.nl'] }, raw: forged(COMPLAINANT, '', 'f3') });
    await expectHeldAndSilent(before);
    const held = await office.ctx.store.listHeld();
    expect(held.filter((h) => h.text?.includes('evil.example'))).toHaveLength(3); // with the one over HTTP
  });

  it('uses thread ids nobody can make from the reference, and lets a genuine one only suggest the case', async () => {
    const receipt = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!;
    expect(receipt.messageId).not.toBe(`<${reference.toLowerCase()}@reply.localhost>`);
    expect(receipt.messageId).toMatch(/^<[a-z0-9.-]+\.[a-z0-9]{20,}@reply\.localhost>$/);
    const raw = `From: ${COMPLAINANT}\r\nTo: klachten@hss.example.nl\r\nSubject: Re: ${receipt.subject}\r\nMessage-ID: <genuine@example.nl>\r\nIn-Reply-To: ${receipt.messageId}\r\nReferences: ${receipt.messageId}\r\n\r\nIk schreef naar het gewone adres.\r\n`;
    expect(await office.receive(Buffer.from(raw), { to: ['klachten@hss.example.nl'] })).toEqual({ outcome: 'held', reason: 'thread-only', caseRef: reference });
    expect(await messages()).toEqual([]);
  });
});

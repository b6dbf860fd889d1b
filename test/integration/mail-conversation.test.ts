import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { loadCase } from '../../shared/app/pipeline.ts';

const COMPLAINANT = 'jan@example.nl';
const DIRECTIE = 'directie@hss.example.nl';

describe('conversation by e-mail on the local office (real SMTP)', () => {
  let office: LocalOffice;
  let smtp: Transporter;
  let reference: string;
  let statusApi: string;

  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, smtpPort: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: office.smtpPort!, secure: false, ignoreTLS: true });
    const res = await fetch(office.url + '/api/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(office.url, { name: 'Jan Jansen', email: COMPLAINANT, topic: 'advies', description: 'Ik kreeg verkeerd advies.' })),
    });
    ({ reference, statusUrl: statusApi } = (await res.json()) as { reference: string; statusUrl: string });
    await office.idle(); // intake's effects (the receipt) run after its answer
    statusApi = statusApi.replace('/complaints/', '/api/complaints/');
  });
  afterAll(async () => {
    smtp.close();
    await office.close();
  });

  const sent = () => office.outbox.messages;
  const lastTo = (email: string) => [...sent()].reverse().find((m) => m.to.some((t) => t.email === email))!;
  const held = () => office.ctx.store.listHeld();
  const timeline = async () => ((await (await fetch(statusApi)).json()) as { timeline: { text: string }[] }).timeline.map((t) => t.text);

  it('passes a complainant’s reply to the handler, stripped of the quoted history', async () => {
    const receipt = lastTo(COMPLAINANT);
    expect(receipt.replyTo!.email).toMatch(/^klachten\+hss-2026-[a-z0-9]{5}\.[a-z0-9]{21}@reply\.localhost$/);
    await smtp.sendMail({
      from: `Jan Jansen <${COMPLAINANT}>`,
      to: receipt.replyTo!.email,
      subject: `Re: ${receipt.subject}`,
      inReplyTo: receipt.messageId,
      references: receipt.messageId,
      text: `Ik heb nog een vraag over het advies.\n\nOp ma 2 mrt 2026 om 10:00 schreef HSS <klachten@hss.example.nl>:\n> Wij hebben uw klacht ontvangen.\n> Uw kenmerk is ${reference}.\n`,
    });
    const forward = lastTo(DIRECTIE);
    expect(forward.subject).toContain(`Bericht van de klager over klacht ${reference}`);
    expect(forward.text).toContain('Ik heb nog een vraag over het advies.');
    expect(forward.text).not.toContain('Wij hebben uw klacht ontvangen');
    expect(forward.replyTo!.email).toContain(`+${reference.toLowerCase()}.`);
    expect(forward.headers['auto-submitted']).toBe('auto-generated');
    expect(await timeline()).toContain('Uw bericht: Ik heb nog een vraag over het advies.');
  });

  it('sends a staff reply to the complainant from the organisation, never from the staff member', async () => {
    const forward = lastTo(DIRECTIE);
    await smtp.sendMail({
      from: `Directeur HSS <${DIRECTIE}>`,
      to: forward.replyTo!.email,
      subject: `Re: ${forward.subject}`,
      text: 'Beste heer Jansen, wij bellen u morgen.\n\nMet vriendelijke groet,\nDirecteur HSS\n\n-----Oorspronkelijk bericht-----\nVan: HSS\nIk heb nog een vraag',
    });
    const answer = lastTo(COMPLAINANT);
    expect(answer.subject).toBe(`Bericht over uw klacht ${reference}`);
    expect(answer.from.email).toBe('klachten@hss.example.nl');
    expect(answer.text).toContain('wij bellen u morgen');
    expect(answer.text).not.toContain('Oorspronkelijk bericht');
    expect(JSON.stringify(answer)).not.toContain(DIRECTIE);
    expect(answer.headers.references).toBe(sent().find((m) => m.to[0]!.email === COMPLAINANT)!.messageId); // the receipt: one thread
    expect((await timeline()).some((t) => t.includes('wij bellen u morgen'))).toBe(true);
  });

  it('holds a forged token, a sender the token was not made for, and unmatched mail', async () => {
    const receipt = sent().find((m) => m.to[0]!.email === COMPLAINANT)!;
    const address = receipt.replyTo!.email;
    const forged = address.replace(/\.([a-z0-9])([a-z0-9]{20})@/, (_m, k: string, mac: string) => `.${k}${mac[0] === 'a' ? 'b' : 'a'}${mac.slice(1)}@`);
    const before = sent().length;
    await smtp.sendMail({ from: COMPLAINANT, to: forged, subject: 'x', text: 'vervalst' });
    await smtp.sendMail({ from: 'vreemde@example.org', to: address, subject: 'x', text: 'doorgestuurd en beantwoord door een ander' });
    await smtp.sendMail({ from: 'iemand@example.org', to: 'iemand-anders@reply.localhost', subject: 'x', text: 'verdwaald' });
    const reasons = (await held()).map((h) => h.reason);
    expect(reasons.filter((r) => r === 'token-mismatch')).toHaveLength(2);
    expect(reasons).toContain('unmatched');
    expect(sent().length).toBe(before); // nothing answered, nothing forwarded
  });

  it('records auto-replies and bounces but never answers or forwards them', async () => {
    const address = lastTo(COMPLAINANT).replyTo!.email;
    const before = sent().length;
    await smtp.sendMail({ from: COMPLAINANT, to: address, subject: 'Automatisch antwoord: Bericht over uw klacht', text: 'Ik ben afwezig.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await smtp.sendMail({ envelope: { from: '', to: [address] }, from: 'MAILER-DAEMON@example.nl', to: address, subject: 'Undelivered Mail Returned to Sender', text: 'Delivery failed.' });
    await smtp.sendMail({ from: COMPLAINANT, to: address, subject: 'lus', text: 'lus', headers: { 'X-Loop': 'reply.localhost' } });
    expect(sent().length).toBe(before);
    // The bounce has no trusted sender: held. The auto-reply and the loop came through the
    // complainant's own reply address: recorded on the case as noise, not shown, not passed on.
    expect((await held()).map((h) => h.reason)).toContain('bounce');
    const found = await loadCase(office.ctx, reference);
    const noise = found!.events.flatMap((e) => (e.type === 'message-received' && e.noise ? [e.noise] : []));
    expect(noise).toEqual(['auto-reply', 'loop']);
    expect(await timeline()).not.toContain('Uw bericht: Ik ben afwezig.');
  });

  it('turns mail to the complaints address into a case to complete through a prefilled form', async () => {
    await smtp.sendMail({ from: 'Marie Pieters <marie@example.nl>', to: 'klachten@hss.example.nl', subject: 'Klacht over de telefoon', text: 'Niemand belde mij terug.' });
    const receipt = lastTo('marie@example.nl');
    const link = /http:\/\/localhost:\d+\/\?complete=[^\s]+/.exec(receipt.text)![0];
    const form = await (await fetch(link)).text();
    expect(form).toContain('value="marie@example.nl"');
    expect(form).toContain('Niemand belde mij terug.');
    const ref = /complete=([A-Z0-9-]+)/.exec(link)![1]!;
    const token = new URL(link).searchParams.get('token')!;
    const res = await fetch(office.url + '/api/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(office.url, { complete: ref, completeToken: token, topic: 'bejegening' })),
    });
    expect(res.status).toBe(200);
    const done = (await res.json()) as { statusUrl: string };
    const view = (await (await fetch(done.statusUrl.replace('/complaints/', '/api/complaints/'))).json()) as { status: string };
    expect(view.status).toBe('open');
    const wrong = await fetch(office.url + `/?complete=${ref}&token=bad`);
    expect(wrong.status).toBe(404);
  });

  it('also takes new complaints at the complaints address on the reply domain, where SES receives', async () => {
    const r = await office.receive(Buffer.from('From: Kees <kees@example.nl>\r\nTo: klachten@reply.localhost\r\nSubject: Klacht\r\nMessage-ID: <kees-1@example.nl>\r\n\r\nGeen reactie gekregen.\r\n'), { to: ['klachten@reply.localhost'] });
    expect(r).toMatchObject({ outcome: 'new-case' });
  });

  it('stops a runaway sender: the 21st message in a day is held', async () => {
    const address = lastTo(COMPLAINANT).replyTo!.email;
    for (let i = 0; i < 20; i++) await office.receive(Buffer.from(`From: ${COMPLAINANT}\r\nTo: ${address}\r\nSubject: ${i}\r\nMessage-ID: <flood-${i}@example.nl>\r\n\r\nbericht ${i}\r\n`), { to: [address] });
    expect((await held()).map((h) => h.reason)).toContain('rate-limited');
  });

  it('accepts a raw message at POST /_local/inbound', async () => {
    const address = lastTo(COMPLAINANT).replyTo!.email;
    const res = await fetch(office.url + '/_local/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: `From: nobody@example.org\r\nTo: ${address}\r\nSubject: hoi\r\n\r\nhoi\r\n` });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ outcome: 'held', reason: 'token-mismatch' });
  });
});

describe('mail delivered twice', () => {
  it('is recorded and passed on once', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      const res = await fetch(office.url + '/api/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await withFormToken(office.url, { email: COMPLAINANT, topic: 'advies', description: 'Eén.' })) });
      const { reference } = (await res.json()) as { reference: string };
      await office.idle(); // intake's effects (the receipt) run after its answer
      const address = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!.replyTo!.email;
      const raw = Buffer.from(`From: ${COMPLAINANT}\r\nTo: ${address}\r\nSubject: Re\r\nMessage-ID: <twice@example.nl>\r\n\r\nNog iets.\r\n`);
      const before = office.outbox.messages.length;
      await Promise.all([office.receive(raw, { to: [address] }), office.receive(raw, { to: [address] })]);
      await office.receive(raw, { to: [address] });
      const events = (await loadCase(office.ctx, reference))!.events.filter((e) => e.type === 'message-received');
      expect(events).toHaveLength(1);
      expect(office.outbox.messages.length - before).toBe(1); // one forward to the directie
    } finally {
      await office.close();
    }
  });
});

describe('attachments', () => {
  it('keeps allowed types within the limits, lists the rest as not kept, and counts them per case', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      const res = await fetch(office.url + '/api/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await withFormToken(office.url, { email: COMPLAINANT, topic: 'advies', description: 'Met bijlagen.' })) });
      const { reference } = (await res.json()) as { reference: string };
      await office.idle(); // intake's effects (the receipt) run after its answer
      const address = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!.replyTo!.email;
      const part = (name: string, type: string, body: string) =>
        `--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
      const raw = `From: ${COMPLAINANT}\r\nTo: ${address}\r\nSubject: bijlagen\r\nMessage-ID: <att@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nZie bijlagen.\r\n${part('brief.pdf', 'application/pdf', '%PDF-1.4 brief')}${part('virus.exe', 'application/x-msdownload', 'MZ')}--b--\r\n`;
      await office.receive(Buffer.from(raw), { to: [address] });
      const event = (await loadCase(office.ctx, reference))!.events.find((e) => e.type === 'message-received');
      if (event?.type !== 'message-received') throw new Error('no message on the case');
      expect(event.attachments.map((a) => [a.name, a.refused ?? 'kept'])).toEqual([['brief.pdf', 'kept'], ['virus.exe', 'type']]);
      expect((await office.ctx.blobs.get(event.attachments[0]!.key!))!.toString()).toBe('%PDF-1.4 brief');
    } finally {
      await office.close();
    }
  });
});

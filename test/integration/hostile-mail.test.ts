import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { loadCase } from '../../shared/app/pipeline.ts';

const COMPLAINANT = 'jan@example.nl';

/** Issue 12, item 5: whatever arrives is recorded or held, never a 500 or a 451 that makes the sender retry and bounce. */
describe('mail of hostile shapes', () => {
  let office: LocalOffice;
  let smtp: Transporter;
  let reference: string;
  let address: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, smtpPort: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: office.smtpPort!, secure: false, ignoreTLS: true });
    reference = ((await (await fetch(office.url + '/api/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await withFormToken(office.url, { email: COMPLAINANT, topic: 'advies', description: 'Verkeerd advies.' })) })).json()) as { reference: string }).reference;
    await office.idle();
    address = office.outbox.messages.find((m) => m.to[0]!.email === COMPLAINANT)!.replyTo!.email;
  });
  afterAll(async () => {
    smtp.close();
    await office.close();
  });

  let n = 0;
  /** A mail from the complainant to their reply address (it belongs on the case) or from a stranger (it is held). */
  const mail = (o: { from?: string; subject?: string; headers?: string; contentType?: string; body: string }) =>
    `From: ${o.from ?? COMPLAINANT}\r\nTo: ${address}\r\nSubject: ${o.subject ?? `vorm ${++n}`}\r\nMessage-ID: <hostile-${++n}@example.nl>\r\n${o.headers ?? ''}MIME-Version: 1.0\r\nContent-Type: ${o.contentType ?? 'text/plain; charset=utf-8'}\r\n\r\n${o.body}\r\n`;
  const shapes: Record<string, () => string> = {
    'a thousand MIME parts': () =>
      mail({ contentType: 'multipart/mixed; boundary="p"', body: Array.from({ length: 1000 }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\ndeel ${i}\r\n`).join('') + '--p--' }),
    'an HTML body of 50,000 nested <div>': () => mail({ contentType: 'text/html; charset=utf-8', body: '<div>'.repeat(50_000) + 'diep' + '</div>'.repeat(50_000) }),
    'a header block over 1 MB': () => mail({ headers: Array.from({ length: 1100 }, (_, i) => `X-Vulling-${i}: ${'x'.repeat(1000)}\r\n`).join(''), body: 'Veel kopregels.' }),
    'a reply with 400 KB of text': () => mail({ body: 'Lange uitleg. '.repeat(30_000) }),
    'a held mail with a 400 KB subject': () => mail({ from: 'vreemde@example.org', subject: 'Onderwerp '.repeat(40_000), body: 'Kort.' }),
  };

  /** Recorded on the case or held: somewhere a staff member will find it. */
  const kept = async (id: string) => {
    const onCase = (await loadCase(office.ctx, reference))!.events.some((e) => e.type === 'message-received' && e.messageId === id);
    const held = (await office.ctx.store.listHeld()).length;
    return { onCase, held };
  };

  for (const [name, make] of Object.entries(shapes)) {
    it(`records or holds ${name} (POST /_local/inbound)`, async () => {
      const raw = make();
      const id = /Message-ID: (<[^>]+>)/.exec(raw)![1]!;
      const heldBefore = (await office.ctx.store.listHeld()).length;
      const res = await fetch(office.url + '/_local/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
      expect(res.status).toBe(202);
      const out = (await res.json()) as { outcome: string };
      const after = await kept(id);
      expect(out.outcome === 'added' ? after.onCase : after.held === heldBefore + 1).toBe(true);
    });
  }

  it('keeps the whole text of a long reply, with a preview on the case', async () => {
    const found = (await loadCase(office.ctx, reference))!;
    const long = found.events.find((e) => e.type === 'message-received' && e.text.startsWith('Lange uitleg.'));
    expect(long).toBeDefined();
    if (long?.type !== 'message-received') return;
    expect(long.text.length).toBeLessThan(50_000);
    expect(long.textBlob).toBeDefined();
    expect((await office.ctx.blobs.get(long.textBlob!))!.toString()).toBe('Lange uitleg. '.repeat(30_000).trim());
  });

  it('cuts a held mail’s subject and keeps its raw copy whole', async () => {
    const held = (await office.ctx.store.listHeld()).find((h) => h.subject.startsWith('Onderwerp'))!;
    expect(held.subject.length).toBeLessThanOrEqual(1000);
    expect((await office.ctx.blobs.get(held.blob))!.length).toBeGreaterThan(400_000);
  });

  for (const name of ['a header block over 1 MB', 'a reply with 400 KB of text', 'a thousand MIME parts']) {
    it(`accepts ${name} over SMTP (250, not 451)`, async () => {
      const raw = shapes[name]!();
      const info = await smtp.sendMail({ envelope: { from: COMPLAINANT, to: [address] }, raw });
      expect(info.response).toMatch(/^250/);
    });
  }

  it('refuses a message over the size limit for good: 552 over SMTP, 413 over HTTP', async () => {
    const huge = mail({ body: 'x'.repeat(26 * 1024 * 1024) });
    await expect(smtp.sendMail({ envelope: { from: COMPLAINANT, to: [address] }, raw: huge })).rejects.toMatchObject({ responseCode: 552 });
    expect((await fetch(office.url + '/_local/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: huge })).status).toBe(413);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';

/** A new complaint by mail in an old 8-bit charset, posted as raw bytes to the local door. */
const message = (charset: string, subject: Buffer, body: Buffer) =>
  Buffer.concat([
    Buffer.from(`From: Anouk <anouk@example.nl>\r\nTo: klachten@hss.example.nl\r\nSubject: `),
    subject,
    Buffer.from(`\r\nMessage-ID: <${charset}@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
    body,
    Buffer.from('\r\n'),
  ]);

describe('POST /_local/inbound takes the raw bytes unchanged', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  const post = async (raw: Buffer) => {
    const res = await fetch(office.url + '/_local/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
    expect(res.status).toBe(202);
    const out = (await res.json()) as { outcome: string; caseRef: string };
    expect(out.outcome).toBe('new-case');
    return (await loadCase(office.ctx, out.caseRef))!.state.fields.description!;
  };

  it('windows-1252: € and ë in body and a raw 8-bit subject', async () => {
    const description = await post(message('windows-1252', Buffer.from('Klacht over Daniël', 'latin1'), Buffer.from([...Buffer.from('De rekening van '), 0x80, ...Buffer.from(' 25 voor Daniël klopt niet.', 'latin1')])));
    expect(description).toBe('Klacht over Daniël\n\nDe rekening van € 25 voor Daniël klopt niet.');
  });

  it('iso-8859-1: accents in body and subject', async () => {
    const description = await post(message('iso-8859-1', Buffer.from('Café-afspraak geweigerd', 'latin1'), Buffer.from('Mijn zoon werd geweigerd in het café; ik wil een gesprek.', 'latin1')));
    expect(description).toBe('Café-afspraak geweigerd\n\nMijn zoon werd geweigerd in het café; ik wil een gesprek.');
    expect(description).not.toContain('\ufffd');
  });
});

import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime, safeFilename } from '../../shared/mail/mime.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';

const date = new Date('2026-04-01T03:30:00Z');
const csv = 'periode,onderwerp,aantal\r\n2026-Q1,bejegening,3\r\n2026-Q1,"advies, informatie",1\r\n';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  messageId: '<report.gemeente.2026-q1@reply.example.nl>',
  from: { email: 'klachten@example.nl', name: 'Ben in de Buurt' },
  to: [{ email: 'klachtenregistratie@groningen.example.nl' }],
  subject: 'Anonieme klachtenregistratie: 1e kwartaal 2026',
  text: 'In de bijlage staat de registratie.\n',
  html: '<p>In de bijlage staat de registratie.</p>\n',
  headers: { 'auto-submitted': 'auto-generated' },
  ...over,
});

describe('buildMime with attachments', () => {
  it('makes a multipart/mixed of the text parts and each file, which a mail reader takes apart again', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80]);
    const raw = buildMime(
      message({
        attachments: [
          { filename: 'klachten-2026-Q1.csv', contentType: 'text/csv; charset=utf-8', content: csv },
          { filename: 'verslag.pdf', contentType: 'application/pdf', content: pdf.toString('base64'), encoding: 'base64' },
        ],
      }),
      { date },
    );
    const m = await simpleParser(raw);
    expect(m.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });
    expect(m.text).toBe('In de bijlage staat de registratie.\n');
    expect(m.html).toContain('<p>In de bijlage staat de registratie.</p>');
    expect(m.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([
      ['klachten-2026-Q1.csv', 'text/csv', 'attachment'],
      ['verslag.pdf', 'application/pdf', 'attachment'],
    ]);
    expect(m.attachments[0]!.content.toString('utf8')).toBe(csv);
    expect(m.attachments[1]!.content.equals(pdf)).toBe(true);
    // 7-bit, CRLF only, lines within limits.
    expect(/^[\x00-\x7f]*$/.test(raw)).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('writes exactly what it wrote before when there is no attachment', () => {
    expect(buildMime(message({ attachments: [] }), { date })).toBe(buildMime(message(), { date }));
    expect(buildMime(message(), { date })).toContain('Content-Type: multipart/alternative;');
  });

  it('keeps file names to plain characters and refuses a content type that could add a header', () => {
    expect(safeFilename('rapport "Q1"\r\nBcc: x.csv')).toBe('rapport__Q1___Bcc__x.csv');
    expect(safeFilename('..')).toBe('bijlage');
    const raw = buildMime(message({ attachments: [{ filename: 'a b/c.csv', contentType: 'text/csv', content: 'x' }] }), { date });
    expect(raw).toContain('filename="a_b_c.csv"');
    expect(() => buildMime(message({ attachments: [{ filename: 'a.csv', contentType: 'text/csv\r\nBcc: evil@example.com', content: 'x' }] }), { date })).toThrow(/content type/);
  });

  it('a given boundary is checked against the files as well', () => {
    const raw = buildMime(message({ attachments: [{ filename: 'a.csv', contentType: 'text/csv', content: csv }] }), { date, boundary: 'grens' });
    expect(raw).toContain('boundary="grens_mix"');
    expect(raw).toContain('boundary="grens"');
  });
});

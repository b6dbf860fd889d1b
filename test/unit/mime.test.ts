import { describe, it, expect } from 'vitest';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { buildMime, cleanAddress, quotedPrintable } from '../../shared/mail/mime.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';

const date = new Date('2026-04-07T10:00:00Z');

const base = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  messageId: '<kl-2026-abcde.mail.3@reply.example.nl>',
  from: { email: 'klachten@example.nl', name: 'Stichting Welzijn' },
  to: [{ email: 'zoe@example.com', name: 'Zoë Müller' }],
  cc: [{ email: 'mentor@example.org', name: 'De Mentor' }],
  replyTo: { email: 'reply+kl-2026-abcde.tok@reply.example.nl', name: 'Klachtenloket' },
  subject: 'Uw klacht KL-2026-ABCDE',
  text: 'Beste Zoë,\n\nWe hebben uw klacht ontvangen.\n',
  html: '<p>Beste Zoë,</p>\n<p>We hebben uw klacht ontvangen.</p>\n',
  headers: {
    'auto-submitted': 'auto-generated',
    'x-auto-response-suppress': 'All',
    'in-reply-to': '<kl-2026-abcde@reply.example.nl>',
    references: '<kl-2026-abcde@reply.example.nl>',
    'content-language': 'nl',
  },
  ...over,
});

const parse = (raw: string) => simpleParser(raw);
const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => ({ address: v.address, name: v.name })));

/** The header section, unfolded, as [name, value] pairs in order. */
function rawHeaders(raw: string): [string, string][] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
}

describe('buildMime', () => {
  it('round-trips addresses, names, subject and the extra headers', async () => {
    const raw = buildMime(base(), { date });
    const m: ParsedMail = await parse(raw);
    expect(m.subject).toBe('Uw klacht KL-2026-ABCDE');
    expect(addresses(m.from)).toEqual([{ address: 'klachten@example.nl', name: 'Stichting Welzijn' }]);
    expect(addresses(m.to)).toEqual([{ address: 'zoe@example.com', name: 'Zoë Müller' }]);
    expect(addresses(m.cc)).toEqual([{ address: 'mentor@example.org', name: 'De Mentor' }]);
    expect(addresses(m.replyTo)).toEqual([{ address: 'reply+kl-2026-abcde.tok@reply.example.nl', name: 'Klachtenloket' }]);
    expect(m.messageId).toBe('<kl-2026-abcde.mail.3@reply.example.nl>');
    expect(m.inReplyTo).toBe('<kl-2026-abcde@reply.example.nl>');
    expect(m.references).toBe('<kl-2026-abcde@reply.example.nl>');
    expect(m.headers.get('auto-submitted')).toBe('auto-generated');
    expect(m.headers.get('x-auto-response-suppress')).toBe('All');
    expect(m.headers.get('content-language')).toBe('nl');
    expect(m.date?.toISOString()).toBe(date.toISOString());
    expect(m.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('writes title-cased header names and RFC 2047 encoded-words for non-ASCII names', () => {
    const raw = buildMime(base(), { date });
    const names = rawHeaders(raw).map(([n]) => n);
    expect(names).toEqual([
      'From',
      'To',
      'Cc',
      'Reply-To',
      'Subject',
      'Date',
      'Message-ID',
      'MIME-Version',
      'Auto-Submitted',
      'X-Auto-Response-Suppress',
      'In-Reply-To',
      'References',
      'Content-Language',
      'Content-Type',
    ]);
    const to = rawHeaders(raw).find(([n]) => n === 'To')![1];
    expect(to).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <zoe@example\.com>$/);
    expect(raw).toContain('Date: Tue, 07 Apr 2026 10:00:00 +0000\r\n');
    expect(raw).toContain('MIME-Version: 1.0\r\n');
  });

  it('encodes a subject with é and emoji and folds a long one', async () => {
    const subject = 'Uw klacht over het café 🎉 is ontvangen — ' + 'we nemen binnen zes weken een besluit '.repeat(4) + '👍🏽 klaar';
    const raw = buildMime(base({ subject }), { date });
    expect(raw).toMatch(/Subject: =\?UTF-8\?B\?/);
    const subjectLines = raw.slice(raw.indexOf('Subject:')).split('\r\n');
    expect(subjectLines[1]).toMatch(/^ =\?UTF-8\?B\?/); // folded
    expect((await parse(raw)).subject).toBe(subject);
  });

  it('quotes display names with specials and keeps them exact', async () => {
    const from = { email: 'klachten@example.nl', name: 'Stichting "Zorg & Welzijn", Noord (NL)' };
    const to = [
      { email: 'a@example.com', name: 'Müller, Zoë' },
      { email: 'b@example.com', name: 'O\'Brien\\Smith' },
      { email: 'c@example.com' },
    ];
    const m = await parse(buildMime(base({ from, to }), { date }));
    expect(addresses(m.from)).toEqual([{ address: from.email, name: from.name }]);
    expect(addresses(m.to)).toEqual([
      { address: 'a@example.com', name: 'Müller, Zoë' },
      { address: 'b@example.com', name: "O'Brien\\Smith" },
      { address: 'c@example.com', name: '' },
    ]);
  });

  it('round-trips text and html exactly: long lines, trailing spaces, =, non-ASCII', async () => {
    const text = [
      'Beste Zoë Müller,',
      '',
      'Een regel met spaties aan het eind   ',
      'Een regel met een tab aan het eind\t',
      'Rekensom: 1 + 1 = 2, en =3D is geen escape; == ook niet =',
      'x'.repeat(300),
      'é'.repeat(120),
      ('lange zin met woorden en ë ' + '🎉').repeat(20),
      '=' + '='.repeat(100),
      ' begint met een spatie',
      '.',
      '--' + '=_niet_de_grens',
      'From the start of a line',
      '',
      '',
    ].join('\n');
    const html = `<!doctype html><html lang="nl"><body><p style="margin:0;color:#333">${'Zoë & café = goed '.repeat(30)}</p>\n<p>${'y'.repeat(500)}</p></body></html>\n`;
    const m = await parse(buildMime(base({ text, html }), { date }));
    expect(m.text).toBe(text);
    expect(m.html).toBe(html);
  });

  it('uses CRLF everywhere, only 7-bit ASCII, and no line over 998 (or quoted-printable line over 76)', () => {
    const raw = buildMime(
      base({
        subject: 'é'.repeat(400),
        text: 'a'.repeat(5000) + '\n' + 'ü '.repeat(2000) + '\r\nend\rmore',
        html: '<p>' + 'b'.repeat(5000) + '</p>',
        to: Array.from({ length: 40 }, (_, i) => ({ email: `person${i}@example.com`, name: `Persoon nummer ${i} van de lijst` })),
      }),
      { date },
    );
    expect(raw).not.toMatch(/\r(?!\n)/);
    expect(raw).not.toMatch(/(?<!\r)\n/);
    expect(/^[\x00-\x7f]*$/.test(raw)).toBe(true);
    const lines = raw.split('\r\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(998);
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).split('\r\n');
    for (const l of body) expect(l.length).toBeLessThanOrEqual(76);
    for (const l of raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n')) expect(l.length).toBeLessThanOrEqual(78);
  });

  it('is deterministic, with the boundary derived from the Message-ID', () => {
    const a = buildMime(base(), { date });
    expect(buildMime(base(), { date })).toBe(a);
    const other = buildMime(base({ messageId: '<other@reply.example.nl>' }), { date });
    const boundary = (raw: string) => /boundary="([^"]+)"/.exec(raw)![1];
    expect(boundary(a)).not.toBe(boundary(other));
    expect(boundary(a)).toMatch(/^=_[0-9a-f]+$/);
    expect(buildMime(base(), { date, boundary: 'fixed-boundary' })).toContain('boundary="fixed-boundary"');
  });

  it('refuses a given boundary that occurs in the body', () => {
    expect(() => buildMime(base({ text: 'a\n--fixed-boundary\nb' }), { date, boundary: 'fixed-boundary' })).toThrow(/boundary/);
  });

  describe('header injection', () => {
    const headerNames = (raw: string) => rawHeaders(raw).map(([n]) => n.toLowerCase());

    it('a subject with CRLF Bcc adds no header', async () => {
      const raw = buildMime(base({ subject: 'Hallo\r\nBcc: evil@x.com\r\n\r\nbody' }), { date });
      expect(headerNames(raw)).not.toContain('bcc');
      const m = await parse(raw);
      expect(m.bcc).toBeUndefined();
      expect(m.headers.has('bcc')).toBe(false);
      expect(m.subject).toBe('Hallo Bcc: evil@x.com body');
    });

    it('a display name with CRLF Bcc adds no header', async () => {
      for (const name of ['Zoë\r\nBcc: evil@x.com', 'Zoe\nBcc: evil@x.com', 'Zoe\rBcc: evil@x.com\0']) {
        const raw = buildMime(base({ to: [{ email: 'zoe@example.com', name }] }), { date });
        expect(headerNames(raw)).not.toContain('bcc');
        const m = await parse(raw);
        expect(m.headers.has('bcc')).toBe(false);
        expect(addresses(m.to)).toHaveLength(1);
        expect(addresses(m.to)[0]!.address).toBe('zoe@example.com');
      }
    });

    it('an extra header value with CRLF adds no header; a msg-id list with one is refused', async () => {
      const raw = buildMime(base({ headers: { 'auto-submitted': 'auto-generated\r\nBcc: evil@x.com' } }), { date });
      expect(headerNames(raw)).not.toContain('bcc');
      expect((await parse(raw)).headers.get('auto-submitted')).toBe('auto-generated Bcc: evil@x.com');
      expect(() => buildMime(base({ headers: { references: '<a@b.nl>\r\nBcc: <evil@x.com>' } }), { date })).toThrow(/Message-ID/);
      // Several ids, folded or not, are fine.
      const refs = buildMime(base({ headers: { references: '<a@b.nl>\r\n <c@d.nl>  <e@f.nl>' } }), { date });
      expect((await parse(refs)).references).toEqual(['<a@b.nl>', '<c@d.nl>', '<e@f.nl>']);
    });

    it('refuses addresses that are not plain local@domain', () => {
      for (const email of [
        'evil@x.com\r\nBcc: other@y.com',
        'a@b.com, c@d.com',
        'Name <a@b.com>',
        'a b@c.com',
        'noat.example.com',
        'a@localhost',
        'a@b.com>',
        'zoë@example.com',
        '"quoted"@example.com',
        '',
      ]) {
        expect(() => buildMime(base({ to: [{ email }] }), { date }), email).toThrow(/refusing/);
      }
      expect(() => buildMime(base({ from: { email: 'x@y.nl\nBcc: z@q.nl' } }), { date })).toThrow(/refusing/);
      expect(() => buildMime(base({ replyTo: { email: 'x@y.nl,z@q.nl' } }), { date })).toThrow(/refusing/);
    });

    it('strips CR/LF/NUL from an address before checking it', () => {
      expect(cleanAddress(' zoe@example.com\r\n')).toBe('zoe@example.com');
      expect(cleanAddress('zoe@exam\0ple.com')).toBe('zoe@example.com');
    });

    it('refuses extra headers that would replace its own', () => {
      expect(() => buildMime(base({ headers: { bcc: 'evil@x.com' } }), { date })).toThrow();
      expect(() => buildMime(base({ headers: { from: 'evil@x.com' } }), { date })).toThrow();
      expect(() => buildMime(base({ headers: { 'x-evil\r\nbcc': 'evil@x.com' } }), { date })).toThrow();
    });

    it('refuses a malformed Message-ID', () => {
      expect(() => buildMime(base({ messageId: 'no-brackets@x.nl' }), { date })).toThrow(/Message-ID/);
      expect(() => buildMime(base({ messageId: '<a@b.nl>\r\nBcc: <evil@x.com>' }), { date })).toThrow(/Message-ID/);
    });
  });
});

describe('quotedPrintable', () => {
  it('encodes =, non-ASCII and trailing whitespace, with CRLF and soft breaks at 76', () => {
    expect(quotedPrintable('a=b')).toBe('a=3Db');
    expect(quotedPrintable('é')).toBe('=C3=A9');
    expect(quotedPrintable('end \nnext\t')).toBe('end=20\r\nnext=09');
    expect(quotedPrintable('mid space')).toBe('mid space');
    const long = quotedPrintable('a'.repeat(80));
    expect(long).toBe('a'.repeat(75) + '=\r\n' + 'a'.repeat(5));
    expect(quotedPrintable('a'.repeat(76))).toBe('a'.repeat(76));
    // An escape is never split over a soft break.
    for (const l of quotedPrintable('a'.repeat(74) + 'ééé').split('\r\n')) {
      expect(l.length).toBeLessThanOrEqual(76);
      expect(l).not.toMatch(/=[0-9A-F]?=$|=[0-9A-F]$/);
    }
  });
});

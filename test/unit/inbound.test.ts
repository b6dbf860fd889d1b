import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInbound, type Envelope, type InboundMail, type Noise } from '../../shared/mail/inbound.ts';
import { extractReply } from '../../shared/mail/reply-text.ts';

const stripReply = (text: string) => extractReply(text).text;

/**
 * The fixture corpus (test/fixtures/mail, see its README): raw messages as Gmail, Outlook, Apple Mail,
 * Thunderbird, webmail and mail servers write them, each with the `stripped` text we expect beside it.
 */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'mail');
const OURS = { domains: ['reply.hss.example.nl'] };
const REPLY = 'klachten+hss-2025-7k3qd.mfrgg2lonzxw4zlsmvzgk@reply.hss.example.nl';
const INTAKE = 'klachten@hss.example.nl';

const raw = (name: string) => readFileSync(join(DIR, `${name}.eml`));
const expected = (name: string) => readFileSync(join(DIR, `${name}.expected.txt`), 'utf8').trim();
const parse = (name: string, envelope: Envelope = { to: [] }) => parseInbound(raw(name), envelope, OURS);
/** The fixture with a header added on top (or with headers taken out): one signal at a time. */
const withHeaders = (name: string, add: string[], drop: RegExp[] = []) => {
  const text = raw(name).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const headers = text.slice(0, end).split(/\r\n(?![ \t])/).filter((h) => !drop.some((d) => d.test(h)));
  return Buffer.from([...add, ...headers].join('\r\n') + text.slice(end), 'latin1');
};

interface Case {
  /** MAIL FROM as the receiving server saw it ('' for the null return path). */
  envelopeFrom: string;
  noise?: Noise;
  /** A line of the quoted history or forwarded message: still in `text`, gone from `stripped`. */
  history?: string;
}

const CASES: Record<string, Case> = {
  'gmail-nl': { envelopeFrom: 'els.devries@example.com', history: '> Wij hebben uw klacht op 8 december 2025 ontvangen onder nummer' },
  'gmail-en': { envelopeFrom: 'tom.baker@example.com', history: '> We received your complaint on 8 December 2025 under reference' },
  'outlook-nl': { envelopeFrom: 'jan.jansen@example.net', history: 'Verzonden: vrijdag 12 december 2025 10:15' },
  'outlook-en': { envelopeFrom: 'sarah.miller@example.org', history: 'Sent: Friday, December 12, 2025 10:15 AM' },
  'outlook-oorspronkelijk-nl': { envelopeFrom: 'm.dekker@example.nl', history: '-----Oorspronkelijk bericht-----' },
  'apple-nl': { envelopeFrom: 'f.amrani@example.com', history: 'het volgende geschreven:' },
  'apple-iphone-nl': { envelopeFrom: 'f.amrani@example.com', history: '> De klachtenfunctionaris stelt voor' },
  'base64-outlook-ios-nl': { envelopeFrom: 'm.elidrissi@example.com', history: 'Van: Klachtenloket HSS' },
  'html-only-nl': { envelopeFrom: 'h.yilmaz@example.net', history: '> Geachte mevrouw Yılmaz,' },
  'forward-thunderbird-nl': { envelopeFrom: 'kees.vdberg@example.com', history: 'De afspraak van woensdag 10 december gaat niet door' },
  'forward-gmail-en': { envelopeFrom: 'tom.baker@example.com' },
  'qp-accents-nl': { envelopeFrom: 'anouk.hoelle@example.net' },
  'pdf-attachment-nl': { envelopeFrom: 'l.vanleeuwen@example.org' },
  'auto-reply-nl': { envelopeFrom: '', noise: 'auto-reply' },
  'auto-reply-outlook-en': { envelopeFrom: 'j.devos@example.org', noise: 'auto-reply' },
  'read-receipt-nl': { envelopeFrom: 'kees.vdberg@example.com', noise: 'auto-reply' },
  'bounce-dsn': { envelopeFrom: '', noise: 'bounce' },
  'bulk-precedence': { envelopeFrom: 'noreply@rooster.example', noise: 'bulk' },
  'list-mail': { envelopeFrom: 'klachtrecht-bounces+klachten=hss.example.nl@lists.example.org', noise: 'bulk' },
  'loop': { envelopeFrom: 'els.devries@example.com', noise: 'loop' },
  'self': { envelopeFrom: 'klachten@hss.example.nl', noise: 'self' },
};

describe('fixture corpus', () => {
  it('has an expected text for every message, and every message is described here', () => {
    const files = readdirSync(DIR);
    const names = files.filter((f) => f.endsWith('.eml')).map((f) => f.slice(0, -4));
    expect(names.sort()).toEqual(Object.keys(CASES).sort());
    for (const n of names) expect(files).toContain(`${n}.expected.txt`);
    // Written as mail travels: CRLF line ends only.
    for (const n of names) expect(raw(n).toString('latin1')).not.toMatch(/[^\r]\n/);
  });

  describe.each(Object.entries(CASES))('%s', (name, c) => {
    const envelope = { from: c.envelopeFrom, to: [REPLY] };

    it('strips to the expected text', async () => {
      expect((await parse(name, envelope)).stripped).toBe(expected(name));
    });

    it(c.noise ? `is noise: ${c.noise}` : 'is a person writing (no noise)', async () => {
      expect((await parse(name, envelope)).noise).toBe(c.noise);
      // The same from the headers alone (no envelope MAIL FROM known, e.g. a message replayed from storage).
      expect((await parse(name, { to: [] })).noise).toBe(c.noise);
    });

    if (c.history) {
      it('keeps the quoted history in text, not in stripped', async () => {
        const mail = await parse(name, envelope);
        expect(mail.text).toContain(c.history);
        expect(mail.stripped).not.toContain(c.history);
        expect(mail.text).toContain(mail.stripped.split('\n')[0]);
      });
    }
  });
});

describe('headers', () => {
  it('Gmail: Message-ID, In-Reply-To and folded References as an array', async () => {
    const mail = await parse('gmail-nl');
    expect(mail.messageId).toBe('<CAHx8Q2vN3kq7Rz=pXyU1m0tZbK4Lw+6dJfS9aGh2eYc5oQ_wA@mail.gmail.com>');
    expect(mail.inReplyTo).toBe('<0102019b1a2c3d4e-8f7a6b5c-4d3e-2f1a-0b9c-8d7e6f5a4b3c-000000@eu-west-1.amazonses.com>');
    expect(mail.references).toEqual([
      '<hss-2025-7k3qd@reply.hss.example.nl>',
      '<hss-2025-7k3qd.ack-1@reply.hss.example.nl>',
      '<0102019b1a2c3d4e-8f7a6b5c-4d3e-2f1a-0b9c-8d7e6f5a4b3c-000000@eu-west-1.amazonses.com>',
    ]);
    expect(mail.from).toEqual({ email: 'els.devries@example.com', name: 'Els de Vries' });
    expect(mail.subject).toBe('Re: Uw klacht HSS-2025-7K3QD is ontvangen');
  });

  it('Outlook: ids on their own folded lines', async () => {
    const mail = await parse('outlook-nl');
    expect(mail.messageId).toBe('<AM9PR07MB71236E0A1B2C3D4E5F6A7B8C9D0E1F2A3@AM9PR07MB7123.eurprd07.prod.outlook.com>');
    expect(mail.inReplyTo).toBe('<0102019b1c3a5e70-9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a-000000@eu-west-1.amazonses.com>');
    expect(mail.references).toHaveLength(3);
    expect(mail.references[0]).toBe('<hss-2025-4tq8n@reply.hss.example.nl>');
  });

  it('a single reference is still an array; none is an empty one', async () => {
    expect((await parse('apple-iphone-nl')).references).toEqual([
      '<0102019b2e5f7a91-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f-000000@eu-west-1.amazonses.com>',
    ]);
    const fresh = await parse('qp-accents-nl');
    expect(fresh.references).toEqual([]);
    expect(fresh.inReplyTo).toBeUndefined();
  });

  it('recipients: the envelope when known, else To and Cc', async () => {
    expect((await parse('apple-nl', { to: [REPLY] })).recipients).toEqual([REPLY]);
    expect((await parse('apple-nl')).recipients).toEqual([
      'klachten+hss-2025-2pf6k.mfzgc3tloruwcidbnvzgk@reply.hss.example.nl',
      'y.amrani@example.net',
    ]);
    expect((await parse('pdf-attachment-nl')).recipients).toEqual([INTAKE, 'p.degraaf@example.com']);
  });
});

describe('encodings', () => {
  it('quoted-printable UTF-8: accents, soft line breaks joined, encoded words in From and Subject', async () => {
    const mail = await parse('qp-accents-nl');
    expect(mail.from).toEqual({ email: 'anouk.hoelle@example.net', name: 'Anouk Hoëlle' });
    expect(mail.subject).toBe('Klacht over begeleiding van mijn zoon Daniël');
    expect(mail.text).toContain('een café-afspraak in het gebouw is prima.');
    expect(mail.text).toContain('Hierbij dien ik een klacht in over de begeleiding van mijn zoon Daniël (12 jaar) door het team Jeugd in Zeist.\n');
  });

  it('quoted-printable ISO-8859-1 (Outlook desktop), non-breaking spaces on the empty lines', async () => {
    const mail = await parse('outlook-nl');
    expect(mail.text).toContain('Eén vraag vooraf');
    expect(mail.text).toContain('Geachte heer/mevrouw,\n\u00a0\n');
  });

  it('base64 (Outlook for iOS)', async () => {
    const mail = await parse('base64-outlook-ios-nl');
    expect(mail.text).toContain('Helaas kan ik donderdag niet.');
    expect(mail.text).toContain('________________________________\nVan: Klachtenloket HSS');
  });

  it('8bit format=flowed (Thunderbird): soft breaks joined', async () => {
    const mail = await parse('forward-thunderbird-nl');
    expect(mail.text).toContain('van mijn woonbegeleider kreeg. Hierover gaat mijn klacht');
  });

  it('HTML only: rendered as text with the blockquote as `>` lines', async () => {
    const mail = await parse('html-only-nl');
    expect(mail.text).toContain('Op 2025-12-12 10:15, schreef Klachtenloket HSS:\n\n> Geachte mevrouw Yılmaz,');
    expect(mail.text).not.toMatch(/<(p|div|blockquote)\b/);
  });
});

describe('attachments', () => {
  it('Outlook: two PDFs (one with an RFC 2047 encoded name) and the inline signature logo', async () => {
    const mail = await parse('pdf-attachment-nl');
    const summary = mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size }));
    expect(summary).toEqual([
      { filename: 'image001.png', contentType: 'image/png', size: 70 },
      { filename: 'Verslag gesprek cliënt.pdf', contentType: 'application/pdf', size: 148 },
      { filename: 'Machtiging.pdf', contentType: 'application/pdf', size: 148 },
    ]);
    const pdf = mail.attachments[1]!;
    expect(pdf.content.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.content.length).toBe(pdf.size);
  });

  it('replies without attachments have none (Outlook\'s X-MS-Has-Attach is not one)', async () => {
    for (const name of ['gmail-nl', 'gmail-en', 'outlook-nl', 'outlook-en', 'apple-nl', 'apple-iphone-nl', 'base64-outlook-ios-nl', 'html-only-nl']) {
      expect((await parse(name)).attachments, name).toEqual([]);
    }
  });
});

describe('classification, one signal at a time', () => {
  const noise = async (buf: Buffer, envelope: Envelope = { to: [] }) => (await parseInbound(buf, envelope, OURS)).noise;

  it('a null return path is a bounce, from the envelope or from the Return-Path header', async () => {
    const plain = withHeaders('gmail-nl', [], [/^Return-Path:/i]);
    expect(await noise(plain)).toBeUndefined();
    expect(await noise(plain, { from: '', to: [] })).toBe('bounce');
    expect(await noise(plain, { from: '<>', to: [] })).toBe('bounce');
    expect(await noise(withHeaders('gmail-nl', ['Return-Path: <>'], [/^Return-Path:/i]))).toBe('bounce');
  });

  it('an auto-reply sent from the null return path (Sieve vacation, RFC 3834) is an auto-reply, not a bounce', async () => {
    expect(await noise(raw('auto-reply-nl'), { from: '', to: [] })).toBe('auto-reply');
  });

  it('a read receipt (multipart/report, disposition-notification) is not a bounce', async () => {
    expect(await noise(raw('read-receipt-nl'), { from: '', to: [] })).toBe('auto-reply');
  });

  it('auto-reply headers: Auto-Submitted (not "no"), X-Autoreply, X-Autorespond, Precedence: auto_reply', async () => {
    expect(await noise(withHeaders('gmail-nl', ['Auto-Submitted: auto-generated']))).toBe('auto-reply');
    expect(await noise(withHeaders('gmail-nl', ['Auto-Submitted: no']))).toBeUndefined();
    expect(await noise(withHeaders('gmail-nl', ['X-Autoreply: yes']))).toBe('auto-reply');
    expect(await noise(withHeaders('gmail-nl', ['X-Autorespond: Ik ben afwezig']))).toBe('auto-reply');
    expect(await noise(withHeaders('gmail-nl', ['Precedence: auto_reply']))).toBe('auto-reply');
  });

  it('Exchange hints alone are no sign: X-Auto-Response-Suppress is also on people\'s mail', async () => {
    const outlook = withHeaders('outlook-nl', ['X-Auto-Response-Suppress: All', 'X-MS-Exchange-Inbox-Rules-Loop: jan.jansen@example.net']);
    expect(await noise(outlook)).toBeUndefined();
    // The Outlook auto-reply is recognised by its subject.
    expect(await noise(withHeaders('auto-reply-outlook-en', [], [/^x-auto-response-suppress:/i, /^x-ms-exchange/i]))).toBe('auto-reply');
  });

  it('auto-reply subjects need the responder\'s colon; a person\'s subject may start with the same words', async () => {
    const subject = (s: string) => withHeaders('qp-accents-nl', [`Subject: ${s}`], [/^Subject:/i]);
    expect(await noise(subject('Automatisch antwoord: Uw klacht'))).toBe('auto-reply');
    expect(await noise(subject('Afwezig: tot 5 januari'))).toBe('auto-reply');
    expect(await noise(subject('Out of Office: Re: complaint'))).toBe('auto-reply');
    expect(await noise(subject('Niet aanwezig bij het gesprek, wel gefactureerd'))).toBeUndefined();
    expect(await noise(subject('Afwezig bij de zitting door ziekte'))).toBeUndefined();
    expect(await noise(subject('Re: Automatisch antwoord: Uw klacht'))).toBeUndefined();
  });

  it('a list is recognised by any List-* header, List-Id alone too', async () => {
    expect(await noise(withHeaders('list-mail', [], [/^List-(?!Id)/i]))).toBe('bulk');
    expect(await noise(withHeaders('gmail-nl', ['List-Unsubscribe: <mailto:leave@lists.example.org>']))).toBe('bulk');
    expect(await noise(withHeaders('gmail-nl', ['Precedence: junk']))).toBe('bulk');
  });

  it('X-Loop counts only when it names our domain', async () => {
    expect(await noise(withHeaders('gmail-nl', ['X-Loop: klachten@reply.hss.example.nl']))).toBe('loop');
    expect(await noise(withHeaders('gmail-nl', ['X-Loop: els.devries@example.com']))).toBeUndefined();
  });

  it('self: our Message-ID or a sender at our reply domain; staff at the organisation\'s domain are people', async () => {
    expect(await noise(withHeaders('gmail-nl', ['Message-ID: <hss-2025-7k3qd.mail-9@reply.hss.example.nl>'], [/^Message-ID:/i]))).toBe('self');
    expect(await noise(withHeaders('gmail-nl', ['From: <noreply@reply.hss.example.nl>'], [/^From:/i]))).toBe('self');
    expect(await noise(withHeaders('gmail-nl', ['From: Ruud Smit <r.smit@hss.example.nl>'], [/^From:/i]))).toBeUndefined();
  });
});

describe('stripReply', () => {
  it('keeps a Dutch sentence starting "Op 3 november" and a later line ending in ":" (the old library hid both)', () => {
    const text = 'Geachte heer/mevrouw,\n\nOp 3 november heb ik een brief geschreven aan uw afdeling.\nDaarin stond het volgende:\n\nDe zorg was slecht.\nIk wil een gesprek.';
    expect(stripReply(text)).toBe(text);
  });

  it('keeps lists written as "-woord", horizontal rules, and "> 3" in running text', () => {
    for (const text of [
      'Mijn klacht:\n-De wachttijd was te lang\n-Niemand belde terug\nIk wil excuses.',
      'Eerste deel.\n----------\nTweede deel is ook belangrijk.',
      '__________\nOnderstreept, maar geen Outlook-kop.',
      'Ik wacht al\n> 3 maanden op antwoord.\nDat is te lang.',
    ]) {
      expect(stripReply(text)).toBe(text);
    }
  });

  it('Gmail attribution wrapped over two lines, and inline answers between quotes', () => {
    expect(stripReply('Dank u.\n\nOp vr 12 dec 2025 om 10:15 schreef Klachtenloket <\nklachten@example.nl>:\n\n> Wij hebben uw klacht.\n>\n')).toBe('Dank u.');
    expect(stripReply('Op vr 12 dec 2025 om 10:15 schreef HSS <k@example.nl>:\n> Vraag 1?\nAntwoord 1.\n\n> Vraag 2?\nAntwoord 2.\n')).toBe(
      'Antwoord 1.\n\nAntwoord 2.',
    );
  });

  it('text just above an attribution is not part of it', () => {
    const quote = '\n\n> Wij hebben uw klacht.\n';
    expect(stripReply('Op dinsdag kan ik ook.\nOp vr 12 dec 2025 om 10:15 schreef HSS <\nk@example.nl>:' + quote)).toBe('Op dinsdag kan ik ook.');
    expect(stripReply('Op dinsdag kan ik ook\nOp vr 12 dec 2025 om 10:15 schreef HSS <k@example.nl>:' + quote)).toBe('Op dinsdag kan ik ook');
    expect(stripReply('On Monday I can come too\nOn Fri, Dec 12, 2025 at 10:15 AM HSS <\nk@example.nl> wrote:' + quote)).toBe('On Monday I can come too');
  });

  it('an attribution-like line without quotes below it is text', () => {
    const text = 'Op 3 november schreef ik u het volgende:\nIk wil een gesprek.';
    expect(stripReply(text)).toBe(text);
  });

  it('Outlook header block needs three fields in a row; a single "Van:" line is text', () => {
    const text = 'Ik kreeg een brief.\nVan: de gemeente\nDaarin stond niets over mijn klacht.';
    expect(stripReply(text)).toBe(text);
    expect(stripReply('Akkoord.\n\nFrom: HSS <k@example.nl>\nSent: Friday\nTo: me\nSubject: x\n\nOld')).toBe('Akkoord.');
  });

  it('sign-offs are the writer\'s words and stay, with name, function and phone', () => {
    for (const text of ['Tekst.\n\nMvg Kees van der Berg', 'Text.\n\nBest regards,\n\nJane Doe\nSenior adviser | Example Ltd\n+44 20 7946 0000', 'Met vriendelijke groet,\nJan Jansen'])
      expect(stripReply(text)).toBe(text);
  });

  it('mobile footers and a "-- " signature go; a sentence or a bare "--" separator stays', () => {
    expect(stripReply('Prima.\n\nVerzonden vanaf mijn Galaxy')).toBe('Prima.');
    expect(stripReply('Fine.\n\nSent from my iPhone')).toBe('Fine.');
    expect(stripReply('Prima.\n\nOutlook voor iOS<https://aka.ms/o0ukef> downloaden')).toBe('Prima.');
    expect(stripReply('Fine.\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>')).toBe('Fine.');
    expect(stripReply('Prima.\n-- \nJan Jansen\nwww.example.nl')).toBe('Prima.');
    const sentence = 'Ik stuurde de brief op 1 december.\nVerzonden met PostNL, maar nooit aangekomen.';
    expect(stripReply(sentence)).toBe(sentence);
    const separator = 'Mijn klacht.\n--\nAanvulling: ook de factuur klopt niet.';
    expect(stripReply(separator)).toBe(separator);
  });

  it('a `>` line of the writer\'s own above the sign-off stays', () => {
    expect(stripReply('Ik wacht al\n> 3 maanden.\n\nGroeten,\nJan')).toBe('Ik wacht al\n> 3 maanden.\n\nGroeten,\nJan');
  });

  it('a forward keeps the note; without a note, the forwarded message', () => {
    expect(stripReply('Zie hieronder.\n\n-------- Doorgestuurd bericht --------\nOnderwerp: x\n\nInhoud')).toBe('Zie hieronder.');
    expect(stripReply('Begin forwarded message:\n\n> From: A <a@example.com>\n> Hello')).toBe('Begin forwarded message:\n\n> From: A <a@example.com>\n> Hello');
  });

  it('an Outlook forward without a note (it looks like a reply) is kept whole: nothing else is left', async () => {
    const body = '\r\n________________________________\r\nVan: Gemeente <info@gemeente.example.nl>\r\nVerzonden: maandag 8 december 2025 09:12\r\nAan: Jan Jansen <jan.jansen@example.net>\r\nOnderwerp: Besluit\r\n\r\nUw aanvraag is afgewezen.\r\n';
    const msg = (subject: string) =>
      `From: Jan Jansen <jan.jansen@example.net>\r\nTo: ${INTAKE}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`;
    const fw = await parseInbound(msg('FW: Besluit'), { to: [INTAKE] }, OURS);
    expect(fw.stripped).toContain('Uw aanvraag is afgewezen.');
    expect(fw.stripped.startsWith('________________________________\nVan: Gemeente')).toBe(true);
    expect(fw.cut).toBe(false);
  });
});

// Keeps the type import honest: the public shape is what the office relies on.
const _shape: (keyof InboundMail)[] = ['messageId', 'inReplyTo', 'references', 'from', 'recipients', 'subject', 'text', 'stripped', 'cut', 'attachments', 'noise'];
void _shape;

import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../shared/mail/inbound.ts';
import { decodeFlowed, flattenDeep, htmlToReadable } from '../../shared/mail/text-body.ts';

const OURS = { domains: ['reply.hss.example.nl'] };
const parse = (raw: string | Buffer) => parseInbound(typeof raw === 'string' ? Buffer.from(raw.replace(/\r?\n/g, '\r\n')) : raw, { to: [] }, OURS);
const HEAD = 'From: Hatice <h@example.net>\nTo: klachten@hss.example.nl\nSubject: Klacht\nMIME-Version: 1.0\n';
const PAGE = '<html><body><p>Hallo,</p><p>Zie <a href="https://gemeente.example/regeling">de regeling</a>:<br>punt twee</p><ul><li>een</li><li>twee</li></ul></body></html>';
const READABLE = 'Hallo,\n\nZie de regeling (https://gemeente.example/regeling):\npunt twee\n\n- een\n- twee';

describe('text from any MIME shape', () => {
  it('HTML as the only body inside multipart/mixed, next to an attachment', async () => {
    const mail = await parse(`${HEAD}Content-Type: multipart/mixed; boundary="m"\n\n--m\nContent-Type: text/html; charset=utf-8\n\n${PAGE}\n--m\nContent-Type: application/pdf; name="brief.pdf"\nContent-Disposition: attachment; filename="brief.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--m--\n`);
    expect(mail.text).toBe(READABLE);
    expect(mail.stripped).toBe(READABLE);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['brief.pdf']);
  });

  it('HTML as the only body inside multipart/related, with an inline image', async () => {
    const mail = await parse(`${HEAD}Content-Type: multipart/related; boundary="r"\n\n--r\nContent-Type: text/html; charset=utf-8\n\n${PAGE}<img src="cid:logo">\n--r\nContent-Type: image/png\nContent-ID: <logo>\nContent-Disposition: inline\nContent-Transfer-Encoding: base64\n\niVBORw0=\n--r--\n`);
    expect(mail.stripped).toBe(READABLE);
  });

  it('HTML inside mixed > related > alternative without a text part', async () => {
    const mail = await parse(`${HEAD}Content-Type: multipart/mixed; boundary="m"\n\n--m\nContent-Type: multipart/related; boundary="r"\n\n--r\nContent-Type: multipart/alternative; boundary="a"\n\n--a\nContent-Type: text/html; charset=utf-8\n\n${PAGE}\n--a--\n--r--\n--m--\n`);
    expect(mail.stripped).toBe(READABLE);
  });

  it('raw 8-bit bytes in the Subject and From headers (windows-1252, as the body declares)', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: '),
      Buffer.from('Daniël Hoëlle', 'latin1'),
      Buffer.from(' <d@example.net>\r\nTo: klachten@hss.example.nl\r\nSubject: '),
      Buffer.from('Rekening van ', 'latin1'),
      Buffer.from([0x80]),
      Buffer.from(' 25 voor Daniël', 'latin1'),
      Buffer.from('\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\nZie onderwerp.\r\n'),
    ]);
    const mail = await parse(raw);
    expect(mail.subject).toBe('Rekening van € 25 voor Daniël');
    expect(mail.from).toEqual({ email: 'd@example.net', name: 'Daniël Hoëlle' });
  });

  it('raw UTF-8 headers stay as they are', async () => {
    const mail = await parse(`From: a@example.net\nSubject: Çağrı – één\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nTekst\n`);
    expect(mail.subject).toBe('Çağrı – één');
  });

  it('format=flowed: the reply is not merged into the quote below it', async () => {
    const mail = await parse(`${HEAD}Content-Type: text/plain; charset=utf-8; format=flowed\n\nIk kom graag op dinsdag, dan \nheb ik vrij.\n\nOp 12-12-2025 om 10:15 schreef Loket HSS: \n> Wij stellen voor om dinsdag \n> te spreken.\n`);
    expect(mail.text).toContain('Ik kom graag op dinsdag, dan heb ik vrij.\n');
    expect(mail.stripped).toBe('Ik kom graag op dinsdag, dan heb ik vrij.');
  });
});

describe('decodeFlowed (RFC 3676)', () => {
  it('joins soft breaks within one quote depth only, unstuffs, keeps the signature line', () => {
    expect(decodeFlowed('Een \ntwee\n> drie \n> vier\n>> vijf \nzes\n -- \n-- \nnaam', false)).toBe('Een twee\n> drie vier\n>> vijf \nzes\n-- \n-- \nnaam');
  });
  it('DelSp=yes removes the space at the break', () => {
    expect(decodeFlowed('lang woo \nrd', true)).toBe('lang woord');
  });
});

describe('htmlToReadable', () => {
  it('keeps links as "text (url)", list items and line breaks; no images, no upper-casing', () => {
    expect(htmlToReadable('<h2>Kop</h2><p>Zie <a href="https://x.example/a">hier</a> <img src="x.png" alt="logo"> en https://x.example/b</p><ol><li>een</li><li>twee</li></ol>')).toBe(
      'Kop\n\nZie hier (https://x.example/a) en https://x.example/b\n\n1. een\n2. twee',
    );
  });
  it('Outlook paragraphs (MsoNormal) are lines, not paragraphs', () => {
    expect(htmlToReadable('<div class="WordSection1"><p class="MsoNormal">Beste,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Tekst<o:p></o:p></p></div>')).toBe('Beste,\n\nTekst');
  });
  it('a link whose text is its address is written once', () => {
    expect(htmlToReadable('<p><a href="https://x.example/a">https://x.example/a</a> en <a href="mailto:a@x.example">a@x.example</a></p>')).toBe('https://x.example/a en a@x.example');
  });
});

describe('flattenDeep', () => {
  it('takes out tags nested deeper than 300, keeps all text, leaves shallow HTML alone', () => {
    const deep = '<div>'.repeat(1000) + 'Tekst.' + '</div>'.repeat(1000) + '<p>Na</p>';
    const flat = flattenDeep(deep);
    expect(flat).toBe('<div>'.repeat(300) + 'Tekst.' + '</div>'.repeat(300) + '<p>Na</p>');
    expect(htmlToReadable(deep)).toBe('Tekst.\n\nNa');
    const shallow = '<div><p>a<br>b</p></div>';
    expect(flattenDeep(shallow)).toBe(shallow);
  });
});

describe('encoded words as clients get them wrong', () => {
  const subject = async (word: Buffer) =>
    (await parse(Buffer.concat([Buffer.from('From: a@example.org\r\nSubject: '), word, Buffer.from('\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx\r\n')]))).subject;
  it('raw 8-bit bytes inside a Q word are read in the word’s charset', async () => {
    expect(await subject(Buffer.concat([Buffer.from('=?iso-8859-1?Q?Caf=E9_Dani'), Buffer.from([0xeb]), Buffer.from('l?=')]))).toBe('Café Daniël');
  });
  it('a word that says UTF-8 but holds windows-1252 bytes', async () => {
    expect(await subject(Buffer.from('=?utf-8?Q?Caf=E9_=80_5?='))).toBe('Café € 5');
    expect(await subject(Buffer.from(`=?UTF-8?B?${Buffer.from('Klacht – één').toString('base64')}?=`))).toBe('Klacht – één');
  });
});

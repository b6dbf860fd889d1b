import { describe, expect, it } from 'vitest';
import { extractAlternativeReply, extractHtmlReply, extractReply } from '../../shared/mail/reply-text.ts';

const own = 'Dinsdag kan ik ook.\n\nGroet,\nAyşe';
const reply = (text: string) => extractReply(text).text;

describe('text rules', () => {
  it.each([
    ['NL', 'Van: Klachtenloket HSS <k@example.nl>\nVerzonden: vrijdag 12 december 2025 10:15\nAan: Ayşe <a@example.nl>\nOnderwerp: Gesprek'],
    ['EN', 'From: HSS <k@example.nl>\nSent: Friday, December 12, 2025 10:15 AM\nTo: Ayşe\nSubject: Meeting'],
    ['DE', 'Von: HSS <k@example.nl>\nGesendet: Freitag, 12. Dezember 2025 10:15\nAn: Ayşe\nBetreff: Gespräch'],
    ['FR', 'De : HSS <k@example.nl>\nEnvoyé : vendredi 12 décembre 2025 10:15\nÀ : Ayşe\nObjet : Entretien'],
    ['TR', 'Kimden: HSS <k@example.nl>\nGönderildi: 12 Aralık 2025 Cuma 10:15\nKime: Ayşe\nKonu: Görüşme'],
    ['AR', 'من: HSS <k@example.nl>\nتاريخ الإرسال: الجمعة، 12 ديسمبر 2025 10:15\nإلى: Ayşe\nالموضوع: موعد'],
  ])('a header block in %s without quoting ends the writer’s part', (_lang, block) => {
    expect(extractReply(`${own}\n\n________________________________\n${block}\n\nOude tekst.\n`)).toEqual({ text: own, cut: true });
  });

  it.each([
    'Op vr 12 dec. 2025 om 10:15 schreef Klachtenloket HSS <k@example.nl>:',
    'On Fri, 12 Dec 2025 at 10:15, HSS <k@example.nl> wrote:',
    'Am Fr., 12. Dez. 2025 um 10:15 Uhr schrieb HSS <k@example.nl>:',
    'Le ven. 12 déc. 2025 à 10:15, HSS <k@example.nl> a écrit :',
    'HSS <k@example.nl>, 12 Ara 2025 Cum, 10:15 tarihinde şunu yazdı:',
    'في الجمعة، 12 ديسمبر 2025 في 10:15 ص، كتب HSS <k@example.nl>:',
    'Op 12 dec. 2025, om 10:15 heeft HSS <k@example.nl> het volgende\ngeschreven:',
  ])('attribution "%s", with and without > quotes below it', (attribution) => {
    expect(reply(`${own}\n\n${attribution}\n\n> Oude tekst.\n> Meer.\n`)).toBe(own);
    expect(reply(`${own}\n\n${attribution}\n\nOude tekst.\nMeer.\n`)).toBe(own);
  });

  it.each([
    '-----Original Message-----',
    '-----Oorspronkelijk bericht-----',
    '-------- Doorgestuurd bericht --------',
    '---------- Forwarded message ---------',
    '-------- Ursprüngliche Nachricht --------',
    '-------- Message d\'origine --------',
    'Begin doorgestuurd bericht:',
  ])('separator "%s"', (separator) => {
    expect(extractReply(`${own}\n\n${separator}\nOude tekst.`)).toEqual({ text: own, cut: true });
  });

  it.each([
    'Verzonden vanaf mijn Samsung Galaxy-smartphone.',
    'Verstuurd vanaf mijn iPhone',
    'Sent from my iPhone',
    'Get Outlook for Android',
    'Outlook voor iOS<https://aka.ms/o0ukef> downloaden',
    'Von meinem iPhone gesendet',
    'Envoyé de mon iPhone',
    "iPhone'umdan gönderildi",
    'تم الإرسال من iPhone الخاص بي',
  ])('phone footer "%s"', (line) => {
    expect(reply(`${own}\n\n${line}\n`)).toBe(own);
  });

  it('keeps the writer’s own > passage above an attribution, and inline answers', () => {
    const text = 'U schreef:\n\n> binnen vijf werkdagen\n\nHet zijn er nu negen.';
    expect(reply(`${text}\n\nOn Fri, 12 Dec 2025 at 10:15, HSS <k@example.nl> wrote:\n\n> Oud.\n`)).toBe(text);
  });

  it('when nothing is left, the whole text, not cut', () => {
    const text = 'Op vr 12 dec. 2025 om 10:15 schreef HSS <k@example.nl>:\n> Alleen geciteerd.';
    expect(extractReply(text)).toEqual({ text, cut: false });
  });

  it('keeps lines that only look like history', () => {
    for (const text of ['Op 3 november schreef ik u al:\nIk wil een gesprek.', 'Van: de gemeente kreeg ik niets.\nAan: niemand gevraagd.', 'Verzonden met PostNL, maar nooit aangekomen.'])
      expect(reply(`Tekst.\n${text}`)).toBe(`Tekst.\n${text}`);
  });
});

describe('HTML quote markers (HTML-only mail)', () => {
  const body = '<div dir="ltr"><p>Dinsdag kan ik ook.</p><p>Groet,<br>Ayşe</p></div>';
  it.each([
    ['Gmail', `${body}<div class="gmail_quote"><div class="gmail_attr">Een kop zonder datum</div><blockquote class="gmail_quote">Oud</blockquote></div>`],
    ['Outlook on the web', `${body}<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>Van:</b> HSS</div><div>Oud</div>`],
    ['Outlook desktop', `${body}<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p>Van: HSS</p></div></div><p>Oud</p>`],
    ['Apple Mail', `${body}<div><br><blockquote type="cite"><div>Een kop</div><div>Oud</div></blockquote></div>`],
    ['Thunderbird', `${body}<div class="moz-cite-prefix">Een kop:</div><blockquote type="cite">Oud</blockquote>`],
    ['Yahoo', `${body}<div class="yahoo_quoted" id="yahoo_quoted_123"><div>Een kop</div><div>Oud</div></div>`],
    ['Hotmail', `${body}<hr id="stopSpelling">Een kop<br>Oud`],
  ])('%s', (_client, html) => {
    expect(extractHtmlReply(html)).toMatchObject({ text: own, cut: true });
  });

  it('an Apple Mail answer between quotes stays', () => {
    expect(extractHtmlReply('<div>Ja.</div><blockquote type="cite">Vraag 1?</blockquote><div>Nee.</div><blockquote type="cite">Vraag 2?</blockquote>').text).toBe('Ja.\nNee.');
  });
});

describe('text and HTML parts together', () => {
  const html = '<div>Dinsdag kan ik ook.<br>Groet, Ayşe</div><div class="gmail_quote">Oud</div>';
  it('history unmarked in the text part is cut where the HTML part’s own words end', () => {
    expect(extractAlternativeReply('Dinsdag kan ik\nook.\nGroet, Ayşe\n\nHSS wrote\nOud\n', html)).toEqual({ text: 'Dinsdag kan ik\nook.\nGroet, Ayşe', cut: true });
  });
  it('a text part that says something else than the HTML part is kept whole', () => {
    const plain = 'Dinsdag kan ik niet.\nGroet, Ayşe\n\nOud\n';
    expect(extractAlternativeReply(plain, html)).toEqual({ text: plain.trim(), cut: false });
  });
});

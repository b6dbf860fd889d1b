/**
 * A message to someone without e-mail, as a letter on A4 (pdfkit, built-in Helvetica): the
 * organisation's name and address, the recipient's address where a window envelope shows it, the
 * date in words, the reference, and the same text as the mail (shared/mail/compose.ts).
 */
import { formatDate, type LocalDate } from '../calendar/index.ts';
import type { Postal } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text } from '../procedure/text.ts';
import type { LetterText } from './compose.ts';
import { loadPdfKit } from './pdfkit.ts';

const MM = 72 / 25.4;
/** The window of a left-window envelope (NEN 1026-ish): 20 mm from the left, 50 mm from the top. */
const WINDOW = { x: 20 * MM, y: 50 * MM, width: 85 * MM };
const LEFT = 20 * MM;
const WIDTH = (210 - 40) * MM;
const BODY = 10.5;

export interface Letter {
  to: Postal;
  reference: string;
  /** The day the letter was made (its date in words; also the PDF's creation date, so the bytes are the same each time). */
  date: LocalDate;
  text: LetterText;
}

export async function letterPdf(p: Procedure, letter: Letter): Promise<Buffer> {
  const { lang, subject, blocks } = letter.text;
  const org = p.organisation;
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: LEFT, right: 20 * MM },
    lang: lang === 'en' ? 'en-GB' : 'nl-NL',
    info: { Title: subject, Author: org.name, CreationDate: new Date(`${letter.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  // The sender, top right; and in one small line above the window, for the post to return it to.
  const sender = [org.address, org.phone, org.email, org.website].filter(Boolean).join('\n');
  pdf.font('Helvetica-Bold').fontSize(13).text(org.name, 115 * MM, 20 * MM, { width: 75 * MM });
  pdf.font('Helvetica').fontSize(9).text(sender, { width: 75 * MM });
  if (org.address) pdf.fontSize(7).fillColor('#444444').text(`${org.name}, ${org.address.replace(/\s*\n\s*/g, ', ')}`, WINDOW.x, WINDOW.y - 6 * MM, { width: WINDOW.width, lineBreak: false, ellipsis: true }).fillColor('black');

  pdf.font('Helvetica').fontSize(BODY).text([letter.to.name, letter.to.postal].filter(Boolean).join('\n'), WINDOW.x, WINDOW.y, { width: WINDOW.width });

  const t = (key: 'letter.date' | 'letter.reference' | 'letter.subject') => text(p, key, lang);
  pdf.text('', LEFT, 100 * MM);
  for (const [label, value] of [[t('letter.date'), formatDate(letter.date, lang)], [t('letter.reference'), letter.reference], [t('letter.subject'), subject]] as const)
    pdf.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value, { width: WIDTH });
  pdf.moveDown(1.5);

  for (const b of blocks) {
    pdf.font('Helvetica').fontSize(BODY).fillColor('black');
    if ('p' in b) pdf.text(b.p, LEFT, undefined, { width: WIDTH });
    else if ('h' in b) pdf.font('Helvetica-Bold').text(b.h, LEFT, undefined, { width: WIDTH });
    else if ('dl' in b) for (const [k, v] of b.dl) pdf.font('Helvetica-Bold').text(`${k}: `, LEFT, undefined, { width: WIDTH, continued: true }).font('Helvetica').text(v);
    // The address is printed to be typed over: no link, it is paper.
    else if ('link' in b) pdf.text(b.link.href === b.link.text ? b.link.href : `${b.link.text}: ${b.link.href}`, LEFT, undefined, { width: WIDTH });
    else pdf.fillColor('#333333').text(b.quote, LEFT + 6 * MM, undefined, { width: WIDTH - 6 * MM });
    pdf.moveDown(0.6);
  }
  pdf.end();
  return done;
}

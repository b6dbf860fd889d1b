/**
 * The published regeling as an A4 PDF (pdfkit, built-in Helvetica): the same document model as the
 * web page, so the printed text is the same text. The diagram is not drawn; a line says where it is.
 */
import PDFDocument from 'pdfkit';
import type { Block, Inline, Regeling } from './regeling.ts';

const MARGIN = 56;
const BODY = 10.5;

/** The regeling on A4; links with a full address stay clickable, the page's own ("/") are plain text. */
export function regelingPdf(doc: Regeling): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: doc.locale,
    info: { Title: doc.title, Author: doc.organisation, Subject: doc.kind },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('Helvetica-Bold').fontSize(18).text(doc.organisation);
  pdf.font('Helvetica').fontSize(14).text(doc.kind).moveDown(0.8);
  for (const b of doc.intro) block(pdf, b);
  for (const s of doc.sections) {
    pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(s.heading).moveDown(0.3);
    for (const b of s.blocks) block(pdf, b);
  }
  pdf.end();
  return done;
}

function block(pdf: PDFKit.PDFDocument, b: Block) {
  switch (b.kind) {
    case 'heading':
      pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(11.5).text(b.text).moveDown(0.2);
      return;
    case 'paragraph':
      runs(pdf, b.parts);
      pdf.moveDown(0.4);
      return;
    case 'list':
      for (const item of b.items) {
        runs(pdf, ['• ', ...item.parts]);
        pdf.moveDown(0.2);
      }
      pdf.moveDown(0.2);
      return;
    case 'diagram':
      runs(pdf, [b.printed]);
      pdf.moveDown(0.4);
      return;
  }
}

/** A paragraph of text runs; links stay clickable. */
function runs(pdf: PDFKit.PDFDocument, parts: Inline[]) {
  pdf.font('Helvetica').fontSize(BODY).fillColor('black');
  parts.forEach((x, i) => {
    const continued = i < parts.length - 1;
    if (typeof x === 'string') pdf.text(x, { continued, link: null, underline: false });
    else {
      const href = /^(https?|mailto):/.test(x.href) ? x.href : undefined;
      pdf.fillColor('#0b4f9c').text(x.text, { continued, ...(href ? { link: href, underline: true } : {}) }).fillColor('black');
    }
  });
}

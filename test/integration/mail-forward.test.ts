import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { loadCase } from '../../shared/app/pipeline.ts';

const COMPLAINANT = 'jan@example.nl';
const DIRECTIE = 'directie@hss.example.nl';

/** A reply with quoted history under it, as a mail client sends it, optionally with a PDF attached. */
const reply = (from: string, to: string, text: string, pdf?: string) => {
  const head = `From: ${from}\r\nTo: ${to}\r\nSubject: Re: klacht\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@example.nl>\r\nMIME-Version: 1.0\r\n`;
  const part = `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text.replace(/\n/g, '\r\n')}\r\n`;
  if (!pdf) return Buffer.from(head + part);
  return Buffer.from(
    `${head}Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n${part}--b\r\nContent-Type: application/pdf; name="${pdf}"\r\nContent-Disposition: attachment; filename="${pdf}"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n`,
  );
};

describe('forwards show the extracted text, say what was left out, and list attachments', () => {
  let office: LocalOffice;
  let reference: string;
  const lastTo = (email: string) => [...office.outbox.messages].reverse().find((m) => m.to.some((t) => t.email === email))!;

  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const res = await fetch(office.url + '/api/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(office.url, { name: 'Jan Jansen', email: COMPLAINANT, topic: 'advies', description: 'Ik kreeg verkeerd advies.' })),
    });
    ({ reference } = (await res.json()) as { reference: string });
    await office.idle(); // intake's effects (the receipt) run after its answer
  });
  afterAll(() => office.close());

  it('to staff: the complainant’s own text, "eerdere berichten weggelaten" with the link to the original, the attachments by name', async () => {
    const address = lastTo(COMPLAINANT).replyTo!.email;
    const text = 'Hierbij de brief van de gemeente.\n\nMet vriendelijke groet,\nJan Jansen\n\nOp ma 2 mrt 2026 om 10:00 schreef HSS <klachten@hss.example.nl>:\n> Wij hebben uw klacht ontvangen.\n';
    expect(await office.receive(reply(COMPLAINANT, address, text, 'brief-gemeente.pdf'), { to: [address] })).toMatchObject({ outcome: 'added' });
    const forward = lastTo(DIRECTIE);
    expect(forward.text).toContain('> Hierbij de brief van de gemeente.\n> \n> Met vriendelijke groet,\n> Jan Jansen\n');
    expect(forward.text).not.toContain('Wij hebben uw klacht ontvangen');
    expect(forward.text).toContain('Bijlagen: brief-gemeente.pdf');
    const blob = (await loadCase(office.ctx, reference))!.events.findLast((e) => e.type === 'message-received')!;
    expect(blob.type === 'message-received' && blob.blob).toBeTruthy();
    const link = `/staff/cases/${reference}/original?key=${encodeURIComponent((blob as { blob: string }).blob)}`;
    expect(forward.text).toContain(`Eerdere berichten weggelaten. Het volledige originele bericht staat op de tijdlijn:`);
    expect(forward.text).toContain(link);
    expect(forward.html).toContain(`href="${office.ctx.publicUrl}${link}"`);
  });

  it('to staff: nothing said about leaving out when nothing was left out', async () => {
    const address = lastTo(COMPLAINANT).replyTo!.email;
    await office.receive(reply(COMPLAINANT, address, 'Nog een vraag: wanneer belt u?'), { to: [address] });
    const forward = lastTo(DIRECTIE);
    expect(forward.text).toContain('> Nog een vraag: wanneer belt u?');
    expect(forward.text).not.toContain('weggelaten');
    expect(forward.text).not.toContain('Bijlagen');
  });

  it('to the complainant: the staff member’s text without their history, with the note and the attachments', async () => {
    const address = lastTo(DIRECTIE).replyTo!.email;
    const text = 'Beste heer Jansen, wij bellen u morgen.\n\n-----Oorspronkelijk bericht-----\nVan: HSS\nIntern: dossier nog niet compleet.';
    expect(await office.receive(reply(DIRECTIE, address, text, 'verslag.pdf'), { to: [address] })).toMatchObject({ outcome: 'added', party: 'staff' });
    const answer = lastTo(COMPLAINANT);
    expect(answer.text).toContain('Beste heer Jansen, wij bellen u morgen.');
    expect(answer.text).not.toContain('Intern');
    expect(answer.text).toContain('Bijlagen: verslag.pdf');
    expect(answer.text).toContain('Eerdere berichten weggelaten. Alle berichten over uw klacht ziet u via uw persoonlijke link hieronder.');
    expect(answer.text).not.toContain('/staff/');
  });
});

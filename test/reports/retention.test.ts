/**
 * Buro Leerlingenhulp keeps complaints for 2 years: a case closed on a day is gone two years later,
 * every item, stored mail and attachment, from every read at once, while the register's anonymous
 * figures still report it. A complainant's request to erase is carried out by staff at once and
 * counted anonymously. Over HTTP with the virtual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_BOOK, REGISTER_BOOK } from '../../shared/reports/figures.ts';
import { Office } from './support.ts';

const FUNCTIONARIS = 'klachtenfunctionaris@buroleerlingenhulp.example.nl';
const SPECIALIST = 'specialist@buroleerlingenhulp.example.nl';
const at = (date: string) => `${date}T09:00:00.000Z`;

const complaint = (n: string, eventDate: string) => ({
  childName: `Kind${n} Meerkoet`,
  name: `Ouder${n} Meerkoet`,
  address: `Waterhoenlaan ${n}, 1234 AB Ergens`,
  phone: `06-7777000${n}`,
  email: `ouder${n}@example.nl`,
  eventDate,
  description: `Het verslag over mijn kind bevat fouten (zaak ${n}, Meerkoetenrapport).`,
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function replyWithPdf(from: string, to: string, messageId: string): Buffer {
  return Buffer.from(
    [
      `From: Ouder <${from}>`,
      `To: ${to}`,
      'Subject: Re: uw klacht',
      `Message-ID: <${messageId}@example.nl>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hierbij het verslag van de school.',
      '--b1',
      'Content-Type: application/pdf; name="verslag.pdf"',
      'Content-Disposition: attachment; filename="verslag.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      PDF.toString('base64'),
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

describe('retention (Buro Leerlingenhulp: 2 years after closing) and erasure on request', () => {
  let o: Office;
  let functionaris: string;
  const cases: Record<string, { reference: string; statusUrl: string }> = {};
  let blobKeysOfX: string[] = [];
  let zRef = '';
  let figuresBefore: unknown;

  const summaryRefs = async (status: string) => (await o.ctx.store.listSummaries({ status })).map((s) => s.caseRef);

  beforeAll(async () => {
    o = await Office.start('buro-leerlingenhulp', at('2026-01-05'));
    functionaris = await o.signIn(FUNCTIONARIS);

    // X: filed, a reply with an attachment, taken into handling, decided (closed) on 20 January 2026.
    await o.advanceTo(at('2026-01-06'));
    cases.X = await o.file(complaint('1', '2026-01-02'));
    const x = cases.X.reference;
    const receipt = o.outbox.messages.find((m) => m.to[0]!.email === 'ouder1@example.nl' && m.subject.includes(x))!;
    await o.advanceTo(at('2026-01-07'));
    expect(await o.office.receive(replyWithPdf('ouder1@example.nl', receipt.replyTo!.email, 'r1'), { to: [receipt.replyTo!.email] })).toMatchObject({ outcome: 'added' });
    // Z: a complaint by e-mail to the office, never completed, closed by staff on 21 January.
    const mailed = Buffer.from(['From: Nieuwe Ouder <nieuweouder@example.nl>', 'To: info@buroleerlingenhulp.nl', 'Subject: Klacht', 'Message-ID: <z1@example.nl>', '', 'Mijn Meerkoetenklacht over de specialist.', ''].join('\r\n'));
    const created = await o.office.receive(mailed, { to: ['info@buroleerlingenhulp.nl'] });
    expect(created).toMatchObject({ outcome: 'new-case' });
    zRef = (created as { caseRef: string }).caseRef;
    await o.act(functionaris, x, { type: 'acknowledge' });
    await o.advanceTo(at('2026-01-20'));
    await o.act(functionaris, x, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    await o.act(functionaris, x, { type: 'decide', outcome: 'gegrond', motivation: 'Het Meerkoetenrapport klopte niet.', measures: 'Meerkoetenrapport herschreven.' });
    await o.advanceTo(at('2026-01-21'));
    await o.act(functionaris, zRef, { type: 'close', reason: 'Niet aangevuld.' });
    // W: filed and still open two years later. E: filed, erased on request. Y: closed 10 March 2026.
    await o.advanceTo(at('2026-02-02'));
    cases.W = await o.file(complaint('2', '2026-01-30'));
    await o.advanceTo(at('2026-02-03'));
    cases.E = await o.file(complaint('3', '2026-01-30'));
    await o.advanceTo(at('2026-03-02'));
    cases.Y = await o.file(complaint('4', '2026-02-27'));
    await o.advanceTo(at('2026-03-10'));
    await o.act(functionaris, cases.Y.reference, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    await o.act(functionaris, cases.Y.reference, { type: 'decide', outcome: 'ongegrond', motivation: 'Geen fouten gevonden.', measures: '' });

    const events = (await o.ctx.store.load(x)).flatMap((c) => c.events as { type: string; blob?: string; attachments?: { key?: string }[] }[]);
    blobKeysOfX = events.filter((e) => e.type === 'message-received').flatMap((e) => [e.blob!, ...(e.attachments ?? []).map((a) => a.key!)]);
  }, 60_000);
  afterAll(() => o?.close());

  it('an erase request (AVG art. 17): only a handler, with the grounds and the reference typed; then gone at once', async () => {
    await o.advanceTo(at('2026-03-11'));
    const e = cases.E!.reference;
    const specialist = await o.signIn(SPECIALIST);
    expect((await o.call('POST', `/api/staff/cases/${e}/erase`, { token: specialist, body: { grounds: 'verzoek-betrokkene', confirm: e } })).status).toBe(403);
    const wrong = await o.call('POST', `/api/staff/cases/${e}/erase`, { token: functionaris, body: { grounds: 'verzoek-betrokkene', confirm: 'iets anders' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json().errors[0].field).toBe('confirm');
    expect((await o.call('POST', `/api/staff/cases/${e}/erase`, { token: functionaris, body: { grounds: 'zomaar', confirm: e } })).json().errors[0].field).toBe('grounds');
    expect(await o.ctx.store.load(e)).not.toEqual([]);

    const done = await o.call('POST', `/api/staff/cases/${e}/erase`, { token: functionaris, body: { grounds: 'verzoek-betrokkene', confirm: e.toLowerCase() } });
    expect(done.status).toBe(200);
    expect((await o.statusOf(cases.E!.statusUrl)).status).toBe(404);
    expect((await o.call('GET', `/api/staff/cases/${e}`, { token: functionaris })).status).toBe(404);
    expect((await o.get('/api/staff/cases', functionaris)).cases.map((c: { reference: string }) => c.reference)).not.toContain(e);
    expect(await o.ctx.store.load(e, { includeDeleted: true })).toEqual([]);
    expect(await o.ctx.store.getSummary(e)).toBeUndefined();
    expect((await o.office.deadlines.list()).filter((d) => d.caseRef === e)).toEqual([]);
    // Counted, anonymously: received in Q1, outcome "erased"; one erasure.
    const q1 = (await o.get('/api/staff/reports/2026-Q1', functionaris)).figures;
    expect(q1.privacy).toEqual({ purged: 0, erased: 1, access: 0 });
    expect(q1.handled.byOutcome).toMatchObject({ gewist: 1 });
    const privacy = await o.ctx.store.listLedger(PRIVACY_BOOK, '2026');
    expect(privacy.map((r) => r.data)).toEqual([{ kind: 'erased', grounds: 'verzoek-betrokkene' }]);
    expect(JSON.stringify(privacy)).not.toContain(e);
  });

  it('keeps a closed case, its mail and attachments until its 2 years have passed', async () => {
    const x = cases.X!.reference;
    expect(blobKeysOfX).toHaveLength(2);
    expect(blobKeysOfX[1]).toMatch(new RegExp(`^cases/${x}/attachments/`));
    for (const key of blobKeysOfX) expect(await o.ctx.blobs.get(key)).toBeDefined();
    // Closed 20 January 2026 + 2 years: kept through 20 January 2028, deleted from 21 January 00:00 (Amsterdam).
    expect((await o.ctx.store.getSummary(x))!.nextDueAt).toBe('2028-01-20T23:00:00.000Z');
    figuresBefore = (await o.get('/api/staff/reports/2026', functionaris)).figures;
    await o.advanceTo('2028-01-20T22:59:00.000Z');
    expect((await o.statusOf(cases.X!.statusUrl)).status).toBe(200);
    expect((await o.call('GET', `/api/staff/cases/${x}`, { token: functionaris })).status).toBe(200);
  });

  it('then deletes exactly that case: gone from the status link, the workspace, the register, the blobs', async () => {
    const x = cases.X!.reference;
    await o.advanceTo(at('2028-01-21'));
    expect((await o.statusOf(cases.X!.statusUrl)).status).toBe(404);
    expect((await o.call('GET', `/api/staff/cases/${x}`, { token: functionaris })).status).toBe(404);
    expect((await o.call('GET', `/staff/cases/${x}/dossier`, { token: functionaris })).status).toBe(404);
    expect((await o.call('GET', `/api/staff/cases/${x}/export`, { token: functionaris })).status).toBe(404);
    expect(await o.ctx.store.load(x, { includeDeleted: true })).toEqual([]);
    expect(await summaryRefs('closed')).not.toContain(x);
    for (const key of blobKeysOfX) expect(await o.ctx.blobs.get(key)).toBeUndefined();
    const register = await o.get('/api/staff/register?year=2026', functionaris);
    expect(register.lines.map((l: { reference: string }) => l.reference)).not.toContain(x);

    // Not yet due: Z (closed a day later), Y (March); W is still open.
    expect(await o.ctx.store.load(zRef)).not.toEqual([]);
    expect((await o.statusOf(cases.Y!.statusUrl)).status).toBe(200);
    expect((await o.statusOf(cases.W!.statusUrl)).status).toBe(200);
  });

  it('deletes the raw mail a mailed complaint came in with, and each case on its own day', async () => {
    const raw = [...(await o.ctx.store.caseKeys(zRef))].map((k) => `mail/${k.slice('submission:mail-'.length)}.eml`);
    expect(raw).toHaveLength(1);
    expect(await o.ctx.blobs.get(raw[0]!)).toBeDefined();
    await o.advanceTo(at('2028-01-22'));
    expect(await o.ctx.store.load(zRef, { includeDeleted: true })).toEqual([]);
    expect(await o.ctx.blobs.get(raw[0]!)).toBeUndefined();
    expect((await o.statusOf(cases.Y!.statusUrl)).status).toBe(200);

    await o.advanceTo(at('2028-03-11'));
    expect((await o.statusOf(cases.Y!.statusUrl)).status).toBe(404);
    expect((await o.statusOf(cases.W!.statusUrl)).status).toBe(200);
    expect(await summaryRefs('closed')).toEqual([]);
    expect(await summaryRefs('purged')).toEqual([]);
  });

  it('the figures survive: 2026 reports the same as before, and the deletions are counted', async () => {
    expect((await o.get('/api/staff/reports/2026', functionaris)).figures).toEqual(figuresBefore);
    const y = (await o.get('/api/staff/reports/2026', functionaris)).figures;
    expect(y.received.total).toBe(5); // X, Z, W, E, Y
    expect(y.handled).toMatchObject({ total: 4, byOutcome: { gegrond: 1, ongegrond: 1, 'geen-uitkomst': 1, gewist: 1 }, withMeasures: 1 });
    expect((await o.get('/api/staff/reports/2028-Q1', functionaris)).figures.privacy).toEqual({ purged: 3, erased: 0, access: 0 });
    const register = await o.get('/api/staff/register?year=2026', functionaris);
    expect(register.lines.map((l: { reference: string }) => l.reference)).toEqual([cases.W!.reference]);
    expect(register.removed).toBe(4);
    // The register's own rows name no case and no person.
    const rows = JSON.stringify(await o.ctx.store.listLedger(REGISTER_BOOK, '2026'));
    for (const c of [...Object.values(cases).map((v) => v.reference), zRef, 'Meerkoet', 'ouder1@example.nl', '06-7777']) expect(rows).not.toContain(c);
  });
});

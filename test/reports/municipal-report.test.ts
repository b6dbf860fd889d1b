/**
 * Ben in de Buurt reports anonymously to the municipality of Groningen every quarter: the report
 * goes out by itself, once per quarter, as CSV, to the address in the procedure; it names no one.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMime } from '../../shared/mail/mime.ts';
import { Office, parseCsv } from './support.ts';

const GEMEENTE = 'klachtenregistratie@groningen.example.nl';
const ANNA = 'anna.devries@benindebuurt.example.nl';
const BALIE = 'balie@benindebuurt.example.nl';
const at = (date: string) => `${date}T09:00:00.000Z`;

const complaint = (who: string, topic: string, eventDate: string) => ({
  name: `${who} Stadsparkbewoner`,
  email: `${who.toLowerCase()}@example.nl`,
  phone: '050-1234567',
  eventDate,
  topic,
  description: `${who} werd op het Hereplein onheus bejegend door een buurtwerker.`,
});

describe('the anonymous quarterly report to the municipality of Groningen (Ben in de Buurt)', () => {
  let o: Office;
  let anna: string;
  const refs: string[] = [];
  const toGemeente = () => o.outbox.messages.filter((m) => m.to.some((t) => t.email === GEMEENTE));

  beforeAll(async () => {
    o = await Office.start('ben-in-de-buurt', at('2026-01-05'));
    anna = await o.signIn(ANNA);
    await o.advanceTo(at('2026-01-12'));
    refs.push((await o.file(complaint('Piet', 'bejegening', '2026-01-05'))).reference);
    await o.advanceTo(at('2026-02-02'));
    await o.act(anna, refs[0]!, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    await o.act(anna, refs[0]!, { type: 'decide', outcome: 'gegrond', motivation: 'Piet had gelijk over het Hereplein.', measures: 'Buurtwerker Hereplein gesproken.' });
    await o.advanceTo(at('2026-02-09'));
    refs.push(await o.enter(await o.signIn(BALIE), 'in-person', complaint('Truus', 'ondersteuning', '2026-02-01')));
    await o.advanceTo(at('2026-02-20'));
    await o.act(anna, refs[1]!, { type: 'withdraw', reason: 'Truus is toch tevreden.' });
    await o.advanceTo(at('2026-03-02'));
    refs.push((await o.file(complaint('Kees', 'bereikbaarheid', '2026-02-25'))).reference);
  });
  afterAll(() => o?.close());

  it('goes out by itself when the quarter is over, once, as CSV, to the address in the procedure', async () => {
    await o.advanceTo('2026-03-31T21:59:00.000Z');
    expect(toGemeente()).toEqual([]);
    await o.advanceTo(at('2026-04-01'));
    const mails = toGemeente();
    expect(mails.map((m) => [m.to.map((t) => t.email), m.subject])).toEqual([[[GEMEENTE], 'Anonieme klachtenregistratie voor de gemeente Groningen: 1e kwartaal 2026']]);
    const mail = mails[0]!;
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    // Not for staff eyes only: no link into the workspace.
    expect(mail.text).not.toContain('/staff/');
    expect(mail.attachments).toHaveLength(1);
    const file = mail.attachments![0]!;
    expect(file).toMatchObject({ filename: 'klachten-ben-in-de-buurt-gemeente-2026-Q1.csv', contentType: 'text/csv; charset=utf-8' });
    const rows = parseCsv(file.content);
    expect(rows[0]).toEqual([
      'periode', 'status', 'ontvangen_in', 'afgesloten_in', 'kanaal', 'onderwerp', 'onderwerp_omschrijving', 'fase', 'uitkomst',
      'uitkomst_omschrijving', 'doorlooptijd_dagen', 'termijnen_gehaald', 'termijnen_gemist', 'doorgezet', 'maatregelen',
    ]);
    expect(rows.slice(1)).toEqual([
      ['2026-Q1', 'ingetrokken', '2026-02', '2026-02', 'in-person', 'ondersteuning', 'Ondersteuning of hulp', 'manager', 'ingetrokken', 'ingetrokken', '11', '0', '0', '0', 'nee'],
      // Decided 2 February; closed when the 6 weeks to go to the complaints officer had passed.
      ['2026-Q1', 'afgesloten', '2026-01', '2026-03', 'web', 'bejegening', 'Bejegening', 'manager', 'gegrond', 'gegrond', '64', '1', '0', '0', 'ja'],
      ['2026-Q1', 'in-behandeling', '2026-03', '', 'web', 'bereikbaarheid', 'Bereikbaarheid of communicatie', '', '', '', '', '0', '0', '0', 'nee'],
    ]);

    // Later moves of the clock in the same quarter send nothing again.
    await o.advanceTo(at('2026-04-20'));
    await o.act(anna, refs[2]!, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    await o.act(anna, refs[2]!, { type: 'decide', outcome: 'deels-gegrond', motivation: 'Kees wachtte te lang.', measures: '' });
    await o.advanceTo(at('2026-05-15'));
    expect(toGemeente()).toHaveLength(1);
  });

  it('and the next quarter, its own report', async () => {
    await o.advanceTo(at('2026-07-01'));
    const mails = toGemeente();
    expect(mails.map((m) => m.subject)).toEqual([
      'Anonieme klachtenregistratie voor de gemeente Groningen: 1e kwartaal 2026',
      'Anonieme klachtenregistratie voor de gemeente Groningen: 2e kwartaal 2026',
    ]);
    const rows = parseCsv(mails[1]!.attachments![0]!.content).slice(1);
    expect(rows.map((r) => [r[0], r[1], r[5], r[8]])).toEqual([['2026-Q2', 'afgesloten', 'bereikbaarheid', 'deels-gegrond']]);
    await o.advanceTo(at('2026-09-30'));
    expect(toGemeente()).toHaveLength(2);
  });

  it('the staff can read it too, and it names no one', async () => {
    const r = await o.get('/api/staff/reports/2026-Q1?report=gemeente', anna);
    expect(r).toMatchObject({ kind: 'anonymous', report: { id: 'gemeente' } });
    expect(await o.get('/api/staff/reports/2026-Q1?report=gemeente&format=csv', anna)).toBe(toGemeente()[0]!.attachments![0]!.content);
    expect((await o.call('GET', '/api/staff/reports/2026-Q1?report=onbekend', { token: anna })).status).toBe(404);
    expect((await o.call('GET', '/api/staff/reports/2026-Q5', { token: anna })).status).toBe(404);
    const all = [JSON.stringify(r), await o.get('/staff/reports/2026-Q1?report=gemeente', anna), ...toGemeente().flatMap((m) => [m.text, m.html, m.attachments![0]!.content])].join('\n');
    for (const secret of ['Piet', 'Truus', 'Kees', 'Stadsparkbewoner', '@example.nl', '050-1234567', 'Hereplein', 'Buurtwerker', ...refs]) expect(all, secret).not.toContain(secret);
  });

  it('the mail is multipart/mixed with the CSV as a real attachment', async () => {
    const mail = toGemeente()[0]!;
    const parsed = await simpleParser(buildMime(mail, { date: new Date(mail.sentAt) }));
    expect(parsed.text).toContain('1e kwartaal 2026');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([['klachten-ben-in-de-buurt-gemeente-2026-Q1.csv', 'text/csv']]);
    expect(parsed.attachments[0]!.content.toString('utf8')).toBe(mail.attachments![0]!.content);
  });
});

/**
 * A year of HSS complaints, over HTTP with the virtual clock: thirteen cases across the four
 * quarters of 2026, from every channel HSS takes, with different topics and outcomes, some terms
 * missed. Then the quarterly inventory (figures, trends against earlier quarters, CSV), the yearly
 * overview, the register, the inventory that went out by itself every quarter, and no personal
 * data or free text anywhere in a report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, parseCsv } from './support.ts';

const DIRECTIE = 'directie@hss.example.nl';
const MEDEWERKER = 'medewerker@hss.example.nl';

interface Person {
  name: string;
  email: string;
  phone: string;
  /** A word only this complaint's description, motivation and measures use. */
  word: string;
}

const people: Record<string, Person> = Object.fromEntries(
  (
    [
      ['A', 'Anna Zonneveld', 'Zonnebloemregeling'],
      ['B', 'Bert Kwakkelstein', 'Kwartelkoning'],
      ['C', 'Carla Vinkenoog', 'Vinkenslag'],
      ['D', 'Dirk Pimpelmees', 'Pimpelhuis'],
      ['E', 'Eva Roodborst', 'Roodborstloket'],
      ['F', 'Frank Boomklever', 'Boomkleverdossier'],
      ['G', 'Gerda Goudvink', 'Goudvinkbrief'],
      ['H', 'Henk IJsvogel', 'IJsvogelgesprek'],
      ['I', 'Ingrid Grutto', 'Gruttoformulier'],
      ['J', 'Joost Kievit', 'Kievitsbesluit'],
      ['K', 'Karin Tureluur', 'Tureluurtermijn'],
      ['L', 'Lars Wulp', 'Wulpenbrief'],
      ['M', 'Mira Scholekster', 'Scholeksterzaak'],
    ] as const
  ).map(([k, name, word], i) => [k, { name, email: `${name.split(' ')[1]!.toLowerCase()}@example.nl`, phone: `06-5550${String(1000 + i)}`, word }]),
);

const at = (date: string) => `${date}T09:00:00.000Z`;

describe('a year of HSS complaints: register, quarterly inventory, yearly overview', () => {
  let o: Office;
  let directie: string;
  const refs: Record<string, string> = {};

  const fields = (k: string, topic: string) => {
    const p = people[k]!;
    return { name: p.name, email: p.email, phone: p.phone, topic, description: `Mijn klacht over de ${p.word}: het ging mis op de Dorpsstraat 12.` };
  };
  const web = async (k: string, date: string, topic: string) => {
    await o.advanceTo(at(date));
    refs[k] = (await o.file(fields(k, topic))).reference;
  };
  const entered = async (k: string, date: string, channel: string, topic: string) => {
    await o.advanceTo(at(date));
    refs[k] = await o.enter(await o.signIn(MEDEWERKER), channel, fields(k, topic));
  };
  const ack = async (k: string, date: string) => {
    await o.advanceTo(at(date));
    await o.act(directie, refs[k]!, { type: 'acknowledge' });
  };
  const decide = async (k: string, date: string, outcome: string, measures = false) => {
    await o.advanceTo(at(date));
    const word = people[k]!.word;
    await o.act(directie, refs[k]!, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    const closed = await o.act(directie, refs[k]!, { type: 'decide', outcome, motivation: `Toelichting over de ${word}.`, measures: measures ? `Werkinstructie ${word} herzien.` : '' });
    expect(closed.status).toBe('closed');
  };

  beforeAll(async () => {
    // Monday 5 January 2026: the office starts.
    o = await Office.start('hss', at('2026-01-05'));
    directie = await o.signIn(DIRECTIE);
    // Q1
    await web('A', '2026-01-06', 'advies');
    await ack('A', '2026-01-08');
    await entered('B', '2026-01-12', 'phone', 'bejegening');
    await ack('B', '2026-01-26'); // after the 7 working days (21 January): missed
    await decide('A', '2026-02-03', 'gegrond', true);
    await entered('C', '2026-02-10', 'letter', 'informatie');
    await ack('C', '2026-02-12');
    await decide('B', '2026-02-16', 'ongegrond');
    await o.advanceTo(at('2026-02-20'));
    await o.act(directie, refs.C!, { type: 'withdraw', reason: `De klager trekt de ${people.C!.word} in.` });
    // Q2
    await web('D', '2026-04-07', 'bejegening');
    await ack('D', '2026-04-09');
    await entered('E', '2026-04-14', 'in-person', 'bejegening');
    await ack('E', '2026-04-15');
    await web('F', '2026-05-04', 'afhandeltermijn');
    await ack('F', '2026-05-06');
    await decide('D', '2026-05-12', 'deels-gegrond', true);
    await decide('F', '2026-05-20', 'niet-ontvankelijk');
    await decide('E', '2026-06-02', 'gegrond', true); // the 6 weeks ended 26 May: missed
    // Q3
    await web('G', '2026-07-07', 'bejegening');
    await ack('G', '2026-07-08');
    await entered('H', '2026-07-21', 'phone', 'bejegening');
    await ack('H', '2026-07-22');
    await decide('G', '2026-08-11', 'gegrond', true);
    await web('I', '2026-08-18', 'advies');
    await ack('I', '2026-08-19');
    await decide('H', '2026-09-01', 'ongegrond'); // the last day of its 6 weeks: met
    // Q4
    await web('J', '2026-10-05', 'bejegening');
    await decide('I', '2026-10-06', 'gegrond'); // the 6 weeks ended 29 September: missed
    await ack('J', '2026-10-06');
    await web('K', '2026-10-20', 'bejegening');
    await ack('K', '2026-10-21');
    await entered('L', '2026-11-03', 'letter', 'bejegening');
    await ack('L', '2026-11-04');
    await decide('J', '2026-11-10', 'gegrond', true);
    await decide('K', '2026-12-01', 'deels-gegrond');
    await web('M', '2026-12-01', 'advies'); // never confirmed; still open, as is L
    // Monday 4 January 2027.
    await o.advanceTo(at('2027-01-04'));
  }, 120_000);
  afterAll(() => o?.close());

  it('the inventory of last quarter: counts by topic, channel and outcome, terms met, measures, days taken', async () => {
    const index = await o.get('/api/staff/reports', directie);
    expect(index).toMatchObject({ lastQuarter: '2026-Q4', lastYear: '2026', reports: [{ id: 'kwartaal', kind: 'inventory', every: 'quarter', to: { role: 'directie' }, latest: '2026-Q4' }] });

    const r = await o.get(`/api/staff/reports/2026-Q4`, directie);
    expect(r).toMatchObject({ kind: 'inventory', period: { id: '2026-Q4', from: '2026-10-01', to: '2026-12-31' }, periodLabel: '4e kwartaal 2026' });
    expect(r.figures).toEqual({
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      received: { total: 4, byTopic: { bejegening: 3, advies: 1 }, byChannel: { web: 3, letter: 1 } },
      handled: {
        total: 3,
        byOutcome: { gegrond: 2, 'deels-gegrond': 1 },
        byTopic: { advies: 1, bejegening: 2 },
        byChannel: { web: 3 },
        withdrawn: 0,
        withMeasures: 1,
        escalated: 0,
        days: { average: 42.3, median: 42, max: 49 },
      },
      terms: { met: 5, missed: 1, byTerm: { 'directie.bevestiging': { met: 3, missed: 0 }, 'directie.standpunt': { met: 2, missed: 1 } } },
      privacy: { purged: 0, erased: 0, access: 0 },
    });
  });

  it('each earlier quarter has its own figures', async () => {
    const q = async (id: string) => (await o.get(`/api/staff/reports/${id}`, directie)).figures;
    const q1 = await q('2026-Q1');
    expect(q1.received).toEqual({ total: 3, byTopic: { advies: 1, bejegening: 1, informatie: 1 }, byChannel: { web: 1, phone: 1, letter: 1 } });
    expect(q1.handled).toMatchObject({ total: 3, byOutcome: { gegrond: 1, ongegrond: 1, ingetrokken: 1 }, withdrawn: 1, withMeasures: 1, days: { average: 24.3, median: 28, max: 35 } });
    expect(q1.terms).toMatchObject({ met: 4, missed: 1, byTerm: { 'directie.bevestiging': { met: 2, missed: 1 }, 'directie.standpunt': { met: 2, missed: 0 } } });
    const q2 = await q('2026-Q2');
    expect(q2.received).toEqual({ total: 3, byTopic: { bejegening: 2, afhandeltermijn: 1 }, byChannel: { web: 2, 'in-person': 1 } });
    expect(q2.handled).toMatchObject({ total: 3, byOutcome: { 'deels-gegrond': 1, 'niet-ontvankelijk': 1, gegrond: 1 }, withMeasures: 2 });
    expect(q2.terms).toMatchObject({ met: 5, missed: 1 });
    const q3 = await q('2026-Q3');
    expect(q3.received).toEqual({ total: 3, byTopic: { bejegening: 2, advies: 1 }, byChannel: { web: 2, phone: 1 } });
    expect(q3.handled).toMatchObject({ total: 2, byOutcome: { gegrond: 1, ongegrond: 1 }, withMeasures: 1 });
    expect(q3.terms).toMatchObject({ met: 4, missed: 0 });
  });

  it('trends against the earlier quarters: complaints about conduct rise', async () => {
    const r = await o.get(`/api/staff/reports/2026-Q4`, directie);
    expect(r.columns.map((c: { period: string; figures: { received: { total: number } } }) => [c.period, c.figures.received.total])).toEqual([
      ['2026-Q4', 4],
      ['2026-Q3', 3],
      ['2026-Q2', 3],
      ['2026-Q1', 3],
      ['2025-Q4', 0],
    ]);
    // Against the three quarters the office ran in (not the empty one before it started).
    expect(r.signals).toEqual([
      { measure: 'topic:bejegening', current: 3, before: 1.7, direction: 'up' },
      { measure: 'channel:web', current: 3, before: 1.7, direction: 'up' },
      { measure: 'outcome:gegrond', current: 2, before: 1, direction: 'up' },
    ]);
    const page = await o.get('/staff/reports/2026-Q4', directie);
    expect(page).toContain('Inventarisatie van klachten: 4e kwartaal 2026');
    expect(page).toContain('Onderwerp &quot;Bejegening of gedrag&quot;: stijging naar 3 (eerder gemiddeld 1,7)');
    expect(page).toContain('Download als CSV');
  });

  it('the inventory as CSV: one row per figure, one column per quarter', async () => {
    const res = await o.call('GET', '/api/staff/reports/2026-Q4?format=csv', { token: directie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="klachten-hss-inventory-2026-Q4.csv"');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['onderdeel', 'code', 'omschrijving', '2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    const row = (code: string, section = 'ontvangen') => rows.find((r) => r[0] === section && r[1] === code);
    expect(row('totaal')).toEqual(['ontvangen', 'totaal', 'Ontvangen klachten', '4', '3', '3', '3', '0']);
    expect(row('onderwerp:bejegening')).toEqual(['ontvangen', 'onderwerp:bejegening', 'Bejegening of gedrag', '3', '2', '2', '1', '0']);
    expect(row('kanaal:phone')).toEqual(['ontvangen', 'kanaal:phone', 'Telefoon', '0', '1', '0', '1', '0']);
    expect(row('met-maatregelen', 'afgehandeld')).toEqual(['afgehandeld', 'met-maatregelen', 'Met maatregelen', '1', '1', '2', '1', '0']);
    expect(row('gemist', 'termijnen')).toEqual(['termijnen', 'gemist', 'Termijnen niet gehaald', '1', '0', '1', '1', '0']);
    expect(rows.every((r) => r.length === 8)).toBe(true);
  });

  it('the yearly overview (Awb 9:12a): the year, its quarters and the year before', async () => {
    const y = await o.get('/api/staff/reports/2026', directie);
    expect(y.kind).toBe('yearly');
    expect(y.columns.map((c: { period: string }) => c.period)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2025']);
    expect(y.figures.received.total).toBe(13);
    expect(y.figures.handled).toMatchObject({
      total: 11,
      byOutcome: { gegrond: 5, ongegrond: 2, 'deels-gegrond': 2, 'niet-ontvankelijk': 1, ingetrokken: 1 },
      withdrawn: 1,
      withMeasures: 5,
      days: { average: 34.3, median: 35, max: 49 },
    });
    expect(y.figures.terms).toMatchObject({ met: 18, missed: 3 });
    const csv = parseCsv(await o.get('/api/staff/reports/2026?format=csv', directie));
    expect(csv[0]).toEqual(['onderdeel', 'code', 'omschrijving', '2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2025']);
    expect(csv.find((r) => r[0] === 'afgehandeld' && r[1] === 'totaal')).toEqual(['afgehandeld', 'totaal', 'Afgehandelde klachten', '11', '3', '3', '2', '3', '0']);
  });

  it('the register: every case with topic, stage, outcome, measures and each term', async () => {
    const reg = await o.get('/api/staff/register?year=2026', directie);
    expect(reg.lines).toHaveLength(13);
    expect(reg.removed).toBe(0);
    const line = (k: string) => reg.lines.find((l: { reference: string }) => l.reference === refs[k]);
    expect(line('B')).toMatchObject({
      channel: 'phone',
      topic: 'bejegening',
      status: 'closed',
      stage: 'directie',
      outcome: 'ongegrond',
      closedOn: '2026-02-16',
      terms: [
        { term: 'directie.bevestiging', result: 'missed' },
        { term: 'directie.standpunt', result: 'met' },
      ],
    });
    expect(line('E')).toMatchObject({ outcome: 'gegrond', measures: `Werkinstructie ${people.E!.word} herzien.` });
    expect(line('M')).toMatchObject({ status: 'open', terms: [{ term: 'directie.bevestiging', result: 'missed' }, { term: 'directie.standpunt', result: 'open' }] });
    const csv = parseCsv(await o.get('/api/staff/register?year=2026&format=csv', directie));
    expect(csv[0]).toEqual(['kenmerk', 'ontvangen', 'kanaal', 'onderwerp', 'status', 'fase', 'uitkomst', 'maatregelen', 'afgesloten', 'doorgezet', 'termijnen']);
    expect(csv).toHaveLength(14);
    const page = await o.get('/staff/register?year=2026', directie);
    expect(page).toContain(refs.A!);
  });

  it('the inventory went out by itself each quarter, once, to the directie, with the CSV attached', async () => {
    const mails = o.outbox.messages.filter((m) => m.subject.startsWith('Klachteninventarisatie'));
    // Sent at the first move of the office's clock after each quarter ended.
    expect(mails.map((m) => [m.to.map((t) => t.email), m.subject, m.sentAt])).toEqual([
      [[DIRECTIE], 'Klachteninventarisatie per kwartaal: 1e kwartaal 2026', at('2026-04-07')],
      [[DIRECTIE], 'Klachteninventarisatie per kwartaal: 2e kwartaal 2026', at('2026-07-07')],
      [[DIRECTIE], 'Klachteninventarisatie per kwartaal: 3e kwartaal 2026', at('2026-10-05')],
      [[DIRECTIE], 'Klachteninventarisatie per kwartaal: 4e kwartaal 2026', at('2027-01-04')],
    ]);
    const files = o.outbox.attachments().filter((a) => a.subject.startsWith('Klachteninventarisatie'));
    expect(files.map((f) => f.filename)).toEqual(['klachten-hss-kwartaal-2026-Q1.csv', 'klachten-hss-kwartaal-2026-Q2.csv', 'klachten-hss-kwartaal-2026-Q3.csv', 'klachten-hss-kwartaal-2026-Q4.csv']);
    expect(files.every((f) => f.contentType === 'text/csv; charset=utf-8' && f.size > 500)).toBe(true);
    // The mailed Q4 file says what the workspace's CSV says.
    expect(files[3]!.content).toBe(await o.get('/api/staff/reports/2026-Q4?format=csv', directie));
    expect(mails[3]!.text).toContain('/staff/reports/2026-Q4?report=kwartaal');
  });

  it('no name, address, e-mail, phone, reference or free text in any report', async () => {
    const outputs: string[] = [];
    for (const period of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026', '2026-12']) {
      outputs.push(JSON.stringify(await o.get(`/api/staff/reports/${period}`, directie)));
      outputs.push(await o.get(`/api/staff/reports/${period}?format=csv`, directie));
      outputs.push(await o.get(`/staff/reports/${period}`, directie));
    }
    outputs.push(...o.outbox.attachments().map((a) => a.content));
    const all = outputs.join('\n');
    for (const [k, p] of Object.entries(people)) {
      for (const secret of [p.name, ...p.name.split(' '), p.email, p.phone, p.word, refs[k]!, 'Dorpsstraat']) expect(all, `${k}: ${secret}`).not.toContain(secret);
    }
    expect(all).not.toMatch(/[a-z0-9.]+@example\.nl/);
    expect(all).not.toContain('Toelichting');
    expect(all).not.toContain('Werkinstructie');
  });
});

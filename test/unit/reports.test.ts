import { describe, expect, it } from 'vitest';
import { canonicalJson, commitHash, GENESIS, verifyExport, exportSignature } from '../../shared/policy/audit-chain.ts';
import { blobKeys, closingEffects, purgeAt } from '../../shared/policy/retention.ts';
import { toCsv } from '../../shared/app/reports/build.ts';
import { aggregate, registerFigures, signals, type Figures, type RegisterFigures } from '../../shared/reports/figures.ts';
import { endedBetween, endInstant, lastCompleted, parsePeriod, parts, periodLabel, periodOf, previous, shift } from '../../shared/reports/periods.ts';
import { createSigner } from '../../shared/security/signer.ts';
import type { CaseEvent } from '../../shared/engine/types.ts';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const DIRECTIE = staff('directie@hss.example.nl');

describe('report periods', () => {
  it('parses years, quarters and months, with their first and last days', () => {
    expect(parsePeriod('2026')).toEqual({ id: '2026', kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q4')).toEqual({ id: '2026-Q4', kind: 'quarter', year: 2026, from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ to: '2026-03-31' });
    for (const bad of ['2026-Q5', '2026-13', '26', '2026-1', 'Q1-2026', '']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('steps back and forth over year ends, and splits a year into quarters', () => {
    expect(shift(parsePeriod('2026-Q1')!, 1).id).toBe('2025-Q4');
    expect(shift(parsePeriod('2026-Q4')!, -1).id).toBe('2027-Q1');
    expect(shift(parsePeriod('2026-01')!, 1).id).toBe('2025-12');
    expect(previous(parsePeriod('2026-Q2')!, 4).map((p) => p.id)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
    expect(parts(parsePeriod('2026')!).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodOf('2026-08-18', 'quarter').id).toBe('2026-Q3');
  });

  it('a period is over at midnight in Amsterdam; what a report still owes', () => {
    expect(endInstant(parsePeriod('2026-Q1')!)).toBe('2026-03-31T22:00:00.000Z');
    expect(lastCompleted('2026-03-31T21:59:59.999Z', 'quarter').id).toBe('2025-Q4');
    expect(lastCompleted('2026-03-31T22:00:00.000Z', 'quarter').id).toBe('2026-Q1');
    expect(endedBetween('2026-01-05T09:00:00Z', '2026-03-31T23:00:00Z', 'quarter').map((p) => p.id)).toEqual(['2026-Q1']);
    expect(endedBetween('2026-01-05T09:00:00Z', '2026-12-01T00:00:00Z', 'quarter').map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(endedBetween('2026-01-05T09:00:00Z', '2026-12-01T00:00:00Z', 'year')).toEqual([]);
    expect(endedBetween('2026-01-05T09:00:00Z', '2027-01-01T00:00:00Z', 'year').map((p) => p.id)).toEqual(['2026']);
  });

  it('reads as people write it', () => {
    expect(periodLabel(parsePeriod('2026-Q4')!, 'nl')).toBe('4e kwartaal 2026');
    expect(periodLabel(parsePeriod('2026-Q4')!, 'en')).toBe('Q4 2026');
    expect(periodLabel(parsePeriod('2026-03')!, 'nl')).toBe('maart 2026');
  });
});

describe('the register figures of a case', () => {
  it('codes, dates and counts only: topic, channel, outcome, stage, days, each term met or missed, measures yes/no', () => {
    const h = CaseHarness.for('hss', '2026-01-12T09:00:00Z');
    h.submit({ name: 'Bert', email: 'bert@example.nl', topic: 'bejegening', description: 'Onbeleefd.' }, { channel: 'phone', actor: staff('medewerker@hss.example.nl') });
    h.do({ type: 'acknowledge', actor: DIRECTIE }, '2026-01-26T09:00:00Z');
    h.do({ type: 'waive-hearing', actor: DIRECTIE, party: 'complainant', reason: 'declined' }, '2026-02-16T08:00:00Z');
    h.do({ type: 'decide', actor: DIRECTIE, outcome: 'ongegrond', motivation: 'Niet aangetoond.', measures: 'Gesprek gevoerd.' }, '2026-02-16T09:00:00Z');
    const f = registerFigures(h.procedure, h.s);
    expect(f).toEqual({
      v: 1,
      receivedOn: '2026-01-12',
      closedOn: '2026-02-16',
      channel: 'phone',
      topic: 'bejegening',
      status: 'closed',
      outcome: 'ongegrond',
      stage: 'directie',
      stages: 1,
      days: 35,
      terms: [
        { stage: 'directie', term: 'bevestiging', result: 'missed', extended: false },
        { stage: 'directie', term: 'standpunt', result: 'met', extended: false },
      ],
      escalations: 0,
      measures: true,
      late: false,
    } satisfies RegisterFigures);
    expect(JSON.stringify(f)).not.toMatch(/Bert|bert@|Onbeleefd|Niet aangetoond|Gesprek/);
  });

  it('a withdrawn case; a case erased before it ended; a topic the procedure does not know', () => {
    const h = CaseHarness.for('hss', '2026-02-10T09:00:00Z');
    h.submit({ email: 'c@example.nl', topic: 'informatie', description: 'x' });
    const open = h.s;
    expect(registerFigures(h.procedure, { ...open, fields: { ...open.fields, topic: 'vrije tekst van de klager' } }, '2026-02-11')).toMatchObject({ status: 'erased', outcome: 'gewist', topic: '-', closedOn: '2026-02-11', days: 1, terms: [] });
    expect(() => registerFigures(h.procedure, open)).toThrow(/not ended/);
    h.do({ type: 'withdraw', actor: complainant, reason: 'Opgelost.' }, '2026-02-20T09:00:00Z');
    // Not confirmed within the 7 working days before it was withdrawn; the 6 weeks were cancelled, so not counted.
    expect(registerFigures(h.procedure, h.s)).toMatchObject({ status: 'withdrawn', outcome: 'ingetrokken', measures: false, terms: [{ term: 'bevestiging', result: 'missed' }] });
  });

  it('the commit that ends a case files its figures and sets the expiry of its items; others add nothing', () => {
    const h = CaseHarness.for('buro-leerlingenhulp', '2026-01-06T09:00:00Z');
    h.submit({ childName: 'K', name: 'O', address: 'A 1', phone: '06', email: 'o@example.nl', eventDate: '2026-01-02', description: 'x' });
    const before = h.s;
    expect(closingEffects(h.procedure, undefined, before)).toEqual([]);
    h.do({ type: 'waive-hearing', actor: staff('klachtenfunctionaris@buroleerlingenhulp.example.nl'), party: 'complainant', reason: 'declined' }, '2026-01-20T08:00:00Z');
    expect(closingEffects(h.procedure, before, h.s)).toEqual([]);
    h.do({ type: 'decide', actor: staff('klachtenfunctionaris@buroleerlingenhulp.example.nl'), outcome: 'gegrond', motivation: 'm', measures: '' }, '2026-01-20T09:00:00Z');
    // 2 years after 20 January 2026: kept through 20 January 2028.
    expect(purgeAt(h.procedure, h.s)).toBe('2028-01-20T23:00:00.000Z');
    expect(closingEffects(h.procedure, before, h.s)).toEqual([
      { kind: 'register', figures: expect.objectContaining({ closedOn: '2026-01-20', outcome: 'gegrond' }) },
      { kind: 'expire-items', at: '2028-01-27T23:00:00.000Z' },
    ]);
    expect(closingEffects(h.procedure, h.s, h.s)).toEqual([]);
  });

  it('the blobs a purge deletes: the case folder and single raw mails, never a broad prefix', () => {
    const events = [
      { type: 'message-received', at: '', party: 'complainant', sender: 'a@b.nl', subject: '', text: '', blob: `mail/${'a'.repeat(32)}.eml`, attachments: [{ name: 'x', type: 'x', size: 1, key: 'cases/R-1/attachments/abc' }] },
      { type: 'message-received', at: '', party: 'complainant', sender: 'a@b.nl', subject: '', text: '', blob: 'mail/', attachments: [] },
    ] as CaseEvent[];
    expect(blobKeys('R-1', events, [`submission:mail-${'b'.repeat(32)}`, 'submission:web-123'])).toEqual([
      'cases/R-1/',
      `mail/${'a'.repeat(32)}.eml`,
      'cases/R-1/attachments/abc',
      `mail/${'b'.repeat(32)}.eml`,
    ]);
  });
});

describe('aggregating and trends', () => {
  const row = (over: Partial<RegisterFigures>): RegisterFigures => ({
    v: 1, receivedOn: '2026-01-10', closedOn: '2026-02-10', channel: 'web', topic: 'advies', status: 'closed', outcome: 'gegrond',
    stage: 'directie', stages: 1, days: 31, terms: [], escalations: 0, measures: false, late: false, ...over,
  });
  it('counts received by receipt date (closed and running) and handled by closing date', () => {
    const q1 = parsePeriod('2026-Q1')!;
    const f = aggregate(q1, {
      rows: [row({}), row({ receivedOn: '2025-12-20', closedOn: '2026-01-05', days: 16, escalations: 1, measures: true }), row({ receivedOn: '2026-03-30', closedOn: '2026-04-02' })],
      open: [{ receivedOn: '2026-03-01', channel: 'phone', topic: 'bejegening' }],
      privacy: [{ kind: 'access', on: '2026-02-01' }, { kind: 'purged', on: '2026-04-01' }],
    });
    expect(f.received).toEqual({ total: 3, byTopic: { advies: 2, bejegening: 1 }, byChannel: { web: 2, phone: 1 } });
    expect(f.handled).toMatchObject({ total: 2, escalated: 1, withMeasures: 1, days: { average: 23.5, median: 23.5, max: 31 } });
    expect(f.privacy).toEqual({ purged: 0, erased: 0, access: 1 });
  });

  it('signals what rose or fell clearly against the earlier average', () => {
    const fig = (bejegening: number, advies: number): Figures => aggregate(parsePeriod('2026-Q1')!, {
      rows: [],
      open: [...Array(bejegening).fill({ receivedOn: '2026-01-02', channel: 'web', topic: 'bejegening' }), ...Array(advies).fill({ receivedOn: '2026-01-02', channel: 'web', topic: 'advies' })],
      privacy: [],
    });
    const s = signals(fig(4, 0), [fig(1, 3), fig(2, 3)]);
    expect(s).toEqual(
      expect.arrayContaining([
        { measure: 'topic:bejegening', current: 4, before: 1.5, direction: 'up' },
        { measure: 'topic:advies', current: 0, before: 3, direction: 'down' },
      ]),
    );
    expect(s.map((x) => x.measure)).not.toContain('received:total');
    expect(signals(fig(4, 0), [])).toEqual([]);
  });

  it('CSV: commas, quotes and line breaks quoted; CRLF', () => {
    expect(toCsv([['a', 'b,c', 'd"e', 'f\ng', 1, null, true]])).toBe('a,"b,c","d""e","f\ng",1,,ja\r\n');
  });
});

describe('the audit chain', () => {
  it('canonical JSON: keys sorted at every depth, undefined left out, arrays kept in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  const signer = createSigner([{ id: 'a', secret: 'k'.repeat(40) }]);
  const exported = () => {
    const events = [[{ type: 'submitted', at: 't1', reference: 'HSS-2026-AAAAA' }], [{ type: 'viewed', at: 't2', by: 'x@y.nl' }], [{ type: 'note-added', at: 't3', text: 'a' }]];
    let prev = GENESIS;
    const commits = events.map((ev, i) => {
      const c = { seq: i + 1, at: `2026-01-0${i + 1}T00:00:00.000Z`, events: ev as unknown[], prevHash: prev, hash: '' };
      c.hash = commitHash(prev, c);
      prev = c.hash;
      return c;
    });
    return { format: 'klachtenloket-audit/1', reference: 'HSS-2026-AAAAA', procedureId: 'hss', procedureHash: 'h', exportedAt: 'x', exportedBy: 'x', purpose: 'export', commits, head: prev, signature: exportSignature(signer, 'HSS-2026-AAAAA', prev) };
  };

  it('verifies an export and names the first commit that was changed', () => {
    expect(verifyExport(exported(), signer)).toMatchObject({ ok: true, commits: 3, signature: 'valid' });
    const x = exported();
    (x.commits[1]!.events[0] as { by: string }).by = 'iemand@anders.nl';
    expect(verifyExport(x)).toMatchObject({ ok: false, brokenSeq: 2 });
    const y = exported();
    y.commits[2]!.at = '2026-02-01T00:00:00.000Z';
    expect(verifyExport(y)).toMatchObject({ ok: false, brokenSeq: 3 });
    const z = exported();
    z.head = 'f'.repeat(64);
    expect(verifyExport(z)).toMatchObject({ ok: false, brokenSeq: 3 });
    expect(verifyExport({ ...exported(), signature: 'aXXXXXXXXXXXXXXXXXXXXXX' }, signer)).toMatchObject({ ok: false, signature: 'invalid' });
    expect(verifyExport({ format: 'iets' })).toMatchObject({ ok: false, problem: expect.stringContaining('unknown format') });
    expect(verifyExport({ ...exported(), reference: 'HSS-2026-BBBBB' })).toMatchObject({ ok: false, brokenSeq: 1 });
  });
});

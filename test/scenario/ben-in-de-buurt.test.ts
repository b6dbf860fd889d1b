/**
 * Ben in de Buurt: events at most a year ago; handled by a manager who was not involved; the
 * person complained about has 2 weeks to respond; handled within 6 weeks; withdrawal stops it.
 */
import { describe, expect, it } from 'vitest';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const ANNA = 'anna.devries@benindebuurt.example.nl';
const PIETER = 'pieter.bakker@benindebuurt.example.nl';
const BALIE = 'balie@benindebuurt.example.nl';
const KLAGER = 'klager@example.nl';
const PARTNER = 'info@zorgpartner.example.nl';
const anna = staff(ANNA);
const pieter = staff(PIETER);

const complaint = (eventDate: string, employeeName?: string) => ({
  name: 'Henk Smit',
  email: KLAGER,
  eventDate,
  topic: 'bejegening',
  description: 'Ik werd aan de balie onvriendelijk weggestuurd.',
  ...(employeeName ? { employeeName } : {}),
});

/** Received on King's Day, Saturday 26 April 2025, through the web form, about "Bakker"; Anna identifies him as Pieter Bakker. */
function received() {
  const h = CaseHarness.for('ben-in-de-buurt', '2025-04-26T08:00:00Z');
  h.submit(complaint('2025-04-20', 'Bakker'), { at: '2025-04-26T12:00:00+02:00' });
  h.do({ type: 'identify-party', actor: anna, party: 'named', staff: PIETER });
  return h;
}

describe('ben-in-de-buurt: the one-year window', () => {
  // 29 February 2024 + 1 year = 28 February 2025 (a Friday).
  it('a leap day event: the year ends on 28 February; a day later is refused', () => {
    expect(CaseHarness.for('ben-in-de-buurt', '2025-02-28T22:00:00+01:00').submit(complaint('2024-02-29')).ok).toBe(true);
    const late = CaseHarness.for('ben-in-de-buurt', '2025-03-01T09:00:00+01:00');
    const r = late.submit(complaint('2024-02-29'));
    expect(r).toMatchObject({ ok: false, refusal: { code: 'not-allowed', reason: 'outside-window' } });
    if (r.ok) return;
    expect(late.say(r.refusal)).toBe(
      'Je klacht gaat over iets van donderdag 29 februari 2024. Volgens de klachtenregeling van Ben in de Buurt kon je daarover een klacht indienen tot en met vrijdag 28 februari 2025. ' +
        'Die termijn is voorbij. Daarom kunnen we deze klacht niet in behandeling nemen. Heb je vragen? Neem contact op met Ben in de Buurt: klachten@benindebuurt.example.nl.',
    );
  });

  it('an event in the future is a field error', () => {
    expect(CaseHarness.for('ben-in-de-buurt', '2025-03-01T09:00:00+01:00').submit(complaint('2025-03-02'))).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', reason: 'fields', fields: [{ field: 'eventDate' }] },
    });
  });
});

describe('ben-in-de-buurt: the manager complained about never handles it', () => {
  it('the named manager is only a suggestion until staff identify him; then he is informed of the complaint and no longer sees it', () => {
    const h = CaseHarness.for('ben-in-de-buurt', '2025-04-26T08:00:00Z');
    h.submit(complaint('2025-04-20', 'Bakker'), { at: '2025-04-26T12:00:00+02:00' });
    expect(h.s.concerned).toEqual([]);
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${ANNA}, ${PIETER}`]);
    h.do({ type: 'identify-party', actor: anna, party: 'named', staff: PIETER });
    expect(h.s.concerned).toEqual([PIETER]);
    expect(h.lastMailSummary()).toEqual([`concerned-copy → ${PIETER}`]);
  });

  it('the concerned manager cannot be assigned, and cannot act', () => {
    const h = received();
    expect(h.refuse({ type: 'assign', actor: anna, handler: PIETER }, '2025-04-28T09:00:00+02:00')).toMatchObject({
      code: 'not-allowed',
      reason: 'handler-concerned',
      fields: [{ field: 'handler' }],
    });
    for (const cmd of [
      { type: 'assign' as const, actor: pieter, handler: ANNA },
      { type: 'acknowledge' as const, actor: pieter },
      { type: 'note' as const, actor: pieter, text: 'Zo ging het niet.' },
      { type: 'request-response' as const, actor: pieter, from: PARTNER, question: 'Wat gebeurde er?' },
      { type: 'decide' as const, actor: pieter, outcome: 'ongegrond', motivation: 'Onzin.', measures: '' },
      { type: 'close' as const, actor: pieter, reason: 'Afgedaan' },
      { type: 'withdraw' as const, actor: pieter, reason: 'Klager trekt in' },
    ]) {
      expect(h.refuse(cmd), cmd.type).toMatchObject({ code: 'forbidden', reason: 'concerned' });
    }
    // He may write down a complaint about himself made to him in person, and say it is about him; from then on he is concerned.
    const other = CaseHarness.for('ben-in-de-buurt', '2025-04-28T08:00:00Z');
    expect(other.submit(complaint('2025-04-20', 'Pieter Bakker'), { channel: 'in-person', actor: pieter }).ok).toBe(true);
    other.do({ type: 'identify-party', actor: pieter, party: 'named', staff: PIETER });
    expect(other.s.concerned).toEqual([PIETER]);
    expect(other.refuse({ type: 'note', actor: pieter, text: 'x' })).toMatchObject({ reason: 'concerned' });

    h.do({ type: 'assign', actor: anna, handler: ANNA });
    expect(h.lastEvents).toMatchObject([{ type: 'assigned', handler: ANNA, by: ANNA }]);
    expect(h.lastMailSummary()).toEqual([`staff-assigned → ${ANNA}`]);
    expect(h.refuse({ type: 'assign', actor: anna, handler: BALIE })).toMatchObject({ code: 'invalid', reason: 'handler-role' });
  });

  it('once identified, the concerned manager gets no more staff mail', () => {
    const h = received();
    h.do({ type: 'request-response', actor: anna, from: PARTNER, question: 'Wat gebeurde er aan de balie?' }, '2025-04-28T10:00:00+02:00');
    h.advanceTo('2025-06-12T00:00:00Z');
    // Both sides heard (Awb 9:10) before the decision.
    h.do({ type: 'offer-hearing', actor: anna, party: 'complainant' });
    h.do({ type: 'offer-hearing', actor: anna, party: 'named' });
    h.do({ type: 'record-conversation', actor: anna, date: '2025-06-12', attendees: ['Klager', 'Pieter Bakker', 'Anna'], summary: 'Beide kanten gehoord.', signedBy: [] });
    h.do({ type: 'decide', actor: anna, outcome: 'gegrond', motivation: 'Onheus bejegend.', measures: 'Gesprek met de medewerker.' });
    const toPieter = h.mails().filter((m) => m.to.some((a) => 'email' in a && a.email === PIETER));
    // The notice of the new case reached him before anyone knew it was about him; after that only
    // what goes to the person complained about: his copy, the offer of a hearing, the record of it.
    expect(toPieter.map((m) => m.template)).toEqual(['staff-new-case', 'concerned-copy', 'hearing-offer', 'conversation-record']);
    expect(h.mails('staff-overdue').length).toBeGreaterThan(0);
  });
});

describe('ben-in-de-buurt: terms', () => {
  it('6 weeks from King’s Day end on Saturday 7 June, rolled over Whitsun to Tuesday 10 June', () => {
    const h = received();
    expect(h.openTerms()).toEqual([
      {
        instance: 'manager.afhandeling.1',
        termId: 'afhandeling',
        stage: 'manager',
        startedOn: '2025-04-26',
        lastDay: '2025-06-10',
        dueAt: '2025-06-10T22:00:00.000Z',
        remindAt: '2025-06-03T07:00:00.000Z',
        moved: {
          from: '2025-06-07',
          skipped: [
            { date: '2025-06-07', reason: 'zaterdag' },
            { date: '2025-06-08', reason: 'Eerste Pinksterdag' },
            { date: '2025-06-09', reason: 'Tweede Pinksterdag' },
          ],
        },
        extensions: 0,
        originalLastDay: '2025-06-10',
      },
    ]);
    // Missed: the complainant hears of the delay, the manager is alerted.
    h.advanceTo('2025-06-11T08:00:00+02:00');
    expect(h.lastMailSummary()).toEqual([`staff-reminder → ${ANNA}`, `staff-overdue → ${ANNA}`, `delay → ${KLAGER}`]);
  });

  it('request-response starts 2 weeks for the response; recording it meets the term', () => {
    const h = received();
    h.do({ type: 'assign', actor: anna, handler: ANNA }, '2025-04-28T09:00:00+02:00');
    expect(h.refuse({ type: 'request-response', actor: anna, from: 'niet-een-adres', question: 'x' })).toMatchObject({ reason: 'from-email' });
    h.do({ type: 'request-response', actor: anna, from: 'Info@Zorgpartner.example.nl', question: 'Wat gebeurde er aan de balie?' });
    expect(h.eventTypes()).toEqual(['response-requested', 'term-started']);
    // Monday 28 April + 2 weeks = Monday 12 May.
    expect(h.term('reactie-betrokkene')).toMatchObject({
      instance: 'manager.reactie-betrokkene.1',
      startedOn: '2025-04-28',
      lastDay: '2025-05-12',
      dueAt: '2025-05-12T22:00:00.000Z',
      remindAt: '2025-05-09T07:00:00.000Z',
    });
    expect(h.lastTimerEffects()).toEqual([
      'schedule expire manager.reactie-betrokkene.1 @ 2025-05-12T22:00:00.000Z',
      'schedule remind manager.reactie-betrokkene.1 @ 2025-05-09T07:00:00.000Z',
    ]);
    expect(h.lastMails()).toEqual([
      {
        kind: 'mail',
        template: 'response-request',
        to: [{ email: PARTNER }],
        lang: 'nl',
        vars: { question: 'Wat gebeurde er aan de balie?', dueDate: '2025-05-12' },
      },
    ]);
    expect(h.s.pendingResponses).toEqual([PARTNER]);

    expect(h.refuse({ type: 'record-response', actor: anna, from: 'iemand@anders.nl', text: 'x' })).toMatchObject({ reason: 'no-request' });
    // Any staff member may record a response that came in (e.g. by letter at the desk).
    h.do({ type: 'record-response', actor: staff(BALIE), from: PARTNER, text: 'Het was erg druk; excuses.' }, '2025-05-08T11:00:00+02:00');
    expect(h.eventTypes()).toEqual(['response-recorded', 'term-ended']);
    expect(h.lastEvents[1]).toMatchObject({ instance: 'manager.reactie-betrokkene.1', outcome: 'met', reason: 'response-recorded' });
    expect(h.lastTimerEffects()).toEqual(['cancel expire manager.reactie-betrokkene.1', 'cancel remind manager.reactie-betrokkene.1']);
    expect(h.lastEffects.filter((e) => e.kind === 'mail')).toEqual([]);
    expect(h.s.pendingResponses).toEqual([]);
    expect(h.openTerms().map((t) => t.termId)).toEqual(['afhandeling']);
  });

  it('a missed response alerts the (assigned) handler, not the complainant', () => {
    const h = received();
    h.do({ type: 'assign', actor: anna, handler: ANNA }, '2025-04-28T09:00:00+02:00');
    h.do({ type: 'request-response', actor: anna, from: PARTNER, question: 'Wat gebeurde er?' }, '2025-05-13T10:00:00+02:00');
    // Tuesday 13 May + 2 weeks = Tuesday 27 May; reminder Saturday 24 May.
    expect(h.term('reactie-betrokkene')).toMatchObject({ lastDay: '2025-05-27', remindAt: '2025-05-24T07:00:00.000Z' });
    h.advanceTo('2025-05-28T09:00:00+02:00');
    expect(h.eventTypes()).toEqual(['term-reminded', 'term-ended']);
    expect(h.lastEvents[1]).toMatchObject({ instance: 'manager.reactie-betrokkene.1', outcome: 'missed' });
    expect(h.lastMails()).toMatchObject([
      { template: 'staff-reminder', to: [{ email: ANNA }], vars: { term: 'Reactie van de betrokkene', dueDate: '2025-05-27' } },
      { template: 'staff-overdue', to: [{ email: ANNA }], vars: { term: 'Reactie van de betrokkene', dueDate: '2025-05-27' } },
    ]);
    // A response can still be recorded late.
    h.do({ type: 'record-response', actor: anna, from: PARTNER, text: 'Sorry, te laat.' });
    expect(h.eventTypes()).toEqual(['response-recorded']);
  });

  it('withdrawal stops handling: every timer cancelled, a written confirmation', () => {
    const h = received();
    h.do({ type: 'request-response', actor: anna, from: PARTNER, question: 'Wat gebeurde er?' }, '2025-04-28T10:00:00+02:00');
    expect(h.refuse({ type: 'withdraw', actor: complainant, reason: '' })).toMatchObject({ reason: 'missing-reason' });
    h.do({ type: 'withdraw', actor: complainant, reason: 'Het is uitgepraat.' }, '2025-05-05T10:00:00+02:00');
    expect(h.eventTypes()).toEqual(['term-ended', 'term-ended', 'withdrawn']);
    expect(h.lastEvents.slice(0, 2)).toMatchObject([
      { instance: 'manager.afhandeling.1', outcome: 'cancelled', reason: 'withdrawn' },
      { instance: 'manager.reactie-betrokkene.1', outcome: 'cancelled', reason: 'withdrawn' },
    ]);
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire manager.afhandeling.1',
      'cancel remind manager.afhandeling.1',
      'cancel expire manager.reactie-betrokkene.1',
      'cancel remind manager.reactie-betrokkene.1',
    ]);
    expect(h.lastMails()).toEqual([
      { kind: 'mail', template: 'withdrawn', to: [{ email: KLAGER, name: 'Henk Smit' }], lang: 'nl', vars: { reason: 'Het is uitgepraat.' } },
      { kind: 'mail', template: 'staff-withdrawn', to: [{ email: ANNA, name: 'Anna de Vries' }], lang: 'nl', vars: { reason: 'Het is uitgepraat.' } },
    ]);
    expect(h.s).toMatchObject({ status: 'withdrawn', openTerms: {}, closedAt: '2025-05-05T08:00:00.000Z' });
    expect(h.pendingTimers()).toEqual([]);
    h.advanceTo('2025-07-01T00:00:00Z');
    expect(h.lastEvents).toEqual([]);
    expect(h.refuse({ type: 'decide', actor: anna, outcome: 'gegrond', motivation: 'x', measures: '' })).toMatchObject({ reason: 'status-withdrawn' });
    expect(h.refuse({ type: 'withdraw', actor: complainant, reason: 'nogmaals' })).toMatchObject({ reason: 'status-withdrawn' });
  });

  it('a complaint made in person is registered by staff', () => {
    const h = CaseHarness.for('ben-in-de-buurt', '2025-04-28T08:00:00Z');
    h.submit(complaint('2025-04-20'), { channel: 'in-person', actor: staff(BALIE) });
    expect(h.events[0]).toMatchObject({ channel: 'in-person', enteredBy: BALIE });
    // Nobody is named, so both managers may handle it.
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${ANNA}, ${PIETER}`]);
  });

  it('the decision opens the route to the complaints officer (default 6-week window)', () => {
    const h = received();
    h.do({ type: 'waive-hearing', actor: anna, party: 'complainant', reason: 'manifestly-unfounded' }, '2025-05-20T10:00:00+02:00');
    h.do({ type: 'waive-hearing', actor: anna, party: 'named', reason: 'manifestly-unfounded' });
    h.do({ type: 'decide', actor: anna, outcome: 'ongegrond', motivation: 'Niet gebleken.', measures: '' });
    expect(h.lastEvents[0]).toMatchObject({ binding: false });
    expect(h.term('appeal')).toMatchObject({ lastDay: '2025-07-01' });
    h.do({ type: 'escalate', actor: complainant, reason: 'Ik wil met de klachtenfunctionaris praten.' }, '2025-06-02T10:00:00+02:00');
    expect(h.s.stage).toBe('klachtenfunctionaris');
    expect(h.term('bemiddeling')).toMatchObject({ lastDay: '2025-07-14' });
    expect(h.lastMailSummary()).toEqual([`escalated → ${KLAGER}`, 'staff-new-case → klachtenfunctionaris@benindebuurt.example.nl']);
  });
});

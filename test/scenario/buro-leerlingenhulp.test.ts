/**
 * Buro Leerlingenhulp: no anonymous complaints; in writing within 8 days (a late one is reviewed,
 * not refused); taken into handling within 10 working days; a response aimed for within 3 weeks,
 * and if that fails the complainant hears the reason for the delay and a new estimated term.
 */
import { describe, expect, it } from 'vitest';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const FUNCTIONARIS = 'klachtenfunctionaris@buroleerlingenhulp.example.nl';
const SPECIALIST = 'specialist@buroleerlingenhulp.example.nl';
const KLAGER = 'ouder@example.nl';
const functionaris = staff(FUNCTIONARIS);

const complaint = (eventDate: string) => ({
  childName: 'Sara de Groot',
  name: 'Marieke de Groot',
  address: 'Dorpsstraat 1, 1234 AB Ergens',
  phone: '06-11223344',
  email: KLAGER,
  eventDate,
  description: 'Het onderzoeksverslag bevat onjuistheden over mijn dochter.',
});

/** Received Monday 22 December 2025. */
const RECEIVED = '2025-12-22T10:00:00+01:00';

function received(eventDate = '2025-12-16') {
  const h = CaseHarness.for('buro-leerlingenhulp', '2025-12-22T08:00:00Z');
  const r = h.submit(complaint(eventDate), { at: RECEIVED });
  if (!r.ok) throw new Error(r.refusal.reason);
  return h;
}

describe('buro-leerlingenhulp', () => {
  it('an anonymous complaint is refused, saying why', () => {
    const h = CaseHarness.for('buro-leerlingenhulp', '2025-12-22T08:00:00Z');
    const { name: _n, ...anonymous } = complaint('2025-12-16');
    const r = h.submit(anonymous);
    expect(r).toMatchObject({ ok: false, refusal: { code: 'not-allowed', reason: 'anonymous', fields: [{ field: 'name' }] } });
    if (r.ok) return;
    expect(h.say(r.refusal)).toBe('BLH neemt geen anonieme klachten in behandeling, omdat wij de situatie dan niet goed kunnen onderzoeken. Vul uw naam in.');
    // The other required details are required too.
    const { childName: _c, ...noChild } = complaint('2025-12-16');
    expect(h.submit(noChild)).toMatchObject({ ok: false, refusal: { code: 'invalid', reason: 'fields', fields: [{ field: 'childName' }] } });
  });

  it('within 8 days: 12 December + 8 days is Saturday 20 December, rolled to Monday 22nd, so on time', () => {
    const h = received('2025-12-12');
    expect(h.s.admissibility).toBe('not-needed');
    expect(h.events[0]).toMatchObject({ intake: 'accepted' });
  });

  it('a late complaint (event 11 days ago) becomes a case marked for review; staff admit it', () => {
    const h = received('2025-12-11');
    expect(h.events[0]).toMatchObject({ type: 'submitted', intake: 'review', lateSince: '2025-12-19' });
    expect(h.s).toMatchObject({ status: 'open', admissibility: 'pending', lateSince: '2025-12-19', stage: 'klachtenfunctionaris' });
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${FUNCTIONARIS}`]);

    expect(h.refuse({ type: 'admit', actor: staff(SPECIALIST), reason: 'x' })).toMatchObject({ code: 'forbidden', reason: 'not-handler' });
    expect(h.refuse({ type: 'admit', actor: functionaris, reason: '' })).toMatchObject({ code: 'invalid', reason: 'missing-reason' });
    h.do({ type: 'admit', actor: functionaris, reason: 'De moeder kreeg het verslag pas op 15 december.' }, '2025-12-23T09:00:00+01:00');
    expect(h.lastEvents).toMatchObject([{ type: 'admitted', by: FUNCTIONARIS, reason: 'De moeder kreeg het verslag pas op 15 december.' }]);
    expect(h.s.admissibility).toBe('admitted');
    expect(h.refuse({ type: 'admit', actor: functionaris, reason: 'nogmaals' })).toMatchObject({ reason: 'not-late' });
  });

  it('taken into handling within 10 working days, over Christmas and New Year: 9 January', () => {
    const h = received();
    // 23, 24 Dec; 25–26 Christmas; weekend; 29, 30, 31 Dec; 1 Jan; 2 Jan (set equal by decree); 5, 6, 7, 8, 9 Jan.
    expect(h.term('in-behandeling')).toMatchObject({
      instance: 'klachtenfunctionaris.in-behandeling.1',
      lastDay: '2026-01-09',
      dueAt: '2026-01-09T23:00:00.000Z',
      remindAt: '2026-01-07T08:00:00.000Z',
    });
    // 22 December + 3 weeks = Monday 12 January; reminder 3 working days before.
    expect(h.term('reactie')).toMatchObject({
      instance: 'klachtenfunctionaris.reactie.1',
      lastDay: '2026-01-12',
      dueAt: '2026-01-12T23:00:00.000Z',
      remindAt: '2026-01-07T08:00:00.000Z',
    });
    h.do({ type: 'acknowledge', actor: functionaris }, '2026-01-08T16:00:00+01:00');
    expect(h.lastEvents[1]).toMatchObject({ instance: 'klachtenfunctionaris.in-behandeling.1', outcome: 'met' });
  });

  it('3 weeks missed: handler alerted, complainant told of the delay; then a new date with the reason', () => {
    const h = received();
    h.do({ type: 'acknowledge', actor: functionaris }, '2025-12-29T10:00:00+01:00');

    h.advanceTo('2026-01-13T09:00:00+01:00');
    expect(h.eventTypes()).toEqual(['term-reminded', 'term-ended']);
    expect(h.lastEvents[1]).toMatchObject({ instance: 'klachtenfunctionaris.reactie.1', outcome: 'missed', reason: 'expired' });
    expect(h.lastMails()).toEqual([
      {
        kind: 'mail',
        template: 'staff-reminder',
        to: [{ email: FUNCTIONARIS, name: 'Klachtenfunctionaris BLH' }],
        lang: 'nl',
        vars: { instance: 'klachtenfunctionaris.reactie.1', term: 'Inhoudelijke reactie', dueDate: '2026-01-12' },
      },
      {
        kind: 'mail',
        template: 'staff-overdue',
        to: [{ email: FUNCTIONARIS, name: 'Klachtenfunctionaris BLH' }],
        lang: 'nl',
        vars: { instance: 'klachtenfunctionaris.reactie.1', term: 'Inhoudelijke reactie', dueDate: '2026-01-12' },
      },
      {
        kind: 'mail',
        template: 'delay',
        to: [{ email: KLAGER, name: 'Marieke de Groot' }],
        lang: 'nl',
        vars: { text: 'delay.body', term: 'Inhoudelijke reactie', dueDate: '2026-01-12' },
      },
    ]);
    expect(h.openTerms()).toEqual([]);

    // The new estimated date must lie ahead.
    expect(h.refuse({ type: 'extend', actor: functionaris, reason: 'Wachten op de specialist', until: '2026-01-12' })).toMatchObject({
      code: 'invalid',
      reason: 'until',
      message: { nl: 'Kies een nieuwe datum na 2026-01-12.' },
    });
    expect(h.refuse({ type: 'extend', actor: staff(SPECIALIST), reason: 'x', until: '2026-01-26' })).toMatchObject({ reason: 'not-handler' });

    // The term already passed: a new date needs the complainant's consent (Awb 9:11 lid 2 postpones only before it ends).
    expect(h.refuse({ type: 'extend', actor: functionaris, reason: 'De specialist is ziek', until: '2026-01-26' }, '2026-01-13T10:00:00+01:00')).toMatchObject({
      reason: 'consent-needed-late',
      params: { lastDay: '2026-01-12' },
    });
    h.do({ type: 'extend', actor: functionaris, reason: 'De specialist is ziek; wij wachten op zijn reactie', until: '2026-01-26', consent: 'Klager stemde telefonisch in' });
    expect(h.eventTypes()).toEqual(['term-extended']);
    expect(h.lastEvents[0]).toMatchObject({
      from: 'klachtenfunctionaris.reactie.1',
      reason: 'De specialist is ziek; wij wachten op zijn reactie',
      consent: 'Klager stemde telefonisch in',
      term: {
        instance: 'klachtenfunctionaris.reactie.2',
        lastDay: '2026-01-26',
        dueAt: '2026-01-26T23:00:00.000Z',
        remindAt: '2026-01-21T08:00:00.000Z',
        extensions: 1,
        originalLastDay: '2026-01-12',
      },
    });
    // The missed term's timers are gone already; only the new ones are set.
    expect(h.lastTimerEffects()).toEqual([
      'schedule expire klachtenfunctionaris.reactie.2 @ 2026-01-26T23:00:00.000Z',
      'schedule remind klachtenfunctionaris.reactie.2 @ 2026-01-21T08:00:00.000Z',
    ]);
    expect(h.lastMails()).toEqual([
      {
        kind: 'mail',
        template: 'extension',
        to: [{ email: KLAGER, name: 'Marieke de Groot' }],
        lang: 'nl',
        vars: { reason: 'De specialist is ziek; wij wachten op zijn reactie', newDate: '2026-01-26' },
      },
    ]);

    // The complainant does not want to be heard (Awb 9:10 lid 2b); the response in writing meets the new term.
    h.do({ type: 'waive-hearing', actor: functionaris, party: 'complainant', reason: 'declined' }, '2026-01-20T09:00:00+01:00');
    h.do({ type: 'decide', actor: functionaris, outcome: 'deels-gegrond', motivation: 'Het verslag wordt gecorrigeerd.', measures: 'Nieuw verslag.' }, '2026-01-20T10:00:00+01:00');
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    expect(h.lastEvents[1]).toMatchObject({ instance: 'klachtenfunctionaris.reactie.2', outcome: 'met' });
    expect(h.lastTimerEffects()).toEqual(['cancel expire klachtenfunctionaris.reactie.2', 'cancel remind klachtenfunctionaris.reactie.2']);
    // The letter names the College van Toezicht as the last step.
    expect(h.procedure.stages[0]!.nextBody).toBe('college-van-toezicht');
  });

  it('the new date missed as well: another new date needs the complainant’s consent', () => {
    const h = received();
    h.advanceTo('2026-01-13T09:00:00+01:00');
    h.do({ type: 'extend', actor: functionaris, reason: 'Drukte', until: '2026-01-20', consent: 'per e-mail akkoord' });
    // A second new date needs the complainant's consent, like any second extension.
    h.advanceTo('2026-01-21T09:00:00+01:00');
    expect(h.lastMails('delay')).toHaveLength(1);
    expect(h.refuse({ type: 'extend', actor: functionaris, reason: 'Nog steeds druk', until: '2026-01-30' })).toMatchObject({ reason: 'consent-needed' });
    expect(h.s.termLog.at(-1)).toMatchObject({ extensions: 1, outcome: 'missed' });
    h.do({ type: 'extend', actor: functionaris, reason: 'Nog steeds druk', until: '2026-01-30', consent: 'telefonisch akkoord' });
    expect(h.term('reactie')).toMatchObject({ instance: 'klachtenfunctionaris.reactie.3', extensions: 2, originalLastDay: '2026-01-12' });
  });

  it('the complainant can neither extend nor acknowledge', () => {
    const h = received();
    expect(h.refuse({ type: 'extend', actor: complainant, reason: 'x', until: '2026-02-01' })).toMatchObject({ code: 'forbidden' });
    expect(h.refuse({ type: 'acknowledge', actor: complainant })).toMatchObject({ code: 'forbidden' });
  });
});

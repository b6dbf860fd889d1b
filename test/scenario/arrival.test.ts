/**
 * Requests count from their arrival: a complainant's request to go further (or to withdraw) counts
 * at the moment it reached the organisation, not when staff record it; a term it starts starts then.
 * An on-time request handled after its window closed still takes effect, and reopens the case.
 */
import { describe, expect, it } from 'vitest';
import { fieldTexts } from '../../shared/presentation/refusal.ts';
import { CaseHarness, complainant, staff, system } from '../support/engine-harness.ts';

const KLAGER = 'klager@example.nl';

describe('ben-in-de-buurt: "not satisfied" by e-mail at 20:00 on the last day, handled the next morning (finding 1)', () => {
  const ANNA = staff('anna.devries@benindebuurt.example.nl');
  const FUNCTIONARIS = 'klachtenfunctionaris@benindebuurt.example.nl';

  /** Decided Tuesday 13 May 2025: the appeal window of 6 weeks runs to Tuesday 24 June. */
  function decided() {
    const h = CaseHarness.for('ben-in-de-buurt', '2025-05-01T08:00:00Z');
    h.submit({ name: 'Henk Smit', email: KLAGER, eventDate: '2025-04-20', topic: 'bejegening', description: 'Onvriendelijk weggestuurd.' });
    h.settleDuties(ANNA, '2025-05-13T10:00:00+02:00');
    h.do({ type: 'decide', actor: ANNA, outcome: 'ongegrond', motivation: 'Niet gebleken.', measures: '' }, '2025-05-13T10:00:00+02:00');
    expect(h.term('appeal').lastDay).toBe('2025-06-24');
    return h;
  }

  /** The complainant's reply lands on the timeline at 20:00 on the last day; the window closes at midnight. */
  function replyOnLastDay() {
    const h = decided();
    h.do(
      { type: 'receive-message', actor: system, party: 'complainant', sender: KLAGER, subject: 'Re: uitkomst', text: 'Niet tevreden, ik wil naar de klachtenfunctionaris.', attachments: [] },
      '2025-06-24T20:00:00+02:00',
    );
    const arrived = h.lastEvents[0]!.at;
    h.advanceTo('2025-06-25T09:00:00+02:00');
    expect(h.s.status).toBe('closed');
    expect(h.s.closedReason).toBe('appeal-window-passed');
    return { h, arrived };
  }

  it('the escalation takes effect and the case reopens, saying so on the timeline', () => {
    const { h, arrived } = replyOnLastDay();
    h.do({ type: 'escalate', actor: ANNA, reason: 'Niet tevreden, per e-mail.', receivedAt: arrived });
    expect(h.eventTypes()).toEqual(['reopened', 'escalated', 'stage-started', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ receivedAt: '2025-06-24T18:00:00.000Z', lastDay: '2025-06-24', by: 'anna.devries@benindebuurt.example.nl' });
    expect(h.lastEvents[1]).toMatchObject({ from: 'manager', to: 'klachtenfunctionaris', receivedAt: '2025-06-24T18:00:00.000Z' });
    expect(h.s).toMatchObject({ stage: 'klachtenfunctionaris', status: 'open' });
    expect(h.s.closedAt).toBeUndefined();
    expect(h.lastMailSummary()).toEqual([`escalated → ${KLAGER}`, `staff-new-case → ${FUNCTIONARIS}`]);
    // The officer's term counts from the day the request arrived, 24 June.
    for (const t of h.openTerms()) expect(t.startedOn).toBe('2025-06-24');
    expect(h.folded()).toEqual(h.s);
  });

  it('without the arrival time (judged when staff act) it is refused, naming the last day in words', () => {
    const { h } = replyOnLastDay();
    const r = h.refuse({ type: 'escalate', actor: ANNA, reason: 'Niet tevreden.' });
    expect(r).toMatchObject({ code: 'not-allowed', reason: 'request-late', params: { lastDay: '2025-06-24', receivedOn: '2025-06-25' } });
    expect(r.message.nl).toBe(
      'Het verzoek kwam binnen op woensdag 25 juni 2025. Verder gaan met de klacht kon tot en met dinsdag 24 juni 2025. Daarom kan het verzoek niet meer worden behandeld.',
    );
    expect(r.message.en).toBe(
      'The request arrived on Wednesday 25 June 2025. The complaint could be taken further up to and including Tuesday 24 June 2025. The request can therefore no longer be handled.',
    );
    expect(h.s.status).toBe('closed');
  });
});

describe('bureau-mhr: the written complaint to the directie within 2 weeks, recorded late by staff', () => {
  const BEMIDDELAAR = staff('bemiddeling@bureaumhr.example.nl');
  const DIRECTIE = 'directie@bureaumhr.example.nl';

  /** Mediation failed Tuesday 22 April 2025: the complainant may write to the directie up to Tuesday 6 May. */
  function mediationFailed() {
    const h = CaseHarness.for('bureau-mhr', '2025-04-01T08:00:00Z');
    h.submit({ name: 'Fatima el Amrani', email: KLAGER, eventDate: '2025-03-20', klachtOver: 'medewerker', description: 'Afspraken niet nagekomen.' });
    h.settleDuties(BEMIDDELAAR, '2025-04-22T14:00:00+02:00');
    h.do({ type: 'decide', actor: BEMIDDELAAR, outcome: 'niet-opgelost', motivation: 'Geen overeenstemming.', measures: '' }, '2025-04-22T14:00:00+02:00');
    return h;
  }

  it('a letter that arrived on Monday 5 May, entered on Thursday 8 May: to the directie, whose 2 weeks run from 5 May', () => {
    const h = mediationFailed();
    h.advanceTo('2025-05-08T10:00:00+02:00');
    expect(h.s.status).toBe('closed');
    h.do({ type: 'escalate', actor: BEMIDDELAAR, reason: 'Brief: de bemiddeling was zinloos.', receivedAt: '2025-05-05T10:00:00+02:00' });
    expect(h.eventTypes()).toEqual(['reopened', 'escalated', 'stage-started', 'term-started']);
    expect(h.s.stage).toBe('directie');
    // 5 May + 2 weeks = Monday 19 May (not 22 May, two weeks from when staff recorded it).
    expect(h.term('antwoord')).toMatchObject({ startedOn: '2025-05-05', lastDay: '2025-05-19', dueAt: '2025-05-19T22:00:00.000Z' });
    expect(h.lastTimerEffects()).toEqual([
      'schedule expire directie.antwoord.1 @ 2025-05-19T22:00:00.000Z',
      'schedule remind directie.antwoord.1 @ 2025-05-16T07:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`escalated → ${KLAGER}`, `staff-new-case → ${DIRECTIE}`]);
  });

  it('recorded while the window is still open: the directie’s term still counts from the arrival', () => {
    const h = mediationFailed();
    h.do({ type: 'escalate', actor: BEMIDDELAAR, reason: 'Brief ontvangen.', receivedAt: '2025-04-28' }, '2025-05-02T11:00:00+02:00');
    expect(h.eventTypes()).toEqual(['term-ended', 'escalated', 'stage-started', 'term-started']);
    expect(h.lastEvents[1]).toMatchObject({ receivedAt: '2025-04-27T22:00:00.000Z' });
    // Monday 28 April + 2 weeks = Monday 12 May.
    expect(h.term('antwoord')).toMatchObject({ startedOn: '2025-04-28', lastDay: '2025-05-12' });
  });

  it('a letter that arrived on Wednesday 7 May is refused, naming Tuesday 6 May', () => {
    const h = mediationFailed();
    h.advanceTo('2025-05-08T10:00:00+02:00');
    const r = h.refuse({ type: 'escalate', actor: BEMIDDELAAR, reason: 'Brief.', receivedAt: '2025-05-07T09:00:00+02:00' });
    expect(r).toMatchObject({ code: 'not-allowed', reason: 'request-late', params: { lastDay: '2025-05-06', receivedOn: '2025-05-07' } });
    expect(r.message.nl).toContain('tot en met dinsdag 6 mei 2025');
    expect(h.s.status).toBe('closed');
  });

  it('the arrival time is checked: not in the future, not before the case, and a real instant', () => {
    const h = mediationFailed();
    h.advanceTo('2025-05-02T11:00:00+02:00');
    const future = h.refuse({ type: 'escalate', actor: BEMIDDELAAR, reason: 'x', receivedAt: '2025-05-02T11:00:01+02:00' });
    expect(future).toMatchObject({ code: 'invalid', reason: 'received-at', fields: [{ field: 'receivedAt', reason: 'received-at-future' }] });
    expect(fieldTexts(future, 'nl', h.procedure)).toEqual([{ field: 'receivedAt', message: 'Dit moment ligt in de toekomst. Vul in wanneer het verzoek binnenkwam.' }]);
    const before = h.refuse({ type: 'escalate', actor: BEMIDDELAAR, reason: 'x', receivedAt: '2025-03-31T23:00:00+02:00' });
    expect(before).toMatchObject({ code: 'invalid', reason: 'received-at', fields: [{ field: 'receivedAt', reason: 'received-at-before-case' }] });
    for (const receivedAt of ['gisteren', '2025-13-45T10:00:00Z', '2025-04-31'])
      expect(h.refuse({ type: 'escalate', actor: BEMIDDELAAR, reason: 'x', receivedAt })).toMatchObject({ code: 'invalid', fields: [{ field: 'receivedAt', reason: 'received-at-invalid' }] });
    expect(h.refuse({ type: 'escalate', actor: BEMIDDELAAR, reason: 'x', receivedAt: '2025-04-30T10:00' })).toMatchObject({
      code: 'invalid',
      fields: [{ field: 'receivedAt', reason: 'received-at-invalid' }],
    });
    // The complainant's own request (the status page) always counts now: they cannot date it back.
    expect(h.refuse({ type: 'escalate', actor: complainant, reason: 'x', receivedAt: '2025-04-30T10:00:00+02:00' })).toMatchObject({ code: 'forbidden' });
  });
});

describe('perspectief: an appeal by e-mail at 23:59 on the last day, handled two days later', () => {
  const DIRECTEUR = staff('directeur@perspectief.example.nl');

  it('goes to the committee; the case had closed at midnight and reopens', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2025-09-01T08:00:00Z');
    h.submit({ name: 'Sanne Jansen', email: KLAGER, description: 'Ik ben niet gehoord.' });
    h.settleDuties(DIRECTEUR, '2025-09-10T10:00:00+02:00');
    h.do({ type: 'decide', actor: DIRECTEUR, outcome: 'ongegrond', motivation: 'Uitgezocht.', measures: '' }, '2025-09-10T10:00:00+02:00');
    // 10 September + 6 weeks = Wednesday 22 October.
    expect(h.term('appeal').lastDay).toBe('2025-10-22');
    h.do(
      { type: 'receive-message', actor: system, party: 'complainant', sender: KLAGER, subject: 'Re: uitkomst', text: 'Ik wil naar de commissie.', attachments: [] },
      '2025-10-22T23:59:00+02:00',
    );
    const arrived = h.lastEvents[0]!.at;
    h.advanceTo('2025-10-24T23:59:00+02:00');
    expect(h.s.status).toBe('closed');
    h.do({ type: 'escalate', actor: DIRECTEUR, reason: 'Per e-mail: naar de commissie.', receivedAt: arrived });
    expect(h.eventTypes()).toEqual(['reopened', 'escalated', 'stage-started', 'term-started']);
    expect(h.s.stage).toBe('klachtencommissie');
    for (const t of h.openTerms()) expect(t.startedOn).toBe('2025-10-22');
  });
});

describe('a withdrawal counts from its arrival too', () => {
  it('is recorded with when it arrived', () => {
    const h = CaseHarness.for('hss', '2025-03-03T09:00:00+01:00');
    const p = h.procedure;
    const handler = p.roles[p.stages[0]!.handler]!.members[0]!.email;
    h.submit({ name: 'Jan de Vries', email: KLAGER, description: 'Te laat geholpen.', topic: 'advies' });
    h.do({ type: 'withdraw', actor: staff(handler), reason: 'Telefonisch ingetrokken.', receivedAt: '2025-03-04T16:30:00+01:00' }, '2025-03-05T09:00:00+01:00');
    expect(h.lastEvents.find((e) => e.type === 'withdrawn')).toMatchObject({ receivedAt: '2025-03-04T15:30:00.000Z', at: '2025-03-05T08:00:00.000Z' });
  });
});

/**
 * Bureau MHR: a 3-month intake window; mediation first (a signed conversation record); if it fails,
 * a written complaint to the directie within 2 weeks; the directie answers within 2 weeks or the
 * complaint goes to the bestuur (2 weeks); complaints about the directie or bestuur may go to an
 * independent advisory committee (30 days), after which the bestuur decides.
 */
import { describe, expect, it } from 'vitest';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const BEMIDDELAAR = 'bemiddeling@bureaumhr.example.nl';
const DIRECTIE = 'directie@bureaumhr.example.nl';
const BESTUUR = 'bestuur@bureaumhr.example.nl';
const COMMISSIE = 'commissie@bureaumhr.example.nl';
const KLAGER = 'klager@example.nl';
const bemiddelaar = staff(BEMIDDELAAR);
const directie = staff(DIRECTIE);
const bestuur = staff(BESTUUR);
const commissie = staff(COMMISSIE);

const complaint = (eventDate: string, klachtOver = 'medewerker') => ({
  name: 'Fatima el Amrani',
  email: KLAGER,
  eventDate,
  klachtOver,
  description: 'Mijn begeleider kwam drie afspraken niet na.',
});

describe('bureau-mhr: the 3-month window', () => {
  // 26 January + 3 months = Saturday 26 April (also King's Day); Sunday 27; so Monday 28 April.
  it('the last day rolls over King’s Day and the weekend; one day later is refused with that date', () => {
    const late = CaseHarness.for('bureau-mhr', '2025-04-29T08:00:00+02:00');
    const r = late.submit(complaint('2025-01-26'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ code: 'not-allowed', reason: 'outside-window', fields: [{ field: 'eventDate' }] });
    expect(late.say(r.refusal)).toBe(
      'Uw klacht gaat over iets van zondag 26 januari 2025. Volgens de klachtenregeling van Bureau MHR kon u daarover een klacht indienen tot en met maandag 28 april 2025. ' +
        'Die termijn is voorbij. Daarom kunnen wij deze klacht niet in behandeling nemen. Heeft u vragen? Neem contact op met Bureau MHR: klachtenregeling@bureaumhr.nl, 070-369 75 31.',
    );
    expect(late.say(r.refusal, 'en')).toContain('up to and including Monday 28 April 2025');
    expect(late.state).toBeUndefined();

    const onTime = CaseHarness.for('bureau-mhr', '2025-04-28T23:59:00+02:00');
    expect(onTime.submit(complaint('2025-01-26')).ok).toBe(true);
    expect(onTime.s.receivedOn).toBe('2025-04-28');
  });

  it('a month end: 30 November + 3 months is 28 February', () => {
    expect(CaseHarness.for('bureau-mhr', '2025-02-28T20:00:00+01:00').submit(complaint('2024-11-30')).ok).toBe(true);
    const late = CaseHarness.for('bureau-mhr', '2025-03-01T10:00:00+01:00');
    const r = late.submit(complaint('2024-11-30'));
    expect(r.ok || late.say(r.refusal)).toContain('tot en met vrijdag 28 februari 2025.');
  });

  it('an event from before the holiday table is refused, not a crash', () => {
    const r = CaseHarness.for('bureau-mhr', '2025-03-01T10:00:00+01:00').submit(complaint('2015-06-10'));
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'outside-window' } });
  });
});

/** Received Tuesday 1 April 2025 (summer time since 30 March), a complaint about an employee. */
function inMediation() {
  const h = CaseHarness.for('bureau-mhr', '2025-04-01T08:00:00Z');
  h.submit(complaint('2025-03-20'), { at: '2025-04-01T10:00:00+02:00' });
  return h;
}

/** Mediation failed, decided Tuesday 22 April 2025. */
function mediationFailed() {
  const h = inMediation();
  h.do(
    { type: 'decide', actor: bemiddelaar, outcome: 'niet-opgelost', motivation: 'Geen overeenstemming bereikt.', measures: '' },
    '2025-04-22T14:00:00+02:00',
  );
  return h;
}

describe('bureau-mhr: mediation', () => {
  it('starts in mediation with its default 6-week term', () => {
    const h = inMediation();
    expect(h.s.stage).toBe('bemiddeling');
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${BEMIDDELAAR}`]);
    expect(h.openTerms()).toMatchObject([
      {
        instance: 'bemiddeling.bemiddeling.1',
        lastDay: '2025-05-13',
        dueAt: '2025-05-13T22:00:00.000Z',
        remindAt: '2025-05-06T07:00:00.000Z',
      },
    ]);
    expect(h.procedure.stages[0]!.terms[0]!.default).toBe(true);
  });

  it('a conversation record is refused unless everyone present signed it', () => {
    const h = inMediation();
    const conversation = {
      type: 'record-conversation' as const,
      actor: bemiddelaar,
      date: '2025-04-10',
      attendees: ['F. el Amrani', 'J. de Boer', 'Bemiddelaar'],
      summary: 'Gesprek over de gemiste afspraken.',
    };
    const r = h.refuse({ ...conversation, signedBy: ['F. el Amrani', 'Bemiddelaar'] }, '2025-04-11T10:00:00+02:00');
    expect(r).toMatchObject({ code: 'not-allowed', reason: 'signatures', fields: [{ field: 'signedBy' }] });
    expect(h.say(r)).toBe('Het verslag moet door alle aanwezigen zijn ondertekend; nog niet getekend: J. de Boer.');
    expect(h.refuse({ ...conversation, date: '2025-04-12', signedBy: conversation.attendees })).toMatchObject({ code: 'invalid', reason: 'date' });
    expect(h.refuse({ ...conversation, date: '2025-02-30', signedBy: conversation.attendees })).toMatchObject({ code: 'invalid', reason: 'date' });
    expect(h.refuse({ ...conversation, attendees: [], signedBy: [] })).toMatchObject({ code: 'invalid', reason: 'missing-attendees' });

    h.do({ ...conversation, signedBy: [...conversation.attendees].reverse() });
    expect(h.eventTypes()).toEqual(['conversation-recorded']);
    expect(h.lastEvents[0]).toMatchObject({ date: '2025-04-10', signedBy: ['Bemiddelaar', 'J. de Boer', 'F. el Amrani'], by: BEMIDDELAAR });
    expect(h.lastMails()).toEqual([
      { kind: 'mail', template: 'conversation-record', to: [{ email: KLAGER, name: 'Fatima el Amrani' }], lang: 'nl', vars: { date: '2025-04-10' } },
    ]);
    // A conversation does not end mediation: its term still runs.
    expect(h.openTerms().map((t) => t.termId)).toEqual(['bemiddeling']);
  });

  it('mediation decided "niet-opgelost": an appeal window of 2 weeks, not binding', () => {
    const h = inMediation();
    expect(h.refuse({ type: 'decide', actor: bemiddelaar, outcome: 'gegrond', motivation: 'x', measures: '' })).toMatchObject({
      reason: 'outcome',
      message: { nl: 'Kies een uitkomst: opgelost, niet-opgelost.' },
    });
    h.do(
      { type: 'decide', actor: bemiddelaar, outcome: 'niet-opgelost', motivation: 'Geen overeenstemming bereikt.', measures: '' },
      '2025-04-22T14:00:00+02:00',
    );
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ outcome: 'niet-opgelost', binding: false });
    expect(h.s.status).toBe('decided');
    // 22 April + 2 weeks = Tuesday 6 May (Bevrijdingsdag was the day before).
    expect(h.term('appeal')).toMatchObject({ instance: 'bemiddeling.appeal.1', startedOn: '2025-04-22', lastDay: '2025-05-06', dueAt: '2025-05-06T22:00:00.000Z' });
    expect(h.term('appeal').remindAt).toBeUndefined();
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire bemiddeling.bemiddeling.1',
      'cancel remind bemiddeling.bemiddeling.1',
      'schedule expire bemiddeling.appeal.1 @ 2025-05-06T22:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`decision → ${KLAGER}`]);
  });

  it('the complainant escalates with a motivation to the directie; the directie does not answer, so the bestuur takes over', () => {
    const h = mediationFailed();
    // Staff cannot file the complainant's appeal as "the complainant"; the complainant must motivate it.
    expect(h.refuse({ type: 'escalate', actor: complainant, reason: '' }, '2025-05-02T11:00:00+02:00')).toMatchObject({
      code: 'invalid',
      reason: 'missing-reason',
    });
    expect(h.refuse({ type: 'escalate', actor: complainant, reason: 'x', to: 'bestuur' })).toMatchObject({ code: 'invalid', reason: 'to' });

    h.do({ type: 'escalate', actor: complainant, reason: 'De betrokkene erkende niets; de bemiddeling was zinloos.' });
    expect(h.eventTypes()).toEqual(['term-ended', 'escalated', 'stage-started', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ instance: 'bemiddeling.appeal.1', outcome: 'met', reason: 'escalated' });
    expect(h.lastEvents[1]).toMatchObject({ from: 'bemiddeling', to: 'directie', by: 'complainant', reason: 'De betrokkene erkende niets; de bemiddeling was zinloos.' });
    expect(h.s).toMatchObject({ stage: 'directie', status: 'open', escalations: 1, stagesVisited: ['bemiddeling', 'directie'] });
    expect(h.s.decision).toBeUndefined();
    // Friday 2 May + 2 weeks = Friday 16 May; reminder 3 days before.
    expect(h.term('antwoord')).toMatchObject({
      instance: 'directie.antwoord.1',
      startedOn: '2025-05-02',
      lastDay: '2025-05-16',
      dueAt: '2025-05-16T22:00:00.000Z',
      remindAt: '2025-05-13T07:00:00.000Z',
    });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire bemiddeling.appeal.1',
      'schedule expire directie.antwoord.1 @ 2025-05-16T22:00:00.000Z',
      'schedule remind directie.antwoord.1 @ 2025-05-13T07:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`escalated → ${KLAGER}`, `staff-new-case → ${DIRECTIE}`]);
    expect(h.lastMails('escalated')[0]?.vars).toEqual({ reason: 'De betrokkene erkende niets; de bemiddeling was zinloos.', from: 'bemiddeling' });

    // The mediator can no longer act; the directie can.
    expect(h.refuse({ type: 'decide', actor: bemiddelaar, outcome: 'gegrond', motivation: 'x', measures: '' })).toMatchObject({ reason: 'not-handler' });

    // The directie is reminded, does not answer; at the end of 16 May the case moves to the bestuur by itself.
    h.advanceTo('2025-05-13T12:00:00+02:00');
    expect(h.lastMailSummary()).toEqual([`staff-reminder → ${DIRECTIE}`]);
    const fired = h.advanceTo('2025-05-19T09:00:00+02:00');
    expect(fired.map((f) => [f.command.type, f.at])).toEqual([['expire-term', '2025-05-16T22:00:00.000Z']]);
    expect(h.eventTypes()).toEqual(['term-ended', 'escalated', 'stage-started', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ instance: 'directie.antwoord.1', outcome: 'missed', reason: 'expired' });
    expect(h.lastEvents[1]).toMatchObject({
      from: 'directie',
      to: 'bestuur',
      by: 'system',
      reason: 'termijn "Antwoord van de directie" verstreken op vrijdag 16 mei 2025',
    });
    expect(h.lastMailSummary()).toEqual([`staff-overdue → ${DIRECTIE}`, `escalated → ${KLAGER}`, `staff-new-case → ${BESTUUR}`]);
    expect(h.lastMails('escalated')[0]?.vars).toEqual({ reason: 'termijn "Antwoord van de directie" verstreken op vrijdag 16 mei 2025', from: 'directie' });
    expect(h.s).toMatchObject({ stage: 'bestuur', escalations: 2 });

    // The bestuur's 2 weeks run from Saturday 17 May (the day it got the complaint): Saturday 31 May → Monday 2 June.
    // (Instance numbers count starts of a term id over the whole case.)
    expect(h.term('antwoord')).toMatchObject({
      instance: 'bestuur.antwoord.2',
      startedOn: '2025-05-17',
      lastDay: '2025-06-02',
      dueAt: '2025-06-02T22:00:00.000Z',
      remindAt: '2025-05-30T07:00:00.000Z',
      moved: {
        from: '2025-05-31',
        skipped: [
          { date: '2025-05-31', reason: 'zaterdag' },
          { date: '2025-06-01', reason: 'zondag' },
        ],
      },
    });
    expect(h.lastTimerEffects()).toEqual([
      'schedule expire bestuur.antwoord.2 @ 2025-06-02T22:00:00.000Z',
      'schedule remind bestuur.antwoord.2 @ 2025-05-30T07:00:00.000Z',
    ]);
    expect(h.refuse({ type: 'decide', actor: directie, outcome: 'gegrond', motivation: 'x', measures: '' })).toMatchObject({ reason: 'not-handler' });

    // The bestuur misses its term too: the complainant hears of the delay, the bestuur is alerted.
    h.advanceTo('2025-06-03T09:00:00+02:00');
    expect(h.lastMailSummary()).toEqual([`staff-reminder → ${BESTUUR}`, `staff-overdue → ${BESTUUR}`, `delay → ${KLAGER}`]);
    expect(h.lastMails('delay')[0]?.vars).toEqual({ text: 'delay.body', term: 'Antwoord van het bestuur', dueDate: '2025-06-02' });
    expect(h.s.stage).toBe('bestuur');

    // The bestuur hears the complainant (Awb 9:10) before it decides.
    h.do({ type: 'record-conversation', actor: bestuur, date: '2025-06-04', attendees: ['Klager', 'Bestuurder'], summary: 'Klager gehoord.', signedBy: [], heard: ['complainant'] }, '2025-06-04T09:00:00+02:00');
    h.do({ type: 'decide', actor: bestuur, outcome: 'gegrond', motivation: 'De afspraken zijn niet nagekomen.', measures: 'Excuses en nieuwe begeleider.' }, '2025-06-04T10:00:00+02:00');
    expect(h.eventTypes()).toEqual(['decided', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'bestuur', binding: true });
    expect(h.lastMailSummary()).toEqual([`decision → ${KLAGER}`]);
    expect(h.s.status).toBe('closed');
    expect(h.s.termLog.map((t) => `${t.instance} ${t.lastDay} ${t.outcome}`)).toEqual([
      'bemiddeling.bemiddeling.1 2025-05-13 met',
      'bemiddeling.appeal.1 2025-05-06 met',
      'directie.antwoord.1 2025-05-16 missed',
      'bestuur.antwoord.2 2025-06-02 missed',
    ]);
    expect(h.folded()).toEqual(h.s);
  });

  it('the directie answers in time: decided, closed, no escalation', () => {
    const h = mediationFailed();
    h.do({ type: 'escalate', actor: complainant, reason: 'Bemiddeling mislukt.' }, '2025-05-02T11:00:00+02:00');
    h.do({ type: 'waive-hearing', actor: directie, party: 'complainant', reason: 'declined' });
    h.do({ type: 'decide', actor: directie, outcome: 'ongegrond', motivation: 'Afspraken zijn nagekomen.', measures: '' }, '2025-05-16T16:00:00+02:00');
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    // The reminder of 13 May went out already: only the expire timer is left to cancel.
    expect(h.mails('staff-reminder').map((m) => m.vars.instance)).toEqual(['directie.antwoord.1']);
    expect(h.lastTimerEffects()).toEqual(['cancel expire directie.antwoord.1']);
    h.advanceTo('2025-06-30T00:00:00Z');
    expect(h.lastEvents).toEqual([]);
    expect(h.s.stage).toBe('directie');
  });

  it('an appeal after the 2-week window is refused; the case closed when the window passed', () => {
    const h = mediationFailed();
    // Still possible on the last day, 6 May, up to midnight.
    const onTime = mediationFailed();
    onTime.do({ type: 'escalate', actor: complainant, reason: 'Bemiddeling mislukt.' }, '2025-05-06T23:59:00+02:00');
    expect(onTime.s.stage).toBe('directie');

    const fired = h.advanceTo('2025-05-07T09:00:00+02:00');
    expect(fired.map((f) => f.command)).toEqual([{ type: 'expire-term', actor: { kind: 'system' }, instance: 'bemiddeling.appeal.1' }]);
    expect(h.eventTypes()).toEqual(['term-ended', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ instance: 'bemiddeling.appeal.1', outcome: 'cancelled', reason: 'expired' });
    expect(h.lastEvents[1]).toMatchObject({ reason: 'appeal-window-passed', by: 'system' });
    // An unused appeal window alerts nobody.
    expect(h.lastEffects).toEqual([]);
    // A request that arrives now (7 May) is late: the refusal names the last day.
    expect(h.refuse({ type: 'escalate', actor: complainant, reason: 'Toch nog' })).toMatchObject({
      code: 'not-allowed',
      reason: 'request-late',
      message: { nl: 'Het verzoek kwam binnen op woensdag 7 mei 2025. Verder gaan met de klacht kon tot en met dinsdag 6 mei 2025. Daarom kan het verzoek niet meer worden behandeld.' },
    });
    expect(h.s.status).toBe('closed');
  });

  it('an appeal just after the window is refused even if the deadline runner has not fired yet', () => {
    const h = mediationFailed();
    const r = h.sendBeforeTimers({ type: 'escalate', actor: complainant, reason: 'Net te laat' }, '2025-05-07T00:00:30+02:00');
    expect(r).toMatchObject({ ok: false, refusal: { code: 'not-allowed', reason: 'request-late', params: { lastDay: '2025-05-06', receivedOn: '2025-05-07' } } });
  });
});

describe('bureau-mhr: a complaint about the directie, with the independent committee', () => {
  /** Received Monday 3 March 2025, winter time. */
  function atCommittee() {
    const h = CaseHarness.for('bureau-mhr', '2025-03-03T08:00:00Z');
    h.submit(complaint('2025-02-20', 'commissie'), { at: '2025-03-03T10:00:00+01:00' });
    return h;
  }

  it('goes straight to the committee, which rules within 30 days', () => {
    const h = atCommittee();
    expect(h.s.stage).toBe('commissie');
    expect(h.s.stagesVisited).toEqual(['commissie']);
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${COMMISSIE}`]);
    // 3 March + 30 days = Wednesday 2 April (summer time by then); reminder 28 March, still winter time.
    expect(h.openTerms()).toMatchObject([
      { instance: 'commissie.uitspraak.1', lastDay: '2025-04-02', dueAt: '2025-04-02T22:00:00.000Z', remindAt: '2025-03-28T08:00:00.000Z' },
    ]);
  });

  it('the committee advises; the bestuur decides within 2 weeks', () => {
    const h = atCommittee();
    expect(h.refuse({ type: 'advise', actor: bestuur, outcome: 'gegrond', motivation: 'x', recommendation: 'y' }, '2025-03-25T10:00:00+01:00')).toMatchObject({
      reason: 'not-handler',
    });
    expect(h.refuse({ type: 'advise', actor: commissie, outcome: 'gegrond', motivation: 'x', recommendation: ' ' })).toMatchObject({
      reason: 'missing-recommendation',
    });
    // The committee hears the complainant before it advises (Awb 9:15).
    h.do({ type: 'offer-hearing', actor: commissie, party: 'complainant' });
    h.do({ type: 'record-conversation', actor: commissie, date: '2025-03-25', attendees: ['Klager', 'Commissie'], summary: 'Klager gehoord.', signedBy: [] });
    h.do({
      type: 'advise',
      actor: commissie,
      outcome: 'gegrond',
      motivation: 'De directie heeft de klacht niet serieus genomen.',
      recommendation: 'Bied excuses aan en evalueer de werkwijze.',
    });
    expect(h.eventTypes()).toEqual(['advised', 'term-ended', 'stage-started', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'commissie', outcome: 'gegrond', to: 'bestuur', by: COMMISSIE });
    expect(h.lastEvents[1]).toMatchObject({ instance: 'commissie.uitspraak.1', outcome: 'met', reason: 'advised' });
    expect(h.lastEvents[2]).toMatchObject({ stage: 'bestuur', from: 'commissie', reason: 'advice' });
    // 25 March + 2 weeks = Tuesday 8 April; reminder Saturday 5 April 09:00 summer time.
    expect(h.term('antwoord')).toMatchObject({
      instance: 'bestuur.antwoord.1',
      lastDay: '2025-04-08',
      dueAt: '2025-04-08T22:00:00.000Z',
      remindAt: '2025-04-05T07:00:00.000Z',
    });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire commissie.uitspraak.1',
      'cancel remind commissie.uitspraak.1',
      'schedule expire bestuur.antwoord.1 @ 2025-04-08T22:00:00.000Z',
      'schedule remind bestuur.antwoord.1 @ 2025-04-05T07:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`advice → ${KLAGER}`, `staff-new-case → ${BESTUUR}`]);
    expect(h.lastMails('advice')[0]?.vars).toEqual({ outcome: 'gegrond' });
    expect(h.s.advice).toEqual({ stage: 'commissie', outcome: 'gegrond', recommendation: 'Bied excuses aan en evalueer de werkwijze.' });

    h.do({ type: 'decide', actor: bestuur, outcome: 'gegrond', motivation: 'Wij nemen het advies over.', measures: 'Excuses; evaluatie.' }, '2025-04-03T10:00:00+02:00');
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'bestuur', binding: true });
    expect(h.s).toMatchObject({ status: 'closed', stagesVisited: ['commissie', 'bestuur'] });
    expect(h.pendingTimers()).toEqual([]);
  });

  it('a complaint about the directie without the committee goes to the bestuur', () => {
    const h = CaseHarness.for('bureau-mhr', '2025-03-03T08:00:00Z');
    h.submit(complaint('2025-02-20', 'directie'));
    expect(h.s.stage).toBe('bestuur');
    expect(h.term('antwoord')).toMatchObject({ instance: 'bestuur.antwoord.1', lastDay: '2025-03-17' });
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${BESTUUR}`]);
  });
});

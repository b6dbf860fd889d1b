/**
 * HSS Hulpverlening Sociale Sector: one stage (the directie), confirmation within 7 working days,
 * a reasoned position within 6 weeks, administration costs excluded, phone complaints entered by
 * staff. Received dates sit around Christmas and New Year so the working days skip holidays.
 */
import { describe, expect, it } from 'vitest';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const DIRECTIE = 'directie@hss.example.nl';
const MEDEWERKER = 'medewerker@hss.example.nl';
const KLAGER = 'klager@example.nl';
const directie = staff(DIRECTIE);

const complaint = {
  name: 'Jan Jansen',
  email: KLAGER,
  topic: 'informatie',
  description: 'Ik kreeg verkeerde informatie over mijn schuldregeling.',
};

/** A web complaint received Monday 22 December 2025, 10:00 in Amsterdam. */
function received() {
  const h = CaseHarness.for('hss', '2025-12-22T09:00:00Z');
  const r = h.submit(complaint, { at: '2025-12-22T10:00:00+01:00' });
  expect(r.ok).toBe(true);
  return h;
}

describe('hss: a web complaint', () => {
  it('gets a receipt, the directie a notice, and two terms: 7 working days and 6 weeks', () => {
    const h = received();
    expect(h.s.receivedOn).toBe('2025-12-22');
    expect(h.s.stage).toBe('directie');
    expect(h.s.status).toBe('open');
    expect(h.s.channel).toBe('web');
    expect(h.eventTypes()).toEqual(['submitted', 'stage-started', 'term-started', 'term-started']);

    // 23, 24 Dec; 25–26 Christmas; 27–28 weekend; 29, 30, 31 Dec; 1 Jan; 2 Jan (set equal to a holiday by decree); 3–4 weekend; 5, 6 Jan.
    const bevestiging = h.term('bevestiging');
    expect(bevestiging).toMatchObject({
      instance: 'directie.bevestiging.1',
      startedOn: '2025-12-22',
      lastDay: '2026-01-06',
      dueAt: '2026-01-06T23:00:00.000Z',
      // Two working days before 6 January: 5 January, then (over 2 and 1 January) 31 December, 09:00.
      remindAt: '2025-12-31T08:00:00.000Z',
      extensions: 0,
      originalLastDay: '2026-01-06',
    });
    expect(bevestiging.moved).toBeUndefined();
    // 22 December + 6 weeks = Monday 2 February.
    expect(h.term('standpunt')).toMatchObject({
      instance: 'directie.standpunt.1',
      lastDay: '2026-02-02',
      dueAt: '2026-02-02T23:00:00.000Z',
      remindAt: '2026-01-26T08:00:00.000Z',
    });

    expect(h.lastTimerEffects()).toEqual([
      'schedule expire directie.bevestiging.1 @ 2026-01-06T23:00:00.000Z',
      'schedule remind directie.bevestiging.1 @ 2025-12-31T08:00:00.000Z',
      'schedule expire directie.standpunt.1 @ 2026-02-02T23:00:00.000Z',
      'schedule remind directie.standpunt.1 @ 2026-01-26T08:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${DIRECTIE}`]);
    expect(h.lastMails('receipt')[0]).toMatchObject({ to: [{ email: KLAGER, name: 'Jan Jansen' }], lang: 'nl' });
  });

  it('a complaint at 00:30 Amsterdam time is received that day, not the UTC day before', () => {
    const h = CaseHarness.for('hss', '2025-12-22T00:00:00Z');
    h.submit(complaint, { at: '2025-12-22T23:30:00Z' });
    expect(h.s.receivedOn).toBe('2025-12-23');
    // 24 Dec; 29, 30, 31 Dec; 5, 6, 7 Jan (1 Jan a holiday, 2 Jan set equal to one by decree).
    expect(h.term('bevestiging').lastDay).toBe('2026-01-07');
    expect(h.term('standpunt').lastDay).toBe('2026-02-03');
  });

  it('not acknowledged: the handler is reminded, then alerted when the 7 working days have passed', () => {
    const h = received();
    h.advanceTo('2025-12-31T07:59:00Z');
    expect(h.lastEvents).toEqual([]);

    h.advanceTo('2025-12-31T12:00:00+01:00');
    expect(h.eventTypes()).toEqual(['term-reminded']);
    expect(h.lastMails()).toEqual([
      {
        kind: 'mail',
        template: 'staff-reminder',
        to: [{ email: DIRECTIE, name: 'Directeur HSS' }],
        lang: 'nl',
        vars: { instance: 'directie.bevestiging.1', term: 'Bevestiging van de behandeling', dueDate: '2026-01-06' },
      },
    ]);

    // Still on time on the last day, until midnight.
    h.advanceTo('2026-01-06T22:59:59Z');
    expect(h.lastEvents).toEqual([]);
    expect(h.term('bevestiging').lastDay).toBe('2026-01-06');

    const fired = h.advanceTo('2026-01-07T09:00:00+01:00');
    expect(fired.map((f) => [f.command.type, f.at])).toEqual([['expire-term', '2026-01-06T23:00:00.000Z']]);
    expect(h.lastEvents).toEqual([
      { type: 'term-ended', at: '2026-01-06T23:00:00.000Z', instance: 'directie.bevestiging.1', outcome: 'missed', reason: 'expired' },
    ]);
    // Reminded already, so no reminder to cancel; the complainant gets nothing for this term.
    expect(h.lastEffects).toEqual([
      {
        kind: 'mail',
        template: 'staff-overdue',
        to: [{ email: DIRECTIE, name: 'Directeur HSS' }],
        lang: 'nl',
        vars: { instance: 'directie.bevestiging.1', term: 'Bevestiging van de behandeling', dueDate: '2026-01-06' },
      },
    ]);
    expect(h.s.termLog).toMatchObject([{ termId: 'bevestiging', lastDay: '2026-01-06', outcome: 'missed' }]);
    expect(h.openTerms().map((t) => t.termId)).toEqual(['standpunt']);
    // Acknowledging late is still possible; it meets nothing any more.
    h.do({ type: 'acknowledge', actor: directie }, '2026-01-07T10:00:00+01:00');
    expect(h.eventTypes()).toEqual(['acknowledged']);
    expect(h.lastMailSummary()).toEqual([`acknowledged → ${KLAGER}`]);
  });

  it('acknowledged in time: the term is met and its timers are cancelled', () => {
    const h = received();
    // Only the directie acknowledges; the employee who took a phone call cannot.
    expect(h.refuse({ type: 'acknowledge', actor: staff(MEDEWERKER) }, '2025-12-29T09:00:00+01:00')).toMatchObject({
      code: 'forbidden',
      reason: 'not-handler',
    });
    expect(h.refuse({ type: 'acknowledge', actor: complainant })).toMatchObject({ code: 'forbidden', reason: 'staff-only' });

    h.do({ type: 'acknowledge', actor: directie }, '2025-12-29T09:30:00+01:00');
    expect(h.eventTypes()).toEqual(['acknowledged', 'term-ended']);
    expect(h.lastEvents[1]).toMatchObject({ instance: 'directie.bevestiging.1', outcome: 'met', reason: 'acknowledged' });
    expect(h.lastTimerEffects()).toEqual(['cancel expire directie.bevestiging.1', 'cancel remind directie.bevestiging.1']);
    expect(h.lastMailSummary()).toEqual([`acknowledged → ${KLAGER}`]);
    expect(h.s.acknowledgedAt).toBe('2025-12-29T08:30:00.000Z');
    expect(h.pendingTimers().map((t) => `${t.action} ${t.instance}`)).toEqual(['remind directie.standpunt.1', 'expire directie.standpunt.1']);

    expect(h.refuse({ type: 'acknowledge', actor: directie })).toMatchObject({ code: 'not-allowed', reason: 'already-acknowledged' });
    // Nothing fires for the met term.
    h.advanceTo('2026-01-10T00:00:00Z');
    expect(h.lastEvents).toEqual([]);
  });

  it('extended once with a reason; a second extension needs the complainant’s consent; then decided and closed', () => {
    const h = received();
    h.do({ type: 'acknowledge', actor: directie }, '2025-12-23T10:00:00+01:00');

    // A date that is not after the current last day, or not a date at all, is refused.
    expect(h.refuse({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-02-02' }, '2026-01-20T10:00:00+01:00')).toMatchObject({
      code: 'invalid',
      reason: 'until',
      message: { nl: 'Kies een nieuwe datum na 2026-02-02.' },
    });
    expect(h.refuse({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-02-30' })).toMatchObject({ code: 'invalid', reason: 'until' });
    // A typo in the year, even with consent, is refused (not a crash on the holiday table).
    expect(h.refuse({ type: 'extend', actor: directie, reason: 'Drukte', until: '2206-02-16', consent: 'ja' })).toMatchObject({
      code: 'invalid',
      reason: 'until',
    });
    expect(h.refuse({ type: 'extend', actor: directie, reason: ' ', until: '2026-02-16' })).toMatchObject({
      code: 'invalid',
      reason: 'missing-reason',
    });

    // Saturday 14 February rolls forward to Monday 16 February.
    h.do({ type: 'extend', actor: directie, reason: 'Wij wachten op informatie van de gemeente', until: '2026-02-14' });
    expect(h.eventTypes()).toEqual(['term-extended']);
    expect(h.lastEvents[0]).toMatchObject({
      from: 'directie.standpunt.1',
      reason: 'Wij wachten op informatie van de gemeente',
      by: DIRECTIE,
      term: {
        instance: 'directie.standpunt.2',
        termId: 'standpunt',
        startedOn: '2025-12-22',
        lastDay: '2026-02-16',
        dueAt: '2026-02-16T23:00:00.000Z',
        remindAt: '2026-02-09T08:00:00.000Z',
        extensions: 1,
        originalLastDay: '2026-02-02',
      },
    });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire directie.standpunt.1',
      'cancel remind directie.standpunt.1',
      'schedule expire directie.standpunt.2 @ 2026-02-16T23:00:00.000Z',
      'schedule remind directie.standpunt.2 @ 2026-02-09T08:00:00.000Z',
    ]);
    expect(h.lastMails()).toEqual([
      {
        kind: 'mail',
        template: 'extension',
        to: [{ email: KLAGER, name: 'Jan Jansen' }],
        lang: 'nl',
        vars: { reason: 'Wij wachten op informatie van de gemeente', newDate: '2026-02-16' },
      },
    ]);
    expect(h.openTerms().map((t) => [t.instance, t.lastDay])).toEqual([['directie.standpunt.2', '2026-02-16']]);

    // Second extension: without consent refused (Awb 9:11 lid 2: once, at most 4 weeks after 2 February).
    const refusal = h.refuse({ type: 'extend', actor: directie, reason: 'Nog steeds geen informatie', until: '2026-02-27' }, '2026-02-10T10:00:00+01:00');
    expect(refusal).toMatchObject({
      code: 'not-allowed',
      reason: 'consent-needed',
      fields: [{ field: 'consent' }],
    });
    expect(h.say(refusal)).toBe(
      'Zonder schriftelijke instemming van de klager kan de termijn 1× en tot uiterlijk 2026-03-02 worden verlengd. Leg de instemming vast.',
    );
    // The reminder of the extended term has fired meanwhile.
    expect(h.mails('staff-reminder').at(-1)?.vars).toMatchObject({ instance: 'directie.standpunt.2', dueDate: '2026-02-16' });

    h.do({
      type: 'extend',
      actor: directie,
      reason: 'Nog steeds geen informatie',
      until: '2026-03-16',
      consent: 'Klager stemde per e-mail in op 10-02-2026',
    });
    expect(h.lastEvents[0]).toMatchObject({
      from: 'directie.standpunt.2',
      consent: 'Klager stemde per e-mail in op 10-02-2026',
      term: { instance: 'directie.standpunt.3', lastDay: '2026-03-16', dueAt: '2026-03-16T23:00:00.000Z', extensions: 2, originalLastDay: '2026-02-02' },
    });
    // Reminded already: only the expire timer of the old instance is cancelled.
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire directie.standpunt.2',
      'schedule expire directie.standpunt.3 @ 2026-03-16T23:00:00.000Z',
      'schedule remind directie.standpunt.3 @ 2026-03-09T08:00:00.000Z',
    ]);
    expect(h.lastMails('extension')[0]?.vars).toEqual({ reason: 'Nog steeds geen informatie', newDate: '2026-03-16' });

    // The old instances' timers, fired anyway, do nothing.
    expect(h.fire('expire', 'directie.standpunt.1')).toMatchObject({ ok: true, events: [], effects: [] });

    // The complainant, offered a hearing (Awb 9:10), said they do not want one.
    h.do({ type: 'offer-hearing', actor: directie, party: 'complainant' });
    h.do({ type: 'waive-hearing', actor: directie, party: 'complainant', reason: 'declined' });
    // Decided: a decision letter and, with no further stage, the case is closed.
    expect(h.refuse({ type: 'decide', actor: directie, outcome: 'half-gegrond', motivation: 'x', measures: '' })).toMatchObject({
      code: 'invalid',
      reason: 'outcome',
    });
    h.do(
      { type: 'decide', actor: directie, outcome: 'deels-gegrond', motivation: 'De informatie was onvolledig.', measures: 'Folder aangepast.' },
      '2026-03-02T15:00:00+01:00',
    );
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'directie', outcome: 'deels-gegrond', measures: 'Folder aangepast.', binding: true, by: DIRECTIE });
    expect(h.lastEvents[1]).toMatchObject({ instance: 'directie.standpunt.3', outcome: 'met', reason: 'decided' });
    expect(h.lastEvents[2]).toMatchObject({ reason: 'decided', by: 'system' });
    expect(h.lastTimerEffects()).toEqual(['cancel expire directie.standpunt.3', 'cancel remind directie.standpunt.3']);
    expect(h.lastMailSummary()).toEqual([`decision → ${KLAGER}`]);
    expect(h.s).toMatchObject({ status: 'closed', decision: { outcome: 'deels-gegrond' }, openTerms: {} });
    expect(h.pendingTimers()).toEqual([]);
    // No appeal stage: the complainant cannot take it further here (the letter names erisietsmisgegaan.nl).
    expect(h.procedure.stages[0]!.nextBody).toBe('erisietsmisgegaan');
    expect(h.refuse({ type: 'escalate', actor: complainant, reason: 'Niet eens' })).toMatchObject({ reason: 'status-closed' });
    expect(h.folded()).toEqual(h.s);
  });

  it('a complaint about administration costs is refused with the reason and where to ask', () => {
    const h = CaseHarness.for('hss', '2025-12-22T09:00:00Z');
    const r = h.submit({ ...complaint, topic: 'administratiekosten' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ code: 'not-allowed', reason: 'excluded-topic', fields: [{ field: 'topic' }] });
    expect(h.say(r.refusal)).toBe(
      'Over "Administratiekosten" kunt u bij deze klachtenregeling geen klacht indienen. ' +
        'Klachten over de hoogte van administratiekosten vallen niet onder deze klachtenprocedure. Gaat uw klacht over hoe wij rond die kosten hebben gehandeld (bijvoorbeeld onjuiste informatie of bejegening)? Kies dan dat onderwerp. ' +
        'Heeft u vragen? Neem contact op met HSS: klachten@hss.example.nl.',
    );
    expect(h.say(r.refusal, 'en')).toContain('The complaints procedure does not cover "Administration costs".');
    expect(h.state).toBeUndefined();
    expect(h.effects).toEqual([]);
    // Conduct around those costs is a complaint.
    expect(h.submit({ ...complaint, topic: 'bejegening' }).ok).toBe(true);
  });

  it('a phone complaint entered by the employee who took the call, on Christmas Eve', () => {
    const h = CaseHarness.for('hss', '2025-12-24T15:00:00Z');
    h.submit(
      { name: 'Piet Pieters', email: 'piet@example.nl', phone: '06-12345678', topic: 'afhandeltermijn', description: 'Telefonisch: ik wacht al maanden.' },
      { channel: 'phone', actor: staff('Medewerker@HSS.example.nl'), at: '2025-12-24T16:00:00+01:00' },
    );
    expect(h.events[0]).toMatchObject({ type: 'submitted', channel: 'phone', enteredBy: MEDEWERKER, intake: 'accepted', receivedOn: '2025-12-24' });
    expect(h.s.channel).toBe('phone');
    // 29, 30, 31 Dec; 5, 6, 7, 8 Jan.
    expect(h.term('bevestiging').lastDay).toBe('2026-01-08');
    expect(h.term('standpunt').lastDay).toBe('2026-02-04');
    expect(h.lastMailSummary()).toEqual(['receipt → piet@example.nl', `staff-new-case → ${DIRECTIE}`]);
  });

  it('a complaint about an employee, once staff identify them, sends them a copy (Awb 9:9); they cannot act on it', () => {
    const h = CaseHarness.for('hss', '2025-12-22T09:00:00Z');
    h.submit({ ...complaint, topic: 'bejegening', employeeName: 'medewerker hss' });
    expect(h.s.concerned).toEqual([]);
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${DIRECTIE}`]);
    h.do({ type: 'identify-party', actor: staff(DIRECTIE), party: 'named', staff: MEDEWERKER });
    expect(h.s.concerned).toEqual([MEDEWERKER]);
    expect(h.lastMailSummary()).toEqual([`concerned-copy → ${MEDEWERKER}`]);
    expect(h.refuse({ type: 'note', actor: staff(MEDEWERKER), text: 'Dit klopt niet' })).toMatchObject({ code: 'forbidden', reason: 'concerned' });
  });

  it('a channel the procedure does not list is refused', () => {
    const p = structuredClone(CaseHarness.for('hss', '2025-12-22T09:00:00Z').procedure);
    p.intake.channels = ['web'];
    const h = new CaseHarness(p, '2025-12-22T09:00:00Z');
    expect(h.submit(complaint, { channel: 'letter', actor: staff(MEDEWERKER) })).toMatchObject({ ok: false, refusal: { reason: 'channel' } });
  });
});

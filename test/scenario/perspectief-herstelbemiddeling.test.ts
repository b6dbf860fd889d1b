/**
 * Perspectief Herstelbemiddeling: no anonymous complaints; the director looks for a solution; the
 * complainant may put it to the independent complaints committee, which rules and, when the
 * complaint is well-founded, recommends; the director's decision then is binding. The text names
 * no terms, so every term here is a default and must say so.
 */
import { describe, expect, it } from 'vitest';
import { DECREED_REASON } from '../../shared/calendar/decreed-days.ts';
import { termDef } from '../../shared/engine/terms.ts';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const DIRECTEUR = 'directeur@perspectief.example.nl';
const SECRETARIS = 'secretaris@perspectief.example.nl';
const VOORZITTER = 'commissie@perspectief.example.nl';
const KLAGER = 'klager@example.nl';
const directeur = staff(DIRECTEUR);
const commissie = staff(VOORZITTER);

const complaint = {
  name: 'Els Visser',
  email: KLAGER,
  description: 'De bemiddelaar deelde mijn verhaal zonder toestemming met de dader.',
};

/** Received Thursday 17 April 2025, the day before Good Friday. */
function received() {
  const h = CaseHarness.for('perspectief-herstelbemiddeling', '2025-04-17T08:00:00Z');
  h.submit(complaint, { at: '2025-04-17T11:00:00+02:00' });
  return h;
}

/** The director heard the complainant on Monday 19 May and decided "deels-gegrond" on Tuesday 20 May 2025. */
function directorDecided() {
  const h = received();
  h.do({ type: 'offer-hearing', actor: directeur, party: 'complainant' }, '2025-05-06T10:00:00+02:00');
  h.do({ type: 'record-conversation', actor: directeur, date: '2025-05-19', attendees: ['Els Visser', 'Directeur'], summary: 'Klager gehoord.', signedBy: [] }, '2025-05-19T15:00:00+02:00');
  h.do(
    { type: 'decide', actor: directeur, outcome: 'deels-gegrond', motivation: 'Er is informatie gedeeld, maar met een reden.', measures: 'Werkinstructie aangepast.' },
    '2025-05-20T15:00:00+02:00',
  );
  return h;
}

/** The complainant took it to the committee on Tuesday 10 June 2025. */
function atCommittee() {
  const h = directorDecided();
  h.do({ type: 'escalate', actor: complainant, reason: 'Ik ben het niet eens met de oplossing.' }, '2025-06-10T09:00:00+02:00');
  return h;
}

describe('perspectief-herstelbemiddeling', () => {
  it('an anonymous complaint (no name) is refused, saying why', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2025-04-17T08:00:00Z');
    for (const name of [undefined, '', '   ']) {
      const { name: _n, ...rest } = complaint;
      const r = h.submit(name === undefined ? rest : { ...rest, name });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.refusal).toMatchObject({ code: 'not-allowed', reason: 'anonymous', fields: [{ field: 'name' }] });
      expect(h.say(r.refusal)).toBe(
        'Perspectief vraagt bij een klacht in ieder geval uw naam en contactgegevens, zodat wij de klacht met u kunnen bespreken. Vul uw naam in.',
      );
    }
    // Other field problems are listed with it.
    const { name: _n, ...rest } = complaint;
    expect(h.submit({ ...rest, email: 'geen-adres' })).toMatchObject({
      ok: false,
      refusal: { reason: 'anonymous', fields: [{ field: 'name' }, { field: 'email' }] },
    });
    expect(h.state).toBeUndefined();
  });

  it('an e-mail without a name is kept to be completed; completing it without a name is refused, saying why', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2025-04-17T08:00:00Z');
    h.submit({ email: KLAGER, description: 'Zie mijn mail.' }, { channel: 'email', actor: { kind: 'system' } });
    expect(h.s).toMatchObject({ status: 'to-complete', channel: 'email' });
    expect(h.refuse({ type: 'complete', actor: complainant, fields: { phone: '06-1' } })).toMatchObject({
      code: 'not-allowed',
      reason: 'anonymous',
      fields: [{ field: 'name' }],
    });
    h.do({ type: 'complete', actor: complainant, fields: { name: 'Els Visser' } });
    expect(h.lastEvents).toMatchObject([{ type: 'completed', fields: { name: 'Els Visser', email: KLAGER } }]);
    expect(h.s.status).toBe('open');
  });

  it('every term is marked as a default, not the organisation’s own', () => {
    const p = received().procedure;
    const terms = p.stages.flatMap((s) => s.terms);
    expect(terms.map((t) => [t.id, t.default])).toEqual([
      ['oplossing', true],
      ['uitspraak', true],
      ['besluit', true],
    ]);
    expect(p.stages[0]!.appeal).toMatchObject({ window: { amount: 6, unit: 'weeks' }, default: true });
    expect(p.extension.default).toBe(true);
    // The running term's definition (including the synthetic appeal window) carries the mark.
    expect(termDef(p, 'directeur', 'oplossing')).toMatchObject({ default: true, basis: 'Awb 9:11 lid 1' });
    expect(termDef(p, 'directeur', 'appeal')).toMatchObject({ default: true, length: { amount: 6, unit: 'weeks' } });
  });

  it('the director’s 6 weeks end on Ascension Day, and the Friday after is set equal to a holiday: Monday 2 June', () => {
    const h = received();
    expect(h.s.stage).toBe('directeur');
    // The secretary receives complaints; the director, who handles them, is told too (issue 11, finding 7).
    expect(h.lastMailSummary()).toEqual([`receipt → ${KLAGER}`, `staff-new-case → ${DIRECTEUR}, ${SECRETARIS}`]);
    // 17 April + 6 weeks = Thursday 29 May, Hemelvaartsdag; Friday 30 May is set equal to a holiday by decree; then the weekend: Monday 2 June.
    expect(h.openTerms()).toEqual([
      {
        instance: 'directeur.oplossing.1',
        termId: 'oplossing',
        stage: 'directeur',
        startedOn: '2025-04-17',
        lastDay: '2025-06-02',
        dueAt: '2025-06-02T22:00:00.000Z',
        remindAt: '2025-05-26T07:00:00.000Z',
        moved: {
          from: '2025-05-29',
          skipped: [
            { date: '2025-05-29', reason: 'Hemelvaartsdag' },
            { date: '2025-05-30', reason: DECREED_REASON },
            { date: '2025-05-31', reason: 'zaterdag' },
            { date: '2025-06-01', reason: 'zondag' },
          ],
        },
        extensions: 0,
        originalLastDay: '2025-06-02',
      },
    ]);
  });

  it('director decides → 6-week appeal window → committee advises → the director’s binding decision closes the case', () => {
    const h = directorDecided();
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'term-started']);
    // Not binding: the complainant may still go to the committee.
    expect(h.lastEvents[0]).toMatchObject({ stage: 'directeur', outcome: 'deels-gegrond', binding: false });
    // 20 May + 6 weeks = Tuesday 1 July.
    expect(h.term('appeal')).toMatchObject({ instance: 'directeur.appeal.1', lastDay: '2025-07-01', dueAt: '2025-07-01T22:00:00.000Z' });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire directeur.oplossing.1',
      'cancel remind directeur.oplossing.1',
      'schedule expire directeur.appeal.1 @ 2025-07-01T22:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`decision → ${KLAGER}`]);

    h.do({ type: 'escalate', actor: complainant, reason: 'Ik ben het niet eens met de oplossing.' }, '2025-06-10T09:00:00+02:00');
    expect(h.eventTypes()).toEqual(['term-ended', 'escalated', 'stage-started', 'term-started']);
    expect(h.s.stage).toBe('klachtencommissie');
    // 10 June + 10 weeks = Tuesday 19 August; reminder 2 weeks before.
    expect(h.term('uitspraak')).toMatchObject({
      instance: 'klachtencommissie.uitspraak.1',
      lastDay: '2025-08-19',
      dueAt: '2025-08-19T22:00:00.000Z',
      remindAt: '2025-08-05T07:00:00.000Z',
    });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire directeur.appeal.1',
      'schedule expire klachtencommissie.uitspraak.1 @ 2025-08-19T22:00:00.000Z',
      'schedule remind klachtencommissie.uitspraak.1 @ 2025-08-05T07:00:00.000Z',
    ]);
    // The whole committee, its secretary included, hears of the new case.
    expect(h.lastMailSummary()).toEqual([`escalated → ${KLAGER}`, `staff-new-case → ${VOORZITTER}, ${SECRETARIS}`]);
    // The director is not the committee.
    expect(h.refuse({ type: 'advise', actor: directeur, outcome: 'gegrond', motivation: 'x', recommendation: 'y' })).toMatchObject({ reason: 'not-handler' });

    h.do(
      {
        type: 'advise',
        actor: commissie,
        outcome: 'gegrond',
        motivation: 'Zonder toestemming gedeeld.',
        recommendation: 'Bied excuses aan en leg toestemming voortaan schriftelijk vast.',
      },
      '2025-07-15T14:00:00+02:00',
    );
    expect(h.eventTypes()).toEqual(['advised', 'term-ended', 'stage-started', 'term-started']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'klachtencommissie', outcome: 'gegrond', to: 'directeur-besluit' });
    // 15 July + 4 weeks = Tuesday 12 August.
    expect(h.term('besluit')).toMatchObject({
      instance: 'directeur-besluit.besluit.1',
      lastDay: '2025-08-12',
      dueAt: '2025-08-12T22:00:00.000Z',
      remindAt: '2025-08-05T07:00:00.000Z',
    });
    expect(h.lastTimerEffects()).toEqual([
      'cancel expire klachtencommissie.uitspraak.1',
      'cancel remind klachtencommissie.uitspraak.1',
      'schedule expire directeur-besluit.besluit.1 @ 2025-08-12T22:00:00.000Z',
      'schedule remind directeur-besluit.besluit.1 @ 2025-08-05T07:00:00.000Z',
    ]);
    expect(h.lastMailSummary()).toEqual([`advice → ${KLAGER}`, `staff-new-case → ${DIRECTEUR}`]);

    h.do(
      { type: 'decide', actor: directeur, outcome: 'gegrond', motivation: 'Ik volg de aanbeveling.', measures: 'Excuses; schriftelijke toestemming.' },
      '2025-08-01T10:00:00+02:00',
    );
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'directeur-besluit', outcome: 'gegrond', binding: true });
    expect(h.lastMailSummary()).toEqual([`decision → ${KLAGER}`]);
    expect(h.s).toMatchObject({
      status: 'closed',
      stagesVisited: ['directeur', 'klachtencommissie', 'directeur-besluit'],
      advice: { stage: 'klachtencommissie', outcome: 'gegrond' },
      decision: { stage: 'directeur-besluit', outcome: 'gegrond' },
    });
    expect(h.pendingTimers()).toEqual([]);
    expect(h.folded()).toEqual(h.s);
  });

  it('the committee rules "ongegrond" itself: binding, the case is decided and closed', () => {
    const h = atCommittee();
    h.do({ type: 'decide', actor: commissie, outcome: 'ongegrond', motivation: 'Er was toestemming.', measures: '' }, '2025-07-15T14:00:00+02:00');
    expect(h.eventTypes()).toEqual(['decided', 'term-ended', 'closed']);
    expect(h.lastEvents[0]).toMatchObject({ stage: 'klachtencommissie', outcome: 'ongegrond', binding: true });
    expect(h.s).toMatchObject({ status: 'closed', decision: { stage: 'klachtencommissie', outcome: 'ongegrond' } });
    expect(h.lastTimerEffects()).toEqual(['cancel expire klachtencommissie.uitspraak.1', 'cancel remind klachtencommissie.uitspraak.1']);
  });

  it('the committee is late: the complainant hears of the delay, the committee is alerted', () => {
    const h = atCommittee();
    h.advanceTo('2025-08-20T09:00:00+02:00');
    expect(h.lastMailSummary()).toEqual([
      `staff-reminder → ${VOORZITTER}, ${SECRETARIS}`,
      `staff-overdue → ${VOORZITTER}, ${SECRETARIS}`,
      `delay → ${KLAGER}`,
    ]);
    expect(h.lastMails('delay')[0]?.vars).toEqual({ text: 'delay.body', term: 'Uitspraak van de klachtencommissie', dueDate: '2025-08-19' });
    expect(h.s.stage).toBe('klachtencommissie');
  });

  it('the complainant accepts the solution: the appeal window passes and the case closes', () => {
    const h = directorDecided();
    h.advanceTo('2025-07-01T23:59:59+02:00');
    expect(h.lastEvents).toEqual([]);
    h.advanceTo('2025-07-02T00:00:00+02:00');
    expect(h.eventTypes()).toEqual(['term-ended', 'closed']);
    expect(h.s.status).toBe('closed');
  });
});

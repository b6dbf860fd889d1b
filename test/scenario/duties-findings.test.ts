/**
 * Issue 11, findings 2 and 6: the person complained about is told (Awb 9:9), both sides are offered
 * a hearing before a decision (9:10), and an extension is told to both sides and needs the
 * complainant's consent beyond once, 4 weeks, or a term already passed (9:11).
 */
import { describe, expect, it } from 'vitest';
import { caseDuties } from '../../shared/engine/duties.ts';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const DIRECTIE = 'directie@hss.example.nl';
const directie = staff(DIRECTIE);
const KLAGER = 'klager@example.nl';
const JAN = 'jan.bakker@example.nl';

const complaint = {
  name: 'Henk Smit',
  email: KLAGER,
  topic: 'bejegening',
  employeeName: 'Jan Bakker',
  description: 'Jan Bakker van de balie was onvriendelijk.',
};

function hss() {
  const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
  h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K-1', channel: 'web', lang: 'nl', fields: complaint, procedureHash: 'h' });
  return h;
}

const dutyOf = (h: CaseHarness, duty: string, party?: string) =>
  caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === duty && (party === undefined || d.party === party));

describe('finding 2: the person complained about is told and heard before a decision', () => {
  it('an ordinary employee named in the complaint gets the copy once an address is known; hearings offered; decide refused before, accepted after', () => {
    const h = hss();
    // Named, no address yet: the copy is due, and says why.
    expect(dutyOf(h, 'copy', 'named')).toMatchObject({ state: 'due', reason: 'no-address' });
    const early = h.refuse({ type: 'decide', actor: directie, outcome: 'gegrond', motivation: 'Klopt.', measures: '' });
    expect(early).toMatchObject({ code: 'not-allowed', reason: 'duty-open', params: { duty: 'copy' } });
    expect(early.message.nl).toMatch(/kopie/i);

    h.do({ type: 'correct-party', actor: directie, party: 'named', email: JAN });
    expect(h.lastMailSummary()).toEqual([`concerned-copy → ${JAN}`]);
    expect(h.lastEvents).toContainEqual(expect.objectContaining({ type: 'copy-sent', party: 'named', to: JAN }));
    expect(dutyOf(h, 'copy', 'named')).toMatchObject({ state: 'done', date: '2026-03-02' });
    // Correcting the name again sends nothing twice.
    h.do({ type: 'correct-party', actor: directie, party: 'named', name: 'Jan Bakker (balie)' });
    expect(h.lastMails('concerned-copy')).toEqual([]);

    // No hearing yet: refused, naming the hearing.
    const noHearing = h.refuse({ type: 'decide', actor: directie, outcome: 'gegrond', motivation: 'Klopt.', measures: '' });
    expect(noHearing).toMatchObject({ reason: 'duty-open', params: { duty: 'hearing', party: 'complainant' } });
    expect(noHearing.message.nl).toMatch(/gehoord|hoor/i);

    h.do({ type: 'offer-hearing', actor: directie, party: 'complainant' });
    expect(h.lastMailSummary()).toEqual([`hearing-offer → ${KLAGER}`]);
    h.do({ type: 'offer-hearing', actor: directie, party: 'named' });
    expect(h.lastMailSummary()).toEqual([`hearing-offer → ${JAN}`]);
    expect(dutyOf(h, 'hearing', 'named')).toMatchObject({ state: 'due', reason: 'offered' });

    h.do({ type: 'record-conversation', actor: directie, date: '2026-03-02', attendees: ['Henk Smit', 'Jan Bakker', 'Directeur'], summary: 'Beide kanten gehoord.', signedBy: [] });
    expect(dutyOf(h, 'hearing', 'complainant')).toMatchObject({ state: 'done' });
    expect(dutyOf(h, 'hearing', 'named')).toMatchObject({ state: 'done' });

    h.do({ type: 'decide', actor: directie, outcome: 'gegrond', motivation: 'De toon was onvriendelijk.', measures: 'Gesprek met de medewerker.' });
    expect(h.eventTypes()).toContain('decided');
    expect(dutyOf(h, 'decision-written')).toMatchObject({ state: 'done' });
    expect(dutyOf(h, 'decision-term')).toMatchObject({ state: 'done' });
  });

  it('a hearing waived for a reason Awb 9:10 lid 2 allows; "no answer" only after the reply date', () => {
    const h = hss();
    h.do({ type: 'correct-party', actor: directie, party: 'named', email: JAN });
    h.do({ type: 'offer-hearing', actor: directie, party: 'named' });
    const replyBy = (h.lastEvents[0] as { replyBy: string }).replyBy;
    expect(h.refuse({ type: 'waive-hearing', actor: directie, party: 'named', reason: 'no-answer' })).toMatchObject({ reason: 'hearing-waiver' });
    expect(h.refuse({ type: 'waive-hearing', actor: directie, party: 'complainant', reason: 'no-answer' })).toMatchObject({ reason: 'hearing-waiver' });
    h.do({ type: 'waive-hearing', actor: directie, party: 'complainant', reason: 'declined' });
    expect(dutyOf(h, 'hearing', 'complainant')).toMatchObject({ state: 'not-applicable', reason: 'declined' });
    h.advanceTo(`${replyBy}T23:30:00Z`);
    h.do({ type: 'waive-hearing', actor: directie, party: 'named', reason: 'no-answer' });
    expect(dutyOf(h, 'hearing', 'named')).toMatchObject({ state: 'not-applicable', reason: 'no-answer' });
    h.do({ type: 'decide', actor: directie, outcome: 'ongegrond', motivation: 'Niet aangetoond.', measures: '' });
  });

  it('a complaint by e-mail completed later: the copy goes once the person is known and reachable; a party added later gets one too', () => {
    const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
    h.do({ type: 'submit', actor: { kind: 'system' }, reference: 'K-2', channel: 'email', lang: 'nl', fields: { email: KLAGER }, procedureHash: 'h' });
    h.do({ type: 'add-party', actor: directie, role: 'complained-about', name: 'Els de Boer', email: 'els@example.nl' });
    // Not complete yet: nothing to copy.
    expect(h.mails('concerned-copy')).toEqual([]);
    h.do({ type: 'complete', actor: { kind: 'complainant' }, fields: { ...complaint, employeeName: '' } });
    expect(h.lastMailSummary()).toEqual(['concerned-copy → els@example.nl']);
    h.do({ type: 'add-party', actor: directie, role: 'complained-about', name: 'Piet Jansen', email: 'piet@example.nl' });
    expect(h.lastMailSummary()).toEqual(['concerned-copy → piet@example.nl']);
  });

  it('a person complained about with only a postal address: the copy is due by letter until staff record it was posted', () => {
    const h = hss();
    h.do({ type: 'correct-party', actor: directie, party: 'named', address: 'Dorpsstraat 1, 9999 ZZ Ergens' });
    expect(dutyOf(h, 'copy', 'named')).toMatchObject({ state: 'due', reason: 'by-letter' });
    h.do({ type: 'record-copy', actor: directie, party: 'named', how: 'post' });
    expect(dutyOf(h, 'copy', 'named')).toMatchObject({ state: 'done', reason: 'post' });
  });
});

describe('finding 6: extensions', () => {
  function heard(h: CaseHarness) {
    h.do({ type: 'correct-party', actor: directie, party: 'named', email: JAN });
    return h;
  }

  it('the notice goes to the complainant and to each person complained about', () => {
    const h = heard(hss());
    h.do({ type: 'extend', actor: directie, reason: 'Wij wachten op informatie', until: '2026-04-20' }, '2026-04-01T10:00:00+02:00');
    expect(h.lastMailSummary()).toEqual([`extension → ${KLAGER}`, `concerned-extension → ${JAN}`]);
    expect(dutyOf(h, 'decision-term')).toMatchObject({ state: 'due', date: '2026-04-20', reason: 'extended' });
  });

  it('an extension entered after the term already passed needs the complainant’s consent', () => {
    const h = heard(hss());
    h.advanceTo('2026-04-15T10:00:00+02:00');
    expect(dutyOf(h, 'decision-term')).toMatchObject({ state: 'missed', date: '2026-04-13' });
    const late = h.refuse({ type: 'extend', actor: directie, reason: 'Vergeten', until: '2026-04-30' });
    expect(late).toMatchObject({ code: 'not-allowed', reason: 'consent-needed-late', params: { lastDay: '2026-04-13' } });
    expect(late.message.nl).toMatch(/instemming/);
    h.do({ type: 'extend', actor: directie, reason: 'Vergeten', until: '2026-04-30', consent: 'Klager stemde telefonisch in op 15 april' });
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consent: 'Klager stemde telefonisch in op 15 april' });
  });

  it('more than once or beyond 4 weeks without consent is refused', () => {
    const h = heard(hss());
    expect(h.refuse({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-05-29' }, '2026-04-01T10:00:00+02:00')).toMatchObject({ reason: 'consent-needed' });
    h.do({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-04-20' });
    expect(h.refuse({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-04-27' })).toMatchObject({ reason: 'consent-needed' });
  });
});

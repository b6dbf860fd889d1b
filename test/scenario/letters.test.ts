/**
 * Letters by post (issue 11, Deliver 4): whoever has no e-mail address is written to by post; the
 * engine queues each such message as a letter on the case, and what counts from a decision counts
 * from the day its letter was posted.
 */
import { describe, expect, it } from 'vitest';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const ANNA = 'anna.devries@benindebuurt.example.nl';
const ADDRESS = 'Kerkstraat 12\n1234 AB Buurtdorp';

function inPerson(fields: Record<string, string> = {}) {
  const h = CaseHarness.for('ben-in-de-buurt', '2026-03-02T09:00:00Z');
  h.do({
    type: 'submit',
    actor: staff(ANNA),
    reference: 'BIDB-2026-AAAAA',
    channel: 'in-person',
    lang: 'nl',
    fields: { name: 'Henk de Boer', address: ADDRESS, eventDate: '2026-02-20', topic: 'bejegening', description: 'Hij luisterde niet.', ...fields },
    procedureHash: 'h',
  });
  return h;
}

describe('letters by post', () => {
  it('a complainant without e-mail gets the receipt as letter L1, queued on the case', () => {
    const h = inPerson();
    expect(h.lastMailSummary()).toContain('receipt → post (L1)');
    expect(h.s.letters).toEqual([{ id: 'L1', template: 'receipt', to: { postal: ADDRESS, name: 'Henk de Boer' }, queuedAt: '2026-03-02T09:00:00.000Z' }]);
  });

  it('a representative with e-mail gets a mail, the complainant a letter; the decision then counts from the mail', () => {
    const h = inPerson();
    h.do({ type: 'add-party', actor: staff(ANNA), role: 'representative', name: 'Els de Boer', email: 'els@example.nl' });
    h.settleDuties(staff(ANNA), '2026-03-10T09:00:00Z');
    h.do({ type: 'decide', actor: staff(ANNA), outcome: 'gegrond', motivation: 'Er is niet geluisterd.', measures: '' }, '2026-03-10T09:00:00Z');
    expect(h.lastMailSummary()).toContain('decision → post (L2), els@example.nl');
    expect(Object.values(h.s.openTerms).find((t) => t.termId === 'appeal')).toMatchObject({ startedOn: '2026-03-10' });
  });

  it('a decision only by post: no appeal window until the letter is posted, then it counts from the posting date', () => {
    const h = inPerson();
    h.settleDuties(staff(ANNA), '2026-03-10T09:00:00Z');
    h.do({ type: 'decide', actor: staff(ANNA), outcome: 'gegrond', motivation: 'Er is niet geluisterd.', measures: '' }, '2026-03-10T09:00:00Z');
    expect(h.s.status).toBe('decided');
    expect(h.s.openTerms).toEqual({});
    expect(h.s.letters.at(-1)).toMatchObject({ id: 'L2', template: 'decision', then: 'decision-sent' });
    // Nothing closes the case meanwhile: no window runs out before the complainant could read it.
    h.advanceTo('2026-06-01T00:00:00Z');
    expect(h.s.status).toBe('decided');
    const early = h.send({ type: 'mark-letter-posted', actor: staff(ANNA), letter: 'L2', on: '2026-03-09' }, '2026-06-01T09:00:00Z');
    expect(early.ok).toBe(false);
    h.do({ type: 'mark-letter-posted', actor: staff(ANNA), letter: 'L2', on: '2026-03-11' }, '2026-06-01T09:00:00Z');
    expect(h.s.letters.at(-1)!.postedOn).toBe('2026-03-11');
    // Posted long ago: its window (to 22 April) already passed, so its timer fires and the case closes.
    h.advanceTo('2026-06-01T09:00:01Z');
    expect(h.s.termLog.find((t) => t.termId === 'appeal')).toMatchObject({ startedOn: '2026-03-11', lastDay: '2026-04-22' });
    expect(h.s.status).toBe('closed');
  });

  it('a person complained about with only a postal address gets the copy of the complaint by post', () => {
    const h = inPerson();
    h.do({ type: 'add-party', actor: staff(ANNA), role: 'complained-about', name: 'Buurman Jansen', address: 'Laan 3\n1234 AC Buurtdorp' });
    expect(h.lastMails('concerned-copy').map((m) => m.to)).toEqual([[{ postal: 'Laan 3\n1234 AC Buurtdorp', name: 'Buurman Jansen', letter: 'L2' }]]);
  });

  it('two people complained about at one postal address each get their own copy, and posting one letter settles only its own party’s copy', () => {
    const h = inPerson();
    const LAAN = 'Laan 3\n1234 AC Buurtdorp';
    h.do({ type: 'add-party', actor: staff(ANNA), role: 'complained-about', name: 'Piet Jansen', address: LAAN });
    h.do({ type: 'add-party', actor: staff(ANNA), role: 'complained-about', name: 'Marie Jansen', address: LAAN });
    expect(h.lastMails('concerned-copy').map((m) => m.to)).toEqual([[{ postal: LAAN, name: 'Marie Jansen', letter: 'L3' }]]);
    const [piet, marie] = h.s.parties.filter((p) => p.role === 'complained-about');
    h.do({ type: 'mark-letter-posted', actor: staff(ANNA), letter: 'L3', on: '2026-03-02' });
    expect(h.s.copies?.[marie!.id]).toMatchObject({ how: 'post' });
    expect(h.s.copies?.[piet!.id]).toBeUndefined();
    // Correcting something else of Piet's sends him nothing new: his letter is still waiting.
    h.do({ type: 'correct-party', actor: staff(ANNA), party: piet!.id, name: 'Piet A. Jansen' });
    expect(h.lastMails('concerned-copy')).toEqual([]);
  });
});

/**
 * Issue 11, deliver 2 (Awb 9:15): a committee hears both sides before it advises. An advice stage's
 * `advise` is refused while a hearing is due, as `decide` is, naming the hearing and the party.
 */
import { describe, expect, it } from 'vitest';
import { caseDuties } from '../../shared/engine/duties.ts';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const commissie = staff('commissie@bureaumhr.example.nl');
const advice = { type: 'advise', actor: commissie, outcome: 'gegrond', motivation: 'De directie nam de klacht niet serieus.', recommendation: 'Bied excuses aan.' } as const;

function atCommittee() {
  const h = CaseHarness.for('bureau-mhr', '2025-03-03T09:00:00Z');
  h.submit({ name: 'Fatima el Amrani', email: 'klager@example.nl', eventDate: '2025-02-20', klachtOver: 'commissie', description: 'De directie reageerde niet.' });
  expect(h.s.stage).toBe('commissie');
  return h;
}

describe('bureau-mhr: the independent committee advises only after the hearing', () => {
  it('refuses advise while the complainant’s hearing is due, naming it; accepts once heard', () => {
    const h = atCommittee();
    const early = h.refuse(advice, '2025-03-10T10:00:00+01:00');
    expect(early).toMatchObject({ code: 'not-allowed', reason: 'duty-open', params: { duty: 'hearing', party: 'complainant' } });
    expect(early.message.nl).toMatch(/gehoord|hoor/i);

    h.do({ type: 'offer-hearing', actor: commissie, party: 'complainant' });
    // Offered is not heard: still refused.
    expect(h.refuse(advice)).toMatchObject({ reason: 'duty-open', params: { duty: 'hearing' } });

    h.do({ type: 'record-conversation', actor: commissie, date: '2025-03-10', attendees: ['Fatima el Amrani', 'Commissie'], summary: 'Klager gehoord.', signedBy: [] });
    expect(caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === 'hearing')).toMatchObject({ state: 'done' });
    h.do(advice);
    expect(h.eventTypes()).toEqual(['advised', 'term-ended', 'stage-started', 'term-started']);
  });

  it('a hearing waived for a reason the law allows lets the committee advise', () => {
    const h = atCommittee();
    h.do({ type: 'waive-hearing', actor: commissie, party: 'complainant', reason: 'declined' });
    h.do(advice);
    expect(h.s.stage).toBe('bestuur');
  });
});

/**
 * Issue 11, deliver 3: the complainant's consent to a longer (or late) extension counts from when it
 * reached the organisation. HSS's decision term ends Monday 13 April 2026; staff enter the new date
 * on Wednesday 15 April. Consent that arrived by 13 April makes it lawful; consent that arrived
 * later (or entered without a date, so counted now) does not: the complainant still gets the new
 * date, but the term stays missed on 13 April.
 */
import { describe, expect, it } from 'vitest';
import { caseDuties } from '../../shared/engine/duties.ts';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const directie = staff('directie@hss.example.nl');
const extension = { type: 'extend', actor: directie, reason: 'Wij wachten op een verslag', until: '2026-04-30', consent: 'Klager stemde telefonisch in' } as const;

function passed() {
  const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
  h.submit({ name: 'Henk Smit', email: 'klager@example.nl', topic: 'bejegening', description: 'Onvriendelijk aan de balie.' });
  h.advanceTo('2026-04-15T10:00:00+02:00');
  expect(caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === 'decision-term')).toMatchObject({ state: 'missed', date: '2026-04-13' });
  return h;
}

describe('consent to a late extension counts from its arrival', () => {
  it('a call on Friday 10 April, entered on Wednesday 15 April: the extension is lawful and says when the consent arrived', () => {
    const h = passed();
    h.do({ ...extension, receivedAt: '2026-04-10T11:30:00+02:00' });
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consent: 'Klager stemde telefonisch in', consentReceivedAt: '2026-04-10T09:30:00.000Z' });
    expect(caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === 'decision-term')).toMatchObject({ state: 'due', date: '2026-04-30', reason: 'extended' });
  });

  it('the last day itself still counts (23:59 on Monday 13 April)', () => {
    const h = passed();
    h.do({ ...extension, receivedAt: '2026-04-13T23:59:00+02:00' });
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consentReceivedAt: '2026-04-13T21:59:00.000Z' });
  });

  it('consent that arrived on Tuesday 14 April gives a new date, but the term stays missed on 13 April, also once decided', () => {
    const h = passed();
    h.do({ ...extension, receivedAt: '2026-04-14' });
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consentReceivedAt: '2026-04-13T22:00:00.000Z', term: { lastDay: '2026-04-30', missedOn: '2026-04-13' } });
    expect(h.lastMailSummary()).toEqual(['extension → klager@example.nl']);
    const term = () => caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === 'decision-term');
    expect(term()).toMatchObject({ state: 'missed', date: '2026-04-13', reason: 'consent-late' });
    h.settleDuties(directie);
    h.do({ type: 'decide', actor: directie, outcome: 'gegrond', motivation: 'Klopt.', measures: '' }, '2026-04-20T10:00:00+02:00');
    expect(term()).toMatchObject({ state: 'missed', date: '2026-04-13', reason: 'consent-late' });
  });

  it('consent entered without when it arrived counts from now: after the term, so the term stays missed', () => {
    const h = passed();
    h.do(extension);
    expect(h.lastEvents[0]).not.toHaveProperty('consentReceivedAt');
    expect(caseDuties(h.procedure, h.s, h.now).find((d) => d.duty === 'decision-term')).toMatchObject({ state: 'missed', date: '2026-04-13', reason: 'consent-late' });
  });

  it('the arrival is checked as a request’s is; it needs a consent to belong to', () => {
    const h = passed();
    expect(h.refuse({ ...extension, receivedAt: '2026-04-16T09:00:00+02:00' })).toMatchObject({ reason: 'received-at', fields: [{ field: 'receivedAt', reason: 'received-at-future' }] });
    expect(h.refuse({ ...extension, receivedAt: '2026-02-01' })).toMatchObject({ reason: 'received-at', fields: [{ field: 'receivedAt', reason: 'received-at-before-case' }] });
    const { consent: _c, ...noConsent } = extension;
    expect(h.refuse({ ...noConsent, receivedAt: '2026-04-10' })).toMatchObject({ reason: 'consent-needed-late', fields: [{ field: 'consent' }] });
  });

  it('while the term runs, an arrival without a consent is a slip in the form', () => {
    const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
    h.submit({ name: 'Henk Smit', email: 'klager@example.nl', topic: 'bejegening', description: 'Onvriendelijk aan de balie.' });
    const { consent: _c, ...noConsent } = extension;
    expect(h.refuse({ ...noConsent, until: '2026-04-20', receivedAt: '2026-04-01' }, '2026-04-01T10:00:00+02:00')).toMatchObject({ code: 'invalid', reason: 'received-at', fields: [{ field: 'consent' }] });
  });

  it('while the term runs, a second extension’s consent is recorded with its arrival', () => {
    const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
    h.submit({ name: 'Henk Smit', email: 'klager@example.nl', topic: 'bejegening', description: 'Onvriendelijk aan de balie.' });
    h.do({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-04-20' }, '2026-04-01T10:00:00+02:00');
    h.do({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-04-27', consent: 'Per brief akkoord', receivedAt: '2026-04-02' }, '2026-04-08T10:00:00+02:00');
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consentReceivedAt: '2026-04-01T22:00:00.000Z' });
  });
});

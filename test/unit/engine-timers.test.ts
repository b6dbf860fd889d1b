/**
 * Timer deliveries are at-least-once and may come late, early (clock skew) or after the term is
 * gone: a term that fires twice, late, or after it was met, cancelled or extended does nothing.
 */
import { describe, expect, it } from 'vitest';
import { handle } from '../../shared/engine/engine.ts';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';

const directie = staff('directie@hss.example.nl');
const nothing = { ok: true, events: [], effects: [] };

/** hss, received Monday 22 December 2025: bevestiging due (2 January is set equal to a holiday by decree) 2026-01-06T23:00Z, reminder 2025-12-31T08:00Z. */
function hss() {
  const h = CaseHarness.for('hss', '2025-12-22T09:00:00Z');
  h.submit({ email: 'k@example.nl', topic: 'advies', description: 'Verkeerd advies.' });
  return h;
}
const BEVESTIGING = 'directie.bevestiging.1';
const STANDPUNT = 'directie.standpunt.1';

describe('timers that should do nothing', () => {
  it('an expiry delivered twice fires once', () => {
    const h = hss();
    h.advanceTo('2026-01-07T00:00:00Z');
    expect(h.mails('staff-overdue')).toHaveLength(1);
    const state = h.s;
    expect(h.fire('expire', BEVESTIGING)).toMatchObject({ ...nothing, state });
    expect(h.fire('expire', BEVESTIGING, '2026-02-01T00:00:00Z')).toMatchObject({ ...nothing, state });
    expect(h.mails('staff-overdue').map((m) => m.vars.instance)).toEqual([BEVESTIGING]);
    expect(h.s.termLog.filter((t) => t.instance === BEVESTIGING)).toHaveLength(1);
  });

  it('an expiry delivered early does nothing; delivered late it fires, at the late instant', () => {
    const h = hss();
    expect(h.fire('expire', BEVESTIGING, '2026-01-06T22:59:59.999Z')).toMatchObject(nothing);
    expect(h.s.openTerms[BEVESTIGING]).toBeDefined();
    // The runner was down for a day.
    const late = h.fire('expire', BEVESTIGING, '2026-01-07T23:00:00Z');
    expect(late.ok && late.events).toEqual([
      { type: 'term-ended', at: '2026-01-07T23:00:00.000Z', instance: BEVESTIGING, outcome: 'missed', reason: 'expired' },
    ]);
    expect(h.lastMails('staff-overdue')).toHaveLength(1);
    // Then the scheduler delivers it after all: nothing.
    expect(h.fire('expire', BEVESTIGING, '2026-01-07T23:00:01Z')).toMatchObject(nothing);
  });

  it('an instant written with an offset is compared as the same instant', () => {
    const h = hss();
    // 23:30 +01:00 on 6 January is 22:30Z, half an hour before the term has passed.
    expect(handle(h.procedure, h.s, { type: 'expire-term', actor: { kind: 'system' }, instance: BEVESTIGING }, '2026-01-06T23:30:00+01:00')).toMatchObject(nothing);
    expect(handle(h.procedure, h.s, { type: 'remind-term', actor: { kind: 'system' }, instance: BEVESTIGING }, '2025-12-31T08:30:00+01:00')).toMatchObject(nothing);
    const r = handle(h.procedure, h.s, { type: 'expire-term', actor: { kind: 'system' }, instance: BEVESTIGING }, '2026-01-07T00:00:00+01:00');
    expect(r.ok && r.events.map((e) => [e.type, e.at])).toEqual([['term-ended', '2026-01-06T23:00:00.000Z']]);
  });

  it('after the term was met, neither its reminder nor its expiry does anything', () => {
    const h = hss();
    h.do({ type: 'acknowledge', actor: directie }, '2025-12-23T10:00:00Z');
    expect(h.fire('remind', BEVESTIGING, '2025-12-31T08:00:00Z')).toMatchObject(nothing);
    expect(h.fire('expire', BEVESTIGING, '2026-01-06T23:00:00Z')).toMatchObject(nothing);
  });

  it('after the case was withdrawn (terms cancelled), nothing fires', () => {
    const h = hss();
    h.do({ type: 'withdraw', actor: complainant, reason: 'Opgelost' }, '2025-12-23T10:00:00Z');
    expect(h.pendingTimers()).toEqual([]);
    for (const instance of [BEVESTIGING, STANDPUNT]) {
      expect(h.fire('remind', instance, '2026-03-01T00:00:00Z')).toMatchObject(nothing);
      expect(h.fire('expire', instance, '2026-03-01T00:00:00Z')).toMatchObject(nothing);
    }
  });

  it('after an extension, the old instance’s timers do nothing; the new one’s fire', () => {
    const h = hss();
    h.do({ type: 'extend', actor: directie, reason: 'Drukte', until: '2026-02-16' }, '2026-01-20T10:00:00Z');
    expect(h.fire('remind', STANDPUNT, '2026-01-26T08:00:00Z')).toMatchObject(nothing);
    expect(h.fire('expire', STANDPUNT, '2026-02-02T23:00:00Z')).toMatchObject(nothing);
    h.advanceTo('2026-02-17T00:00:00Z');
    expect(h.lastMails().map((m) => [m.template, m.vars.instance])).toEqual([
      ['staff-reminder', 'directie.standpunt.2'],
      ['staff-overdue', 'directie.standpunt.2'],
      ['delay', undefined],
    ]);
  });

  it('a reminder delivered twice, early, or after its term expired does nothing', () => {
    const h = hss();
    expect(h.fire('remind', BEVESTIGING, '2025-12-31T07:59:59Z')).toMatchObject(nothing);
    expect(h.fire('remind', BEVESTIGING, '2025-12-31T08:00:00Z').ok && h.eventTypes()).toEqual(['term-reminded']);
    expect(h.fire('remind', BEVESTIGING, '2025-12-31T08:00:01Z')).toMatchObject(nothing);
    h.advanceTo('2026-01-07T00:00:00Z');
    expect(h.fire('remind', BEVESTIGING)).toMatchObject(nothing);
  });

  it('an unknown instance does nothing; anyone but the system is refused', () => {
    const h = hss();
    expect(h.fire('expire', 'directie.bestaat-niet.1', '2026-06-01T00:00:00Z')).toMatchObject(nothing);
    expect(h.refuse({ type: 'expire-term', actor: directie, instance: BEVESTIGING })).toMatchObject({ code: 'forbidden', reason: 'system-only' });
    expect(h.refuse({ type: 'remind-term', actor: complainant, instance: BEVESTIGING })).toMatchObject({ code: 'forbidden', reason: 'system-only' });
  });

  it('a command on a case that does not exist, or a second submit, is refused', () => {
    const h = CaseHarness.for('hss', '2025-12-22T09:00:00Z');
    expect(h.refuse({ type: 'expire-term', instance: BEVESTIGING })).toMatchObject({ reason: 'no-case' });
    h.submit({ email: 'k@example.nl', topic: 'advies', description: 'x' });
    expect(h.submit({ email: 'k@example.nl', topic: 'advies', description: 'x' })).toMatchObject({ ok: false, refusal: { reason: 'exists' } });
  });
});

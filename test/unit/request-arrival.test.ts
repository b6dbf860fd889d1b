/** Staff entering a request with when it arrived: the action's fields, and the case page's section. */
import { describe, expect, it } from 'vitest';
import { detail } from '../../shared/app/staff-views.ts';
import { parseAction } from '../../shared/staff/actions.ts';
import { requestSection } from '../../shared/web/request-arrival.ts';
import { CaseHarness, staff, system } from '../support/engine-harness.ts';

const actor = staff('anna.devries@benindebuurt.example.nl');

describe('the arrival of a request, as staff enter it', () => {
  it('a date-time field is Amsterdam wall time; a message picked from the timeline gives its instant; a typed time wins', () => {
    expect(parseAction({ type: 'escalate', reason: 'x', receivedAt: '2025-06-24T20:00' }, actor)).toMatchObject({ ok: true, command: { receivedAt: '2025-06-24T18:00:00.000Z' } });
    expect(parseAction({ type: 'escalate', reason: 'x', receivedAt: '2025-01-24T20:00' }, actor)).toMatchObject({ ok: true, command: { receivedAt: '2025-01-24T19:00:00.000Z' } });
    const picked = parseAction({ type: 'withdraw', reason: 'x', receivedAt: '', receivedMessage: '2025-06-24T18:00:00.000Z' }, actor);
    expect(picked).toMatchObject({ ok: true, command: { type: 'withdraw', receivedAt: '2025-06-24T18:00:00.000Z' } });
    expect(picked.ok && 'receivedMessage' in picked.command).toBe(false);
    expect(parseAction({ type: 'escalate', reason: 'x', receivedAt: '2025-06-23', receivedMessage: '2025-06-24T18:00:00.000Z' }, actor)).toMatchObject({ ok: true, command: { receivedAt: '2025-06-23' } });
    expect(parseAction({ type: 'escalate', reason: 'x' }, actor)).toMatchObject({ ok: true, command: { type: 'escalate', reason: 'x' } });
  });

  it('the case page offers the complainant’s messages, also once the appeal window closed the case', () => {
    const h = CaseHarness.for('ben-in-de-buurt', '2025-05-01T08:00:00Z');
    h.submit({ name: 'Henk Smit', email: 'klager@example.nl', eventDate: '2025-04-20', topic: 'bejegening', description: 'x' });
    h.settleDuties(actor, '2025-05-13T10:00:00+02:00');
    h.do({ type: 'decide', actor, outcome: 'ongegrond', motivation: 'x', measures: '' }, '2025-05-13T10:00:00+02:00');
    h.do({ type: 'receive-message', actor: system, party: 'complainant', sender: 'klager@example.nl', subject: 'Re', text: 'Niet tevreden <ik wil verder>.', attachments: [] }, '2025-06-24T20:00:00+02:00');
    h.advanceTo('2025-06-25T09:00:00+02:00');
    const d = detail(h.procedure, h.s, h.events, 5, h.now, 'nl');
    expect(d.requests).toEqual({ messages: [{ at: '2025-06-24T18:00:00.000Z', label: 'dinsdag 24 juni 2025 20:00: Niet tevreden <ik wil verder>.' }], escalate: true, withdraw: false, extend: false });
    const section = String(requestSection(h.procedure, 'nl', 'csrf-x', d));
    expect(section).toContain('<option value="2025-06-24T18:00:00.000Z">dinsdag 24 juni 2025 20:00: Niet tevreden &lt;ik wil verder&gt;.</option>');
    expect(section).toContain('name="type" value="escalate"');
    expect(section).not.toContain('value="withdraw"');
  });
});

/** Staff recording the complainant's consent to an extension with when it arrived: the action's fields, and the case page's form. */
import { describe, expect, it } from 'vitest';
import { detail } from '../../shared/app/staff-views.ts';
import { parseAction } from '../../shared/staff/actions.ts';
import { requestSection } from '../../shared/web/request-arrival.ts';
import { CaseHarness, staff, system } from '../support/engine-harness.ts';

const directie = staff('directie@hss.example.nl');

describe('consent to an extension, as staff enter it', () => {
  it('takes its arrival from the time entered (Amsterdam wall time) or from a message picked on the timeline', () => {
    expect(parseAction({ type: 'extend', reason: 'x', until: '2026-04-30', consent: 'Akkoord per telefoon', receivedAt: '2026-04-10T11:30' }, directie)).toMatchObject({
      ok: true,
      command: { type: 'extend', consent: 'Akkoord per telefoon', receivedAt: '2026-04-10T09:30:00.000Z' },
    });
    const picked = parseAction({ type: 'extend', reason: 'x', until: '2026-04-30', consent: 'Akkoord per mail', receivedAt: '', receivedMessage: '2026-04-12T18:00:00.000Z' }, directie);
    expect(picked).toMatchObject({ ok: true, command: { receivedAt: '2026-04-12T18:00:00.000Z' } });
    expect(picked.ok && 'receivedMessage' in picked.command).toBe(false);
  });

  it('the case page offers a consent form with the complainant’s messages while the case is open; a mail on the timeline makes the late extension lawful', () => {
    const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
    h.submit({ name: 'Henk Smit', email: 'klager@example.nl', topic: 'bejegening', description: 'Onvriendelijk.' });
    h.do({ type: 'receive-message', actor: system, party: 'complainant', sender: 'klager@example.nl', subject: 'Re', text: 'Ik ga akkoord met later.', attachments: [] }, '2026-04-12T20:00:00+02:00');
    h.advanceTo('2026-04-15T10:00:00+02:00');
    const d = detail(h.procedure, h.s, h.events, 3, h.now, 'nl');
    expect(d.requests.extend).toBe(true);
    const section = String(requestSection(h.procedure, 'nl', 'csrf-x', d));
    expect(section).toContain('name="type" value="extend"');
    expect(section).toContain('<option value="2026-04-12T18:00:00.000Z">zondag 12 april 2026 20:00: Ik ga akkoord met later.</option>');
    for (const name of ['consent', 'until', 'reason', 'receivedAt']) expect(section).toContain(`id="arrival-extend-${name}" name="${name}"`);

    const parsed = parseAction({ type: 'extend', reason: 'Wij wachten op een verslag', until: '2026-04-30', consent: 'Akkoord per mail', receivedMessage: '2026-04-12T18:00:00.000Z' }, directie);
    if (!parsed.ok) throw new Error('not parsed');
    h.do(parsed.command);
    expect(h.lastEvents[0]).toMatchObject({ type: 'term-extended', consentReceivedAt: '2026-04-12T18:00:00.000Z', term: { lastDay: '2026-04-30' } });
    expect(h.lastEvents[0]).not.toHaveProperty('term.missedOn');
  });
});

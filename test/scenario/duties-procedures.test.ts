/**
 * Issue 11, Deliver 2: in each of the five procedures, a complaint about an ordinary employee (no
 * staff member of the procedure, reachable by e-mail once staff add it): the copy, the hearing of
 * both sides, its record, and the decision; every duty done, or not applicable with a reason.
 */
import { describe, expect, it } from 'vitest';
import { caseDuties } from '../../shared/engine/duties.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { CaseHarness, PROCEDURE_IDS, staff } from '../support/engine-harness.ts';

const EMPLOYEE = 'Jan Bakker';
const JAN = 'jan.bakker@example.nl';

/** The fields each procedure requires, with the employee named and no intake route taken. */
function complaintFor(p: Procedure): Record<string, string> {
  const f: Record<string, string> = { name: 'Henk Smit', email: 'klager@example.nl', description: 'Jan Bakker was onvriendelijk.', employeeName: EMPLOYEE };
  for (const field of p.intake.fields) {
    if (f[field.key]) continue;
    if (field.key === 'eventDate') f.eventDate = '2026-03-09';
    else if (field.key === 'topic') f.topic = p.intake.topics[0]!.value;
    else if (field.options?.length) f[field.key] = field.options.find((o) => !p.intake.routes.some((r) => r.in.includes(o.value)))!.value;
    else if (field.required) f[field.key] = field.key === 'phone' ? '06-12345678' : `waarde ${field.key}`;
  }
  return f;
}

const handlerOf = (p: Procedure, stage: string) => staff(p.roles[p.stages.find((s) => s.id === stage)!.handler]!.members[0]!.email);

describe('scenario: a complaint about an ordinary employee in every procedure', () => {
  for (const id of PROCEDURE_IDS) {
    it(id, () => {
      const h = CaseHarness.for(id, '2026-03-10T09:00:00Z');
      const p = h.procedure;
      h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K', channel: 'web', lang: 'nl', fields: complaintFor(p), procedureHash: 'h' });
      let handler = handlerOf(p, h.s.stage);
      expect(h.s.concerned).toEqual([]);

      // Copy (Awb 9:9): due until the employee's address is known, then sent once.
      h.do({ type: 'correct-party', actor: handler, party: 'named', email: JAN });
      expect(h.lastMailSummary()).toEqual([`concerned-copy → ${JAN}`]);

      // MHR starts with mediation, where the regeling has no hearing: it goes to the directie after.
      const first = p.stages.find((s) => s.id === h.s.stage)!;
      if (first.duties.notApplicable.includes('hearing')) {
        expect(caseDuties(p, h.s, h.now).filter((d) => d.duty === 'hearing')).toEqual([
          expect.objectContaining({ party: 'complainant', state: 'not-applicable', reason: 'procedure' }),
          expect.objectContaining({ party: 'named', state: 'not-applicable', reason: 'procedure' }),
        ]);
        h.do({ type: 'escalate', actor: handler, reason: 'Bemiddeling niet mogelijk.', to: first.escalateTo[0]! });
        handler = handlerOf(p, h.s.stage);
      }

      // Hearing (Awb 9:10): a decision is refused until both sides are offered one and heard.
      const refused = h.refuse({ type: 'decide', actor: handler, outcome: 'gegrond', motivation: 'x', measures: '' });
      expect(refused).toMatchObject({ reason: 'duty-open', params: { duty: 'hearing' } });
      h.do({ type: 'offer-hearing', actor: handler, party: 'complainant' });
      h.do({ type: 'offer-hearing', actor: handler, party: 'named' });
      expect(h.mails('hearing-offer').map((m) => ('email' in m.to[0]! ? m.to[0]!.email : m.to[0]!.postal))).toEqual(['klager@example.nl', JAN]);
      h.do({ type: 'record-conversation', actor: handler, date: '2026-03-10', attendees: ['Henk Smit', EMPLOYEE, 'Behandelaar'], summary: 'Beide kanten gehoord.', signedBy: ['Henk Smit', EMPLOYEE, 'Behandelaar'] });
      expect(h.lastMailSummary()).toEqual([expect.stringMatching(/^conversation-record → klager@example.nl, jan.bakker@example.nl$/)]);

      // Decision.
      const outcome = p.stages.find((s) => s.id === h.s.stage)!.outcomes?.[0] ?? 'gegrond';
      h.do({ type: 'decide', actor: handler, outcome, motivation: 'De toon was onvriendelijk.', measures: 'Gesprek met de medewerker.' });
      expect(h.eventTypes()).toContain('decided');

      const duties = caseDuties(p, h.s, h.now);
      expect(duties.map((d) => `${d.duty}${d.party ? ` ${d.party}` : ''}: ${d.state}`)).toEqual([
        'acknowledgement: done',
        'registration: done',
        'copy named: done',
        'hearing complainant: done',
        'hearing named: done',
        `decision-term: ${p.stages.find((s) => s.id === h.s.stage)!.terms.some((t) => t.metBy.includes('decided')) ? 'done' : 'not-applicable'}`,
        'decision-written: done',
      ]);
    });
  }
});

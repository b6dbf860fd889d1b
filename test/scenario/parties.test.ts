/**
 * Parties on the case (issue 11, Deliver 1; issue 12, item 2): who is complained about is what staff
 * identified, never what a name in the complaint resembles; and no case is ever without a staff
 * member who may see and handle it.
 */
import { describe, expect, it } from 'vitest';
import { staffSuggestions } from '../../shared/engine/parties.ts';
import type { CaseState } from '../../shared/engine/types.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { CaseHarness, loadProcedure, PROCEDURE_IDS, staff, type ProcedureId } from '../support/engine-harness.ts';

const DIRECTIE = 'directie@hss.example.nl';
const MEDEWERKER = 'medewerker@hss.example.nl';
const KLAGER = 'klager@example.nl';

const fieldsFor = (p: Procedure, employeeName?: string): Record<string, string> => {
  const f: Record<string, string> = { name: 'Henk Smit', email: KLAGER, description: 'Ik werd onvriendelijk behandeld.', eventDate: '2026-01-05', childName: 'Kim' };
  for (const field of p.intake.fields) {
    if (field.key === 'topic') f.topic = p.intake.topics[0]!.value;
    else if (field.options?.length && !f[field.key]) f[field.key] = field.options.find((o) => !p.intake.routes.some((r) => r.in.includes(o.value)))!.value;
    else if (field.required && !f[field.key]) f[field.key] = field.key === 'phone' ? '06-12345678' : `waarde ${field.key}`;
  }
  if (employeeName) f.employeeName = employeeName;
  return f;
};

const members = (p: Procedure) => [...new Set(Object.values(p.roles).flatMap((r) => r.members.map((m) => m.email.toLowerCase())))];
/** Who may see and handle the case now: a member of the stage's handler role who is not complained about. */
const mayHandle = (p: Procedure, s: CaseState) =>
  (p.roles[p.stages.find((x) => x.id === s.stage)!.handler]?.members ?? []).map((m) => m.email.toLowerCase()).filter((e) => !s.concerned.includes(e));

function hss(employeeName: string) {
  const h = CaseHarness.for('hss', '2026-01-12T09:00:00Z');
  h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K-1', channel: 'web', lang: 'nl', fields: fieldsFor(h.procedure, employeeName), procedureHash: 'h' });
  return h;
}

describe('issue 12: a name in the complaint never hides a case', () => {
  for (const name of ['HSS', 'Directeur HSS', 'De directeur', 'Directeur-HSS', 'Dir. HSS', 'Directeur H.S.S.']) {
    it(`employeeName "${name}": every staff member sees it, the director handles it; the name is a party to identify`, () => {
      const h = hss(name);
      expect(h.s.concerned).toEqual([]);
      expect(h.s.parties).toContainEqual(expect.objectContaining({ role: 'complained-about', name }));
      expect(h.lastMailSummary()).toContain(`staff-new-case → ${DIRECTIE}`);
      expect(h.send({ type: 'note', actor: staff(MEDEWERKER), text: 'Gezien.' }).ok).toBe(true);
      expect(h.send({ type: 'acknowledge', actor: staff(DIRECTIE) }).ok).toBe(true);
    });
  }

  it('a name that resembles a staff member is only a suggestion', () => {
    const p = loadProcedure('hss').procedure;
    expect(staffSuggestions(p, 'Dir. HSS')).toContain(DIRECTIE);
    expect(staffSuggestions(p, 'medewerker hss')).toEqual([MEDEWERKER]);
    expect(staffSuggestions(p, 'Jan Jansen')).toEqual([]);
  });

  it('only an identification by staff hides the case from the person it is about', () => {
    const h = hss('de medewerker van de balie');
    const party = h.s.parties.find((x) => x.role === 'complained-about')!;
    h.do({ type: 'identify-party', actor: staff(DIRECTIE), party: party.id, staff: MEDEWERKER });
    expect(h.lastEvents).toMatchObject([{ type: 'party-identified', party: party.id, staff: MEDEWERKER, by: DIRECTIE }, { type: 'copy-sent', party: party.id, to: MEDEWERKER }]);
    expect(h.s.concerned).toEqual([MEDEWERKER]);
    // The stage informs the person complained about (Awb 9:9): the copy goes to the identified address.
    expect(h.lastMailSummary()).toEqual([`concerned-copy → ${MEDEWERKER}`]);
    expect(h.refuse({ type: 'note', actor: staff(MEDEWERKER), text: 'Dit klopt niet' })).toMatchObject({ code: 'forbidden', reason: 'concerned' });
    // The person complained about cannot undo it.
    expect(h.refuse({ type: 'identify-party', actor: staff(MEDEWERKER), party: party.id, staff: null })).toMatchObject({ reason: 'concerned' });
    // A mistake is corrected by another staff member: the case is visible again.
    h.do({ type: 'identify-party', actor: staff(DIRECTIE), party: party.id, staff: null });
    expect(h.s.concerned).toEqual([]);
  });

  it('the sole handler cannot be identified when nobody else could handle it', () => {
    const h = hss('Directeur HSS');
    const party = h.s.parties.find((x) => x.role === 'complained-about')!;
    const r = h.refuse({ type: 'identify-party', actor: staff(MEDEWERKER), party: party.id, staff: DIRECTIE });
    expect(r).toMatchObject({ code: 'not-allowed', reason: 'no-handler-left' });
    expect(r.message.nl).toMatch(/niemand/);
    expect(h.s.concerned).toEqual([]);
  });
});

describe('a complaint about the body that would decide goes where the procedure routes it (Awb 9:7)', () => {
  it('bureau-mhr: the director identified while the directie handles it: the bestuur takes over', () => {
    const h = CaseHarness.for('bureau-mhr', '2026-01-12T09:00:00Z');
    h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K', channel: 'web', lang: 'nl', fields: fieldsFor(h.procedure, 'de directeur'), procedureHash: 'h' });
    h.do({ type: 'escalate', actor: staff('bemiddeling@bureaumhr.example.nl'), reason: 'Naar de directie' });
    expect(h.s.stage).toBe('directie');
    h.do({ type: 'identify-party', actor: staff('bemiddeling@bureaumhr.example.nl'), party: 'named', staff: 'directie@bureaumhr.example.nl' });
    expect(h.s.stage).toBe('bestuur');
    expect(h.eventTypes()).toEqual(expect.arrayContaining(['party-identified', 'escalated', 'stage-started']));
    expect(h.lastMailSummary()).toContain('staff-new-case → bestuur@bureaumhr.example.nl');
    expect(h.refuse({ type: 'note', actor: staff('directie@bureaumhr.example.nl'), text: 'x' })).toMatchObject({ reason: 'concerned' });
  });

  it('perspectief: the director identified: the committee handles it', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2026-01-12T09:00:00Z');
    h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K', channel: 'web', lang: 'nl', fields: fieldsFor(h.procedure, 'Dir. Perspectief'), procedureHash: 'h' });
    expect(h.s.stage).toBe('directeur');
    h.do({ type: 'identify-party', actor: staff('secretaris@perspectief.example.nl'), party: 'named', staff: 'directeur@perspectief.example.nl' });
    expect(h.s.stage).toBe('klachtencommissie');
  });
});

describe('parties: added and corrected by staff, each change an event', () => {
  it('a representative, a second person complained about, a corrected address', () => {
    const h = hss('Jan Jansen');
    h.do({ type: 'add-party', actor: staff(DIRECTIE), role: 'representative', name: 'Mr. A. Advocaat', email: 'advocaat@example.nl' });
    expect(h.lastEvents).toMatchObject([{ type: 'party-added', party: { role: 'representative', name: 'Mr. A. Advocaat', email: 'advocaat@example.nl' }, by: DIRECTIE }]);
    h.do({ type: 'add-party', actor: staff(DIRECTIE), role: 'complained-about', name: 'Els de Boer', address: 'Dorpsstraat 1, 1234 AB Ergens' });
    const jan = h.s.parties.find((x) => x.name === 'Jan Jansen')!;
    h.do({ type: 'correct-party', actor: staff(DIRECTIE), party: jan.id, email: 'jan@example.nl' });
    expect(h.lastEvents).toMatchObject([{ type: 'party-corrected', party: jan.id, changes: { email: 'jan@example.nl' } }, { type: 'copy-sent', party: jan.id, to: 'jan@example.nl' }]);
    expect(h.lastMailSummary()).toEqual(['concerned-copy → jan@example.nl']);
    expect(h.s.parties.map((x) => x.role)).toEqual(['complainant', 'complained-about', 'representative', 'complained-about']);
    // Mail to the complainant also reaches their representative.
    h.do({ type: 'acknowledge', actor: staff(DIRECTIE) });
    expect(h.lastMailSummary()).toEqual([`acknowledged → ${KLAGER}, advocaat@example.nl`]);
    expect(h.refuse({ type: 'add-party', actor: staff(DIRECTIE), role: 'complained-about', name: ' ' })).toMatchObject({ code: 'invalid' });
    expect(h.refuse({ type: 'add-party', actor: staff(DIRECTIE), role: 'complained-about', name: 'X', email: 'geen-adres' })).toMatchObject({ code: 'invalid' });
    expect(h.refuse({ type: 'identify-party', actor: staff(DIRECTIE), party: jan.id, staff: 'vreemde@example.nl' })).toMatchObject({ code: 'invalid', reason: 'not-staff-member' });
    expect(h.refuse({ type: 'correct-party', actor: staff(DIRECTIE), party: 'p99', name: 'X' })).toMatchObject({ reason: 'no-party' });
  });
});

describe('a complaint by e-mail completed later', () => {
  it('takes the complainant and the person named from the completed form', () => {
    const h = CaseHarness.for('hss', '2026-01-12T09:00:00Z');
    h.do({ type: 'submit', actor: { kind: 'system' }, reference: 'K', channel: 'email', lang: 'nl', fields: { email: KLAGER }, procedureHash: 'h' });
    expect(h.s.parties).toEqual([{ id: 'complainant', role: 'complainant', email: KLAGER }]);
    h.do({ type: 'complete', actor: { kind: 'complainant' }, fields: { ...fieldsFor(h.procedure, 'Medewerker HSS'), name: 'Henk de Vries' } });
    expect(h.s.parties).toEqual([
      { id: 'complainant', role: 'complainant', name: 'Henk de Vries', email: KLAGER },
      { id: 'named', role: 'complained-about', name: 'Medewerker HSS' },
    ]);
    expect(h.s.concerned).toEqual([]);
  });
});

describe('property: every procedure, every combination of identified parties, someone may handle the case', () => {
  for (const id of PROCEDURE_IDS) {
    it(id, () => {
      const p = loadProcedure(id).procedure;
      const staffEmails = members(p);
      const handlerRoles = new Set(p.stages.map((s) => s.handler));
      const handlerStaff = [...new Set([...handlerRoles].flatMap((r) => p.roles[r]!.members.map((m) => m.email.toLowerCase())))];
      for (let mask = 0; mask < 1 << staffEmails.length; mask++) {
        const chosen = staffEmails.filter((_, i) => mask & (1 << i));
        // Every reachable starting stage: the plain route and each intake route.
        for (const route of [undefined, ...p.intake.routes]) {
          const h = CaseHarness.for(id as ProcedureId, '2026-01-12T09:00:00Z');
          const fields = fieldsFor(p, 'Iemand');
          if (route) fields[route.field] = route.in[0]!;
          h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K', channel: 'web', lang: 'nl', fields, procedureHash: 'h' });
          for (const email of chosen) {
            const who = staffEmails.find((e) => !chosen.includes(e) && !h.s.concerned.includes(e)) ?? email;
            h.send({ type: 'add-party', actor: staff(who), role: 'complained-about', name: email });
            const party = h.s.parties.at(-1)!;
            const r = h.send({ type: 'identify-party', actor: staff(who), party: party.id, staff: email });
            if (!r.ok && r.refusal.reason === 'no-handler-left') expect(handlerStaff.every((e) => e === email || h.s.concerned.includes(e))).toBe(true);
            expect(mayHandle(p, h.s).length, `${id} ${chosen.join(',')} in ${h.s.stage}`).toBeGreaterThan(0);
          }
          // Onward through every stage a handler may send it to: still someone at each.
          for (let step = 0; step < 4; step++) {
            const stage = p.stages.find((s) => s.id === h.s.stage)!;
            const to = stage.escalateTo[0];
            if (!to) break;
            const r = h.send({ type: 'escalate', actor: staff(mayHandle(p, h.s)[0]!), reason: 'verder' });
            if (!r.ok) break;
            expect(mayHandle(p, h.s).length, `${id} ${chosen.join(',')} after escalating to ${h.s.stage}`).toBeGreaterThan(0);
          }
        }
      }
    });
  }
});

/** Per procedure: an ordinary employee (not handling the first stage) named in the complaint, then identified. */
describe('scenario: the person complained about is an ordinary employee, identified by staff', () => {
  for (const id of PROCEDURE_IDS) {
    it(id, () => {
      const h = CaseHarness.for(id, '2026-01-12T09:00:00Z');
      const p = h.procedure;
      const first = p.stages[0]!;
      const handlers = p.roles[first.handler]!.members.map((m) => m.email.toLowerCase());
      const employee = Object.values(p.roles).flatMap((r) => r.members).find((m) => !handlers.includes(m.email.toLowerCase()))!;
      const email = employee.email.toLowerCase();
      h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K', channel: 'web', lang: 'nl', fields: fieldsFor(p, employee.name), procedureHash: 'h' });
      // Named, not yet identified: the employee is only a suggestion, and the case is not hidden from anyone.
      expect(h.s.concerned).toEqual([]);
      const party = h.s.parties.find((x) => x.role === 'complained-about')!;
      expect(staffSuggestions(p, party.name!)).toContain(email);
      expect(h.mails('concerned-copy')).toEqual([]);
      const handler = staff(handlers[0]!);
      h.do({ type: 'identify-party', actor: handler, party: party.id, staff: email });
      expect(h.s.concerned).toEqual([email]);
      expect(h.eventTypes(h.events)).toContain('party-identified');
      // Every procedure: the copy goes to the identified address (Awb 9:9).
      expect(h.lastMailSummary()).toEqual([`concerned-copy → ${email}`]);
      expect(h.refuse({ type: 'note', actor: staff(email), text: 'x' })).toMatchObject({ reason: 'concerned' });
      expect(mayHandle(p, h.s)).toContain(handlers[0]);
    });
  }
});

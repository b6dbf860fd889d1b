/** Rules that are per stage: advisory committees, appeals open only after some outcomes, keeping the complainant informed. */
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../shared/procedure/load.ts';
import { readFileSync } from 'node:fs';
import { CaseHarness, complainant, procedurePath, staff } from '../support/engine-harness.ts';

const MHR = { bemiddelaar: staff('bemiddeling@bureaumhr.example.nl'), commissie: staff('commissie@bureaumhr.example.nl') };
const mhrComplaint = { name: 'Kees de Boer', email: 'kees@example.nl', eventDate: '2026-03-01', klachtOver: 'medewerker', description: 'Mijn begeleider kwam drie keer niet opdagen.' };

describe('bureau-mhr', () => {
  it('closes after a successful mediation: the 2-week appeal opens only when mediation failed', () => {
    const h = CaseHarness.for('bureau-mhr', '2026-03-10T09:00:00Z');
    h.submit(mhrComplaint);
    const solved = h.do({ type: 'decide', actor: MHR.bemiddelaar, outcome: 'opgelost', motivation: 'Afspraken gemaakt.', measures: '' });
    expect(solved.state.status).toBe('closed');
    expect(h.openTerms()).toHaveLength(0);

    const failed = CaseHarness.for('bureau-mhr', '2026-03-10T09:00:00Z');
    failed.submit(mhrComplaint);
    const r = failed.do({ type: 'decide', actor: MHR.bemiddelaar, outcome: 'niet-opgelost', motivation: 'Geen overeenstemming.', measures: '' });
    expect(r.state.status).toBe('decided');
    expect(failed.term('appeal').lastDay).toBe('2026-03-24');
  });

  it('keeps the independent committee advisory: it cannot decide, only advise the bestuur', () => {
    const h = CaseHarness.for('bureau-mhr', '2026-03-10T09:00:00Z');
    h.submit({ ...mhrComplaint, klachtOver: 'commissie' });
    expect(h.folded()!.stage).toBe('commissie');
    const refusal = h.refuse({ type: 'decide', actor: MHR.commissie, outcome: 'gegrond', motivation: 'x', measures: '' });
    expect(refusal).toMatchObject({ code: 'not-allowed', reason: 'advisory' });
    h.settleDuties(MHR.commissie);
    const advised = h.do({ type: 'advise', actor: MHR.commissie, outcome: 'gegrond', motivation: 'Gegrond.', recommendation: 'Excuses aanbieden.' });
    expect(advised.state.stage).toBe('bestuur');
  });
});

describe('perspectief: the committee keeps the complainant informed', () => {
  it('sends the complainant an update for each committee step that did not already write to them', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2026-03-02T09:00:00Z');
    h.submit({ name: 'Els Visser', email: 'els@example.nl', description: 'Mijn verhaal werd zonder toestemming gedeeld.' });
    h.do({ type: 'waive-hearing', actor: staff('directeur@perspectief.example.nl'), party: 'complainant', reason: 'manifestly-unfounded' });
    h.do({ type: 'decide', actor: staff('directeur@perspectief.example.nl'), outcome: 'ongegrond', motivation: 'Niet aangetoond.', measures: '' });
    h.do({ type: 'escalate', actor: complainant, reason: 'Ik ben het er niet mee eens.' });
    const committee = staff('commissie@perspectief.example.nl');
    h.do({ type: 'acknowledge', actor: committee });
    const requested = h.do({ type: 'request-response', actor: committee, from: 'medewerker@example.nl', question: 'Wat is er gebeurd?' });
    const updates = h.mails('update', requested.effects);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.to).toEqual([{ email: 'els@example.nl', name: 'Els Visser' }]);
    expect(updates[0]!.vars.step.type).toBe('response-requested');
    // A note is internal: no update.
    expect(h.mails('update', h.do({ type: 'note', actor: committee, text: 'Intern.' }).effects)).toHaveLength(0);
  });
});

describe('terms measured from acknowledgement or from the decision', () => {
  it('starts them when that moment happens', () => {
    const text = readFileSync(procedurePath('hss'), 'utf8').replace(
      '        basis: Klachtenprocedure 3.2\n',
      '        basis: Klachtenprocedure 3.2\n      - { id: gesprek, label: Gesprek, length: 10 days, from: acknowledged, metBy: [conversationRecorded] }\n',
    );
    const { procedure, hash } = parseProcedure(text, 'hss-variant.yaml');
    const h = new CaseHarness({ procedure, hash }, '2026-03-02T09:00:00Z');
    h.submit({ email: 'a@example.nl', topic: 'advies', description: 'Verkeerd advies.' });
    expect(h.openTerms().map((t) => t.termId)).not.toContain('gesprek');
    h.do({ type: 'acknowledge', actor: staff('directie@hss.example.nl') }, '2026-03-04T09:00:00Z');
    // 4 March + 10 days is Saturday 14 March: rolled forward to Monday 16 March.
    expect(h.term('gesprek').lastDay).toBe('2026-03-16');
  });
});

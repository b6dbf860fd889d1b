/**
 * Perspectief Herstelbemiddeling over HTTP: the director looks for a solution; the complainant takes
 * it to the independent complaints committee, whose secretary keeps them informed; the committee
 * finds the complaint well-founded and recommends; the director's decision is binding. The text
 * names no terms: every term shown is marked as a default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const DIRECTEUR = 'directeur@perspectief.example.nl';
const SECRETARIS = 'secretaris@perspectief.example.nl';
const VOORZITTER = 'commissie@perspectief.example.nl';
const KLAGER = 'klager@example.nl';

describe('perspectief-herstelbemiddeling over HTTP', () => {
  let c: OfficeClient;
  beforeAll(async () => {
    // Thursday 17 April 2025, the day before Good Friday.
    c = await OfficeClient.start('perspectief-herstelbemiddeling', '2025-04-17T09:00:00.000Z');
  });
  afterAll(() => c?.close());

  it('director → committee (the complainant kept informed) → advice with a recommendation → the director’s binding decision', async () => {
    const mark = await c.mark();
    const anonymous = await c.submit({ email: KLAGER, description: 'Zonder naam.' });
    expect(anonymous).toMatchObject({ status: 422, body: { error: 'anonymous', field: 'name' } });
    const { reference: ref } = await c.file({
      name: 'Els Visser',
      email: KLAGER,
      employeeName: 'de bemiddelaar',
      description: 'De bemiddelaar deelde mijn verhaal zonder toestemming met de dader.',
    });
    // The committee's secretary receives complaints; the director, who handles them, is told too.
    expect(summary(await c.mailSince(mark))).toEqual([`${KLAGER}: Ontvangstbevestiging van uw klacht ${ref}`, `${DIRECTEUR}: Nieuwe klacht ${ref}`, `${SECRETARIS}: Nieuwe klacht ${ref}`]);
    let status = await c.status(ref);
    expect(status).toMatchObject({ status: 'open', stage: { id: 'directeur', name: 'de directeur' } });
    // 17 April + 6 weeks = Thursday 29 May, Ascension Day; Friday 30 May is set equal to a holiday by decree: Monday 2 June. A default, and marked so.
    expect(status.terms).toEqual([
      expect.objectContaining({ label: 'Reactie van de directeur', lastDay: '2025-06-02', isDefault: true, basis: 'Awb 9:11 lid 1' }),
    ]);
    const receipt = (await c.mailSince(mark))[0]!;
    expect(receipt.text).toContain('Reactie van de directeur: uiterlijk maandag 2 juni 2025 (wettelijke standaardtermijn)');

    // Tuesday 20 May: the person complained about has had the copy, both sides were heard (Awb 9:9, 9:10); the director's solution.
    const directeur = await c.signIn(DIRECTEUR);
    await c.advance({ advanceTo: '2025-05-20T15:00:00+02:00' });
    await c.act(directeur, ref, { type: 'correct-party', party: 'named', email: 'bemiddelaar@example.nl' });
    await c.act(directeur, ref, { type: 'record-conversation', date: '2025-05-20', attendees: 'Els Visser\nDe bemiddelaar\nDirecteur', summary: 'Beide kanten gehoord.', heard: 'complainant\nnamed' });
    let at = await c.mark();
    const decided = await c.act(directeur, ref, {
      type: 'decide',
      outcome: 'deels-gegrond',
      motivation: 'Er is informatie gedeeld, maar met een reden.',
      measures: 'Werkinstructie aangepast.',
    });
    expect(decided.status).toBe('decided');
    const solution = await c.mailSince(at, ref);
    expect(summary(solution)).toEqual([`${KLAGER}: Uitkomst van uw klacht ${ref}`]);
    // 20 May + 6 weeks = Tuesday 1 July to take it to the committee.
    expect(solution[0]!.text).toContain('Dan kunt u naar de onafhankelijke klachtencommissie: antwoord op deze e-mail, of schrijf aan de ambtelijk secretaris van de Klachtencommissie Perspectief Herstelbemiddeling, Postbus 14208, 3508 SH Utrecht, of Klachtencommissie@perspectiefherstelbemiddeling.nl. Doe dat uiterlijk dinsdag 1 juli 2025.');
    status = await c.status(ref);
    expect(status).toMatchObject({ status: 'decided', terms: [{ lastDay: '2025-07-01', isDefault: true }] });

    // Tuesday 10 June: the complainant puts it to the committee; the secretary records it.
    const secretaris = await c.signIn(SECRETARIS);
    await c.advance({ advanceTo: '2025-06-10T09:00:00+02:00' });
    at = await c.mark();
    await c.act(secretaris, ref, { type: 'escalate', reason: 'Ik ben het niet eens met de oplossing.' });
    expect(summary(await c.mailSince(at, ref))).toEqual([
      `${KLAGER}: Uw klacht ${ref} is doorgestuurd naar de onafhankelijke klachtencommissie`,
      `${VOORZITTER}: Nieuwe klacht ${ref}`,
      `${SECRETARIS}: Nieuwe klacht ${ref}`,
    ]);
    status = await c.status(ref);
    // 10 June + 10 weeks = Tuesday 19 August.
    expect(status).toMatchObject({
      status: 'open',
      stage: { id: 'klachtencommissie', name: 'de onafhankelijke klachtencommissie' },
      nextTerm: { label: 'Uitspraak van de klachtencommissie', lastDay: '2025-08-19', isDefault: true },
    });
    expect(await c.timers(ref)).toEqual([
      'remind klachtencommissie.uitspraak.1 @ 2025-08-05T07:00:00.000Z',
      'expire klachtencommissie.uitspraak.1 @ 2025-08-19T22:00:00.000Z',
    ]);
    // The director is not the committee.
    expect((await c.tryAct(directeur, ref, { type: 'advise', outcome: 'gegrond', motivation: 'x', recommendation: 'y' })).status).toBe(403);

    // The committee works on it; each step reaches the complainant as an update.
    const commissie = await c.signIn(VOORZITTER);
    await c.advance({ advanceTo: '2025-06-12T10:00:00+02:00' });
    at = await c.mark();
    await c.act(commissie, ref, { type: 'request-response', from: DIRECTEUR, question: 'Waarom is het verhaal gedeeld?' });
    const asked = await c.mailSince(at, ref);
    expect(summary(asked)).toEqual([`${DIRECTEUR}: Verzoek om een reactie op klacht ${ref}`, `${KLAGER}: Voortgang van uw klacht ${ref}`]);
    expect(asked[1]!.text).toContain('Er is een reactie gevraagd aan de betrokkene.');

    await c.advance({ advanceTo: '2025-06-24T10:00:00+02:00' });
    at = await c.mark();
    await c.act(secretaris, ref, { type: 'record-response', from: DIRECTEUR, text: 'Het was nodig voor het gesprek met de dader.' });
    const answered = await c.mailSince(at, ref);
    expect(summary(answered)).toEqual([`${KLAGER}: Voortgang van uw klacht ${ref}`]);
    expect(answered[0]!.text).toContain('De reactie van de betrokkene is ontvangen.');

    await c.advance({ advanceTo: '2025-07-08T14:00:00+02:00' });
    at = await c.mark();
    await c.act(commissie, ref, {
      type: 'record-conversation',
      date: '2025-07-08',
      attendees: ['E. Visser', 'Voorzitter', 'Ambtelijk secretaris'],
      summary: 'Hoorzitting.',
      signedBy: [],
    });
    // The record goes to everyone involved: the complainant and the person complained about, whose address staff added.
    expect(summary(await c.mailSince(at, ref))).toEqual([`${KLAGER}: Verslag van het gesprek over klacht ${ref}`, `bemiddelaar@example.nl: Verslag van het gesprek over klacht ${ref}`]);
    expect((await c.status(ref)).timeline.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'Er is een reactie gevraagd aan de betrokkene.',
        'De reactie van de betrokkene is ontvangen.',
        'Er is een gesprek gevoerd op dinsdag 8 juli 2025; het verslag is vastgelegd.',
      ]),
    );

    // Tuesday 15 July: well-founded, with a recommendation to the director.
    await c.advance({ advanceTo: '2025-07-15T14:00:00+02:00' });
    at = await c.mark();
    const recommendation = 'Bied excuses aan en leg toestemming voortaan schriftelijk vast.';
    const advised = await c.act(commissie, ref, { type: 'advise', outcome: 'gegrond', motivation: 'Zonder toestemming gedeeld.', recommendation });
    expect(advised).toMatchObject({ status: 'open', stage: { id: 'directeur-besluit' } });
    const advice = await c.mailSince(at, ref);
    expect(summary(advice)).toEqual([
      `${KLAGER}: Advies van de onafhankelijke klachtencommissie over klacht ${ref}`,
      `${DIRECTEUR}: Nieuwe klacht ${ref}`,
    ]);
    expect(advice[0]!.text).toContain('Het advies: gegrond.');
    expect(advice[0]!.text).toContain(recommendation);
    // 15 July + 4 weeks = Tuesday 12 August.
    expect(advice[0]!.text).toContain('Besluit van de directeur: uiterlijk dinsdag 12 augustus 2025 (wettelijke standaardtermijn)');
    status = await c.status(ref);
    expect(status).toMatchObject({
      status: 'open',
      stage: { id: 'directeur-besluit', name: 'het besluit van de directeur' },
      nextTerm: { label: 'Besluit van de directeur', lastDay: '2025-08-12', isDefault: true },
    });
    expect(status.timeline.map((l) => l.text)).toContain('De onafhankelijke klachtencommissie heeft advies uitgebracht: gegrond.');
    expect(await c.timers(ref)).toEqual(['remind directeur-besluit.besluit.1 @ 2025-08-05T07:00:00.000Z', 'expire directeur-besluit.besluit.1 @ 2025-08-12T22:00:00.000Z']);

    // Friday 1 August: the director follows the recommendation; binding, the case is closed.
    await c.advance({ advanceTo: '2025-08-01T10:00:00+02:00' });
    at = await c.mark();
    const binding = await c.act(directeur, ref, {
      type: 'decide',
      outcome: 'gegrond',
      motivation: 'Ik volg de aanbeveling.',
      measures: 'Excuses; schriftelijke toestemming.',
    });
    expect(binding).toMatchObject({ status: 'closed', terms: [] });
    const final = await c.mailSince(at, ref);
    expect(summary(final)).toEqual([`${KLAGER}: Uitkomst van uw klacht ${ref}`]);
    expect(final[0]!.text).toContain('Ons oordeel: uw klacht is gegrond.');
    expect(final[0]!.text).toContain('Excuses; schriftelijke toestemming.');
    // No further step is offered: the decision is binding.
    expect(final[0]!.text).toContain('Dit besluit is bindend. Binnen Perspectief Herstelbemiddeling is er geen verdere stap.');
    expect(final[0]!.text).not.toContain('Bent u het niet eens');
    status = await c.status(ref);
    expect(status).toMatchObject({ status: 'closed', stage: { id: 'directeur-besluit' }, terms: [], onward: [] });
    expect(await c.timers(ref)).toEqual([]);
    expect((await c.tryAct(secretaris, ref, { type: 'escalate', reason: 'Nog steeds niet eens.' })).status).toBe(422);
  });
});

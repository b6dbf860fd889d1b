/**
 * Ben in de Buurt over HTTP: a manager who was not involved handles the complaint; the person or
 * party complained about has 2 weeks to respond, and a missed response alerts the handler; a
 * withdrawal stops handling, with written confirmation and no timer left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const ANNA = 'anna.devries@benindebuurt.example.nl';
const PIETER = 'pieter.bakker@benindebuurt.example.nl';
const KLAGER = 'klager@example.nl';
const PARTNER = 'info@zorgpartner.example.nl';

const complaint = (eventDate: string, employeeName?: string) => ({
  name: 'Henk Smit',
  email: KLAGER,
  eventDate,
  topic: 'bejegening',
  description: 'Ik werd aan de balie onvriendelijk weggestuurd.',
  ...(employeeName ? { employeeName } : {}),
});

describe('ben-in-de-buurt over HTTP', () => {
  let c: OfficeClient;
  let anna: string;
  beforeAll(async () => {
    // King's Day, Saturday 26 April 2025, 10:00 in Amsterdam.
    c = await OfficeClient.start('ben-in-de-buurt', '2025-04-26T08:00:00.000Z');
    anna = await c.signIn(ANNA);
  });
  afterAll(() => c?.close());

  it('a response is asked for with a 2-week term; it is missed, and the handler (not the complainant) is alerted', async () => {
    await c.advance({ advanceTo: '2025-04-26T12:00:00+02:00' });
    const mark = await c.mark();
    const { reference: ref } = await c.file(complaint('2025-04-20', 'Bakker'));
    // "Bakker" is a name in the complaint, not yet a person: both managers hear of the new case.
    expect(summary(await c.mailSince(mark))).toEqual([
      `${KLAGER}: Ontvangstbevestiging van je klacht ${ref}`,
      `${ANNA}: Nieuwe klacht ${ref}`,
      `${PIETER}: Nieuwe klacht ${ref}`,
    ]);
    // Anna sees Pieter suggested, and confirms it: Pieter gets a copy of the complaint and no longer sees the case.
    const seen = await c.staffCase(anna, ref);
    expect(seen.parties.find((x) => x.id === 'named')).toMatchObject({ role: 'complained-about', name: 'Bakker', suggestions: [{ email: PIETER }] });
    const identifiedAt = await c.mark();
    const identified = await c.act(anna, ref, { type: 'identify-party', party: 'named', staff: PIETER });
    expect(identified.parties.find((x) => x.id === 'named')).toMatchObject({ staff: PIETER });
    expect(summary(await c.mailSince(identifiedAt))).toEqual([`${PIETER}: Er is een klacht ingediend waarbij je betrokken bent (${ref})`]);
    expect((await c.tryAct(await c.signIn(PIETER), ref, { type: 'note', text: 'x' })).status).toBe(404);
    // 6 weeks from King's Day: Saturday 7 June, over Whitsun to Tuesday 10 June.
    expect((await c.status(ref)).terms.map((t) => [t.label, t.lastDay])).toEqual([['Afhandeling van de klacht', '2025-06-10']]);

    await c.advance({ advanceTo: '2025-04-28T09:00:00+02:00' });
    await c.act(anna, ref, { type: 'assign', handler: ANNA });

    // Tuesday 13 May: the partner is asked to respond; Tuesday 27 May is the last day.
    await c.advance({ advanceTo: '2025-05-13T10:00:00+02:00' });
    let at = await c.mark();
    expect((await c.tryAct(anna, ref, { type: 'request-response', from: 'geen-adres', question: 'x' })).status).toBe(400);
    const requested = await c.act(anna, ref, { type: 'request-response', from: PARTNER, question: 'Wat gebeurde er aan de balie?' });
    expect(requested.pendingResponses).toEqual([PARTNER]);
    expect(requested.terms.map((t) => [t.label, t.lastDay])).toEqual([
      ['Reactie van de betrokkene', '2025-05-27'],
      ['Afhandeling van de klacht', '2025-06-10'],
    ]);
    const request = await c.mailSince(at, ref);
    expect(summary(request)).toEqual([`${PARTNER}: Verzoek om een reactie op klacht ${ref}`]);
    expect(request[0]!.text).toContain('We vragen je om een schriftelijke reactie op de klacht, uiterlijk dinsdag 27 mei 2025. Vraag: Wat gebeurde er aan de balie?');
    expect(request[0]!.text).toContain('Ik werd aan de balie onvriendelijk weggestuurd.');
    expect(await c.timers(ref)).toEqual([
      'remind manager.reactie-betrokkene.1 @ 2025-05-24T07:00:00.000Z',
      'expire manager.reactie-betrokkene.1 @ 2025-05-27T22:00:00.000Z',
      'remind manager.afhandeling.1 @ 2025-06-03T07:00:00.000Z',
      'expire manager.afhandeling.1 @ 2025-06-10T22:00:00.000Z',
    ]);
    const status = await c.status(ref);
    expect(status.terms.map((t) => [t.label, t.lastDay])).toEqual([
      ['Reactie van de betrokkene', '2025-05-27'],
      ['Afhandeling van de klacht', '2025-06-10'],
    ]);
    expect(status.timeline.map((l) => l.text)).toContain('Er is een reactie gevraagd aan de betrokkene.');

    // No response by the end of 27 May: Anna is reminded, then alerted; the complainant hears nothing of it.
    at = await c.mark();
    expect((await c.advance({ advanceTo: '2025-05-28T09:00:00+02:00' })).fired).toBe(2);
    expect(summary(await c.mailSince(at, ref))).toEqual([
      `${ANNA}: Herinnering: termijn "Reactie van de betrokkene" van klacht ${ref} loopt af op dinsdag 27 mei 2025`,
      `${ANNA}: Termijn verstreken: "Reactie van de betrokkene" van klacht ${ref}`,
    ]);
    const detail = await c.staffCase(anna, ref);
    expect(detail.termLog).toEqual([{ term: 'Reactie van de betrokkene', lastDay: '2025-05-27', outcome: 'missed' }]);
    expect(detail.terms.map((t) => t.label)).toEqual(['Afhandeling van de klacht']);
    expect((await c.status(ref)).terms.map((t) => t.lastDay)).toEqual(['2025-06-10']);

    // A late response can still be recorded.
    at = await c.mark();
    await c.act(anna, ref, { type: 'record-response', from: PARTNER, text: 'Sorry, te laat: het was erg druk.' });
    expect(await c.mailSince(at, ref)).toEqual([]);
    expect((await c.status(ref)).timeline.map((l) => l.text)).toContain('De reactie van de betrokkene is ontvangen.');
  });

  it('withdrawal stops handling: every timer of the case is gone, the complainant gets a written confirmation', async () => {
    // Monday 2 June 2025.
    await c.advance({ advanceTo: '2025-06-02T10:00:00+02:00' });
    const { reference: ref } = await c.file(complaint('2025-05-30'));
    const pieter = await c.signIn(PIETER);
    await c.act(pieter, ref, { type: 'request-response', from: PARTNER, question: 'Wat gebeurde er?' });
    // 2 June + 2 weeks = Monday 16 June; + 6 weeks = Monday 14 July.
    expect(await c.timers(ref)).toEqual([
      'remind manager.reactie-betrokkene.1 @ 2025-06-13T07:00:00.000Z',
      'expire manager.reactie-betrokkene.1 @ 2025-06-16T22:00:00.000Z',
      'remind manager.afhandeling.1 @ 2025-07-07T07:00:00.000Z',
      'expire manager.afhandeling.1 @ 2025-07-14T22:00:00.000Z',
    ]);

    // Thursday 5 June: the complainant tells Pieter it has been talked out; he records the withdrawal.
    await c.advance({ advanceTo: '2025-06-05T10:00:00+02:00' });
    expect((await c.tryAct(pieter, ref, { type: 'withdraw', reason: '' })).status).toBe(400);
    const at = await c.mark();
    const withdrawn = await c.act(pieter, ref, { type: 'withdraw', reason: 'Het is uitgepraat.' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusLabel: 'Ingetrokken', terms: [] });
    const confirmation = await c.mailSince(at, ref);
    const toComplainant = confirmation.filter((m) => m.to.includes(KLAGER));
    expect(summary(toComplainant)).toEqual([`${KLAGER}: Bevestiging: je klacht ${ref} is ingetrokken`]);
    expect(toComplainant[0]!.text).toContain('We bevestigen dat je je klacht hebt ingetrokken. De behandeling is gestopt.');
    // The managers who could handle it hear of it too.
    expect(confirmation.filter((m) => !m.to.includes(KLAGER)).flatMap((m) => m.to)).toEqual([ANNA, PIETER]);

    // No timer is left for the case (other cases keep theirs).
    const clock = await c.clock();
    expect(clock.deadlines.filter((d) => d.caseRef === ref)).toEqual([]);
    expect(await c.timers(ref)).toEqual([]);

    const status = await c.status(ref);
    expect(status).toMatchObject({ status: 'withdrawn', statusLabel: 'Ingetrokken', terms: [], onward: [] });
    expect(status.nextTerm).toBeUndefined();
    expect(status.timeline.map((l) => l.text).at(-1)).toBe('De klacht is ingetrokken.');

    // Nothing fires for it any more, and it cannot be handled further.
    const later = await c.mark();
    await c.advance({ advanceTo: '2025-08-01T09:00:00+02:00' });
    expect(await c.mailSince(later, ref)).toEqual([]);
    expect((await c.tryAct(pieter, ref, { type: 'decide', outcome: 'gegrond', motivation: 'x' })).status).toBe(422);
  });
});

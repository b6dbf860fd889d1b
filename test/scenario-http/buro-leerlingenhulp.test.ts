/**
 * Buro Leerlingenhulp over HTTP: taken into handling within 10 working days; a response aimed for
 * within 3 weeks; when that fails the complainant is told of the delay, and then of the reason and
 * an estimated new term, which their status page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const FUNCTIONARIS = 'klachtenfunctionaris@buroleerlingenhulp.example.nl';
const SPECIALIST = 'specialist@buroleerlingenhulp.example.nl';
const KLAGER = 'ouder@example.nl';

const complaint = {
  childName: 'Sara de Groot',
  name: 'Marieke de Groot',
  address: 'Dorpsstraat 1, 1234 AB Ergens',
  phone: '06-11223344',
  email: KLAGER,
  eventDate: '2025-12-16',
  description: 'Het onderzoeksverslag bevat onjuistheden over mijn dochter.',
};

describe('buro-leerlingenhulp over HTTP', () => {
  let c: OfficeClient;
  beforeAll(async () => {
    // Monday 22 December 2025, 10:00 in Amsterdam.
    c = await OfficeClient.start('buro-leerlingenhulp', '2025-12-22T09:00:00.000Z');
  });
  afterAll(() => c?.close());

  it('the 3 weeks are missed: a delay notice; then a new date with the reason, in a mail and on the status page', async () => {
    // No anonymous complaints.
    const { name: _n, ...anonymous } = complaint;
    expect(await c.submit(anonymous)).toMatchObject({ status: 422, body: { error: 'anonymous', field: 'name' } });

    const mark = await c.mark();
    const { reference: ref } = await c.file(complaint);
    expect(summary(await c.mailSince(mark))).toEqual([`${KLAGER}: Ontvangstbevestiging van uw klacht ${ref}`, `${FUNCTIONARIS}: Nieuwe klacht ${ref}`]);
    // 10 working days over Christmas and New Year (2 January set equal to a holiday by decree): 9 January; 22 December + 3 weeks = Monday 12 January.
    expect((await c.status(ref)).terms.map((t) => [t.label, t.lastDay])).toEqual([
      ['Klacht in behandeling nemen', '2026-01-09'],
      ['Inhoudelijke reactie', '2026-01-12'],
    ]);
    expect(await c.timers(ref)).toEqual([
      'remind klachtenfunctionaris.in-behandeling.1 @ 2026-01-07T08:00:00.000Z',
      'remind klachtenfunctionaris.reactie.1 @ 2026-01-07T08:00:00.000Z',
      'expire klachtenfunctionaris.in-behandeling.1 @ 2026-01-09T23:00:00.000Z',
      'expire klachtenfunctionaris.reactie.1 @ 2026-01-12T23:00:00.000Z',
    ]);

    // Monday 29 December: taken into handling.
    const functionaris = await c.signIn(FUNCTIONARIS);
    await c.advance({ advanceTo: '2025-12-29T10:00:00+01:00' });
    let at = await c.mark();
    await c.act(functionaris, ref, { type: 'acknowledge' });
    expect(summary(await c.mailSince(at, ref))).toEqual([`${KLAGER}: Uw klacht ${ref} is in behandeling genomen`]);
    expect(await c.timers(ref)).toEqual([
      'remind klachtenfunctionaris.reactie.1 @ 2026-01-07T08:00:00.000Z',
      'expire klachtenfunctionaris.reactie.1 @ 2026-01-12T23:00:00.000Z',
    ]);

    // The 3 weeks pass without a response: the handler is reminded and alerted, the complainant told of the delay.
    at = await c.mark();
    expect((await c.advance({ advanceTo: '2026-01-13T09:00:00+01:00' })).fired).toBe(2);
    const missed = await c.mailSince(at, ref);
    expect(summary(missed)).toEqual([
      `${FUNCTIONARIS}: Herinnering: termijn "Inhoudelijke reactie" van klacht ${ref} loopt af op maandag 12 januari 2026`,
      `${FUNCTIONARIS}: Termijn verstreken: "Inhoudelijke reactie" van klacht ${ref}`,
      `${KLAGER}: Uw klacht ${ref}: de termijn is verstreken`,
    ]);
    expect(missed[2]!.text).toContain('Het spijt ons: wij hebben niet op tijd op uw klacht gereageerd. De termijn "Inhoudelijke reactie" liep tot en met maandag 12 januari 2026.');
    expect(missed[2]!.text).toContain('U krijgt uiterlijk maandag 9 februari 2026 een reactie.');
    expect(await c.timers(ref)).toEqual([]);
    let status = await c.status(ref);
    expect(status).toMatchObject({ status: 'open', terms: [] });

    // The new estimated date must lie ahead, and only the handler sets it.
    expect((await c.tryAct(functionaris, ref, { type: 'extend', reason: 'Wachten op de specialist', until: '2026-01-12' })).status).toBe(400);
    const specialist = await c.signIn(SPECIALIST);
    expect((await c.tryAct(specialist, ref, { type: 'extend', reason: 'x', until: '2026-01-26' })).status).toBe(403);

    // Tuesday 13 January: the reason and a new estimated date.
    await c.advance({ advanceTo: '2026-01-13T10:00:00+01:00' });
    at = await c.mark();
    const reason = 'De specialist is ziek; wij wachten op zijn reactie';
    // The term passed already: the complainant's consent is recorded (Awb 9:11).
    expect((await c.tryAct(functionaris, ref, { type: 'extend', reason, until: '2026-01-26' })).status).toBe(422);
    const extended = await c.act(functionaris, ref, { type: 'extend', reason, until: '2026-01-26', consent: 'Klager stemde telefonisch in' });
    expect(extended.terms.map((t) => [t.label, t.lastDay])).toEqual([['Inhoudelijke reactie', '2026-01-26']]);
    const notice = await c.mailSince(at, ref);
    expect(summary(notice)).toEqual([`${KLAGER}: Uw klacht ${ref}: de afhandeling duurt langer`]);
    expect(notice[0]!.text).toContain(`De reden: ${reason}. U krijgt uiterlijk maandag 26 januari 2026 een inhoudelijke reactie.`);
    expect(await c.timers(ref)).toEqual([
      'remind klachtenfunctionaris.reactie.2 @ 2026-01-21T08:00:00.000Z',
      'expire klachtenfunctionaris.reactie.2 @ 2026-01-26T23:00:00.000Z',
    ]);
    status = await c.status(ref);
    expect(status.nextTerm).toMatchObject({ label: 'Inhoudelijke reactie', lastDay: '2026-01-26', date: 'maandag 26 januari 2026', overdue: false });
    expect(status.timeline.map((l) => l.text)).toContain(`De termijn is verlengd tot maandag 26 januari 2026. Reden: ${reason}`);

    // Tuesday 20 January: the response in writing meets the new date; the letter names the College van Toezicht.
    await c.advance({ advanceTo: '2026-01-20T10:00:00+01:00' });
    await c.act(functionaris, ref, { type: 'waive-hearing', party: 'complainant', reason: 'declined' });
    at = await c.mark();
    const decided = await c.act(functionaris, ref, {
      type: 'decide',
      outcome: 'deels-gegrond',
      motivation: 'Het verslag wordt gecorrigeerd.',
      measures: 'Nieuw verslag.',
    });
    expect(decided).toMatchObject({ status: 'closed', terms: [] });
    expect(decided.termLog).toEqual([
      { term: 'Klacht in behandeling nemen', lastDay: '2026-01-09', outcome: 'met' },
      { term: 'Inhoudelijke reactie', lastDay: '2026-01-12', outcome: 'missed' },
      { term: 'Inhoudelijke reactie', lastDay: '2026-01-26', outcome: 'met' },
    ]);
    const letter = await c.mailSince(at, ref);
    expect(summary(letter)).toEqual([`${KLAGER}: Uitkomst van uw klacht ${ref}`]);
    expect(letter[0]!.text).toContain('College van Toezicht');
    expect(await c.timers(ref)).toEqual([]);
    expect(await c.status(ref)).toMatchObject({ status: 'closed', terms: [] });
  });
});

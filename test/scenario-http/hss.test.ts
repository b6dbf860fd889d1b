/**
 * HSS over HTTP: the directie confirms handling within 7 working days and gives a reasoned position
 * within 6 weeks; the decision letter names erisietsmisgegaan.nl. An unconfirmed complaint alerts
 * the directie once the 7 working days have passed. Everything through the API, time through the
 * local office's virtual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const DIRECTIE = 'directie@hss.example.nl';
const KLAGER = 'klager@example.nl';

const complaint = (email = KLAGER) => ({
  name: 'Jan Jansen',
  email,
  topic: 'informatie',
  description: 'Ik kreeg verkeerde informatie over mijn schuldregeling.',
});

describe('hss over HTTP', () => {
  let c: OfficeClient;
  let directie: string;
  beforeAll(async () => {
    // Monday 22 December 2025, 10:00 in Amsterdam.
    c = await OfficeClient.start('hss', '2025-12-22T09:00:00.000Z');
    directie = await c.signIn(DIRECTIE);
  });
  afterAll(() => c?.close());

  it('not confirmed within 7 working days (over Christmas and New Year): the directie is reminded, then alerted', async () => {
    const mark = await c.mark();
    const { reference: ref, statusUrl } = await c.file(complaint());
    expect(statusUrl).toMatch(new RegExp(`^${c.url}/complaints/${ref}\\?token=`));
    expect(summary(await c.mailSince(mark))).toEqual([
      `${KLAGER}: Ontvangstbevestiging van uw klacht ${ref}`,
      `${DIRECTIE}: Nieuwe klacht ${ref}`,
    ]);
    // 23, 24 Dec; 25–26 Christmas; weekend; 29, 30, 31 Dec; 1 Jan; 2 Jan (set equal to a holiday by decree); weekend; 5, 6 Jan.
    expect(await c.timers(ref)).toEqual([
      `remind directie.bevestiging.1 @ 2025-12-31T08:00:00.000Z`,
      `expire directie.bevestiging.1 @ 2026-01-06T23:00:00.000Z`,
      `remind directie.standpunt.1 @ 2026-01-26T08:00:00.000Z`,
      `expire directie.standpunt.1 @ 2026-02-02T23:00:00.000Z`,
    ]);
    const status = await c.status(ref);
    expect(status).toMatchObject({ reference: ref, status: 'open', receivedOn: '2025-12-22', stage: { id: 'directie', name: 'de directie' } });
    expect(status.terms.map((t) => [t.label, t.lastDay, t.overdue])).toEqual([
      ['Bevestiging van de behandeling', '2026-01-06', false],
      ['Gemotiveerd standpunt', '2026-02-02', false],
    ]);

    // Nothing before the reminder; the reminder on 31 December, 09:00.
    let at = await c.mark();
    expect(await c.advance({ advanceTo: '2025-12-31T07:59:00Z' })).toEqual({ now: '2025-12-31T07:59:00.000Z', fired: 0 });
    expect(await c.mailSince(at, ref)).toEqual([]);
    expect((await c.advance({ advanceBy: 'PT4H' })).fired).toBe(1);
    expect(summary(await c.mailSince(at, ref))).toEqual([`${DIRECTIE}: Herinnering: termijn "Bevestiging van de behandeling" van klacht ${ref} loopt af op dinsdag 6 januari 2026`]);

    // Still on time on the last day, until midnight.
    at = await c.mark();
    await c.advance({ advanceTo: '2026-01-06T22:59:59Z' });
    expect(await c.mailSince(at, ref)).toEqual([]);
    expect((await c.status(ref)).nextTerm).toMatchObject({ lastDay: '2026-01-06', overdue: false });

    // 7 January: the term has passed; the directie is alerted, the complainant gets nothing for it.
    expect((await c.advance({ advanceTo: '2026-01-07T09:00:00+01:00' })).fired).toBe(1);
    const overdue = await c.mailSince(at, ref);
    expect(summary(overdue)).toEqual([`${DIRECTIE}: Termijn verstreken: "Bevestiging van de behandeling" van klacht ${ref}`]);
    expect(overdue[0]!.text).toContain('De termijn "Bevestiging van de behandeling" is verstreken op dinsdag 6 januari 2026.');
    expect(overdue[0]!.text).toContain(`${c.url}/staff/cases/${ref}`);
    expect(await c.timers(ref)).toEqual([`remind directie.standpunt.1 @ 2026-01-26T08:00:00.000Z`, `expire directie.standpunt.1 @ 2026-02-02T23:00:00.000Z`]);
    expect((await c.status(ref)).terms.map((t) => t.lastDay)).toEqual(['2026-02-02']);
    expect((await c.staffCase(directie, ref)).termLog).toEqual([{ term: 'Bevestiging van de behandeling', lastDay: '2026-01-06', outcome: 'missed' }]);

    // Confirming late is still possible; it meets nothing any more.
    at = await c.mark();
    await c.advance({ advanceTo: '2026-01-07T10:00:00+01:00' });
    await c.act(directie, ref, { type: 'acknowledge' });
    expect(summary(await c.mailSince(at, ref))).toEqual([`${KLAGER}: Uw klacht ${ref} is in behandeling genomen`]);
  });

  it('main path: confirmed, then a reasoned position that names erisietsmisgegaan.nl; the case is closed', async () => {
    const klager = 'marie@example.nl';
    // Wednesday 7 January 2026, 11:00.
    await c.advance({ advanceTo: '2026-01-07T11:00:00+01:00' });
    const mark = await c.mark();
    const { reference: ref } = await c.file(complaint(klager));
    expect(summary(await c.mailSince(mark))).toEqual([`${klager}: Ontvangstbevestiging van uw klacht ${ref}`, `${DIRECTIE}: Nieuwe klacht ${ref}`]);
    // 8, 9, 12, 13, 14, 15, 16 January; 7 January + 6 weeks = Wednesday 18 February.
    expect((await c.status(ref)).terms.map((t) => [t.label, t.lastDay])).toEqual([
      ['Bevestiging van de behandeling', '2026-01-16'],
      ['Gemotiveerd standpunt', '2026-02-18'],
    ]);
    expect((await c.staffCase(directie, ref)).terms.map((t) => [t.label, t.lastDay])).toEqual([
      ['Bevestiging van de behandeling', '2026-01-16'],
      ['Gemotiveerd standpunt', '2026-02-18'],
    ]);

    // Thursday 8 January: the directie confirms handling.
    await c.advance({ advanceTo: '2026-01-08T09:30:00+01:00' });
    let at = await c.mark();
    const acknowledged = await c.act(directie, ref, { type: 'acknowledge' });
    expect(acknowledged.terms.map((t) => t.label)).toEqual(['Gemotiveerd standpunt']);
    const confirmation = await c.mailSince(at, ref);
    expect(summary(confirmation)).toEqual([`${klager}: Uw klacht ${ref} is in behandeling genomen`]);
    expect(confirmation[0]!.text).toContain('U hoort uiterlijk woensdag 18 februari 2026 van ons.');
    expect(await c.timers(ref)).toEqual([`remind directie.standpunt.1 @ 2026-02-11T08:00:00.000Z`, `expire directie.standpunt.1 @ 2026-02-18T23:00:00.000Z`]);
    const status = await c.status(ref);
    expect(status.terms.map((t) => t.lastDay)).toEqual(['2026-02-18']);
    expect(status.timeline.map((l) => l.text)).toContain('De behandeling van uw klacht is bevestigd.');

    // Tuesday 3 February: the complainant was heard (Awb 9:10), then the reasoned position, in writing.
    await c.advance({ advanceTo: '2026-02-03T15:00:00+01:00' });
    await c.act(directie, ref, { type: 'record-conversation', date: '2026-02-03', attendees: 'Klager\nDirecteur', summary: 'Klager gehoord.', heard: 'complainant' });
    at = await c.mark();
    const decided = await c.act(directie, ref, {
      type: 'decide',
      outcome: 'deels-gegrond',
      motivation: 'De informatie over de schuldregeling was onvolledig.',
      measures: 'De folder is aangepast.',
    });
    expect(decided).toMatchObject({ status: 'closed', terms: [] });
    const letters = await c.mailSince(at, ref);
    expect(summary(letters)).toEqual([`${klager}: Uitkomst van uw klacht ${ref}`]);
    const letter = letters[0]!;
    expect(letter.text).toContain('Ons oordeel: uw klacht is deels gegrond.');
    expect(letter.text).toContain('De informatie over de schuldregeling was onvolledig.');
    expect(letter.text).toContain('De folder is aangepast.');
    expect(letter.text).toContain('Dan kunt u naar de externe klachtenservice Er is iets misgegaan: dien daar een externe klacht in via https://www.erisietsmisgegaan.nl.');
    expect(letter.html).toContain('erisietsmisgegaan.nl');

    const closed = await c.status(ref);
    expect(closed).toMatchObject({ status: 'closed', statusLabel: 'Afgesloten', terms: [] });
    expect(closed.nextTerm).toBeUndefined();
    expect(closed.timeline.map((l) => l.text)).toEqual(expect.arrayContaining(['Uitkomst: uw klacht is deels gegrond.', 'De klacht is afgesloten.']));
    expect(closed.onward).toEqual([
      'Bent u het niet eens met de uitkomst? Dan kunt u een externe klacht indienen via erisietsmisgegaan.nl. https://www.erisietsmisgegaan.nl',
    ]);
    // No timers left; nothing more happens for this case.
    expect(await c.timers(ref)).toEqual([]);
    at = await c.mark();
    await c.advance({ advanceTo: '2026-03-01T09:00:00+01:00' });
    expect(await c.mailSince(at, ref)).toEqual([]);
    expect((await c.tryAct(directie, ref, { type: 'decide', outcome: 'gegrond', motivation: 'nogmaals' })).status).toBe(422);
  });
});

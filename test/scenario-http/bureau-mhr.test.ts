/**
 * Bureau MHR over HTTP: a complaint can be reported up to 3 months after the event; mediation
 * first; if it fails the complainant may complain in writing to the directie within 2 weeks, with a
 * motivation; the directie answers within 2 weeks, or the complaint goes to the bestuur by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const BEMIDDELAAR = 'bemiddeling@bureaumhr.example.nl';
const DIRECTIE = 'directie@bureaumhr.example.nl';
const BESTUUR = 'bestuur@bureaumhr.example.nl';
const KLAGER = 'klager@example.nl';

const complaint = (eventDate: string) => ({
  name: 'Fatima el Amrani',
  email: KLAGER,
  eventDate,
  klachtOver: 'medewerker',
  description: 'Mijn begeleider kwam drie afspraken niet na.',
});

describe('bureau-mhr over HTTP', () => {
  let c: OfficeClient;
  beforeAll(async () => {
    // Tuesday 1 April 2025, 10:00 in Amsterdam (summer time).
    c = await OfficeClient.start('bureau-mhr', '2025-04-01T08:00:00.000Z');
  });
  afterAll(() => c?.close());

  it('a complaint about an event more than 3 months ago is refused with 422, naming the last day and whom to ask', async () => {
    const mark = await c.mark();
    // 31 December + 3 months = Monday 31 March: one day too late.
    const late = await c.submit(complaint('2024-12-31'));
    expect(late.status).toBe(422);
    expect(late.body).toEqual({
      error: 'outside-window',
      field: 'eventDate',
      message:
        'Uw klacht gaat over iets van dinsdag 31 december 2024. Volgens de klachtenregeling van Bureau MHR kon u daarover een klacht indienen tot en met maandag 31 maart 2025. Die termijn is voorbij. ' +
        'Daarom kunnen wij deze klacht niet in behandeling nemen. Heeft u vragen? Neem contact op met Bureau MHR: klachtenregeling@bureaumhr.nl, 070-369 75 31.',
    });
    // Nothing was registered and nobody was mailed.
    expect(await c.mailSince(mark)).toEqual([]);
    expect((await c.clock()).deadlines).toEqual([]);
    // In English when asked.
    const en = await c.submit({ ...complaint('2024-12-31'), lang: 'en' });
    expect(en.status).toBe(422);
    expect(en.body.message).toContain('up to and including Monday 31 March 2025');
  });

  it('mediation fails; the complainant appeals to the directie; the directie does not answer in 2 weeks, so the bestuur takes over', async () => {
    const bemiddelaar = await c.signIn(BEMIDDELAAR);
    const directie = await c.signIn(DIRECTIE);
    const mark = await c.mark();
    const { reference: ref } = await c.file(complaint('2025-03-20'));
    expect(summary(await c.mailSince(mark))).toEqual([`${KLAGER}: Ontvangstbevestiging van uw klacht ${ref}`, `${BEMIDDELAAR}: Nieuwe klacht ${ref}`]);
    let status = await c.status(ref);
    expect(status).toMatchObject({ status: 'open', stage: { id: 'bemiddeling', name: 'bemiddeling' } });
    // 1 April + 6 weeks = Tuesday 13 May, a default term (the text names none), and it says so.
    expect(status.terms).toMatchObject([{ label: 'Afronding bemiddeling', lastDay: '2025-05-13', isDefault: true }]);

    // Tuesday 22 April: mediation did not succeed.
    await c.advance({ advanceTo: '2025-04-22T14:00:00+02:00' });
    let at = await c.mark();
    expect((await c.tryAct(bemiddelaar, ref, { type: 'decide', outcome: 'gegrond', motivation: 'x' })).status).toBe(400);
    const failed = await c.act(bemiddelaar, ref, { type: 'decide', outcome: 'niet-opgelost', motivation: 'Geen overeenstemming bereikt.' });
    expect(failed.status).toBe('decided');
    const letter = await c.mailSince(at, ref);
    expect(summary(letter)).toEqual([`${KLAGER}: Uitkomst van uw klacht ${ref}`]);
    // 22 April + 2 weeks = Tuesday 6 May (Bevrijdingsdag was the day before).
    expect(letter[0]!.text).toContain('Dan kunt u naar de directie van Bureau MHR: stuur een schriftelijke klacht met een motivatie waarom de bemiddeling niet is gelukt');
    expect(letter[0]!.text).toContain('Doe dat uiterlijk dinsdag 6 mei 2025.');
    expect(await c.timers(ref)).toEqual(['expire bemiddeling.appeal.1 @ 2025-05-06T22:00:00.000Z']);
    status = await c.status(ref);
    expect(status).toMatchObject({ status: 'decided', statusLabel: 'Uitkomst verstuurd' });
    expect(status.terms.map((t) => t.lastDay)).toEqual(['2025-05-06']);
    expect(status.onward[0]).toContain('Dan kunt u naar de directie van Bureau MHR');
    expect(status.onward[0]).toContain('Doe dat uiterlijk dinsdag 6 mei 2025.');

    // Friday 2 May: the complainant's written complaint reaches the directie, which records it with the motivation.
    await c.advance({ advanceTo: '2025-05-02T11:00:00+02:00' });
    at = await c.mark();
    expect((await c.tryAct(directie, ref, { type: 'escalate', reason: '' })).status).toBe(400);
    expect((await c.tryAct(directie, ref, { type: 'escalate', reason: 'Bemiddeling mislukt.', to: 'bestuur' })).status).toBe(400);
    const motivation = 'De betrokkene erkende niets; de bemiddeling was zinloos.';
    const appealed = await c.act(directie, ref, { type: 'escalate', reason: motivation });
    expect(appealed).toMatchObject({ status: 'open', stage: { id: 'directie' } });
    const appealMail = await c.mailSince(at, ref);
    expect(summary(appealMail)).toEqual([`${KLAGER}: Uw klacht ${ref} is doorgestuurd naar de directie`, `${DIRECTIE}: Nieuwe klacht ${ref}`]);
    expect(appealMail[0]!.text).toContain(`Reden: ${motivation}`);
    // 2 May + 2 weeks = Friday 16 May; the directie is reminded 3 days before.
    expect(await c.timers(ref)).toEqual(['remind directie.antwoord.1 @ 2025-05-13T07:00:00.000Z', 'expire directie.antwoord.1 @ 2025-05-16T22:00:00.000Z']);
    status = await c.status(ref);
    expect(status).toMatchObject({ status: 'open', stage: { id: 'directie' }, nextTerm: { label: 'Antwoord van de directie', lastDay: '2025-05-16' } });
    // The mediator can no longer act.
    expect((await c.tryAct(bemiddelaar, ref, { type: 'decide', outcome: 'gegrond', motivation: 'x' })).status).toBe(403);

    at = await c.mark();
    await c.advance({ advanceTo: '2025-05-13T12:00:00+02:00' });
    expect(summary(await c.mailSince(at, ref))).toEqual([
      `${DIRECTIE}: Herinnering: termijn "Antwoord van de directie" van klacht ${ref} loopt af op vrijdag 16 mei 2025`,
    ]);

    // Still with the directie on the last day.
    await c.advance({ advanceTo: '2025-05-16T23:59:00+02:00' });
    expect((await c.status(ref)).stage.id).toBe('directie');

    // Unanswered: at the end of 16 May the complaint goes to the bestuur by itself, and the complainant is told.
    at = await c.mark();
    expect((await c.advance({ advanceTo: '2025-05-19T09:00:00+02:00' })).fired).toBe(1);
    const moved = await c.mailSince(at, ref);
    expect(summary(moved)).toEqual([
      `${DIRECTIE}: Termijn verstreken: "Antwoord van de directie" van klacht ${ref}`,
      `${KLAGER}: Uw klacht ${ref} is doorgestuurd naar het bestuur`,
      `${BESTUUR}: Nieuwe klacht ${ref}`,
    ]);
    expect(moved[1]!.text).toContain('Uw klacht wordt vanaf nu behandeld door het bestuur. Reden: termijn "Antwoord van de directie" verstreken op vrijdag 16 mei 2025.');
    // The bestuur's 2 weeks run from Saturday 17 May: Saturday 31 May, so Monday 2 June.
    expect(moved[1]!.text).toContain('Antwoord van het bestuur: uiterlijk maandag 2 juni 2025');
    status = await c.status(ref);
    expect(status).toMatchObject({
      status: 'open',
      stage: { id: 'bestuur', name: 'het bestuur' },
      nextTerm: { label: 'Antwoord van het bestuur', lastDay: '2025-06-02', overdue: false },
    });
    expect(status.timeline.map((l) => l.text).filter((t) => t.startsWith('Uw klacht is doorgestuurd'))).toEqual([
      'Uw klacht is doorgestuurd naar de directie.',
      'Uw klacht is doorgestuurd naar het bestuur.',
    ]);
    expect(await c.timers(ref)).toEqual(['remind bestuur.antwoord.2 @ 2025-05-30T07:00:00.000Z', 'expire bestuur.antwoord.2 @ 2025-06-02T22:00:00.000Z']);
    // The directie no longer handles it; the bestuur does.
    expect((await c.tryAct(directie, ref, { type: 'decide', outcome: 'gegrond', motivation: 'x' })).status).toBe(403);
    const bestuur = await c.signIn(BESTUUR);
    expect((await c.staffCase(bestuur, ref)).termLog).toEqual([
      { term: 'Afronding bemiddeling', lastDay: '2025-05-13', outcome: 'met' },
      expect.objectContaining({ lastDay: '2025-05-06', outcome: 'met' }),
      { term: 'Antwoord van de directie', lastDay: '2025-05-16', outcome: 'missed' },
    ]);
  });
});

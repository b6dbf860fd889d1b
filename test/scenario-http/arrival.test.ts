/**
 * Requests count from their arrival, against the local office: the status page's "Niet tevreden?"
 * form (plain HTML forms, no script), and staff entering a request with when it arrived.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficeClient, summary } from '../support/office-client.ts';

const ANNA = 'anna.devries@benindebuurt.example.nl';
const FUNCTIONARIS = 'klachtenfunctionaris@benindebuurt.example.nl';
const KLAGER = 'klager@example.nl';

const complaint = { name: 'Henk Smit', email: KLAGER, eventDate: '2025-04-20', topic: 'bejegening', description: 'Onvriendelijk weggestuurd.' };

/** A page as a browser without JavaScript gets it, and a form post as such a browser sends it. */
async function getPage(c: OfficeClient, path: string) {
  const res = await fetch(c.url + path, { headers: { accept: 'text/html' }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}
async function postForm(c: OfficeClient, path: string, fields: Record<string, string>) {
  const res = await fetch(c.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** The hidden and named inputs of the form with this id, as the browser would send them. */
function formOf(page: string, id: string): { action: string; fields: Record<string, string> } {
  const form = new RegExp(`<form[^>]*action="([^"]+)"[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(page);
  if (!form) throw new Error(`no form #${id} on the page`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  return { action: form[1]!.replace(/&amp;/g, '&'), fields };
}

describe('ben-in-de-buurt over HTTP: requests count from their arrival', () => {
  // Each test has its own office: its clock only runs forward.
  let c: OfficeClient;
  let anna: string;
  beforeEach(async () => {
    c = await OfficeClient.start('ben-in-de-buurt', '2025-05-01T08:00:00.000Z');
    anna = await c.signIn(ANNA);
  });
  afterEach(() => c?.close());

  /** Filed 1 May, decided Tuesday 13 May: the window to go to the klachtenfunctionaris runs to Tuesday 24 June. */
  async function decided(): Promise<{ ref: string; statusPath: string }> {
    await c.advance({ advanceTo: '2025-05-01T10:00:00+02:00' });
    const { reference: ref, statusUrl } = await c.file(complaint);
    await c.advance({ advanceTo: '2025-05-13T10:00:00+02:00' });
    await c.settleDuties(anna, ref);
    await c.act(anna, ref, { type: 'decide', outcome: 'ongegrond', motivation: 'Niet gebleken.' });
    const u = new URL(statusUrl);
    return { ref, statusPath: u.pathname + u.search };
  }

  it('the status page offers "Niet tevreden?" with the last day in words; the form, sent without script, takes the complaint further', async () => {
    const { ref, statusPath } = await decided();
    await c.advance({ advanceTo: '2025-06-24T20:00:00+02:00' });
    const page = await getPage(c, statusPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stuur dit uiterlijk dinsdag 24 juni 2025.');
    expect(page.text).not.toContain('<script');
    const form = formOf(page.text, 'niet-tevreden');
    expect(form.action).toBe(`/complaints/${ref}/niet-tevreden`);
    expect(Object.keys(form.fields).sort()).toEqual(['formToken', 'lang', 'submissionId', 'token']);

    // The appeal form's token serves that form only: it cannot file a new complaint.
    const asComplaint = await c.request('POST', '/api/complaints', { body: { ...complaint, formToken: form.fields.formToken, submissionId: form.fields.submissionId } });
    expect(asComplaint.status).toBe(400);
    // Without the page's form token (a forged post from elsewhere): refused, nothing filed.
    const forged = await postForm(c, form.action, { token: form.fields.token!, reason: 'Niet tevreden.' });
    expect(forged.status).toBe(400);
    expect((await c.status(ref)).status).toBe('decided');
    // A wrong status token: the case is not found.
    expect((await postForm(c, form.action, { ...form.fields, token: 'x', reason: 'Niet tevreden.' })).status).toBe(404);
    // No reason: the form again, naming the problem.
    const empty = await postForm(c, form.action, { ...formOf(forged.text, 'niet-tevreden').fields, reason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('aria-invalid="true"');
    const long = await postForm(c, form.action, { ...formOf(empty.text, 'niet-tevreden').fields, reason: 'x'.repeat(2001) });
    expect(long.status).toBe(400);

    const mark = await c.mark();
    const sent = await postForm(c, form.action, { ...formOf(long.text, 'niet-tevreden').fields, reason: 'Ik ben niet tevreden over de uitkomst.' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(statusPath);
    expect(summary(await c.mailSince(mark, ref))).toEqual([`${KLAGER}: Je klacht ${ref} is doorgestuurd naar de onafhankelijke klachtenfunctionaris`, `${FUNCTIONARIS}: Nieuwe klacht ${ref}`]);

    const after = await getPage(c, sent.location!);
    expect(after.text).toContain('Je klacht is doorgestuurd naar de onafhankelijke klachtenfunctionaris.');
    expect(after.text).not.toContain('id="niet-tevreden"');
    const status = await c.status(ref);
    expect(status).toMatchObject({ status: 'open', stage: { id: 'klachtenfunctionaris' } });
    expect(status.appealUntil).toBeUndefined();
  });

  it('after the window the form is gone, and a post from an old page is refused naming the last day', async () => {
    const { ref, statusPath } = await decided();
    const form = formOf((await getPage(c, statusPath)).text, 'niet-tevreden');
    await c.advance({ advanceTo: '2025-06-25T09:00:00+02:00' });
    expect((await getPage(c, statusPath)).text).not.toContain('id="niet-tevreden"');
    const late = await postForm(c, form.action, { ...form.fields, reason: 'Toch niet tevreden.' });
    expect(late.status).toBe(422);
    expect(late.text).toContain('Verder gaan met de klacht kon tot en met dinsdag 24 juni 2025.');
    expect((await c.status(ref)).status).toBe('closed');
  });

  it('finding 1: a reply at 20:00 on the last day, entered by staff at 09:00 the next morning with its arrival time, reopens the case and escalates', async () => {
    const { ref } = await decided();
    await c.advance({ advanceTo: '2025-06-25T09:00:00+02:00' });
    expect((await c.status(ref)).status).toBe('closed');

    // When it arrived is checked: not in the future, not before the complaint.
    const future = await c.tryAct(anna, ref, { type: 'escalate', reason: 'Per e-mail.', receivedAt: '2025-06-25T10:00' });
    expect(future).toEqual({ status: 400, body: { errors: [{ field: 'receivedAt', message: 'Dit moment ligt in de toekomst. Vul in wanneer het verzoek binnenkwam.' }] } });
    const before = await c.tryAct(anna, ref, { type: 'escalate', reason: 'Per e-mail.', receivedAt: '2025-04-30' });
    expect(before.status).toBe(400);
    expect(before.body).toMatchObject({ errors: [{ field: 'receivedAt' }] });
    // Judged at the moment staff act, it would be late.
    const late = await c.tryAct(anna, ref, { type: 'escalate', reason: 'Per e-mail.' });
    expect(late).toMatchObject({ status: 422, body: { error: 'request-late' } });

    // The date-time field of the workspace: Amsterdam wall time.
    const mark = await c.mark();
    const detail = await c.act(anna, ref, { type: 'escalate', reason: 'Niet tevreden, per e-mail.', receivedAt: '2025-06-24T20:00' });
    expect(detail).toMatchObject({ status: 'open', stage: { id: 'klachtenfunctionaris' } });
    expect(detail.timeline.map((e) => e.text)).toContain(
      'Je verzoek van dinsdag 24 juni 2025 kwam op tijd binnen (uiterlijk dinsdag 24 juni 2025). De klacht is daarom weer geopend.',
    );
    expect(summary(await c.mailSince(mark, ref))).toEqual([`${KLAGER}: Je klacht ${ref} is doorgestuurd naar de onafhankelijke klachtenfunctionaris`, `${FUNCTIONARIS}: Nieuwe klacht ${ref}`]);
    // The complainant's page says it too.
    expect((await c.status(ref)).timeline.map((e) => e.text)).toContain(
      'Je verzoek van dinsdag 24 juni 2025 kwam op tijd binnen (uiterlijk dinsdag 24 juni 2025). De klacht is daarom weer geopend.',
    );
  });

  it('the workspace: a letter that arrived on the last day, entered the next morning with its date and time, in a plain form', async () => {
    const { ref } = await decided();
    await c.advance({ advanceTo: '2025-06-26T09:00:00+02:00' });
    const cookie = `staff_session=${anna}`;
    const page = await fetch(`${c.url}/staff/cases/${ref}`, { headers: { cookie, accept: 'text/html' } }).then((r) => r.text());
    expect(page).toContain('Verzoek van de klager dat eerder binnenkwam');
    expect(page).toContain('<input type="datetime-local" id="arrival-escalate-receivedAt" name="receivedAt"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const seq = /name="type" value="escalate"><input type="hidden" name="expectedSeq" value="(\d+)"/.exec(page)![1]!;
    const res = await fetch(`${c.url}/staff/cases/${ref}/actions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ csrf, type: 'escalate', expectedSeq: seq, receivedAt: '2025-06-24T16:15', reason: 'Brief: niet tevreden.' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const detail = await c.staffCase(anna, ref);
    expect(detail).toMatchObject({ status: 'open', stage: { id: 'klachtenfunctionaris' } });
    // The officer's 6 weeks run from the letter's arrival, 24 June: Tuesday 5 August (not 7 August).
    expect(detail.terms.map((t) => t.lastDay)).toEqual(['2025-08-05']);
  });
});

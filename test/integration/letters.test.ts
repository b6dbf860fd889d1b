import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { runEffects } from '../../shared/app/effect-runner.ts';
import { fromCommits, loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { inflateSync } from 'node:zlib';

const MM = 72 / 25.4;
/** Where a line of text (its first four letters) starts on the page, in mm from the left and from the top (pdfkit writes `1 0 0 1 x y Tm` before each line). */
function linePosition(pdf: Buffer, line: string): { left: number; top: number } | undefined {
  // Kerning splits a line into runs: its first four letters are one.
  const hex = Buffer.from(line.slice(0, 4), 'latin1').toString('hex');
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    const at = new RegExp(`1 0 0 1 ([\\d.]+) ([\\d.]+) Tm\\n(?:[^\\n]*\\n){0,3}?\\[<${hex}`).exec(content);
    if (at) return { left: Number(at[1]) / MM, top: (841.89 - Number(at[2])) / MM };
  }
  return undefined;
}

const MEDEWERKER = 'medewerker@hss.example.nl';

describe('a complaint by phone from someone without e-mail (HSS, finding 5)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('staff register it with a postal address and no e-mail', async () => {
    const token = await signIn(office, MEDEWERKER);
    const r = await call(office, 'POST', '/api/staff/complaints', {
      token,
      body: { channel: 'phone', name: 'Riet Post', address: 'Dorpsstraat 1\n1234 AB Ergens', phone: '0612345678', topic: 'bejegening', description: 'Onvriendelijk te woord gestaan.' },
    });
    expect(r.status).toBe(201);
    const state = (await loadCase(office.ctx, r.json().reference))!.state;
    expect(state.parties[0]).toMatchObject({ role: 'complainant', name: 'Riet Post', address: 'Dorpsstraat 1\n1234 AB Ergens' });
  });

  it('refuses one with neither an e-mail nor a postal address, naming the fields in Dutch and English', async () => {
    const token = await signIn(office, MEDEWERKER);
    const body = { channel: 'phone', name: 'Riet Post', phone: '0612345678', topic: 'bejegening', description: 'Onvriendelijk.' };
    const nl = await call(office, 'POST', '/api/staff/complaints', { token, body });
    expect(nl.status).toBe(400);
    expect(nl.json().errors).toEqual([{ field: 'address', message: expect.stringMatching(/e-mailadres of een postadres/) }]);
    const en = await call(office, 'POST', '/api/staff/complaints?lang=en', { token, body });
    expect(en.json().errors).toEqual([{ field: 'address', message: expect.stringMatching(/e-mail address or a postal address/) }]);
  });
});

describe('letters by post: an in-person complaint without e-mail, from intake to decision (Ben in de Buurt)', () => {
  const ANNA = 'anna.devries@benindebuurt.example.nl';
  const PIETER = 'pieter.bakker@benindebuurt.example.nl';
  const ADDRESS = 'Kerkstraat 12\n1234 AB Buurtdorp';
  let office: LocalOffice;
  let ref: string;
  let anna: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/ben-in-de-buurt.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    anna = await signIn(office, ANNA);
    const r = await call(office, 'POST', '/api/staff/complaints', {
      token: anna,
      body: { channel: 'in-person', name: 'Henk de Boer', address: ADDRESS, eventDate: '2026-02-20', topic: 'bejegening', employeeName: 'Pieter Bakker', description: 'Hij luisterde niet.' },
    });
    expect(r.status).toBe(201);
    ref = r.json().reference;
  });
  afterAll(() => office.close());

  const letters = async (token = anna) => (await call(office, 'GET', '/api/staff/letters', { token })).json().letters as { reference: string; letter: string; subject: string; postal: string }[];
  const act = (body: Record<string, unknown>) => call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: anna, body });
  const pdfOf = async (letter: string) => Buffer.from(await (await fetch(`${office.url}/api/staff/letters/${ref}/${letter}.pdf`, { headers: { authorization: `Bearer ${anna}` } })).arrayBuffer());
  const complainantMail = () => office.outbox.messages.filter((m) => !m.to[0]!.email.endsWith('@benindebuurt.example.nl'));

  it('queues the receipt as a letter, mails nothing to the complainant, and makes an A4 PDF with the address in the window', async () => {
    expect(await letters()).toEqual([{ reference: ref, letter: 'L1', subject: `Ontvangstbevestiging van je klacht ${ref}`, name: 'Henk de Boer', postal: ADDRESS, queuedOn: '2026-03-02' }]);
    expect(complainantMail()).toEqual([]);
    const pdf = await call(office, 'GET', `/api/staff/letters/${ref}/L1.pdf`, { token: anna });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await (await fetch(`${office.url}/api/staff/letters/${ref}/L1.pdf`, { headers: { authorization: `Bearer ${anna}` } })).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const words = pdfText(bytes);
    expect(words).toContain('Henk de Boer');
    // In a left-window envelope's window: 20 mm from the left, its first line just under 50 mm from the top.
    const name = linePosition(bytes, 'Henk de Boer')!;
    expect(name.left).toBeCloseTo(20, 1);
    expect(name.top).toBeGreaterThan(50);
    expect(name.top).toBeLessThan(55);
    expect(words).toContain('Kerkstraat 12');
    expect(words).toContain('1234 AB Buurtdorp');
    expect(words).toContain(ref);
    expect(words).toContain('maandag 2 maart 2026');
    expect(words).toContain('We hebben je klacht ontvangen op maandag 2 maart 2026');
    // No reply address with its token; the private status link may be printed.
    expect(words).not.toMatch(/klachten\+/);
    expect(words).toContain(`/complaints/${ref}?token=`);
  });

  it('counts the letters waiting on the case page and in the case JSON', async () => {
    expect((await act({ type: 'acknowledge' })).status).toBe(200);
    const detail = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token: anna })).json();
    expect(detail.letters.map((l: { letter: string }) => l.letter)).toEqual(['L1', 'L2']);
    const page = await call(office, 'GET', `/staff/cases/${ref}`, { token: anna });
    expect(page.text).toContain('Te versturen brieven bij deze klacht: 2.');
    expect(page.text).toContain('Brief klaargezet om te versturen (L2) aan Henk de Boer');
  });

  it('hides the letters of a case from the staff member it is about', async () => {
    const named = (await loadCase(office.ctx, ref))!.state.parties.find((x) => x.role === 'complained-about')!;
    expect((await act({ type: 'identify-party', party: named.id, staff: PIETER })).status).toBe(200);
    const pieter = await signIn(office, PIETER);
    expect(await letters(pieter)).toEqual([]);
    expect((await call(office, 'GET', `/api/staff/letters/${ref}/L1.pdf`, { token: pieter })).status).toBe(404);
    expect((await call(office, 'POST', `/api/staff/letters/${ref}/L1`, { token: pieter, body: { on: '2026-03-02' } })).status).toBe(404);
  });

  it('sends the decision as a letter; the appeal window counts from the day staff mark it posted', async () => {
    await office.advanceTo('2026-03-10T09:00:00.000Z');
    // Awb 9:10: the complainant declines a hearing; the named employee has had the copy by post (L2).
    const duties = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token: anna })).json().duties as { duty: string; party?: string; state: string }[];
    for (const d of duties.filter((x) => x.state === 'due' && (x.duty === 'hearing' || x.duty === 'copy')))
      expect((await act(d.duty === 'copy' ? { type: 'record-copy', party: d.party, how: 'hand' } : { type: 'waive-hearing', party: d.party, reason: 'declined' })).status).toBe(200);
    const decided = await act({ type: 'decide', outcome: 'gegrond', motivation: 'Er is niet geluisterd.', measures: 'Gesprek met de medewerker.' });
    expect(decided.status).toBe(200);
    expect(decided.json().status).toBe('decided');
    // Not posted yet: no appeal window runs.
    expect((await loadCase(office.ctx, ref))!.state.openTerms).toEqual({});
    const waiting = await letters();
    const decision = waiting.find((l) => l.subject === `Uitkomst van je klacht ${ref}`)!;
    const words = pdfText(await pdfOf(decision.letter));
    expect(words).toContain('Er is niet geluisterd.');
    expect(words).toContain('klachtenfunctionaris');
    expect(words).not.toContain('antwoorden');

    await office.advanceTo('2026-03-12T09:00:00.000Z');
    const future = await call(office, 'POST', `/api/staff/letters/${ref}/${decision.letter}`, { token: anna, body: { on: '2026-03-13' } });
    expect(future.status).toBe(400);
    expect(future.json().errors[0].field).toBe('on');
    const posted = await call(office, 'POST', `/api/staff/letters/${ref}/${decision.letter}`, { token: anna, body: { on: '2026-03-11' } });
    expect(posted.status).toBe(200);
    expect(posted.json().letters.map((l: { letter: string }) => l.letter)).not.toContain(decision.letter);
    const { state, events } = (await loadCase(office.ctx, ref))!;
    expect(events).toContainEqual(expect.objectContaining({ type: 'letter-posted', letter: decision.letter, on: '2026-03-11', by: ANNA }));
    const appeal = Object.values(state.openTerms).find((t) => t.termId === 'appeal')!;
    expect(appeal).toMatchObject({ startedOn: '2026-03-11', lastDay: '2026-04-22' });
    expect((await call(office, 'POST', `/api/staff/letters/${ref}/${decision.letter}`, { token: anna, body: { on: '2026-03-11' } })).status).toBe(422);
    expect(complainantMail()).toEqual([]);
  });

  it('marks a letter posted from the workspace page, with the date it was posted', async () => {
    const cookie = `staff_session=${anna}`;
    const list = await call(office, 'GET', '/staff/letters', { cookie });
    expect(list.text).toContain('Te versturen brieven');
    expect(list.text).toContain(`/staff/letters/${ref}/L1.pdf`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(list.text)![1]!;
    const r = await call(office, 'POST', `/staff/letters/${ref}/L1`, { cookie, form: true, body: { csrf, on: '2026-03-03' } });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/staff/letters?done=posted');
    expect((await loadCase(office.ctx, ref))!.state.letters.find((l) => l.id === 'L1')!.postedOn).toBe('2026-03-03');
  });

  it('stores one letter however often the runner carries out the effect', async () => {
    const commits = await office.ctx.store.load(ref);
    const first = commits[0]!;
    const before = (await office.ctx.blobs.get(`cases/${ref}/letters/L1.json`))!;
    const pdf = await pdfOf('L1');
    const keys: string[] = [];
    const blobs = office.ctx.blobs;
    const counting = { ...blobs, put: (key: string, body: Buffer, type: string) => (keys.push(key), blobs.put(key, body, type)) };
    const state = fromCommits(commits, first.seq)!.state;
    const again = { ...first, effects: first.effects.map((e) => ({ ...e, done: false })) };
    await runEffects({ ...office.ctx, blobs: counting }, again, state);
    await runEffects({ ...office.ctx, blobs: counting }, again, state);
    expect(keys).toEqual([`cases/${ref}/letters/L1.json`, `cases/${ref}/letters/L1.json`]);
    expect((await office.ctx.blobs.get(`cases/${ref}/letters/L1.json`))!.equals(before)).toBe(true);
    // The same letter makes the same PDF, byte for byte (its creation date is the letter's date).
    expect((await pdfOf('L1')).equals(pdf)).toBe(true);
    expect((await loadCase(office.ctx, ref))!.state.letters.filter((l) => l.template === 'receipt')).toHaveLength(1);
  });
});

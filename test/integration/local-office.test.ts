import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { BULK_LIMITS, withFormToken } from '../support/http.ts';

type Outbox = { messageId: string; from: string; to: string[]; subject: string; text: string; html: string; headers: Record<string, string> }[];

const complaint = {
  name: 'Jan <script>alert(1)</script> Jansen',
  email: 'jan@example.nl',
  topic: 'advies',
  description: 'Ik kreeg verkeerd advies over mijn aanvraag.',
};

async function post(office: LocalOffice, path: string, body: unknown, type = 'application/json', headers: Record<string, string> = {}) {
  // JSON intake sends a form token back, as a client does (GET /api/form-token).
  if (path === '/api/complaints' && type === 'application/json' && typeof body === 'object') body = await withFormToken(office.url, body as object);
  const res = await fetch(office.url + path, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

const outbox = async (office: LocalOffice): Promise<Outbox> => (await fetch(office.url + '/_local/outbox')).json() as Promise<Outbox>;

describe('the local office (HSS, real HTTP, embedded DynamoDB)', () => {
  let office: LocalOffice;
  // Friday 12 December 2025: the 7-working-day term runs over no holiday, the 6-week one past Christmas.
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2025-12-12T09:00:00.000Z', minFillMs: 0, limits: BULK_LIMITS });
  });
  afterAll(() => office.close());

  it('serves the complaint form in Dutch, and in English on request', async () => {
    const nl = await (await fetch(office.url + '/')).text();
    expect(nl).toContain('<html lang="nl" class="utrecht-html');
    expect(nl).toContain('Een klacht indienen');
    expect(nl).toContain('Wat is uw klacht?');
    expect(nl).toContain('binnen 7 werkdagen');
    const en = await (await fetch(office.url + '/?lang=en')).text();
    expect(en).toContain('File a complaint');
    const browserEn = await (await fetch(office.url + '/', { headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } })).text();
    expect(browserEn).toContain('<html lang="en" class="utrecht-html');
  });

  it('files a complaint, sends the receipt with the engine’s dates, and shows the status page', async () => {
    const r = await post(office, '/api/complaints', { ...complaint, submissionId: 'submission-0001' });
    expect(r.status).toBe(201);
    const { reference, statusUrl } = r.json();
    expect(reference).toMatch(/^HSS-2025-[2-9A-HJKMNP-Z]{5}$/);

    const mails = await outbox(office);
    const receipt = mails.find((m) => m.to.includes('jan@example.nl'))!;
    expect(receipt.from).toBe('klachten@hss.example.nl');
    expect(receipt.subject).toContain(reference);
    expect(receipt.headers['auto-submitted']).toBe('auto-generated');
    expect(receipt.headers['message-id']).toMatch(/^<.+@.+>$/);
    expect(receipt.text).toContain('dinsdag 23 december 2025'); // bevestiging: 7 working days
    expect(receipt.text).toContain('vrijdag 23 januari 2026'); // standpunt: 6 weeks
    expect(receipt.text).toContain(statusUrl);
    expect(receipt.text).toContain('Ik kreeg verkeerd advies');
    // What the complainant typed is escaped in the HTML part.
    expect(receipt.html).not.toContain('<script>');
    expect(receipt.html).toContain('&lt;script&gt;');
    const notice = mails.find((m) => m.to.includes('directie@hss.example.nl'))!;
    expect(notice.subject).toContain(reference);
    expect(notice.text).toContain(`/staff/cases/${reference}`);

    const status = await fetch(statusUrl);
    expect(status.status).toBe(200);
    const statusHtml = await status.text();
    expect(statusHtml).toContain(reference);
    expect(statusHtml).toContain('In behandeling');
    expect(statusHtml).toContain('23 december 2025');
    expect(statusHtml).not.toContain('<script>alert');
    const api = await (await fetch(statusUrl.replace('/complaints/', '/api/complaints/'))).json();
    expect(api).toMatchObject({ reference, status: 'open', nextTerm: { lastDay: '2025-12-23' } });
  });

  it('returns the first result for a repeated submissionId and sends nothing twice', async () => {
    const first = await post(office, '/api/complaints', { ...complaint, submissionId: 'submission-repeat' });
    const before = (await outbox(office)).length;
    const again = await post(office, '/api/complaints', { ...complaint, submissionId: 'submission-repeat' });
    expect(again.status).toBe(200);
    expect(again.json().reference).toBe(first.json().reference);
    expect((await outbox(office)).length).toBe(before);
  });

  it('names each bad field (400) and explains a refusal by the procedure (422)', async () => {
    const bad = await post(office, '/api/complaints', { email: 'niet-een-adres', topic: 'onbekend' });
    expect(bad.status).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'topic', 'description']));
    expect(bad.json().errors.find((e: { field: string }) => e.field === 'email').message).toContain('geldig e-mailadres');
    const en = await post(office, '/api/complaints', { email: 'x' }, 'application/json', { 'accept-language': 'en' });
    expect(en.json().errors.find((e: { field: string }) => e.field === 'email').message).toContain('valid e-mail');

    const refused = await post(office, '/api/complaints', { ...complaint, topic: 'administratiekosten' });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'excluded-topic' });
    expect(refused.json().message).toContain('administratiekosten'.slice(0, 10));
    expect(refused.json().message).toContain('klachten@hss.example.nl');
  });

  it('refuses oversized and unknown bodies', async () => {
    const huge = await post(office, '/api/complaints', { ...complaint, description: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    const xml = await post(office, '/api/complaints', '<klacht/>', 'application/xml');
    expect(xml.status).toBe(415);
    const broken = await post(office, '/api/complaints', '{"name":', 'application/json');
    expect(broken.status).toBe(400);
  });

  it('gives 404 for a wrong, missing or other case’s token, revealing nothing', async () => {
    const a = (await post(office, '/api/complaints', complaint)).json();
    const b = (await post(office, '/api/complaints', complaint)).json();
    const tokenOfB = new URL(b.statusUrl).searchParams.get('token');
    for (const url of [
      `${office.url}/complaints/${a.reference}`,
      `${office.url}/complaints/${a.reference}?token=wrong`,
      `${office.url}/complaints/${a.reference}?token=${tokenOfB}`,
      `${office.url}/complaints/HSS-2025-ZZZZZ?token=${tokenOfB}`,
    ]) {
      const res = await fetch(url);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(a.reference);
    }
    expect((await fetch(`${office.url}/api/complaints/${a.reference}?token=x`)).status).toBe(404);
  });

  it('handles the HTML form: confirmation on success, the form with errors and kept values otherwise', async () => {
    const form = await (await fetch(office.url + '/')).text();
    const token = /name="formToken" value="([^"]+)"/.exec(form)![1]!;
    const sid = /name="submissionId" value="([^"]+)"/.exec(form)![1]!;
    const body = (extra: Record<string, string>) => new URLSearchParams({ formToken: token, submissionId: sid, lang: 'nl', ...extra }).toString();

    const invalid = await post(office, '/api/complaints', body({ name: 'Piet & Co', email: 'piet@', description: '' }), 'application/x-www-form-urlencoded');
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('Er is een probleem');
    expect(invalid.text).toContain('href="#f-description"');
    expect(invalid.text).toContain('value="Piet &amp; Co"');
    expect(invalid.text).toContain('aria-invalid="true"');

    const ok = await post(office, '/api/complaints', body({ ...complaint }), 'application/x-www-form-urlencoded');
    expect(ok.status).toBe(303);
    const confirmation = await fetch(office.url + ok.headers.get('location'));
    const html = await confirmation.text();
    expect(html).toContain('Uw klacht is ontvangen');
    expect(html).toMatch(/HSS-2025-[2-9A-HJKMNP-Z]{5}/);

    const bot = await post(office, '/api/complaints', body({ ...complaint, website: 'http://spam' }), 'application/x-www-form-urlencoded');
    expect(bot.status).toBe(400);
    const forged = await post(office, '/api/complaints', new URLSearchParams({ ...complaint, formToken: '1.abc' }).toString(), 'application/x-www-form-urlencoded');
    expect(forged.status).toBe(400);
  });

  it('fires terms when the clock moves: an unacknowledged complaint alerts the directie after 7 working days', async () => {
    const { reference } = (await post(office, '/api/complaints', complaint)).json();
    const before = await outbox(office);
    const res = await post(office, '/_local/clock', { advanceTo: '2025-12-24T09:00:00.000Z' });
    expect(res.status).toBe(200);
    expect(res.json().fired).toBeGreaterThan(0);
    const alerts = (await outbox(office)).slice(before.length).filter((m) => m.subject.includes(reference));
    expect(alerts.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('Herinnering'), expect.stringContaining('Termijn verstreken: "Bevestiging van de behandeling"')]),
    );
    expect(alerts.every((m) => m.to.includes('directie@hss.example.nl'))).toBe(true);
    const bad = await post(office, '/_local/clock', { advanceTo: '2020-01-01T00:00:00Z' });
    expect(bad.status).toBe(400);
  });
});

describe('effects are never lost', () => {
  it('accepts a complaint while the mailer fails and sends the receipt once it works again', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-02-02T09:00:00.000Z', minFillMs: 0 });
    try {
      office.outbox.failing = true;
      const r = await post(office, '/api/complaints', complaint);
      expect(r.status).toBe(201);
      expect(office.outbox.messages).toHaveLength(0);
      expect(await office.ctx.store.pendingCommits()).toHaveLength(1);
      await office.sweep(); // still failing: still pending, nothing lost
      expect(await office.ctx.store.pendingCommits()).toHaveLength(1);

      office.outbox.failing = false;
      await office.sweep();
      const receipts = office.outbox.messages.filter((m) => m.to.some((t) => t.email === 'jan@example.nl'));
      expect(receipts).toHaveLength(1);
      expect(await office.ctx.store.pendingCommits()).toHaveLength(0);
      await office.sweep();
      expect(office.outbox.messages.filter((m) => m.to.some((t) => t.email === 'jan@example.nl'))).toHaveLength(1);
    } finally {
      await office.close();
    }
  });

  it('keeps cases, mail, deadlines and the clock across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-'));
    try {
      let office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, dataDir: dir, clockStart: '2026-02-02T09:00:00.000Z', minFillMs: 0 });
      const { reference, statusUrl } = (await post(office, '/api/complaints', complaint)).json();
      const token = new URL(statusUrl).searchParams.get('token');
      await office.idle(); // intake's effects (the timers) run after its answer
      const deadlines = office.deadlines.list().length;
      await office.close();

      office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, dataDir: dir, minFillMs: 0 });
      try {
        expect(office.clock.now()).toBe('2026-02-02T09:00:00.000Z');
        expect(office.deadlines.list()).toHaveLength(deadlines);
        expect(office.outbox.messages.some((m) => m.subject.includes(reference))).toBe(true);
        const res = await fetch(`${office.url}/api/complaints/${reference}?token=${token}`);
        expect(res.status).toBe(200);
      } finally {
        await office.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

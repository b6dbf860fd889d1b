/**
 * Awb 9:9, "a copy of the complaint, with its attachments": the person complained about downloads
 * each attachment through a link signed for that case, address and attachment, and nothing else;
 * a copy by post lists the attachments and says they are enclosed. Local office over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';
const KLAGER = 'henk@example.nl';
const JAN = 'jan.bakker@example.nl';
const PDF = '%PDF-1.4 verslag van het gesprek';

describe('the copy for the person complained about, with the complaint’s attachments (HSS)', () => {
  let office: LocalOffice;
  let ref: string;
  let token: string;
  let page: string;
  let pageUrl: URL;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const r = await call(office, 'POST', '/api/complaints', {
      body: { name: 'Henk Smit', email: KLAGER, phone: '06-11112222', topic: 'bejegening', employeeName: 'Jan Bakker', description: 'Jan Bakker was onvriendelijk; zie de bijlage.' },
    });
    ref = r.json().reference;
    // The complainant sends the attachments by replying to the receipt.
    const address = office.outbox.messages.find((m) => m.to[0]!.email === KLAGER)!.replyTo!.email;
    const part = (name: string, type: string, body: string) =>
      `--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
    const raw = `From: ${KLAGER}\r\nTo: ${address}\r\nSubject: bijlagen\r\nMessage-ID: <bijlage@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHierbij het verslag.\r\n${part('Verslag gesprek <mei>.pdf', 'application/pdf', PDF)}${part('virus.exe', 'application/x-msdownload', 'MZ')}--b--\r\n`;
    await office.receive(Buffer.from(raw), { to: [address] });
    token = await signIn(office, DIRECTIE);
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'correct-party', party: 'named', email: JAN } })).status).toBe(200);
    await office.settled();
    const copy = office.outbox.messages.filter((m) => m.to[0]!.email === JAN).at(-1)!;
    pageUrl = new URL(/(http\S+\/kopie\?\S+)/.exec(copy.text)![1]!);
    const opened = await call(office, 'GET', `${pageUrl.pathname}${pageUrl.search}`);
    expect(opened.status).toBe(200);
    page = opened.text;
  });
  afterAll(() => office.close());

  const links = () => [...page.matchAll(/href="([^"]*\/kopie\/bijlage\?[^"]*)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), office.url));
  const get = (u: URL | string) => fetch(typeof u === 'string' ? office.url + u : `${office.url}${u.pathname}${u.search}`);

  it('links each kept attachment; one not kept is named only; the complainant’s contact details stay out', async () => {
    expect(links()).toHaveLength(1);
    expect(page).toContain('>Verslag gesprek &lt;mei&gt;.pdf</a>');
    expect(page).toContain('virus.exe');
    expect(page).not.toContain(KLAGER);
    expect(page).not.toContain('06-11112222');
  });

  it('downloads the attachment as a file, never shown inline', async () => {
    const r = await get(links()[0]!);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="Verslag gesprek <mei>.pdf"; filename*=UTF-8''Verslag%20gesprek%20%3Cmei%3E.pdf`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await r.arrayBuffer()).toString()).toBe(PDF);
  });

  it('opens nothing with the link changed: another address, another attachment, the page’s token, another case', async () => {
    const link = links()[0]!;
    const with_ = (name: string, value: string) => {
      const u = new URL(link);
      u.searchParams.set(name, value);
      return u;
    };
    expect((await get(with_('to', 'iemand@example.nl'))).status).toBe(404);
    expect((await get(with_('a', '0'.repeat(64)))).status).toBe(404);
    expect((await get(with_('a', '../../mail/x'))).status).toBe(404);
    expect((await get(with_('token', pageUrl.searchParams.get('token')!))).status).toBe(404);
    const other = new URL(link);
    other.pathname = other.pathname.replace(ref, 'HSS-2026-AAAAA');
    expect((await get(other)).status).toBe(404);
  });

  it('stops working once the address is no longer that of a person complained about', async () => {
    const link = links()[0]!;
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'correct-party', party: 'named', email: 'j.bakker@example.nl' } })).status).toBe(200);
    expect((await get(link)).status).toBe(404);
  });

  it('a copy by post lists the attachments kept and says they are enclosed', async () => {
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'add-party', role: 'complained-about', name: 'Piet Post', address: 'Dorpsstraat 1\n1234 AB Ergens' } })).status).toBe(200);
    await office.settled();
    const state = (await loadCase(office.ctx, ref))!.state;
    const letter = state.letters.find((l) => l.template === 'concerned-copy')!;
    const stored = JSON.parse((await office.ctx.blobs.get(`cases/${ref}/letters/${letter.id}.json`))!.toString()) as { text: { blocks: unknown[] } };
    const words = JSON.stringify(stored.text.blocks);
    expect(words).toContain('Verslag gesprek <mei>.pdf');
    expect(words).not.toContain('virus.exe');
    expect(words).toMatch(/bijlage[^"]*bij deze brief/i);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { FORM_TOKEN_MAX_AGE_MS } from '../../shared/http/public-routes.ts';
import { BULK_LIMITS, call, formToken } from '../support/http.ts';

describe('the bot check at intake (HSS)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, limits: BULK_LIMITS });
  });
  afterAll(() => office.close());

  const complaint = { name: 'Jan', email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.', lang: 'nl' };

  it('takes a form token for one submission only (a resend of that submission is fine)', async () => {
    const form = (await call(office, 'GET', '/')).text;
    const formToken = /name="formToken" value="([^"]+)"/.exec(form)![1]!;
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(form)![1]!;
    const first = await call(office, 'POST', '/api/complaints', { form: true, body: { ...complaint, formToken, submissionId } });
    expect(first.status).toBe(303);
    const resend = await call(office, 'POST', '/api/complaints', { form: true, body: { ...complaint, formToken, submissionId } });
    expect(resend.status).toBe(303);
    expect(resend.headers.get('location')).toBe(first.headers.get('location'));
    const reuse = await call(office, 'POST', '/api/complaints', { form: true, body: { ...complaint, formToken, submissionId: 'submission-two' } });
    expect(reuse.status).toBe(400);
  });

  it('applies the same checks to JSON intake: the honeypot, a forged token', async () => {
    expect((await call(office, 'POST', '/api/complaints', { body: { ...complaint, website: 'http://spam.example' } })).status).toBe(400);
    expect((await call(office, 'POST', '/api/complaints', { body: { ...complaint, formToken: '1.abc' } })).status).toBe(400);
  });

  it('refuses JSON intake without a form token, and says where to get one', async () => {
    const bare = await call(office, 'POST', '/api/complaints', { body: complaint, formToken: false });
    expect(bare.status).toBe(400);
    expect(bare.json().errors[0].message).toContain('GET /api/form-token');
    const withoutSubmission = await call(office, 'POST', '/api/complaints', { body: { ...complaint, formToken: (await formToken(office.url)).formToken } });
    expect(withoutSubmission.status).toBe(400);
  });

  it('takes a JSON form token for one submission only (a resend of that submission is the same complaint)', async () => {
    const token = await formToken(office.url);
    expect(token.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    const first = await call(office, 'POST', '/api/complaints', { body: { ...complaint, ...token } });
    expect(first.status).toBe(201);
    const resend = await call(office, 'POST', '/api/complaints', { body: { ...complaint, ...token } });
    expect([resend.status, resend.json().reference]).toEqual([200, first.json().reference]);
    const reuse = await call(office, 'POST', '/api/complaints', { body: { ...complaint, formToken: token.formToken, submissionId: 'another-submission' } });
    expect(reuse.status).toBe(400);
  });
  it('makes a JSON form token for the submission id the client names, and refuses one that cannot be a submission id', async () => {
    const own = await formToken(office.url, 'client-chosen-0001');
    expect(own.submissionId).toBe('client-chosen-0001');
    const filed = await call(office, 'POST', '/api/complaints', { body: { ...complaint, ...own } });
    expect(filed.status).toBe(201);
    // Used again with other fields: the same complaint, nothing new.
    const again = await call(office, 'POST', '/api/complaints', { body: { ...complaint, description: 'Iets heel anders.', ...own } });
    expect([again.status, again.json().reference]).toEqual([200, filed.json().reference]);
    const bad = await call(office, 'GET', '/api/form-token?submissionId=' + encodeURIComponent('<script>'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('submissionId');
  });

  it('refuses a token made for another submission, however fresh', async () => {
    const a = await formToken(office.url);
    const b = await formToken(office.url);
    const swapped = await call(office, 'POST', '/api/complaints', { body: { ...complaint, formToken: a.formToken, submissionId: b.submissionId } });
    expect(swapped.status).toBe(400);
  });

  it('takes a token for a day: an older one is refused, and the form comes back with what was typed and a new token', async () => {
    let wall = Date.parse('2026-03-02T09:00:00.000Z');
    const late = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, wallClock: () => wall });
    try {
      const form = (await call(late, 'GET', '/')).text;
      const formToken = /name="formToken" value="([^"]+)"/.exec(form)![1]!;
      const submissionId = /name="submissionId" value="([^"]+)"/.exec(form)![1]!;
      wall += FORM_TOKEN_MAX_AGE_MS + 1000;
      const stale = await call(late, 'POST', '/api/complaints', { form: true, body: { ...complaint, description: 'Een lang verhaal.', formToken, submissionId } });
      expect(stale.status).toBe(400);
      expect(stale.text).toContain('Een lang verhaal.');
      const fresh = /name="formToken" value="([^"]+)"/.exec(stale.text)![1]!;
      expect(fresh).not.toBe(formToken);
      expect((await call(late, 'POST', '/api/complaints', { form: true, body: { ...complaint, formToken: fresh, submissionId } })).status).toBe(303);
    } finally {
      await late.close();
    }
  });
});

describe('the minimum fill time on JSON intake (HSS)', () => {
  it('refuses a complaint sent back sooner after its token than a person fills the form in', async () => {
    let wall = Date.parse('2026-03-02T09:00:00.000Z');
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 3000, wallClock: () => wall });
    try {
      const token = await formToken(office.url);
      wall += 1000;
      const early = await call(office, 'POST', '/api/complaints', { body: { email: 'jan@example.nl', topic: 'advies', description: 'Snel.', ...token } });
      expect(early.status).toBe(400);
      wall += 2000;
      expect((await call(office, 'POST', '/api/complaints', { body: { email: 'jan@example.nl', topic: 'advies', description: 'Snel.', ...token } })).status).toBe(201);
    } finally {
      await office.close();
    }
  });
});

describe('the receipt quotes the complaint only in part (HSS)', () => {
  it('cuts every quoted field to its first 200 characters', async () => {
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    try {
      const description = 'Betaal eerst 50 euro via http://evil.example/pay. ' + 'x'.repeat(150) + 'EINDE-VAN-DE-TEKST';
      const ref = (await call(office, 'POST', '/api/complaints', { body: { email: 'slachtoffer@example.nl', topic: 'advies', description } })).json().reference;
      const receipt = office.outbox.messages.find((m) => m.subject.includes(ref))!;
      expect(receipt.text).toContain(description.slice(0, 150));
      expect(receipt.text).not.toContain('EINDE-VAN-DE-TEKST');
      expect(receipt.html).not.toContain('EINDE-VAN-DE-TEKST');
    } finally {
      await office.close();
    }
  });

});

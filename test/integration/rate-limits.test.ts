/**
 * Request limits (issue 12, items 6 and 13): intake per client address (counted where its form
 * tokens are made: each token files one complaint) and for all clients together, and sign-in
 * requests counted in the store, so they hold across app instances (Lambda containers) that share
 * one table. The wall clock of the limits is fixed: no window ends mid-test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import type { AppContext } from '../../shared/app/context.ts';
import type { ApiEvent, ApiResult } from '../../shared/http/api.ts';
import { LIMITS } from '../../shared/http/limits.ts';
import { createPublicHandler, formTokenAt } from '../../shared/http/public-routes.ts';
import { tokenBucket } from '../../shared/http/rate-limit.ts';
import { createStaffHandler } from '../../shared/http/staff-routes.ts';
import { createDynamoCaseStore } from '../../shared/store/dynamo.ts';
import { localDynamoClient } from '../../shared/store/embedded.ts';
import { call } from '../support/http.ts';

const WALL = Date.parse('2026-03-02T09:00:30.000Z');
/** The wall clock a millisecond further at every reading: form tokens differ, no limit's window ends. */
const ticking = () => {
  let now = WALL;
  return () => now++;
};
const complaint = { email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' };
let minted = 0;
/** A complaint as a JSON client sends it, with its own form token (made as GET /api/form-token makes them). */
const signed = (ctx: AppContext) => {
  const submissionId = randomUUID();
  return { ...complaint, submissionId, formToken: formTokenAt(ctx.signer, WALL - 60_000 - ++minted, submissionId) };
};

function get(path: string, sourceIp: string, lang = 'nl'): ApiEvent {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'accept-language': lang },
    isBase64Encoded: false,
    requestContext: { requestId: 'r', timeEpoch: WALL, http: { method: 'GET', path, sourceIp } },
  };
}

/** A complaint with a token from GET /api/form-token, as a JSON client sends it; undefined when the token was refused. */
async function withIssuedToken(handler: (e: ApiEvent) => Promise<ApiResult>, sourceIp: string) {
  const r = await handler(get('/api/form-token', sourceIp));
  if (r.statusCode !== 200) return { refused: r };
  const t = JSON.parse(r.body!) as { formToken: string; submissionId: string };
  return { complaint: { ...complaint, formToken: t.formToken, submissionId: t.submissionId } };
}

function post(path: string, sourceIp: string, body: unknown, lang = 'nl'): ApiEvent {
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { requestId: 'r', timeEpoch: WALL, http: { method: 'POST', path, sourceIp } },
  };
}

/** A second app instance on the same table: its own DynamoDB client and store adapter, as another Lambda container has. */
async function secondInstance(office: LocalOffice): Promise<AppContext> {
  const e = await office.dynamo.config.endpoint!();
  const client = localDynamoClient(`${e.protocol}//${e.hostname}:${e.port}`);
  return { ...office.ctx, store: createDynamoCaseStore({ client, tableName: 'klachtenloket' }) };
}

describe('intake limits (HSS)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, wallClock: ticking() });
  });
  afterAll(() => office.close());

  it('gives a client form tokens up to its limit, then 429 with Retry-After and what to do; each token files its complaint; another client is not affected', async () => {
    const intake = createPublicHandler(office.ctx, { minFillMs: 0, wallClock: ticking() });
    const { limit, windowS } = LIMITS.intakePerClient;
    const issued = [];
    for (let i = 0; i < limit; i++) issued.push((await withIssuedToken(intake, '203.0.113.7')).complaint!);
    const { refused } = await withIssuedToken(intake, '203.0.113.7');
    expect(refused!.statusCode).toBe(429);
    // The window is aligned to the clock: 30 s of it have passed.
    expect(refused!.headers!['retry-after']).toBe(String(windowS - 30));
    expect(JSON.parse(refused!.body!).message).toBe(
      `Vanaf uw internetadres is het klachtformulier in korte tijd vaak geopend. Wacht ${Math.ceil((windowS - 30) / 60)} minuten voordat u uw klacht verstuurt, of mail haar naar ${office.ctx.procedure.organisation.email}.`,
    );
    // Intake itself counts nothing: every token given out files its one complaint, also after the limit.
    for (const c of issued) expect((await intake(post('/api/complaints', '203.0.113.7', c))).statusCode).toBe(201);
    expect((await withIssuedToken(intake, '198.51.100.9')).complaint).toBeDefined();
  });

  it('counts a client across app instances sharing one table', async () => {
    const a = createPublicHandler(office.ctx, { minFillMs: 0, wallClock: ticking() });
    const b = createPublicHandler(await secondInstance(office), { minFillMs: 0, wallClock: ticking() });
    const { limit } = LIMITS.intakePerClient;
    for (let i = 0; i < limit; i++) expect((await withIssuedToken(i % 2 ? a : b, '192.0.2.44')).complaint).toBeDefined();
    expect((await withIssuedToken(a, '192.0.2.44')).refused?.statusCode).toBe(429);
    expect((await withIssuedToken(b, '192.0.2.44')).refused?.statusCode).toBe(429);
  });

  it('counts the form page too: over the limit it still shows the form and says when it can be sent; a form that comes back with an error keeps its token', async () => {
    const intake = createPublicHandler(office.ctx, { minFillMs: 0, wallClock: ticking() });
    const { limit } = LIMITS.intakePerClient;
    const pages: ApiResult[] = [];
    for (let i = 0; i <= limit; i++) pages.push(await intake(get('/', '203.0.113.99')));
    expect(pages.map((p) => p.statusCode)).toEqual([...Array(limit).fill(200), 429]);
    const over = pages.at(-1)!;
    expect(Number(over.headers!['retry-after'])).toBeGreaterThan(0);
    expect(over.body).toContain('Vanaf uw internetadres is het klachtformulier in korte tijd vaak geopend.');
    expect(over.body).toContain('name="description"');
    expect(over.body).toContain('name="formToken" value=""');
    // A form from before the limit, sent back with a field missing: the same token comes back (nothing counted), and it still files.
    const token = /name="formToken" value="([^"]+)"/.exec(pages[0]!.body!)![1]!;
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(pages[0]!.body!)![1]!;
    const asForm = (fields: Record<string, string>): ApiEvent => ({ ...post('/api/complaints', '203.0.113.99', {}), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const incomplete = await intake(asForm({ formToken: token, submissionId, email: 'jan@example.nl', topic: 'advies', description: '' }));
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain(`name="formToken" value="${token}"`);
    expect((await intake(asForm({ formToken: token, submissionId, ...complaint }))).statusCode).toBe(303);
  });

  it('holds the limit for all clients together, each of them under its own', async () => {
    const intake = createPublicHandler(office.ctx, { minFillMs: 0, wallClock: ticking(), intakeThrottle: tokenBucket(LIMITS.intake, ticking()) });
    const results: ApiResult[] = [];
    for (let i = 0; i <= LIMITS.intake.burstLimit; i++) results.push(await intake(post('/api/complaints', `10.0.${i}.1`, signed(office.ctx), 'en')));
    expect(results.slice(0, -1).map((r) => r.statusCode)).toEqual(Array(LIMITS.intake.burstLimit).fill(201));
    const busy = results.at(-1)!;
    expect(busy.statusCode).toBe(429);
    expect(busy.headers!['retry-after']).toBe(String(Math.ceil(1 / LIMITS.intake.rateLimit)));
    expect(JSON.parse(busy.body!).message).toBe(`Many complaints are arriving at once. Send your complaint again in a minute, or e-mail it to ${office.ctx.procedure.organisation.email}.`);
  });

  it('gives the form back with what was filled in, the message and Retry-After', async () => {
    const intake = createPublicHandler(office.ctx, { minFillMs: 0, wallClock: ticking(), intakeThrottle: tokenBucket({ rateLimit: 1, burstLimit: 0 }, ticking()) });
    const form: ApiEvent = { ...post('/api/complaints', '10.9.9.9', {}), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...complaint, description: 'Mijn eigen woorden.' }).toString() };
    const refused = await intake(form);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers!['retry-after']).toBe('1');
    expect(refused.body).toContain('Mijn eigen woorden.');
    expect(refused.body).toContain('Er komen nu veel klachten tegelijk binnen.');
  });
});

describe('the local office applies the same limits', () => {
  it('refuses the burst over the intake limit, and over the limit of every route, with 429 and Retry-After', async () => {
    let wall = WALL;
    const office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, wallClock: () => wall++ });
    try {
      // Every route: API Gateway's stage default, here too.
      const pages: number[] = [];
      for (let i = 0; i <= LIMITS.api.burstLimit; i++) pages.push((await call(office, 'GET', '/regeling')).status);
      expect(pages).toEqual([...Array(LIMITS.api.burstLimit).fill(200), 429]);
      wall += 60_000; // the buckets fill up again; the intake window (ten minutes) goes on
      const statuses: number[] = [];
      let last;
      // Tokens made here as GET /api/form-token makes them (that route counts per client; this is about the office's throttle).
      const signedAt = () => {
        const submissionId = randomUUID();
        return { ...complaint, submissionId, formToken: formTokenAt(office.ctx.signer, wall - 60_000, submissionId) };
      };
      for (let i = 0; i <= LIMITS.intake.burstLimit; i++) statuses.push((last = await call(office, 'POST', '/api/complaints', { body: signedAt() })).status);
      expect(statuses).toEqual([...Array(LIMITS.intake.burstLimit).fill(201), 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await office.close();
    }
  }, 60_000); // about 60 requests: under a loaded machine's load they take longer than the default 20 s
});

describe('sign-in limits across app instances', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, wallClock: ticking() });
  });
  afterAll(() => office.close());

  it('counts sign-in requests for one address in the table both instances share', async () => {
    const a = createStaffHandler(office.ctx, { wallClock: ticking() });
    const b = createStaffHandler(await secondInstance(office), { wallClock: ticking() });
    const { limit } = LIMITS.signInPerAddress;
    for (let i = 0; i < limit; i++) expect((await (i % 2 ? a : b)(post('/api/staff/login', `10.1.${i}.1`, { email: 'directie@hss.example.nl' }))).statusCode).toBe(202);
    const refused = await a(post('/api/staff/login', '10.1.99.1', { email: 'directie@hss.example.nl' }));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers!['retry-after'])).toBeGreaterThan(0);
    expect((await b(post('/api/staff/login', '10.1.99.2', { email: 'DIRECTIE@hss.example.nl' }))).statusCode).toBe(429);
  });

  it('counts sign-in requests from one client in the table both instances share', async () => {
    const a = createStaffHandler(office.ctx, { wallClock: ticking() });
    const b = createStaffHandler(await secondInstance(office), { wallClock: ticking() });
    const { limit } = LIMITS.signInPerClient;
    for (let i = 0; i < limit; i++) expect((await (i % 2 ? a : b)(post('/api/staff/login', '10.2.0.1', { email: `x${i}@example.org` }))).statusCode).toBe(202);
    expect((await b(post('/api/staff/login', '10.2.0.1', { email: 'y@example.org' }))).statusCode).toBe(429);
  });

  it('keeps no client address or requested e-mail address in the table', async () => {
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const items = JSON.stringify((await office.dynamo.send(new ScanCommand({ TableName: 'klachtenloket' }))).Items);
    expect(items).toContain('RATE#');
    expect(items).not.toContain('10.2.0.1');
    expect(items).not.toContain('x1@example.org');
  });
});

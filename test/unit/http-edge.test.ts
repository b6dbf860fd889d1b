/** The HTTP edge's shared parts: the route matcher, the refusal → status mapping, the error boundary and the login mail. */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../shared/app/context.ts';
import { BodyError, json, type ApiEvent } from '../../shared/http/api.ts';
import { withBoundary } from '../../shared/http/boundary.ts';
import { refusalJson, refusalStatus } from '../../shared/http/refusal-status.ts';
import { matchPath } from '../../shared/http/router.ts';
import { loginMail } from '../../shared/mail/login-mail.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';

const event = (method: string, path: string): ApiEvent => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: 'token=geheim',
  headers: {},
  isBase64Encoded: false,
  requestContext: { requestId: 'req-7', timeEpoch: 0, http: { method, path, sourceIp: '203.0.113.9' } },
});

const recording = () => {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = { info: (msg, data) => lines.push({ level: 'info', msg, data }), error: (msg, data) => lines.push({ level: 'error', msg, data }) };
  return { lines, log };
};

describe('the route matcher', () => {
  it('matches parameters only where they fit their pattern', () => {
    expect(matchPath('/cases/:ref/actions', '/cases/HSS-2026-K7M2Q/actions')).toEqual({ ref: 'HSS-2026-K7M2Q' });
    expect(matchPath('/cases/:ref/actions', '/cases/HSS-2026-K7M2O/actions')).toBeUndefined(); // no O in references
    expect(matchPath('/cases/:ref', '/cases/HSS-2026-K7M2Q/actions')).toBeUndefined();
    expect(matchPath('/held/:id', `/held/${'a'.repeat(32)}`)).toEqual({ id: 'a'.repeat(32) });
    expect(matchPath('/held/:id', '/held/../../etc')).toBeUndefined();
    expect(matchPath('', '')).toEqual({});
  });
});

describe('refusals at the edge', () => {
  it('maps every code to one status', () => {
    expect((['invalid', 'forbidden', 'not-found', 'conflict', 'not-allowed'] as const).map((code) => refusalStatus({ code }))).toEqual([400, 403, 404, 409, 422]);
  });

  it('answers invalid input field by field, anything else by its reason, in the reader\'s language', () => {
    const p = loadProcedureFile('procedures/hss.yaml').procedure;
    const grounds = refusalJson({ code: 'invalid', reason: 'erase', fields: [{ field: 'grounds', reason: 'choose-grounds', params: { allowed: ['a', 'b'] } }] }, 'en', p);
    expect(JSON.parse(grounds.body!)).toEqual({ errors: [{ field: 'grounds', message: 'Choose the grounds: a, b.' }] });
    const gone = refusalJson({ code: 'not-found', reason: 'held-not-found' }, 'nl', p);
    expect(gone.statusCode).toBe(404);
    expect(JSON.parse(gone.body!)).toEqual({ error: 'held-not-found', message: 'Deze e-mail staat niet (meer) in de wachtrij.' });
  });
});

describe('the error boundary', () => {
  it('logs one line per request with its request id, never the query', async () => {
    const { lines, log } = recording();
    const handle = withBoundary(async () => json(200, {}), () => log, { logRequests: true });
    expect((await handle(event('GET', '/staff'))).statusCode).toBe(200);
    expect(lines).toEqual([{ level: 'info', msg: 'request', data: { requestId: 'req-7', method: 'GET', path: '/staff', status: 200, ms: expect.any(Number) } }]);
    expect(JSON.stringify(lines)).not.toContain('geheim');
  });

  it('answers an unreadable body as the sender\'s error and anything else as a plain 500, logged by kind only', async () => {
    const { lines, log } = recording();
    const unreadable = withBoundary(async () => { throw new BodyError(415, 'send application/json or application/x-www-form-urlencoded'); }, () => log);
    const r = await unreadable(event('POST', '/api/complaints'));
    expect(r.statusCode).toBe(415);
    expect(JSON.parse(r.body!)).toEqual({ errors: [{ field: 'body', message: 'send application/json or application/x-www-form-urlencoded' }] });
    const broken = withBoundary(async () => { throw new RangeError('jan@example.nl'); }, () => log);
    expect((await broken(event('GET', '/'))).statusCode).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'request failed', data: { error: 'RangeError', requestId: 'req-7', status: 500 } });
    expect(JSON.stringify(lines)).not.toContain('jan@');
  });
});

describe('the login mail', () => {
  it('carries the link in text and escaped in HTML', () => {
    const { procedure } = loadProcedureFile('procedures/hss.yaml');
    const link = 'https://klachten.example.nl/staff/login?token=a"b&c';
    const m = loginMail(procedure, { to: { email: 'directie@hss.example.nl' }, link, token: 'abc.DEF-123', nowMs: 1, replyDomain: 'reply.example.nl' });
    expect(m.text).toContain(`:\n${link}\n`);
    expect(m.html).toContain('href="https://klachten.example.nl/staff/login?token=a&quot;b&amp;c"');
    expect(m.html).not.toContain('a"b');
  });
});

import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../shared/app/context.ts';
import type { ApiEvent } from '../../shared/http/api.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { createSigner } from '../../shared/security/signer.ts';
import { createPublicFunction } from '../../functions/public.ts';

/** An API Gateway HTTP API (payload 2.0) event, trimmed to what the handler reads. */
const event = (method: string, path: string, over: Partial<ApiEvent> = {}): ApiEvent => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { accept: 'text/html' },
  isBase64Encoded: false,
  requestContext: { requestId: 'req-1', timeEpoch: 1772442000000, http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9' } },
  ...over,
});

function context(logs: { msg: string; data?: Record<string, unknown> }[], store: Partial<AppContext['store']> = {}) {
  const { procedure, hash } = loadProcedureFile('procedures/hss.yaml');
  return {
    procedure,
    procedureHash: hash,
    store: store as AppContext['store'],
    blobs: {} as AppContext['blobs'],
    mailer: { send: async () => {} },
    scheduler: { schedule: async () => {}, cancel: async () => {} },
    clock: { now: () => '2026-03-02T09:00:00.000Z' },
    signer: createSigner([{ id: 'a', secret: 'k'.repeat(40) }]),
    publicUrl: 'https://klachten.hss.example.nl',
    replyDomain: 'reply.hss.example.nl',
    log: { info: (msg: string, data?: Record<string, unknown>) => logs.push({ msg, data }), error: (msg: string, data?: Record<string, unknown>) => logs.push({ msg, data }) },
  } satisfies AppContext;
}

describe('functions/public (API Gateway v2 → the public handler)', () => {
  it('serves the form, creating the handler once per context', async () => {
    let made = 0;
    // The form page counts its token for the client (the only store call it makes).
    const ctx = context([], { countRequest: async () => true });
    const handler = createPublicFunction(async () => (made++, ctx));
    const first = await handler(event('GET', '/'));
    expect(first.statusCode).toBe(200);
    expect(first.headers!['content-type']).toContain('text/html');
    expect(first.body).toContain('<form');
    expect((await handler(event('GET', '/'))).statusCode).toBe(200);
    expect(made).toBe(2); // the lazy context is asked each time (it caches itself); the handler is reused
  });

  it('turns an unexpected error into a plain 500, logging its kind but never its message', async () => {
    const logs: { msg: string; data?: Record<string, unknown> }[] = [];
    const secret = 'jan@example.nl wrote something private';
    const ctx = context(logs, { load: async () => { throw new TypeError(secret); } });
    const handler = createPublicFunction(async () => ctx);
    const res = await handler(event('GET', '/api/complaints/HSS-2026-ABCDE', { rawQueryString: `token=${ctx.signer.sign('status', 'HSS-2026-ABCDE')}`, queryStringParameters: { token: ctx.signer.sign('status', 'HSS-2026-ABCDE') } }));
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body!)).toEqual({ error: 'internal', message: 'Er ging iets mis. Probeer het later opnieuw.' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ msg: 'request failed', data: { error: 'TypeError', requestId: 'req-1' } });
    expect(JSON.stringify(logs)).not.toContain('private');
  });
});

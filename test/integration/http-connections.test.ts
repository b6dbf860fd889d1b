/**
 * The local server's connections, as a keep-alive client uses them: an idle connection outlives the
 * client's idle time (so the client never sends on a socket the server is closing: ECONNRESET), a
 * refused body ends its connection cleanly (so the next request does not land on a half-read one),
 * and a body that trickles in cannot hold a connection past the request timeout.
 *
 * The 6 s wait is real: it is the race itself (Node's default keepAliveTimeout is 5 s), not a term.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { MAX_BODY_BYTES } from '../../shared/http/api.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** true when the agent sent this request on a connection an earlier request used. */
  reused: boolean;
}

/** One request through a keep-alive agent with a single socket, so a second request reuses the first one's connection if it can. */
function send(agent: Agent, url: string, method = 'GET', body?: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local server and keep-alive clients', () => {
  let office: LocalOffice;
  let agent: Agent;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0, tickSeconds: 0, requestTimeoutMs: 1500 });
  });
  afterAll(async () => {
    agent?.destroy();
    await office.close();
  });

  it('keeps an idle connection open longer than a client waits before reusing it', async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(agent, `${office.url}/`);
    expect(first.status).toBe(200);
    // The server tells the client how long it keeps idle connections; undici (fetch) stays a second under it.
    const hint = Number(/timeout=(\d+)/.exec(String(first.headers['keep-alive']))?.[1]);
    expect(hint).toBeGreaterThan(6);
    await new Promise((r) => setTimeout(r, 6000));
    const second = await send(agent, `${office.url}/`);
    expect(second.status).toBe(200);
    expect(second.reused).toBe(true);
  }, 20_000);

  it('closes the connection after refusing a body that is too large, and the next request works', async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(agent, `${office.url}/`)).status).toBe(200);
    const tooLarge = Buffer.alloc(MAX_BODY_BYTES * 4, 'a');
    const refused = await send(agent, `${office.url}/api/complaints`, 'POST', tooLarge, { 'content-type': 'application/json' });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    const next = await send(agent, `${office.url}/`);
    expect(next.status).toBe(200);
    expect(next.reused).toBe(false);
    // And the usual client, fetch (undici), the same way.
    const viaFetch = await fetch(`${office.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: tooLarge });
    expect(viaFetch.status).toBe(413);
    expect((await fetch(`${office.url}/`)).status).toBe(200);
  });

  it('ends a request whose body trickles in slower than the request timeout', async () => {
    const socket = connect(Number(new URL(office.url).port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (c: Buffer) => received.push(c));
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.write(`POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":`);
    // One byte now and then, as a slow client (or an attacker) would: the server must not wait for ever.
    const trickle = setInterval(() => socket.writable && socket.write('a'), 200);
    try {
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 408 /);
  }, 15_000);
});

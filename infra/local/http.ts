import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { MAX_BODY_BYTES, type ApiEvent, type ApiResult } from '../../shared/http/api.ts';

/**
 * The server's connection timeouts. Idle keep-alive connections are kept longer than any client
 * keeps them (undici, i.e. fetch, stays a second under the `Keep-Alive: timeout` the server
 * announces, else 4 s; Node's default of 5 s let a busy client send on a socket the server was
 * closing: ECONNRESET). A request, headers and body, must arrive within `requestTimeoutMs`, so a
 * trickling body cannot hold a connection for minutes (Node's default is 5 minutes).
 */
export function serverOptions(requestTimeoutMs = 30_000): ServerOptions {
  return {
    keepAliveTimeout: 65_000,
    headersTimeout: Math.min(20_000, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    // How often Node checks those two: by default every 30 s, far coarser than the timeouts.
    connectionsCheckingInterval: Math.min(1000, requestTimeoutMs / 2),
  };
}

/** A body refused unread (too large): the connection ends with the answer, never reused half-read. */
export function writeRefusal(res: ServerResponse, r: ApiResult) {
  res.setHeader('connection', 'close');
  writeResult(res, r);
}

/**
 * Turns a Node request into the API Gateway HTTP API (v2) event a Lambda would get. A `binary` body
 * (raw mail) comes base64-encoded, as API Gateway sends binary media types: its bytes stay unchanged.
 */
export async function toApiEvent(req: IncomingMessage, maxBytes = MAX_BODY_BYTES, binary = false): Promise<ApiEvent | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'cookie') headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const body = Buffer.concat(chunks);
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(req.headers.cookie ? { cookies: req.headers.cookie.split(/;\s*/) } : {}),
    ...(body.length ? { body: body.toString(binary ? 'base64' : 'utf8') } : {}),
    isBase64Encoded: binary && body.length > 0,
    requestContext: {
      requestId: randomUUID(),
      timeEpoch: Date.now(),
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}) },
    },
  };
}

export function writeResult(res: ServerResponse, r: ApiResult) {
  res.statusCode = r.statusCode;
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  if (r.cookies?.length) res.setHeader('set-cookie', r.cookies);
  res.end(r.body === undefined ? undefined : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
}

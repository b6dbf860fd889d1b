/** The subset of API Gateway HTTP API (payload v2) events and results the handlers use. */
export interface ApiEvent {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded: boolean;
  requestContext: {
    requestId: string;
    timeEpoch: number;
    http: { method: string; path: string; protocol?: string; sourceIp: string; userAgent?: string };
  };
}

export interface ApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
  cookies?: string[];
  isBase64Encoded?: boolean;
}

export type ApiHandler = (event: ApiEvent) => Promise<ApiResult>;

/** Requests larger than this are refused before parsing (a complaint with every field full is ~40 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // Status links carry a token: never leak it to another site through the Referer header.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

// The stylesheet comes from our own origin; 'unsafe-inline' stays for the drawn diagram's <style> and the
// workspace's style attributes. No script-src: the pages work without JavaScript.
const HTML_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** An organisation's logo on another https origin: that origin (only) may serve images to the pages. */
export function allowImageOrigin(handler: ApiHandler, logo: string | undefined): ApiHandler {
  if (!logo?.startsWith('https://')) return handler;
  const origin = new URL(logo).origin;
  return async (e) => {
    const r = await handler(e);
    const csp = r.headers?.['content-security-policy'];
    return csp === HTML_CSP ? { ...r, headers: { ...r.headers, 'content-security-policy': csp.replace("img-src 'self' data:", `img-src 'self' data: ${origin}`) } } : r;
  };
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function page(statusCode: number, html: string, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': HTML_CSP,
      ...SECURITY_HEADERS,
      ...headers,
    },
    body: html,
  };
}

/** A file to save, never shown inline: its name as sent (RFC 6266, with an ASCII fallback), no sniffing, no caching, no active content. */
export function download(body: Buffer, name: string): ApiResult {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
      ...SECURITY_HEADERS,
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export const redirect = (location: string): ApiResult => ({ statusCode: 303, headers: { location, 'cache-control': 'no-store', ...SECURITY_HEADERS } });

export const header = (e: ApiEvent, name: string) => e.headers[name] ?? e.headers[name.toLowerCase()];
export const query = (e: ApiEvent, name: string) => e.queryStringParameters?.[name];

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The body as fields: JSON objects or form-encoded; anything else is refused. */
export function readFields(e: ApiEvent): { fields: Record<string, unknown>; form: boolean } {
  const raw = e.body ? (e.isBase64Encoded ? Buffer.from(e.body, 'base64') : Buffer.from(e.body, 'utf8')) : Buffer.alloc(0);
  if (raw.length > MAX_BODY_BYTES) throw new BodyError(413, 'body too large');
  const type = (header(e, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text || '{}');
    } catch {
      throw new BodyError(400, 'invalid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError(400, 'expected a JSON object');
    return { fields: parsed as Record<string, unknown>, form: false };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) fields[k] = v;
    return { fields, form: true };
  }
  throw new BodyError(415, 'send application/json or application/x-www-form-urlencoded');
}

/** `?lang=en` first, then the browser's preference; Dutch unless English is preferred over Dutch. */
export function language(e: ApiEvent, fromBody?: unknown): 'nl' | 'en' {
  const explicit = fromBody ?? query(e, 'lang');
  if (explicit === 'en' || explicit === 'nl') return explicit;
  const accept = (header(e, 'accept-language') ?? '').toLowerCase();
  const prefs = accept.split(',').map((part) => {
    const [tag, q] = part.trim().split(';q=');
    return { tag: (tag ?? '').slice(0, 2), q: q === undefined ? 1 : Number(q) };
  });
  const score = (l: string) => Math.max(-1, ...prefs.filter((p) => p.tag === l).map((p) => p.q));
  return score('en') > score('nl') ? 'en' : 'nl';
}

export const wantsHtml = (e: ApiEvent) => (header(e, 'accept') ?? '').includes('text/html');

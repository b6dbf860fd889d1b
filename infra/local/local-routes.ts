import { json, page, readFields, type ApiEvent, type ApiResult } from '../../shared/http/api.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';
import { escapeHtml } from '../../shared/web/html.ts';
import type { LocalOffice } from './local-office-type.ts';

/** What the local-only routes use of the office. */
type LocalControls = Pick<LocalOffice, 'outbox' | 'receive' | 'clock' | 'deadlines' | 'advanceTo' | 'settled'>;

/** Local-only routes: never part of the deployed API. */
export async function localRoutes(office: LocalControls, e: ApiEvent): Promise<ApiResult | undefined> {
  const method = e.requestContext.http.method;
  switch (`${method} ${e.rawPath}`) {
    case 'GET /_local/outbox':
      await office.settled();
      return json(200, office.outbox.messages.map(outboxEntry));
    case 'GET /_local/mail':
      return page(200, mailPage(office.outbox.messages));
    case 'POST /_local/inbound': {
      // A raw RFC 5322 message; the envelope recipient defaults to the message's own To/Cc.
      if (!e.body) return json(400, { errors: [{ field: 'body', message: 'send a raw RFC 5322 message' }] });
      const raw = Buffer.from(e.body, e.isBase64Encoded ? 'base64' : 'utf8');
      const to = e.queryStringParameters?.to;
      const result = await office.receive(raw, { to: to ? to.split(',') : [] });
      return json(202, result);
    }
    case 'GET /_local/clock':
      return json(200, { now: office.clock.now(), deadlines: office.deadlines.list() });
    case 'POST /_local/clock': {
      const body = readFields(e).fields;
      const now = Date.parse(office.clock.now());
      let target: number;
      if (typeof body.advanceTo === 'string') target = Date.parse(body.advanceTo);
      else if (typeof body.advanceBy === 'string') target = now + parseIsoDuration(body.advanceBy);
      else return json(400, { errors: [{ field: 'advanceBy', message: 'send {"advanceBy": "P7D"} or {"advanceTo": "2026-01-01T09:00:00Z"}' }] });
      if (Number.isNaN(target)) return json(400, { errors: [{ field: typeof body.advanceTo === 'string' ? 'advanceTo' : 'advanceBy', message: 'not a valid ISO instant or duration' }] });
      if (target < now) return json(400, { errors: [{ field: 'advanceTo', message: 'the clock does not go backwards' }] });
      const fired = await office.advanceTo(new Date(target).toISOString());
      return json(200, { now: office.clock.now(), fired });
    }
  }
  return undefined;
}

/** `P7D`, `PT36H`, `P1W`, `P2DT3H30M`: days, weeks, hours, minutes, seconds (no months: their length varies). */
export function parseIsoDuration(s: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return Number.NaN;
  const [w, d, h, min, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + sec) * 1000;
}

const address = (a: { email: string }) => a.email;

export function outboxEntry(m: OutgoingMessage & { sentAt: string }) {
  return {
    messageId: m.messageId,
    from: address(m.from),
    to: m.to.map(address),
    cc: (m.cc ?? []).map(address),
    replyTo: m.replyTo ? address(m.replyTo) : null,
    subject: m.subject,
    text: m.text,
    html: m.html,
    sentAt: m.sentAt,
    headers: {
      'message-id': m.messageId,
      from: formatAddress(m.from),
      to: m.to.map(formatAddress).join(', '),
      ...(m.replyTo ? { 'reply-to': formatAddress(m.replyTo) } : {}),
      subject: m.subject,
      ...m.headers,
    },
  };
}

const formatAddress = (a: { email: string; name?: string }) => (a.name ? `"${a.name.replace(/["\\\r\n]/g, '')}" <${a.email}>` : a.email);

function mailPage(messages: (OutgoingMessage & { sentAt: string })[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<article><h2>${escapeHtml(m.subject)}</h2><p><b>Aan:</b> ${escapeHtml(m.to.map(address).join(', '))} · <b>Van:</b> ${escapeHtml(m.from.email)} · <b>Verzonden (klok van het loket):</b> ${escapeHtml(m.sentAt)}</p><pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join('<hr>');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Lokale postbus</title><style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f3f3f3;padding:1rem}</style></head><body><h1>Lokale postbus (${messages.length})</h1><p>Alle e-mail die het lokale klachtenloket verstuurt, nieuwste eerst. Niets hiervan verlaat deze computer.</p>${rows}</body></html>`;
}

import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { extractAlternativeReply, extractHtmlReply } from './reply-text.ts';
import { bestBody, fixC1, prepareRaw } from './text-body.ts';

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

/** What kind of mail this is, when it is not a person writing to us: such mail is never answered or forwarded. */
export type Noise = 'bounce' | 'auto-reply' | 'bulk' | 'loop' | 'self';

export interface InboundMail {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  from?: { email: string; name?: string };
  /** Envelope recipients (SMTP RCPT TO / SES receipt), else the To and Cc headers. */
  recipients: string[];
  subject: string;
  /** The whole text as sent (the HTML made readable when there is no text part), quoted history included. */
  text: string;
  /** What the writer wrote: quoted history, attribution and header lines, phone footers and a "-- " signature removed (reply-text.ts). */
  stripped: string;
  /** Whether `stripped` left something of `text` out. */
  cut: boolean;
  attachments: InboundAttachment[];
  noise?: Noise;
}

export interface Envelope {
  /** MAIL FROM; '' or '<>' is the null return path of a bounce. */
  from?: string;
  to: string[];
}

/**
 * Parses a raw RFC 5322 message (any client: plain, HTML-only, quoted-printable, base64, attachments).
 * `ours.domains` are the domains of our own reply addresses and Message-IDs (the reply domain), not the
 * organisation's mail domain: staff write from that one, and their mail is not ours coming back.
 */
export async function parseInbound(raw: Buffer | string, envelope: Envelope, ours: { domains: string[] }): Promise<InboundMail> {
  const prepared = prepareRaw(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  // The HTML is made readable here (text-body.ts), wherever it sits in the tree, not by mailparser.
  const mail = await simpleParser(prepared.raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  const from = addresses(mail.from)[0];
  const body = bestBody(mail, prepared.flowed);
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  const reply = 'html' in body ? extractHtmlReply(body.html) : { ...extractAlternativeReply(body.plain, html), whole: body.plain };
  const text = reply.whole;
  const subject = fixC1(mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  const headerRecipients = [...addresses(mail.to), ...addresses(mail.cc)].map((a) => a.email);
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references],
    ...(from ? { from } : {}),
    recipients: envelope.to.length ? envelope.to : headerRecipients,
    subject,
    text,
    stripped: reply.text,
    cut: reply.cut,
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => ({ filename: safeName(a.filename ?? 'bijlage'), contentType: a.contentType, size: a.size, content: a.content })),
    ...classify(mail, envelope, from?.email, ours),
  };
}

function addresses(a: AddressObject | AddressObject[] | undefined): { email: string; name?: string }[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((o) => o.value).flatMap((v) => (v.address ? [{ email: v.address.toLowerCase(), ...(v.name ? { name: v.name } : {}) }] : []));
}

/** A header as lower-case text: address headers (Return-Path) by their text, structured ones by their value. */
const header = (mail: ParsedMail, name: string): string | undefined => {
  const v = mail.headers.get(name);
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && 'text' in v) return String(v.text).toLowerCase();
  if (typeof v === 'object' && v !== null && 'value' in v) return String(v.value).toLowerCase();
  return String(v).toLowerCase();
};

/**
 * Subjects auto-responders write ("Automatisch antwoord: …", "Automatic reply: …", "Out of Office: …").
 * The colon is required: a person's own subject may well start with "Afwezig bij …" or "Niet aanwezig …".
 */
const AUTO_SUBJECT =
  /^(automatic reply|automatisch antwoord|auto[ -]?(reply|response|antwoord)|autoreply|out of (the )?office( autoreply)?|afwezig|niet aanwezig|absence|abwesend)\s*:/i;

/**
 * Recognises bounces, auto-replies, bulk mail, loops and our own mail (RFC 3834, RFC 3464 and common practice).
 * X-Auto-Response-Suppress and X-MS-Exchange-* headers are no sign: Exchange puts them on people's mail
 * too (sent to a distribution list, or just sent through Exchange Online).
 */
function classify(mail: ParsedMail, envelope: Envelope, sender: string | undefined, ours: { domains: string[] }): { noise?: Noise } {
  const type = mail.headers.get('content-type');
  const reportType = type && typeof type === 'object' && 'params' in type ? String(type.params['report-type'] ?? '').toLowerCase() : '';
  // A DSN is a bounce; other reports (read receipts, report-type=disposition-notification) are not: the address works.
  if (reportType === 'delivery-status' || /^(mailer-daemon|postmaster)@/.test(sender ?? '')) return { noise: 'bounce' };
  if (reportType) return { noise: 'auto-reply' };
  const domains = ours.domains.map((d) => d.toLowerCase());
  const loop = header(mail, 'x-loop');
  if (loop && domains.some((d) => loop.includes(d))) return { noise: 'loop' };
  const ownId = (mail.messageId ?? '').toLowerCase();
  if (domains.some((d) => ownId.endsWith(`@${d}>`)) || (sender && domains.includes(sender.split('@')[1] ?? ''))) return { noise: 'self' };
  const auto = header(mail, 'auto-submitted');
  const precedence = header(mail, 'precedence');
  if ((auto && !/^no\b/.test(auto)) || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || precedence?.includes('auto_reply') || AUTO_SUBJECT.test(mail.subject ?? ''))
    return { noise: 'auto-reply' };
  // The null return path comes after the auto-reply checks: RFC 3834 and Sieve vacation send auto-replies
  // from <> too, and taking those for bounces would mark a working address as failing.
  const returnPath = envelope.from ?? header(mail, 'return-path');
  if (returnPath !== undefined && ['', '<>'].includes(returnPath.trim())) return { noise: 'bounce' };
  // mailparser files every List-* header (List-Id, List-Unsubscribe, List-Post …) under the one key 'list'.
  if ((precedence && /bulk|list|junk/.test(precedence)) || mail.headers.has('list')) return { noise: 'bulk' };
  return {};
}

/** A stored file name: no path, no control characters, not too long. */
const safeName = (name: string) => name.replace(/[/\\\x00-\x1f]/g, '_').slice(-120) || 'bijlage';

import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import { bestBody, fixC1, prepareRaw } from './mime-text.ts';
import { extractReply, type Extracted } from './plain-reply.ts';

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
 * The HTML side of reply extraction, with html-to-text, htmlparser2 and their entity tables: loaded
 * with the first message that needs it (HTML only, or both parts and no history the text rules
 * found), not with the function (npm run bench:cold). Plain text and most replies never need it.
 */
const htmlReplies = () => import('./reply-text.ts');

/** `extractAlternativeReply`, with the text rules tried first here, so that HTML is read only when they cut nothing (as there). */
async function alternativeReply(plain: string, html: string | undefined): Promise<Extracted> {
  const reply = extractReply(plain);
  return reply.cut || !html ? reply : (await htmlReplies()).extractAlternativeReply(plain, html);
}

/**
 * Parses a raw RFC 5322 message (any client: plain, HTML-only, quoted-printable, base64, attachments).
 * `ours.domains` are the domains of our own reply addresses and Message-IDs (the reply domain), not the
 * organisation's mail domain: staff write from that one, and their mail is not ours coming back.
 */
export async function parseInbound(raw: Buffer | string, envelope: Envelope, ours: { domains: string[] }): Promise<InboundMail> {
  const prepared = prepareRaw(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  // No conversions by the parser: the HTML is made readable here (text-body.ts), wherever it sits in the
  // tree. Attached messages stay attachments, as they were sent.
  const mail = await PostalMime.parse(prepared.raw, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  const from = addresses(mail.from ? [mail.from] : undefined)[0];
  const body = bestBody(asSent(mail), prepared.flowed);
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  const reply = 'html' in body ? (await htmlReplies()).extractHtmlReply(body.html) : { ...(await alternativeReply(body.plain, html)), whole: body.plain };
  const text = reply.whole;
  const subject = fixC1(mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  const headerRecipients = [...addresses(mail.to), ...addresses(mail.cc)].map((a) => a.email);
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: mail.references?.match(/<[^<>]*>/g) ?? [],
    ...(from ? { from } : {}),
    recipients: envelope.to.length ? envelope.to : headerRecipients,
    subject,
    text,
    stripped: reply.text,
    cut: reply.cut,
    attachments: mail.attachments
      .filter((a) => !isStatus(a) && (a.disposition !== 'inline' || a.filename))
      .map((a) => {
        const content = Buffer.from(a.content as ArrayBuffer);
        return { filename: safeName(fixC1(a.filename ?? 'bijlage')), contentType: a.mimeType, size: content.length, content };
      }),
    ...classify(mail, envelope, from?.email, ours),
  };
}

/** A delivery status report's own part (RFC 3464): read as text of the bounce, not kept as a file. */
const isStatus = (a: Attachment) => a.mimeType === 'message/delivery-status' && a.disposition !== 'attachment' && !a.filename;

/**
 * The text parts as mailparser gave them, which the reply extraction was built on: a delivery status
 * joins the text; and the line break before a multipart boundary belongs to the boundary (RFC 2046),
 * which postal-mime leaves on a quoted-printable or 8-bit part.
 */
function asSent(mail: Email): { text?: string; html?: string } {
  const status = mail.attachments.filter(isStatus).map((a) => new TextDecoder().decode(a.content as ArrayBuffer));
  const multipart = /^\s*multipart\//.test(header(mail, 'content-type') ?? '');
  const text = [mail.text, ...status].filter((t) => t !== undefined).join('\n');
  return {
    ...(mail.text !== undefined || status.length ? { text: multipart ? text.replace(/\r?\n$/, '') : text } : {}),
    ...(mail.html !== undefined ? { html: mail.html } : {}),
  };
}

function addresses(list: Address[] | undefined): { email: string; name?: string }[] {
  return (list ?? [])
    .flatMap((a) => (a.group ? a.group : [a]))
    .flatMap((v) => (v.address ? [{ email: v.address.toLowerCase(), ...(v.name ? { name: fixC1(v.name) } : {}) }] : []));
}

/** A header's first value as lower-case text, unfolded. */
const header = (mail: Email, name: string): string | undefined => mail.headers.find((h) => h.key === name)?.value.replace(/\r?\n[ \t]*/g, ' ').trim().toLowerCase();
const has = (mail: Email, name: string | RegExp) => mail.headers.some((h) => (typeof name === 'string' ? h.key === name : name.test(h.key)));

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
function classify(mail: Email, envelope: Envelope, sender: string | undefined, ours: { domains: string[] }): { noise?: Noise } {
  const reportType = /;\s*report-type\s*=\s*"?([^";\s]*)/.exec(header(mail, 'content-type') ?? '')?.[1] ?? '';
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
  if ((auto && !/^no\b/.test(auto)) || has(mail, 'x-autoreply') || has(mail, 'x-autorespond') || precedence?.includes('auto_reply') || AUTO_SUBJECT.test(mail.subject ?? ''))
    return { noise: 'auto-reply' };
  // The null return path comes after the auto-reply checks: RFC 3834 and Sieve vacation send auto-replies
  // from <> too, and taking those for bounces would mark a working address as failing.
  const returnPath = envelope.from ?? header(mail, 'return-path');
  if (returnPath !== undefined && ['', '<>'].includes(returnPath.trim())) return { noise: 'bounce' };
  if ((precedence && /bulk|list|junk/.test(precedence)) || has(mail, /^list-/)) return { noise: 'bulk' };
  return {};
}

/** A stored file name: no path, no control characters, not too long. */
const safeName = (name: string) => name.replace(/[/\\\x00-\x1f]/g, '_').slice(-120) || 'bijlage';

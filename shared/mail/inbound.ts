import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import replyParser from 'node-email-reply-parser';

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
  /** The whole text as sent (from the HTML part when there is no text part). */
  text: string;
  /** The new part only: quoted history and the usual reply headers removed. */
  stripped: string;
  attachments: InboundAttachment[];
  noise?: Noise;
}

export interface Envelope {
  /** MAIL FROM; '' or '<>' is the null return path of a bounce. */
  from?: string;
  to: string[];
}

/** Parses a raw RFC 5322 message (any client: plain, HTML-only, quoted-printable, base64, attachments). */
export async function parseInbound(raw: Buffer | string, envelope: Envelope, ours: { domains: string[] }): Promise<InboundMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = addresses(mail.from)[0];
  const text = (mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : '')).replace(/\r\n/g, '\n');
  const headerRecipients = [...addresses(mail.to), ...addresses(mail.cc)].map((a) => a.email);
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references],
    ...(from ? { from } : {}),
    recipients: envelope.to.length ? envelope.to : headerRecipients,
    subject: (mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim(),
    text,
    stripped: stripReply(text),
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

const header = (mail: ParsedMail, name: string) => {
  const v = mail.headers.get(name);
  return typeof v === 'string' ? v.toLowerCase() : v && typeof v === 'object' && 'value' in v ? String(v.value).toLowerCase() : v === undefined ? undefined : String(v).toLowerCase();
};

const AUTO_SUBJECT = /^(automatic reply|auto(matisch)?[ -]?(reply|antwoord|response)|out of (the )?office|afwezig|niet aanwezig|absence|abwesend|autoreply)\b/i;

/** Recognises bounces, auto-replies, bulk mail, loops and our own mail (RFC 3834, RFC 3464 and common practice). */
function classify(mail: ParsedMail, envelope: Envelope, sender: string | undefined, ours: { domains: string[] }): { noise?: Noise } {
  const ct = header(mail, 'content-type') ?? '';
  const returnPath = envelope.from ?? header(mail, 'return-path');
  if (returnPath !== undefined && ['', '<>'].includes(returnPath.trim())) return { noise: 'bounce' };
  if (ct.includes('multipart/report') || /^(mailer-daemon|postmaster)@/.test(sender ?? '')) return { noise: 'bounce' };
  const domains = ours.domains.map((d) => d.toLowerCase());
  const loop = header(mail, 'x-loop');
  if (loop && domains.some((d) => loop.includes(d))) return { noise: 'loop' };
  const ownId = (mail.messageId ?? '').toLowerCase();
  if (domains.some((d) => ownId.endsWith(`@${d}>`)) || (sender && domains.includes(sender.split('@')[1] ?? ''))) return { noise: 'self' };
  const auto = header(mail, 'auto-submitted');
  if ((auto && auto !== 'no') || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || AUTO_SUBJECT.test(mail.subject ?? ''))
    return { noise: 'auto-reply' };
  const precedence = header(mail, 'precedence');
  if ((precedence && /bulk|list|junk|auto_reply/.test(precedence)) || mail.headers.has('list-id') || mail.headers.has('list-unsubscribe'))
    return { noise: precedence?.includes('auto_reply') ? 'auto-reply' : 'bulk' };
  return {};
}

/** Quote headers that clients put above the history, in Dutch and English. */
const QUOTE_HEADERS = [
  /^-{2,}\s*(oorspronkelijk bericht|original message|doorgestuurd bericht|forwarded message)\s*-{2,}/im,
  /^(op|on)\s.{4,200}\s(schreef|wrote)\s?.{0,80}:\s*$/im,
  /^(van|from):\s.+\n(verzonden|sent|datum|date):\s.+/im,
  /^_{20,}\s*$/m,
];

/** The new part of a reply: the library removes `>` quotes and signatures; the Dutch and Outlook headers go too. */
export function stripReply(text: string): string {
  let visible = String(replyParser(text, true) ?? '');
  for (const re of QUOTE_HEADERS) {
    const m = re.exec(visible);
    if (m) visible = visible.slice(0, m.index);
  }
  return visible.replace(/\n{3,}/g, '\n\n').trim();
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d|blockquote)>/gi, '\n')
    .replace(/<blockquote[\s\S]*$/i, '') // quoted history in HTML-only replies
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A stored file name: no path, no control characters, not too long. */
const safeName = (name: string) => name.replace(/[/\\\x00-\x1f]/g, '_').slice(-120) || 'bijlage';

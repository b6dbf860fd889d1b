import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { bodyText, fixC1, prepareRaw } from './text-body.ts';

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
  /** The whole text as sent (from the HTML part when there is no text part), quoted history included. */
  text: string;
  /** The new part only: quoted history, the usual reply headers, mobile footers and a trailing sign-off removed. */
  stripped: string;
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
  const text = bodyText(mail, prepared.flowed);
  const subject = fixC1(mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  const headerRecipients = [...addresses(mail.to), ...addresses(mail.cc)].map((a) => a.email);
  // A forward without a note of its own is the message itself (Outlook's forward looks like a reply in
  // the body, only the subject tells): keep it whole rather than show nothing.
  const stripped = stripReply(text) || (FORWARD_SUBJECT.test(subject) ? tidy(text.split('\n')) : '');
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references],
    ...(from ? { from } : {}),
    recipients: envelope.to.length ? envelope.to : headerRecipients,
    subject,
    text,
    stripped,
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => ({ filename: safeName(a.filename ?? 'bijlage'), contentType: a.contentType, size: a.size, content: a.content })),
    ...classify(mail, envelope, from?.email, ours),
  };
}

const FORWARD_SUBJECT = /^(fwd?|fw|doorst|wg|tr)\s*:/i;

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

/** A line above quoted history (older Outlook) or above a forwarded message, in Dutch and English. */
const HISTORY = /^\s*-{3,}\s*(oorspronkelijk bericht|original message)\s*-{3,}\s*$/i;
const FORWARD = /^\s*(-{3,}\s*(doorgestuurd bericht|forwarded message)\s*-{3,}|begin (doorgestuurd bericht|forwarded message):)\s*$/i;
/** Outlook's header block above the history ("Van: / Verzonden: / Aan: / Onderwerp:"): no `>` quotes follow it. */
const FIELD = /^\s*\*?(van|from|verzonden|sent|datum|date|aan|to|onderwerp|subject|cc)\s?:\*?(\s|$)/i;
const FIELD_FROM = /^\s*\*?(van|from)\s?:/i;
/** "Op vr 12 dec 2025 om 10:15 schreef X <x>:", "On Fri, … X <x> wrote:", Apple's "… heeft X het volgende geschreven:". */
const ATTRIBUTION = /^\s*(op|on)\s.+\b(schreef|wrote|geschreven)\b.*:$/i;
/** Footers mobile apps add ("Verstuurd vanaf mijn iPhone", "Outlook voor iOS<https://aka.ms/…> downloaden"). */
const MOBILE = /^\s*(sent from|get outlook for|(verzonden|verstuurd) (vanaf mijn|vanuit|met|via)|outlook voor (ios|android))\b/i;
/** Such a footer is short and no sentence: "Verzonden met PostNL, maar nooit aangekomen." is the writer's. */
const footer = (l: string) => MOBILE.test(l) && l.trim().length <= 80 && !/[.!?]$/.test(l.trim());
/** A closing line, optionally with the name on the same line ("Met vriendelijke groet,", "Mvg, Jan", "Kind regards"). */
const SIGN_OFF =
  /^\s*((met )?((vriendelijke|hartelijke|beste|lieve) )?groet(en|jes)?|mvg|m\.v\.g\.?|hoogachtend|((with )?(kind|best|warm|kindest|warmest) )?regards|(yours )?(sincerely|faithfully)|best wishes|best)[,.!]?(\s+(?<name>.+))?$/i;
/** A name after a closing on the same line: capitalised words, Dutch infixes allowed ("Kees van der Berg"). */
const NAME = /^\p{Lu}[\p{L}.'-]*(\s+((van|de|der|den|het|ter|ten|te|in|op|'t)\s+)*\p{Lu}[\p{L}.'-]*){0,3}$/u;

/**
 * The new part of a message: what the writer typed above (or, answering inline, between) the history.
 *
 * Line based, because the common library heuristics lose real content: node-email-reply-parser joins
 * everything from a Dutch line starting "Op 3 november …" to the next line ending in ":" and hides it as a
 * quote header, and hides everything below a line starting "-woord" or "__" as a signature.
 *  - The history starts at "-----Oorspronkelijk bericht-----", a forward's separator, or Outlook's header
 *    block (three of Van/Verzonden/Aan/Onderwerp in a row, the first Van/From); everything from there is cut.
 *  - An attribution ("Op … schreef …:", also wrapped over up to three lines as Gmail does) counts only
 *    when `>` quotes follow it; it and the `>` lines after it go, unquoted lines between them (inline
 *    answers) stay. Other `>` lines go only as the message's last block: "> 3 maanden" in a text stays.
 *  - At the end: mobile footers, a "-- " signature, and a closing ("Met vriendelijke groet," + up to six
 *    short name/address lines, never a question, a P.S. or a sentence) go; nothing goes if nothing is left.
 *  - A forward without a note of its own keeps the forwarded message: that is what the writer sends us.
 */
export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((l, i) => HISTORY.test(l) || FORWARD.test(l) || (FIELD_FROM.test(l) && lines.slice(i, i + 3).every((f) => FIELD.test(f))));
  const body = cut < 0 ? lines : lines.slice(0, cut);
  let kept: string[] = [];
  for (let i = 0, quoting = false; i < body.length; i++) {
    const n = attribution(body, i);
    if (n) {
      kept.length -= n - 1; // the attribution's first lines (Gmail wraps it) were kept already
      quoting = true;
    } else if (!(quoting && body[i]!.startsWith('>'))) kept.push(body[i]!);
  }
  const blank = (l: string) => !l.trim();
  // Trailing blank lines, mobile footers and Outlook's `____` rule; with `quotes`, a last `>` block too
  // (only once, first: after a sign-off is gone, a `>` line above it is the writer's own text).
  const dropTail = (quotes: boolean) => {
    for (let l = kept.at(-1); l !== undefined && (blank(l) || (quotes && l.startsWith('>')) || footer(l) || /^\s*_{8,}\s*$/.test(l)); l = kept.at(-1)) kept.pop();
  };
  dropTail(true);
  // RFC 3676's signature delimiter, exactly "-- " (a bare "--" may be the writer's own separator).
  const dashes = kept.findLastIndex((l) => l === '-- ');
  if (dashes > 0 && kept.length - dashes <= 15) kept = kept.slice(0, dashes);
  dropTail(false);
  const close = kept.findLastIndex((l) => isSignOff(l.trim()));
  const after = kept.slice(close + 1).filter((l) => !blank(l));
  if (close >= 0 && kept.slice(0, close).some((l) => !blank(l)) && after.length <= 6 && after.every(nameLike)) kept = kept.slice(0, close);
  dropTail(false);
  return tidy(kept) || (cut >= 0 && FORWARD.test(lines[cut]!) ? tidy(lines) : '');
}

/** Lines as one text: no trailing blanks on a line, at most one empty line in a row. */
const tidy = (lines: string[]) => lines.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

/**
 * How many lines ending at j form an attribution directly above `>` quotes (0 if none). The shortest
 * one, so that a line of text just above it ("Op dinsdag kan ik ook.") is not taken for its start.
 */
function attribution(lines: string[], j: number): number {
  if (lines[j]!.startsWith('>') || !lines[j]!.trimEnd().endsWith(':')) return 0;
  let next = j + 1;
  while (next < lines.length && !lines[next]!.trim()) next++;
  if (!lines[next]?.startsWith('>')) return 0;
  for (let n = 1; n <= 3 && j + 1 - n >= 0; n++) {
    const first = lines[j + 1 - n]!;
    if (!first.trim() || first.startsWith('>')) return 0;
    const joined = lines.slice(j + 1 - n, j + 1).join(' ').trim();
    if (joined.length > 400) return 0; // attributions are short; long lines are text (and cheap to skip)
    if (ATTRIBUTION.test(joined)) return n;
  }
  return 0;
}

function isSignOff(line: string): boolean {
  if (line.length > 80) return false;
  const m = SIGN_OFF.exec(line);
  const name = m?.groups?.['name'];
  return !!m && (name === undefined || NAME.test(name.trim()));
}

/** A line that may follow a closing: a name, a function, an address or a phone number; not something said. */
const nameLike = (line: string) => {
  const l = line.trim();
  return l.length <= 60 && !/[?!:]$/.test(l) && !/^(p\.?s\.?|n\.?b\.?)(\s|:|$)/i.test(l) && !(/\.$/.test(l) && l.split(/\s+/).length > 3);
};

/** A stored file name: no path, no control characters, not too long. */
const safeName = (name: string) => name.replace(/[/\\\x00-\x1f]/g, '_').slice(-120) || 'bijlage';

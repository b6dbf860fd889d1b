import { createHash } from 'node:crypto';
import { attachmentBytes, PermanentMailError, type MailAttachment, type OutgoingMessage } from './message.ts';
import { isMailableAddress } from '../procedure/mail-address.ts';

/**
 * RFC 5322 / MIME serialisation of an OutgoingMessage: a `multipart/alternative` with a text/plain
 * and a text/html part, both UTF-8 quoted-printable, CRLF line endings throughout, every line well
 * under 998 octets and pure 7-bit ASCII. Deterministic given the options. With attachments the
 * message is a `multipart/mixed` of that alternative part and each file, base64-encoded.
 *
 * Nothing in a value can add a header: CR, LF, NUL and other control characters are taken out of
 * every header value, display name and address, and an address that is not a plain `local@domain`
 * afterwards is refused (throws) rather than sent somewhere unexpected.
 */

export interface MimeOptions {
  /** The Date header. */
  date: Date;
  /** The multipart boundary; by default derived from the Message-ID (and safe by construction, see `defaultBoundary`). */
  boundary?: string;
}

type Mailbox = { email: string; name?: string };

const CRLF = '\r\n';
/** The length we fold header lines to where we can (RFC 5322 2.1.1 SHOULD); 998 is the hard limit. */
const FOLD_AT = 78;
const HARD_LIMIT = 998;

/** Headers this module writes itself; `message.headers` may not set them (that would be a second From, a Bcc ...). */
const RESERVED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
]);

/** Headers whose value is a list of msg-ids: never encoded-words, just folded between ids. */
const MSG_ID_HEADERS = new Set(['in-reply-to', 'references']);

const SPECIAL_CASE: Record<string, string> = { 'message-id': 'Message-ID', 'mime-version': 'MIME-Version', 'list-id': 'List-ID' };

export function buildMime(message: OutgoingMessage, opts: MimeOptions): string {
  const messageId = cleanMessageId(message.messageId);
  const boundary = opts.boundary ?? defaultBoundary(messageId);
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new Error(`invalid MIME boundary: ${JSON.stringify(boundary)}`);

  if (message.to.length === 0) throw new Error('a message needs at least one To address');
  const lines: string[] = [];
  lines.push(addressHeader('From', [message.from]));
  lines.push(addressHeader('To', message.to));
  if (message.cc?.length) lines.push(addressHeader('Cc', message.cc));
  if (message.replyTo) lines.push(addressHeader('Reply-To', [message.replyTo]));
  lines.push(unstructuredHeader('Subject', message.subject));
  lines.push(`Date: ${rfc5322Date(opts.date)}`);
  lines.push(`Message-ID: ${messageId}`);
  lines.push('MIME-Version: 1.0');
  for (const [rawName, rawValue] of Object.entries(message.headers)) {
    const lower = rawName.toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(rawName)) throw new Error(`invalid header name: ${JSON.stringify(rawName)}`);
    if (RESERVED.has(lower)) throw new Error(`header ${rawName} is written by buildMime itself and cannot be set through message.headers`);
    const name = headerName(lower);
    if (MSG_ID_HEADERS.has(lower)) lines.push(msgIdListHeader(name, rawValue));
    else lines.push(unstructuredHeader(name, rawValue));
  }
  const attachments = message.attachments ?? [];
  // The outer boundary of a message with files: derived like the inner one, so just as safe.
  const mixed = attachments.length ? (opts.boundary ? `${opts.boundary.slice(0, 66)}_mix` : defaultBoundary(messageId + '#mixed')) : undefined;
  lines.push(fold(mixed ? `Content-Type: multipart/mixed; boundary="${mixed}"` : `Content-Type: multipart/alternative; boundary="${boundary}"`));

  const text = quotedPrintable(message.text);
  const html = quotedPrintable(message.html);
  const files = attachments.map(attachmentPart);
  if (opts.boundary && [boundary, mixed].some((b) => b && [text, html, ...files].some((body) => body.includes('--' + b)))) {
    throw new Error('the MIME boundary occurs in the message body');
  }

  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', body].join(CRLF);
  const alternative = part('text/plain', text) + CRLF + part('text/html', html) + CRLF + `--${boundary}--` + CRLF;
  const preamble = 'This is a multi-part message in MIME format.' + CRLF;

  if (!mixed) return lines.join(CRLF) + CRLF + CRLF + preamble + alternative;
  return (
    lines.join(CRLF) +
    CRLF +
    CRLF +
    preamble +
    `--${mixed}` +
    CRLF +
    `Content-Type: multipart/alternative; boundary="${boundary}"` +
    CRLF +
    CRLF +
    alternative +
    files.map((f) => `--${mixed}` + CRLF + f + CRLF).join('') +
    `--${mixed}--` +
    CRLF
  );
}

/** A file as a MIME part: base64 in 76-character lines; a plain ASCII file name. */
function attachmentPart(a: MailAttachment): string {
  const filename = safeFilename(a.filename);
  const type = stripControls(a.contentType).trim();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9-]+=("[^"\\]*"|[a-z0-9!#$&^_.+-]+))*$/i.test(type)) throw new Error(`invalid attachment content type ${JSON.stringify(a.contentType)}`);
  const base64 = attachmentBytes(a).toString('base64').replace(/.{1,76}/g, (l) => l + CRLF);
  return [
    fold(`Content-Type: ${type}; name="${filename}"`),
    fold(`Content-Disposition: attachment; filename="${filename}"`),
    'Content-Transfer-Encoding: base64',
    '',
    base64.replace(/\r\n$/, ''),
  ].join(CRLF);
}

/** `A-Z a-z 0-9 . _ -` only (others become `_`), no leading dot, at most 100 characters. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 100);
  return cleaned || 'bijlage';
}

/**
 * `=_` followed by hex: a quoted-printable body can never contain `=_` (an `=` there is always
 * followed by two hex digits or a line break), so this boundary cannot occur in either part.
 */
export function defaultBoundary(messageId: string): string {
  return '=_' + createHash('sha256').update(messageId).digest('hex').slice(0, 40);
}

// ---------------------------------------------------------------------------------------------
// Sanitising

/** Takes out everything that could end a header line or confuse a parser: CR, LF, NUL and other C0/DEL controls. */
const stripControls = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ');

/**
 * The address with CR/LF/NUL (and other controls) removed and trimmed, if it is then a plain
 * ASCII `local@domain` (dot-atom local part, dotted hostname); throws otherwise.
 */
export function cleanAddress(address: string): string {
  const a = address.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (!isMailableAddress(a)) throw new PermanentMailError(`refusing e-mail address ${JSON.stringify(address)}`);
  return a;
}

function cleanMessageId(id: string): string {
  const m = id.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (m.length > 500 || !/^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/.test(m) || (m.match(/@/g) ?? []).length !== 1) {
    throw new Error(`invalid Message-ID ${JSON.stringify(id)}`);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Header construction

/** `x-auto-response-suppress` → `X-Auto-Response-Suppress`, `message-id` → `Message-ID`. */
export function headerName(lower: string): string {
  return SPECIAL_CASE[lower] ?? lower.split('-').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join('-');
}

const isPrintableAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
/** A value we may write as it is: printable ASCII, no `=?` that a reader could take for an encoded-word, no word too long to fold. */
const plainOk = (s: string) => isPrintableAscii(s) && !s.includes('=?') && s.split(' ').every((w) => w.length <= 900);

function unstructuredHeader(name: string, raw: string): string {
  const value = stripControls(raw);
  if (plainOk(value)) return fold(`${name}: ${value}`);
  return fold(`${name}: ${encodedWords(value)}`);
}

function msgIdListHeader(name: string, raw: string): string {
  const ids = stripControls(raw).trim().split(/\s+/).filter(Boolean);
  return fold(`${name}: ${ids.map(cleanMessageId).join(' ')}`);
}

function addressHeader(name: string, boxes: Mailbox[]): string {
  return fold(`${name}: ${boxes.map(mailbox).join(', ')}`);
}

function mailbox(box: Mailbox): string {
  const email = cleanAddress(box.email);
  const name = box.name === undefined ? '' : stripControls(box.name).trim();
  return name ? `${phrase(name)} <${email}>` : email;
}

/** A display name: atoms as they are, quoted when it holds specials, encoded-words when not ASCII. */
function phrase(name: string): string {
  if (!plainOk(name)) return encodedWords(name);
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name) && !/^ | $|  /.test(name)) return name;
  return `"${name.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** Encoded-word chunk size in UTF-8 octets: 42 → 56 base64 chars → 68-char words, whole code points only. */
const EW_OCTETS = 42;

/** RFC 2047 `=?UTF-8?B?...?=` words, split on code-point boundaries and separated by single spaces (folding points). */
export function encodedWords(s: string): string {
  const enc = new TextEncoder();
  const chunks: number[][] = [];
  let chunk: number[] = [];
  for (const ch of s) {
    const bytes = enc.encode(ch);
    if (chunk.length + bytes.length > EW_OCTETS) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || chunks.length === 0) chunks.push(chunk);
  return chunks.map((c) => `=?UTF-8?B?${Buffer.from(c).toString('base64')}?=`).join(' ');
}

/**
 * Folds a header line at its spaces (RFC 5322 2.2.3: CRLF inserted before a space, so unfolding
 * gives back exactly the same value) to at most 78 characters where a break is possible.
 * Never breaks before an empty word, so no continuation line is whitespace only.
 */
function fold(line: string): string {
  const words = line.split(' ');
  let out = words[0]!;
  let current = out.length;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w !== '' && i > 1 && current + 1 + w.length > FOLD_AT) {
      out += CRLF + ' ' + w;
      current = 1 + w.length;
    } else {
      out += ' ' + w;
      current += 1 + w.length;
    }
  }
  for (const l of out.split(CRLF)) if (l.length > HARD_LIMIT) throw new Error('header line too long');
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `Tue, 07 Apr 2026 10:00:00 +0000` (RFC 5322 3.3, in UTC). */
export function rfc5322Date(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('invalid date');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

// ---------------------------------------------------------------------------------------------
// Quoted-printable (RFC 2045 6.7)

const QP_LINE = 76;
const hex = (b: number) => '=' + b.toString(16).toUpperCase().padStart(2, '0');

/**
 * UTF-8 quoted-printable with CRLF hard line breaks (any of CRLF, CR, LF in the input counts as
 * one line break). Encodes `=`, every non-ASCII or control octet, and a space or tab at the end
 * of a line; soft line breaks (`=` CRLF) keep every encoded line at most 76 characters, and never
 * split an `=XX` escape.
 */
export function quotedPrintable(input: string): string {
  const enc = new TextEncoder();
  return input
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const bytes = enc.encode(line);
      const out: string[] = [];
      let current = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        const last = i === bytes.length - 1;
        let token: string;
        if ((b === 0x20 || b === 0x09) && last) token = hex(b);
        else if (b === 0x20 || b === 0x09 || (b >= 33 && b <= 126 && b !== 61)) token = String.fromCharCode(b);
        else token = hex(b);
        // Room for the token plus the `=` of a soft break, unless this is the line's last token.
        const room = last ? QP_LINE : QP_LINE - 1;
        if (current.length + token.length > room) {
          out.push(current + '=');
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/**
 * The text of a received message as a MIME parser should see it and as it gives it back: raw header
 * bytes, charsets, format=flowed, the best text part. No HTML conversion here (text-body.ts), so
 * the inbound path loads html-to-text only for mail that needs it.
 */
/**
 * The raw message as the MIME parser should see it, and what it must be told afterwards.
 *  - Raw 8-bit header bytes that are not UTF-8 are decoded in the message's own charset (else
 *    windows-1252, what such clients send) and written back as UTF-8: parsers read raw header
 *    bytes as UTF-8 only, so "Daniël" in latin-1 became "Dani�l".
 *  - format=flowed is taken off text/plain parts and decoded here (`decodeFlowed`): parsers join
 *    flowed lines across quote depths, merging the writer's last line into the quote below it.
 */
export function prepareRaw(raw: Buffer): { raw: Buffer; flowed?: { delSp: boolean } } {
  const end = headerEnd(raw);
  let head = raw.subarray(0, end);
  if (head.includes('=?')) head = Buffer.from(fixEncodedWords(head.toString('latin1')), 'latin1');
  if (head.some((b) => b >= 0x80) && !isUtf8(head)) {
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(head.toString('latin1'))?.[1];
    head = Buffer.from(decode(head, charset));
  }
  let flowed: { delSp: boolean } | undefined;
  const unflow = (part: string) =>
    part.replace(/^content-type:[ \t]*text\/plain\b[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim, (h) =>
      h.replace(/\bformat\s*=\s*"?flowed"?/i, () => {
        flowed = { delSp: flowed?.delSp || /\bdelsp\s*=\s*"?yes"?/i.test(h) };
        return 'format=fixed';
      }),
    );
  const top = unflow(head.toString('latin1'));
  const rest = unflow(raw.toString('latin1', end));
  return { raw: Buffer.concat([Buffer.from(top, 'latin1'), Buffer.from(rest, 'latin1')]), ...(flowed ? { flowed } : {}) };
}

/**
 * Encoded words as clients get them wrong: raw 8-bit bytes inside a Q word are escaped (=XX), so they
 * are read in the word's own charset; a word that says UTF-8 but is not (Outlook, old webmail) is read
 * as windows-1252. Works on the header block as a latin-1 string (one char a byte).
 */
function fixEncodedWords(head: string): string {
  return head.replace(/=\?([^?\s]{1,40})\?([qQbB])\?([^?\s]*)\?=/g, (_w, charset: string, enc: string, data: string) => {
    const q = enc.toUpperCase() === 'Q';
    const text = q ? data.replace(/[\u0080-\u00ff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`) : data;
    const bytes = q ? Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1') : Buffer.from(text, 'base64');
    const label = /^utf-?8$/i.test(charset) && !isUtf8(bytes) ? 'windows-1252' : charset;
    return `=?${label}?${enc}?${text}?=`;
  });
}

/** Where the top header block ends (the empty line), or the whole message if it has no body. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes in a named charset. Latin-1 and ASCII labels read as windows-1252, as mail clients (and WHATWG)
 * do: "€" is 0x80 there (fixC1, since Node 20's TextDecoder reads windows-1252 as latin-1).
 */
function decode(b: Buffer, charset: string | undefined): string {
  const label = !charset || /^(utf-?8|us-ascii|ascii|iso[-_]?8859-1|latin-?1)$/i.test(charset) ? 'windows-1252' : charset;
  try {
    return fixC1(new TextDecoder(label).decode(b));
  } catch {
    return fixC1(new TextDecoder('windows-1252').decode(b));
  }
}

/** Windows-1252's bytes 0x80-0x9f; the five it leaves undefined as U+FFFD. */
const CP1252_C1 = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

/** C1 control characters never occur in text: they are windows-1252 bytes a decoder read as latin-1. */
export const fixC1 = (s: string) => s.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);

/**
 * The best text body anywhere in the MIME tree: the text/plain parts when there are any (flowed
 * decoded), else the HTML parts (returned as `html`, to be made readable). Line ends are `\n`.
 */
export function bestBody(mail: { text?: string | undefined; html?: string | undefined }, flowed?: { delSp: boolean }): { plain: string } | { html: string } {
  const plain = fixC1((mail.text || '').replace(/\r\n?/g, '\n'));
  if (plain.trim() || typeof mail.html !== 'string') return { plain: flowed ? decodeFlowed(plain, flowed.delSp) : plain };
  return { html: fixC1(mail.html) };
}

/**
 * RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote
 * depth; a leading space is stuffing; "-- " is a hard break. Quoted lines come out as "> text".
 */
export function decodeFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let pending: string | undefined;
  let pendingDepth = 0;
  const flush = () => {
    if (pending !== undefined) out.push(pendingDepth ? `${'>'.repeat(pendingDepth)} ${pending}` : pending);
    pending = undefined;
  };
  for (const line of text.split('\n')) {
    let depth = 0;
    while (line.charCodeAt(depth) === 62) depth++; // '>'
    let content = line.slice(depth);
    if (content.startsWith(' ')) content = content.slice(1);
    if (pending !== undefined && pendingDepth === depth) pending += content;
    else {
      flush();
      pending = content;
      pendingDepth = depth;
    }
    if (content.endsWith(' ') && content !== '-- ') {
      if (delSp) pending = pending.slice(0, -1);
    } else flush();
  }
  flush();
  return out.join('\n');
}

/** Lines as one text: no trailing blanks on a line, at most one empty line in a row. */
export const tidy = (lines: string[]) => lines.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

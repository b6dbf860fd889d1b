import { compile, type HtmlToTextOptions, type SelectorDefinition } from 'html-to-text';

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

const BASE: HtmlToTextOptions = {
  wordwrap: false,
  // html-to-text walks the tree recursively: 50,000 nested divs overflow the stack. Deeper than any
  // real mail nests; what lies deeper becomes "…" here (the raw message stays on the timeline).
  limits: { maxDepth: 400, ellipsis: '…' },
  selectors: [
    { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => ({ selector: h, options: { uppercase: false } })),
    { selector: 'table', format: 'block' },
    // Outlook (Word) writes every line as a paragraph and empty lines as paragraphs of a non-breaking space.
    { selector: 'p.MsoNormal', format: 'paragraph', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'head', format: 'skip' },
    { selector: 'style', format: 'skip' },
  ],
};

/**
 * A converter of HTML to readable text: links as "text (url)", lists as "- item" / "1. item", line
 * breaks kept, images dropped. `extra` selectors (e.g. quote markers) come after the defaults and win.
 * Compiled once, on the first HTML it reads: compiling the selectors costs more than converting a
 * mail, and a function start (or a plain-text message) should not pay for it.
 */
export function readableHtml(extra: SelectorDefinition[] = [], formatters: HtmlToTextOptions['formatters'] = {}): (html: string) => string {
  let convert: ((html: string) => string) | undefined;
  // html-to-text indents numbered items by one space (" 1. "); people write "1. ".
  return (html) => {
    convert ??= compile({ ...BASE, selectors: [...BASE.selectors!, ...extra], formatters });
    return tidy(convert(flattenDeep(html)).split('\n').map((l) => l.replace(/^ (?=\d{1,3}\. )/, '')));
  };
}

export const htmlToReadable = readableHtml();

const MAX_DEPTH = 300;
/** Elements that are void or closed by their next sibling: they do not nest. */
const FLAT = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option']);

/**
 * Tags nested deeper than MAX_DEPTH taken out, their text kept. htmlparser2 keeps its stack of open
 * elements with `unshift`, so 50,000 nested divs cost seconds (quadratic); html-to-text recurses
 * over the tree. One pass with indexOf: linear, also on a `<` without a `>`.
 */
export function flattenDeep(html: string): string {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_DEPTH; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= MAX_DEPTH) return html;
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', from)) {
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    const tag = html.slice(lt, Math.min(gt + 1, lt + 64));
    const m = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(tag);
    const name = m?.[2]?.toLowerCase();
    let keep = true;
    if (m && name && !FLAT.has(name) && !html.startsWith('/>', gt - 1)) {
      if (m[1]) keep = depth-- <= MAX_DEPTH;
      else keep = ++depth <= MAX_DEPTH;
    }
    out.push(html.slice(from, keep ? gt + 1 : lt));
    from = gt + 1;
  }
  out.push(html.slice(from));
  return out.join('');
}

/** Lines as one text: no trailing blanks on a line, at most one empty line in a row. */
export const tidy = (lines: string[]) => lines.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

/** HTML mail as readable text (html-to-text); the MIME side of a message's text is in mime-text.ts. */
import { compile, type HtmlToTextOptions, type SelectorDefinition } from 'html-to-text';
import { tidy } from './mime-text.ts';

export { bestBody, decodeFlowed, fixC1, prepareRaw, tidy } from './mime-text.ts';

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

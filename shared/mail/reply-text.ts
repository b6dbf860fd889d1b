import { htmlToReadable, readableHtml, tidy } from './text-body.ts';
import { extractReply, type Extracted } from './plain-reply.ts';

/* Replies in HTML mail; the rules for plain text are in plain-reply.ts. */
export { extractReply, type Extracted } from './plain-reply.ts';

/*
 * Quoted history as marked in HTML: removed before the HTML becomes text. Quote containers go on
 * their own (text after them, answers inline, stays); separators end the writer's part.
 */
const QUOTE_CONTAINERS = [
  'div.gmail_quote', // Gmail: attribution and quote
  'blockquote.gmail_quote',
  'div.gmail_signature',
  'blockquote[type="cite"]', // Apple Mail, Thunderbird
  'div.moz-cite-prefix', // Thunderbird's attribution
  'div.yahoo_quoted', // Yahoo
  'div.protonmail_quote',
];
const HISTORY_STARTS = [
  '#divRplyFwdMsg', // Outlook on the web, new Outlook, Outlook.com / Hotmail
  '#appendonsend',
  'hr#stopSpelling', // older Hotmail
  'div[style*="border-top:solid #E1E1E1"]', // Outlook desktop's header block
  'div[style*="border-top:solid #B5C4DF"]',
  'div[style*="border-top: solid #E1E1E1"]',
  'div[style*="border-top: solid #B5C4DF"]',
  '#OLK_SRC_BODY_SECTION', // Outlook for Mac
  '#mail-editor-reference-message-container',
  'div.OutlookMessageHeader',
];
const CUT = '\u0000cut\u0000';

const readMarked = readableHtml(
  [...QUOTE_CONTAINERS.map((selector) => ({ selector, format: 'skip' })), ...HISTORY_STARTS.map((selector) => ({ selector, format: 'cut' }))],
  {
    cut: (_elem, _walk, builder) => {
      builder.openBlock({ leadingLineBreaks: 1 });
      builder.addLiteral(CUT);
      builder.closeBlock({ trailingLineBreaks: 1 });
    },
  },
);

/** The new part of an HTML-only message: its quote markers first, then the text rules; `whole` is all of it as text. */
export function extractHtmlReply(html: string): Extracted & { whole: string } {
  const whole = htmlToReadable(html);
  const marked = readMarked(html);
  const own = marked.includes(CUT) ? marked.slice(0, marked.indexOf(CUT)) : marked;
  const reply = extractReply(own);
  return reply.text ? { text: reply.text, cut: reply.text !== whole, whole } : { text: whole, cut: false, whole };
}

/** Words as letters and digits only: what a text part and its HTML twin share, whatever their layout. */
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A message with both parts: the text rules on the text part, and where they find no history but the
 * HTML part marks some, the text part up to where the HTML's own words end. Only when the text part
 * starts with exactly those words: else it is kept whole.
 */
export function extractAlternativeReply(plain: string, html: string | undefined): Extracted {
  const reply = extractReply(plain);
  if (reply.cut || !html) return reply;
  const marked = extractHtmlReply(html);
  if (!marked.cut) return reply;
  const own = words(marked.text);
  const lines = plain.replace(/\r\n?/g, '\n').split('\n');
  let matched = 0;
  for (let i = 0; i < lines.length && matched < own.length; i++) {
    for (const w of words(lines[i]!)) {
      if (matched === own.length) return reply; // the line goes on past the writer's words
      if (w !== own[matched]) return reply;
      matched++;
    }
    if (matched === own.length) {
      const text = tidy(lines.slice(0, i + 1));
      return { text, cut: text !== tidy(lines) };
    }
  }
  return reply;
}

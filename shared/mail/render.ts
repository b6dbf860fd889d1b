import { escapeHtml } from '../presentation/escape.ts';

/** A mail body as a few kinds of block, so plain text and HTML say the same thing. */
export type Block =
  | { p: string }
  | { h: string }
  | { dl: [string, string][] }
  | { link: { text: string; href: string } }
  | { quote: string };

export function renderText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ('p' in b) return b.p;
      if ('h' in b) return `${b.h}\n${'-'.repeat(Math.min(b.h.length, 60))}`;
      if ('dl' in b) return b.dl.map(([k, v]) => `${k}: ${v.includes('\n') ? '\n  ' + v.split('\n').join('\n  ') : v}`).join('\n');
      // A link that is its own text is written once.
      if ('link' in b) return b.link.text === b.link.href ? b.link.href : `${b.link.text}\n${b.link.href}`;
      return b.quote.split('\n').map((l) => `> ${l}`).join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export function renderHtml(blocks: Block[], lang: string, title: string): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${multiline(b.p)}</p>`;
      if ('h' in b) return `<h2 style="font-size:1.1em;margin:1.2em 0 .4em">${escapeHtml(b.h)}</h2>`;
      if ('dl' in b)
        return `<table role="presentation" style="border-collapse:collapse">${b.dl
          .map(([k, v]) => `<tr><th style="text-align:left;vertical-align:top;padding:2px 12px 2px 0">${escapeHtml(k)}</th><td style="padding:2px 0">${multiline(v)}</td></tr>`)
          .join('')}</table>`;
      if ('link' in b) return `<p><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.text)}</a></p>`;
      return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${multiline(b.quote)}</blockquote>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;max-width:40em">\n${body}\n</body></html>`;
}

const multiline = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

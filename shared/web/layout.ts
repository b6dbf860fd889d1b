import type { Procedure } from '../procedure/schema.ts';
import { otherLang, LANG_NAMES, text, type Lang } from '../procedure/text.ts';
import { html, raw, type Html } from './html.ts';

// System fonts, 4.5:1 contrast or better, a visible focus ring; printable without the chrome.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff}
a{color:#0b4f9c}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:0}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:1}
header{background:#154273;color:#fff;padding:12px 16px}header a{color:#fff}header .org{font-weight:700;font-size:1.15rem}header nav{float:right}
main{max-width:44rem;margin:0 auto;padding:16px;overflow-wrap:break-word}footer{max-width:44rem;margin:24px auto;padding:16px;border-top:1px solid #b1b4b6;font-size:.95rem}
h1{font-size:1.9rem;line-height:1.2;margin:.6em 0}h2{font-size:1.35rem;margin:1.2em 0 .4em}
.field{margin:0 0 22px}.field label,.field legend{display:block;font-weight:700;margin-bottom:4px}
.hint{color:#505a5f;margin:0 0 6px}.req{font-weight:400;color:#505a5f}
input[type=text],input[type=email],input[type=tel],input[type=date],select,textarea{width:100%;max-width:36rem;padding:8px;border:2px solid #0b0c0c;font:inherit;background:#fff}
textarea{min-height:9rem}input[type=checkbox]{width:1.4rem;height:1.4rem;vertical-align:middle}
.field.invalid{border-left:5px solid #b10e1e;padding-left:12px}.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#b10e1e}
.error{color:#b10e1e;font-weight:700;margin:0 0 6px}
.summary{border:5px solid #b10e1e;padding:16px;margin:0 0 24px}.summary h2{margin-top:0}.summary a{color:#b10e1e;font-weight:700}
.notice{border-left:5px solid #154273;background:#f3f6f9;padding:12px 16px;margin:16px 0}
.refusal{border:5px solid #b10e1e;padding:16px;margin:0 0 24px}
button{background:#00703c;color:#fff;border:0;border-bottom:3px solid #002d18;padding:10px 18px;font:inherit;font-weight:700;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
table{border-collapse:collapse;width:100%}td{overflow-wrap:anywhere}th,td{text-align:left;vertical-align:top;padding:6px 12px 6px 0;border-bottom:1px solid #e0e0e0}
ol.timeline{padding-left:1.2rem}ol.timeline li{margin-bottom:8px}.muted{color:#505a5f}.overdue{color:#b10e1e;font-weight:700}
.ref{font-size:1.5rem;font-weight:700;letter-spacing:.05em;white-space:nowrap}
@media print{header nav,.skip,footer nav,button{display:none}header{background:none;color:#000}header a{color:#000}}
`;

export interface PageOptions {
  title: string;
  lang: Lang;
  /** The same page in the other language (for the language switch). */
  otherLangHref?: string;
}

export function layout(p: Procedure, o: PageOptions, body: Html): string {
  const other = { code: otherLang(o.lang), label: LANG_NAMES[otherLang(o.lang)] };
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} - ${p.organisation.name}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${text(p, 'page.skip', o.lang)}</a>
<header>${o.otherLangHref ? html`<nav><a href="${o.otherLangHref}" lang="${other.code}" hreflang="${other.code}">${other.label}</a></nav>` : ''}<span class="org">${p.organisation.name}</span></header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>
<p>${text(p, 'page.contact', o.lang)}: ${p.organisation.name}${p.organisation.email ? html` · <a href="mailto:${p.organisation.email}">${p.organisation.email}</a>` : ''}${p.organisation.phone ? html` · ${p.organisation.phone}` : ''}${p.organisation.address ? html` · ${p.organisation.address}` : ''}</p>
</footer>
</body>
</html>`.value;
}

/** Adds or replaces `lang` in a path with a query string. */
export function withLang(pathAndQuery: string, lang: Lang): string {
  const url = new URL(pathAndQuery, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

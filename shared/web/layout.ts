import type { Procedure } from '../procedure/schema.ts';
import { otherLang, LANG_NAMES, text, type Lang } from '../procedure/text.ts';
import { html, type Html } from './html.ts';
import { STYLESHEET_PATH } from './stylesheet.ts';

export interface PageOptions {
  title: string;
  lang: Lang;
  /** The same page in the other language (for the language switch). */
  otherLangHref?: string;
  /** The full width of the window (the workspace's tables). */
  wide?: boolean;
}

export function layout(p: Procedure, o: PageOptions, body: Html): string {
  const other = { code: otherLang(o.lang), label: LANG_NAMES[otherLang(o.lang)] };
  const logo = p.organisation.theme?.logo;
  return html`<!doctype html>
<html lang="${o.lang}" class="utrecht-html voorbeeld-theme klachtenloket-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} - ${p.organisation.name}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="utrecht-skip-link" href="#main">${text(p, 'page.skip', o.lang)}</a>
<header class="utrecht-page-header">${logo ? html`<img src="${logo}" alt="">` : ''}<span class="org">${p.organisation.name}</span>${o.otherLangHref ? html`<nav aria-label="${text(p, 'layout.languageNav', o.lang)}"><a href="${o.otherLangHref}" lang="${other.code}" hreflang="${other.code}">${other.label}</a></nav>` : ''}</header>
<main id="main" tabindex="-1" class="utrecht-page-content${o.wide ? ' wide' : ''}">
${body}
</main>
<footer class="utrecht-page-footer${o.wide ? ' wide' : ''}">
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

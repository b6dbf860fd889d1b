import type { CaseDetail } from '../app/staff-views.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import { html } from './html.ts';

/** On a case page: how many of its letters wait to be posted, and where to post them. */
export function caseLetters(p: Procedure, lang: Lang, d: Pick<CaseDetail, 'letters'>) {
  if (!d.letters.length) return '';
  return html`<div class="notice" role="status"><p>${text(p, 'letters.waiting', lang, { count: d.letters.length })} <a href="/staff/letters">${text(p, 'letters.open', lang)}</a></p></div>`;
}

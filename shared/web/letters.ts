/** The workspace's letters by post: the list of letters to post, and the count on a case page. */
import type { LetterToPost } from '../app/use-cases/list-letters.ts';
import { formatDate } from '../calendar/index.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { StaffMember } from '../staff/auth.ts';
import { html } from './html.ts';
import { shell } from './staff.ts';

const letterUrl = (l: Pick<LetterToPost, 'reference' | 'letter'>) => `/staff/letters/${l.reference}/${l.letter}`;

/** "Te versturen brieven": each letter to download as a PDF and to mark posted with its date. */
export function renderLetters(p: Procedure, lang: Lang, me: StaffMember, csrf: string, letters: LetterToPost[], today: string, notice: { error?: string; done?: boolean } = {}): string {
  const t = (key: Parameters<typeof text>[1], vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const row = (l: LetterToPost) => html`<tr>
<td><a href="/staff/cases/${l.reference}">${l.reference}</a></td>
<td>${l.name ? html`${l.name}<br>` : ''}<span style="white-space:pre-line">${l.postal}</span></td>
<td>${l.subject}</td>
<td>${formatDate(l.queuedOn, lang)}</td>
<td><a href="${letterUrl(l)}.pdf" download>${t('letters.download')}</a></td>
<td><form method="post" action="${letterUrl(l)}" novalidate><input type="hidden" name="csrf" value="${csrf}">
<label for="on-${l.reference}-${l.letter}">${t('letters.postedOn')}</label> <input type="date" id="on-${l.reference}-${l.letter}" name="on" value="${today}" min="${l.queuedOn}" max="${today}">
<button type="submit">${t('letters.markPosted')}</button></form></td>
</tr>`;
  return shell(
    p,
    lang,
    t('letters.title'),
    me,
    csrf,
    html`${notice.error ? html`<div class="summary" role="alert" tabindex="-1"><p>${notice.error}</p></div>` : ''}
${notice.done ? html`<div class="notice" role="status"><p>${t('letters.done')}</p></div>` : ''}
<h1>${t('letters.title')}</h1>
<p>${t('letters.intro')}</p>
${letters.length
  ? html`<table><thead><tr><th scope="col">${t('letters.case')}</th><th scope="col">${t('letters.to')}</th><th scope="col">${t('letters.what')}</th><th scope="col">${t('letters.ready')}</th><th scope="col">PDF</th><th scope="col">${t('letters.postedOn')}</th></tr></thead>
<tbody>${letters.map(row)}</tbody></table>`
  : html`<p>${t('letters.none')}</p>`}`,
  );
}

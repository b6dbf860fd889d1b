/**
 * The staff case list page: a full-width table with sortable headers (links), a filter form and a
 * search box (GET, so it works without JavaScript), counts per status and Vorige/Volgende links.
 * Also what needs a look first: unseen held mail and messages that can never be delivered.
 */
import { procedureStaff } from '../engine/parties.ts';
import { statusLabel } from '../presentation/present.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { CaseListPage, CaseListQuery, ListSort, ListStatus } from '../app/case-list.ts';
import { LIST_SORTS } from '../app/case-list.ts';
import { LIST_STATUSES, type CaseListItem, type Urgency } from '../app/staff-views.ts';
import type { Undeliverable } from '../app/undeliverable.ts';
import type { StaffMember } from '../staff/auth.ts';
import { html, type Html } from './html.ts';
import { shell } from './staff.ts';

export interface CaseListView {
  /** Without counts: a page that only falls back on the list (a case not found). */
  page: { cases: CaseListItem[]; counts?: CaseListPage['counts'] };
  query: CaseListQuery;
  /** The encoded cursors of the pages after and before this one. */
  next?: string;
  previous?: string;
  unseenHeld: number;
  stuck: Undeliverable[];
  /** Fields of the query string that were not valid (the page then shows the unfiltered list). */
  errors?: string[];
}

const URGENCY_STYLE: Record<Urgency, string> = {
  overdue: 'background:#b10e1e;color:#fff',
  soon: 'background:#ffdd00;color:#0b0c0c',
  later: 'background:#00703c;color:#fff',
};

/** The query string of the list with this query, changed by `change` (a page link, another sort). */
export function listHref(q: CaseListQuery, lang: Lang, change: { sort?: ListSort; cursor?: string } = {}): string {
  const params = new URLSearchParams();
  if (q.search) params.set('q', q.search);
  if (q.status) params.set('status', q.status);
  if (q.stage) params.set('stage', q.stage);
  if (q.handler) params.set('handler', q.handler);
  if (q.overdue) params.set('overdue', 'true');
  if (q.mine) params.set('mine', 'true');
  const sort = change.sort ?? q.sort;
  if (sort !== 'due') params.set('sort', sort);
  if (q.limit !== 25) params.set('limit', String(q.limit));
  if (change.cursor) params.set('cursor', change.cursor);
  if (lang !== 'nl') params.set('lang', lang);
  const s = params.toString();
  return s ? `/staff?${s}` : '/staff';
}

export function renderCaseListPage(p: Procedure, lang: Lang, me: StaffMember, csrf: string, v: CaseListView): string {
  const t = (key: Parameters<typeof text>[1], vars: Record<string, string | number> = {}) => text(p, key, lang, vars);
  const q = v.query;
  const filtered = Boolean(q.search || q.status || q.stage || q.handler || q.overdue || q.mine);
  return shell(
    p,
    lang,
    t('caseList.title'),
    me,
    csrf,
    html`<h1>${t('caseList.title')}</h1>
<p>${t('caseList.intro')}</p>
${v.errors?.length ? html`<div class="summary" role="alert"><p>${t('caseList.badQuery', { fields: v.errors.join(', ') })}</p></div>` : ''}
${v.unseenHeld ? html`<div class="notice" role="status"><p><a href="/staff/held">${t('caseList.unseenHeld', { count: v.unseenHeld })}</a></p></div>` : ''}
${stuckMail(v.stuck, t)}
${v.page.counts ? counts(p, lang, v.page.counts, t) : ''}
${filterForm(p, lang, q, t)}
${v.page.cases.length ? table(p, lang, q, v.page.cases, t) : html`<p>${t(filtered ? 'caseList.emptyFiltered' : 'caseList.empty')}</p>`}
${v.next || v.previous
  ? html`<nav aria-label="${t('caseList.paging')}" class="paging" style="display:flex;gap:24px">
${v.previous ? html`<a href="${listHref(q, lang, { cursor: v.previous })}" rel="prev">${t('caseList.previous')}</a>` : ''}
${v.next ? html`<a href="${listHref(q, lang, { cursor: v.next })}" rel="next">${t('caseList.next')}</a>` : ''}
</nav>`
  : ''}`,
  );
}

type T = (key: Parameters<typeof text>[1], vars?: Record<string, string | number>) => string;

const stuckMail = (stuck: Undeliverable[], t: T) =>
  stuck.length
    ? html`<div class="summary" role="alert"><h2>${t('caseList.stuck.title', { count: stuck.length })}</h2>
<p>${t('caseList.stuck.text')}</p>
<ul>${stuck.map((u) => html`<li><a href="/staff/cases/${u.reference}">${u.reference}</a> (${u.on})</li>`)}</ul></div>`
    : '';

/** Each status with its count, as a link that filters on it. */
function counts(p: Procedure, lang: Lang, c: Record<ListStatus, number>, t: T): Html {
  return html`<h2 class="hp" id="counts">${t('caseList.counts')}</h2>
<ul aria-labelledby="counts" class="counts" style="display:flex;gap:24px;flex-wrap:wrap;list-style:none;padding:0">${LIST_STATUSES.map(
    (s) => html`<li style="white-space:nowrap"><a href="${listHref({ sort: 'due', limit: 25, status: s }, lang)}">${statusLabel(p, s, lang)}</a>: <b>${c[s]}</b></li>`,
  )}</ul>`;
}

function filterForm(p: Procedure, lang: Lang, q: CaseListQuery, t: T): Html {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const select = (name: string, label: string, options: Html[]) =>
    html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${options}</select></div>`;
  const check = (name: 'overdue' | 'mine', label: string) =>
    html`<div class="field"><input type="checkbox" id="f-${name}" name="${name}" value="true"${q[name] ? html` checked` : ''}> <label for="f-${name}" style="display:inline;font-weight:400">${label}</label></div>`;
  return html`<form method="get" action="/staff" role="search" class="case-filter">
<fieldset><legend>${t('caseList.filter.legend')}</legend>
${lang !== 'nl' ? html`<input type="hidden" name="lang" value="${lang}">` : ''}
<div class="field"><label for="f-q">${t('caseList.filter.search')}</label><input type="search" id="f-q" name="q" value="${q.search ?? ''}" maxlength="100"></div>
<div style="display:flex;gap:16px;flex-wrap:wrap">
${select('status', t('caseList.filter.status'), [option('', t('caseList.filter.any'), !q.status), ...LIST_STATUSES.map((s) => option(s, statusLabel(p, s, lang), q.status === s))])}
${select('stage', t('caseList.filter.stage'), [option('', t('caseList.filter.any'), !q.stage), ...p.stages.map((s) => option(s.id, s.name[lang], q.stage === s.id))])}
${select('handler', t('caseList.filter.handler'), [option('', t('caseList.filter.any'), !q.handler), ...procedureStaff(p).map((m) => option(m.email, m.name, q.handler === m.email))])}
${select('sort', t('caseList.filter.sort'), LIST_SORTS.map((s) => option(s, t(`caseList.sort.${s}`), q.sort === s)))}
</div>
${check('overdue', t('caseList.filter.overdue'))}
${check('mine', t('caseList.filter.mine'))}
<button type="submit">${t('caseList.filter.submit')}</button> <a href="/staff${lang === 'en' ? '?lang=en' : ''}">${t('caseList.filter.clear')}</a>
</fieldset></form>`;
}

function table(p: Procedure, lang: Lang, q: CaseListQuery, cases: CaseListItem[], t: T): Html {
  // A column header that sorts: a link, and `aria-sort` on the column the list is sorted by.
  const sortable = (sort: ListSort, label: string, direction: 'ascending' | 'descending') =>
    q.sort === sort
      ? html`<th scope="col" aria-sort="${direction}"><a href="${listHref(q, lang, { sort })}" aria-current="true">${label} ${direction === 'ascending' ? '▲' : '▼'}</a></th>`
      : html`<th scope="col"><a href="${listHref(q, lang, { sort })}" aria-label="${t('caseList.sortBy', { column: label })}">${label}</a></th>`;
  const plain = (label: string) => html`<th scope="col">${label}</th>`;
  const staff = new Map(procedureStaff(p).map((m) => [m.email, m.name]));
  return html`<div style="overflow-x:auto"><table class="case-list">
<caption class="hp">${t('caseList.title')}</caption>
<thead><tr>${sortable('reference', t('caseList.col.reference'), 'ascending')}${plain(t('caseList.col.complainant'))}${sortable('received', t('caseList.col.received'), 'descending')}${plain(t('caseList.col.status'))}${plain(t('caseList.col.stage'))}${sortable('due', t('caseList.col.term'), 'ascending')}${plain(t('caseList.col.handler'))}</tr></thead>
<tbody>${cases.map(
    (c) => html`<tr>
<td class="nowrap"><a href="/staff/cases/${c.reference}">${c.reference}</a></td>
<td>${c.complainant ?? '-'}</td>
<td class="nowrap">${c.receivedOn}</td>
<td>${c.statusLabel}</td>
<td>${c.stageName}</td>
<td>${c.nextTerm ? html`<span style="${URGENCY_STYLE[c.nextTerm.urgency]};padding:1px 6px;font-weight:700;white-space:nowrap">${t(`caseList.urgency.${c.nextTerm.urgency}`)}</span> ${c.nextTerm.term}: <span class="nowrap">${c.nextTerm.date}</span>` : '-'}</td>
<td>${c.handler ? (staff.get(c.handler) ?? c.handler) : '-'}</td>
</tr>`,
  )}</tbody></table></div>`;
}

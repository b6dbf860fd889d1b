import { capitalise, fieldPairs } from '../presentation/present.ts';
import type { ComplainantView } from '../presentation/status.ts';
import type { CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { otherLang, text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { html, type Html } from './html.ts';
import { layout, withLang } from './layout.ts';

/** `appeal`: the "Niet tevreden?" form (web/appeal-form.ts), while the appeal window is open. */
export function renderStatus(p: Procedure, v: ComplainantView, lang: Lang, selfHref: string, appeal: Html | '' = ''): string {
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const mark = t('term.defaultMark');
  const body = html`
<h1>${t('mail.yourComplaint')} <span class="ref">${v.reference}</span></h1>
<table>
<tr><th scope="row">${t('statusPage.status')}</th><td>${v.statusLabel}</td></tr>
<tr><th scope="row">${t('statusPage.handledBy')}</th><td>${capitalise(v.stage.handler)}</td></tr>
${v.nextTerm ? html`<tr><th scope="row">${t('statusPage.nextStep')}</th><td${v.nextTerm.overdue ? html` class="overdue"` : ''}>${v.nextTerm.label}: ${t('mail.by', { date: v.nextTerm.date })}${v.nextTerm.overdue ? t('statusPage.passed') : ''} ${v.nextTerm.isDefault ? mark : ''}</td></tr>` : ''}
</table>
${v.terms.length > 1 ? html`<h2>${t('statusPage.terms')}</h2><ul>${v.terms.map((x) => html`<li>${x.label}: ${x.date} ${x.isDefault ? mark : ''}</li>`)}</ul>` : ''}
<h2>${t('statusPage.timeline')}</h2>
<ol class="timeline">${v.timeline.map((e) => html`<li><span class="muted">${e.date}</span>: ${e.text}</li>`)}</ol>
${v.onward.length ? html`<h2>${t('statusPage.notSatisfied')}</h2>${v.onward.map((o) => html`<p>${o}</p>`)}` : ''}
${appeal}`;
  return layout(p, { title: `${t('mail.yourComplaint')} ${v.reference}`, lang, otherLangHref: withLang(selfHref, otherLang(lang)) }, body);
}

/** The printable proof of submission shown right after the form. */
export function renderConfirmation(p: Procedure, s: CaseState, v: ComplainantView, lang: Lang, statusHref: string, selfHref: string): string {
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const body = html`
<div class="notice" role="status">
<h1>${t('confirmation.heading')}</h1>
<p>${t('confirmation.reference')}: <span class="ref">${v.reference}</span></p>
<p>${t('confirmation.received', { date: v.timeline[0]?.date ?? v.receivedOn, email: s.fields.email ?? '-' })}</p>
</div>
<p>${t('confirmation.keep')}</p>
<h2>${t('mail.nextSteps')}</h2>
<p>${t('mail.handles', { handler: capitalise(v.stage.handler) })}</p>
${v.terms.length ? html`<ul>${v.terms.map((x) => html`<li>${x.label}: ${t('mail.by', { date: x.date })} ${x.isDefault ? t('term.defaultMark') : ''}</li>`)}</ul>` : ''}
<p><a href="${statusHref}">${t('confirmation.follow')}</a></p>
<h2>${t('confirmation.submitted')}</h2>
<table>${fieldPairs(p, s, lang).map(([k, val]) => html`<tr><th scope="row">${k}</th><td>${val}</td></tr>`)}</table>`;
  return layout(p, { title: t('confirmation.title'), lang, otherLangHref: withLang(selfHref, otherLang(lang)) }, body);
}

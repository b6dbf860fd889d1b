import { capitalise, DEFAULT_MARK, fieldPairs } from '../presentation/present.ts';
import type { ComplainantView } from '../presentation/status.ts';
import type { CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import { html } from './html.ts';
import { layout, withLang } from './layout.ts';

export function renderStatus(p: Procedure, v: ComplainantView, lang: Lang, selfHref: string): string {
  const nl = lang === 'nl';
  const body = html`
<h1>${nl ? 'Uw klacht' : 'Your complaint'} <span class="ref">${v.reference}</span></h1>
<table>
<tr><th scope="row">${nl ? 'Status' : 'Status'}</th><td>${v.statusLabel}</td></tr>
<tr><th scope="row">${nl ? 'Behandeld door' : 'Handled by'}</th><td>${capitalise(v.stage.name)}</td></tr>
${v.nextTerm ? html`<tr><th scope="row">${nl ? 'Volgende stap' : 'Next step'}</th><td${v.nextTerm.overdue ? html` class="overdue"` : ''}>${v.nextTerm.label}: ${nl ? 'uiterlijk' : 'by'} ${v.nextTerm.date}${v.nextTerm.overdue ? (nl ? ' (verstreken)' : ' (passed)') : ''} ${v.nextTerm.isDefault ? DEFAULT_MARK[lang] : ''}</td></tr>` : ''}
</table>
${v.terms.length > 1 ? html`<h2>${nl ? 'Termijnen' : 'Terms'}</h2><ul>${v.terms.map((t) => html`<li>${t.label}: ${t.date} ${t.isDefault ? DEFAULT_MARK[lang] : ''}</li>`)}</ul>` : ''}
<h2>${nl ? 'Wat er is gebeurd' : 'What has happened'}</h2>
<ol class="timeline">${v.timeline.map((e) => html`<li><span class="muted">${e.date}</span>: ${e.text}</li>`)}</ol>
${v.onward.length ? html`<h2>${nl ? 'Niet tevreden?' : 'Not satisfied?'}</h2>${v.onward.map((o) => html`<p>${o}</p>`)}` : ''}`;
  return layout(p, { title: `${nl ? 'Uw klacht' : 'Your complaint'} ${v.reference}`, lang, otherLangHref: withLang(selfHref, nl ? 'en' : 'nl') }, body);
}

/** The printable proof of submission shown right after the form. */
export function renderConfirmation(p: Procedure, s: CaseState, v: ComplainantView, lang: Lang, statusHref: string, selfHref: string): string {
  const nl = lang === 'nl';
  const body = html`
<div class="notice" role="status">
<h1>${nl ? 'Uw klacht is ontvangen' : 'Your complaint has been received'}</h1>
<p>${nl ? 'Uw kenmerk' : 'Your reference'}: <span class="ref">${v.reference}</span></p>
<p>${nl ? 'Ontvangen op' : 'Received on'} ${v.timeline[0]?.date ?? v.receivedOn}. ${nl ? 'Wij hebben een ontvangstbevestiging gestuurd naar' : 'We sent a receipt to'} ${s.fields.email ?? '-'}.</p>
</div>
<p>${nl ? 'Bewaar of druk deze pagina af als bewijs dat u uw klacht heeft ingediend (Ctrl+P of ⌘+P).' : 'Keep or print this page as proof that you filed your complaint (Ctrl+P or ⌘+P).'}</p>
<h2>${nl ? 'Wat gebeurt er nu?' : 'What happens next?'}</h2>
<p>${capitalise(v.stage.name)} ${nl ? 'behandelt uw klacht.' : 'handles your complaint.'}</p>
${v.terms.length ? html`<ul>${v.terms.map((t) => html`<li>${t.label}: ${nl ? 'uiterlijk' : 'by'} ${t.date} ${t.isDefault ? DEFAULT_MARK[lang] : ''}</li>`)}</ul>` : ''}
<p><a href="${statusHref}">${nl ? 'Volg uw klacht via uw persoonlijke pagina' : 'Follow your complaint on your private page'}</a></p>
<h2>${nl ? 'Wat u heeft ingediend' : 'What you submitted'}</h2>
<table>${fieldPairs(p, s, lang).map(([k, val]) => html`<tr><th scope="row">${k}</th><td>${val}</td></tr>`)}</table>`;
  return layout(p, { title: nl ? 'Klacht ontvangen' : 'Complaint received', lang, otherLangHref: withLang(selfHref, nl ? 'en' : 'nl') }, body);
}

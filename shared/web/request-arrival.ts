import type { CaseDetail } from '../app/staff-views.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { html, type Html } from './html.ts';

/**
 * The case page's section for a complainant's request that arrived earlier than staff record it:
 * to go further (also after the window closed the case), to withdraw, or their consent to a longer
 * or late extension of the term, with when it arrived (a
 * message on the timeline, or the date and time of a letter or call). Plain forms, no script.
 */
export function requestSection(p: Procedure, lang: Lang, csrf: string, d: CaseDetail): Html | '' {
  const r = d.requests;
  const extend = r.extend && p.extension.allowed;
  if (!r.escalate && !r.withdraw && !extend) return '';
  const t = (key: TextKey) => text(p, key, lang);
  const field = (type: string, name: string, label: TextKey, control: (id: string) => Html) =>
    html`<div class="field"><label for="arrival-${type}-${name}">${t(label)}</label>${control(`arrival-${type}-${name}`)}</div>`;
  const reason = (type: string, label: TextKey) => field(type, 'reason', label, (id) => html`<textarea id="${id}" name="reason" rows="3"></textarea>`);
  const form = (type: 'escalate' | 'withdraw' | 'extend', title: TextKey, button: TextKey, fields: Html) => html`<details><summary>${t(title)}</summary>
<form method="post" action="/staff/cases/${d.reference}/actions" novalidate>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="type" value="${type}"><input type="hidden" name="expectedSeq" value="${d.seq}">
${r.messages.length ? field(type, 'receivedMessage', 'requestArrival.message', (id) => html`<select id="${id}" name="receivedMessage"><option value="">${t('requestArrival.noMessage')}</option>${r.messages.map((m) => html`<option value="${m.at}">${m.label}</option>`)}</select>`) : ''}
<div class="field"><label for="arrival-${type}-receivedAt">${t('requestArrival.when')}</label>
<p class="hint" id="arrival-${type}-receivedAt-hint">${t('requestArrival.whenHint')}</p>
<input type="datetime-local" id="arrival-${type}-receivedAt" name="receivedAt" aria-describedby="arrival-${type}-receivedAt-hint"></div>
${fields}
<button type="submit">${t(button)}</button></form></details>`;
  return html`<h2>${t('requestArrival.heading')}</h2>
<p class="muted">${t('requestArrival.intro')}</p>
${r.escalate ? form('escalate', 'requestArrival.escalate', 'requestArrival.escalateButton', reason('escalate', 'requestArrival.reason')) : ''}
${r.withdraw ? form('withdraw', 'requestArrival.withdraw', 'requestArrival.withdrawButton', reason('withdraw', 'requestArrival.reason')) : ''}
${extend ? form('extend', 'consentArrival.title', 'consentArrival.button', html`${field('extend', 'consent', 'consentArrival.consent', (id) => html`<input type="text" id="${id}" name="consent">`)}
${field('extend', 'until', 'consentArrival.until', (id) => html`<input type="date" id="${id}" name="until">`)}
${reason('extend', 'consentArrival.reason')}`) : ''}`;
}

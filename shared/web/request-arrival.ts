import type { CaseDetail } from '../app/staff-views.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { html, type Html } from './html.ts';

/**
 * The case page's section for a complainant's request that arrived earlier than staff record it:
 * to go further (also after the window closed the case) or to withdraw, with when it arrived (a
 * message on the timeline, or the date and time of a letter or call). Plain forms, no script.
 */
export function requestSection(p: Procedure, lang: Lang, csrf: string, d: CaseDetail): Html | '' {
  const r = d.requests;
  if (!r.escalate && !r.withdraw) return '';
  const t = (key: TextKey) => text(p, key, lang);
  const form = (type: 'escalate' | 'withdraw', title: TextKey, button: TextKey) => html`<details><summary>${t(title)}</summary>
<form method="post" action="/staff/cases/${d.reference}/actions" novalidate>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="type" value="${type}"><input type="hidden" name="expectedSeq" value="${d.seq}">
${r.messages.length ? html`<div class="field"><label for="arrival-${type}-receivedMessage">${t('requestArrival.message')}</label>
<select id="arrival-${type}-receivedMessage" name="receivedMessage"><option value="">${t('requestArrival.noMessage')}</option>${r.messages.map((m) => html`<option value="${m.at}">${m.label}</option>`)}</select></div>` : ''}
<div class="field"><label for="arrival-${type}-receivedAt">${t('requestArrival.when')}</label>
<p class="hint" id="arrival-${type}-receivedAt-hint">${t('requestArrival.whenHint')}</p>
<input type="datetime-local" id="arrival-${type}-receivedAt" name="receivedAt" aria-describedby="arrival-${type}-receivedAt-hint"></div>
<div class="field"><label for="arrival-${type}-reason">${t('requestArrival.reason')}</label><textarea id="arrival-${type}-reason" name="reason" rows="3"></textarea></div>
<button type="submit">${t(button)}</button></form></details>`;
  return html`<h2>${t('requestArrival.heading')}</h2>
<p class="muted">${t('requestArrival.intro')}</p>
${r.escalate ? form('escalate', 'requestArrival.escalate', 'requestArrival.escalateButton') : ''}
${r.withdraw ? form('withdraw', 'requestArrival.withdraw', 'requestArrival.withdrawButton') : ''}`;
}

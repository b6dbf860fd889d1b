import type { CaseDetail } from '../app/staff-views.ts';
import { HEARING_WAIVERS } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { html, type Html } from './html.ts';

/**
 * The case's Awb 9 duties on the staff case page: a checklist (what, state, date, reason, basis)
 * and the forms that move them (offer a hearing, record it, waive it, record a posted copy). The
 * forms post to the case's actions route like every other action.
 */
export function renderDuties(p: Procedure, lang: Lang, csrf: string, d: CaseDetail, openAction?: string): Html {
  const t = (key: TextKey) => text(p, key, lang);
  const row = (x: CaseDetail['duties'][number]) =>
    html`<tr data-duty="${x.duty}" data-state="${x.state}"><th scope="row">${x.label}</th><td>${x.stateLabel}</td><td>${x.when ?? ''}</td><td>${x.reason ?? ''}</td><td class="muted">${x.basis}</td></tr>`;
  const hearingsDue = d.duties.filter((x) => x.duty === 'hearing' && x.state === 'due' && x.party);
  const copiesDue = d.duties.filter((x) => x.duty === 'copy' && x.state === 'due' && x.party);
  const form = (type: string, title: string, fields: Html) => html`<details${openAction === type ? html` open` : ''}><summary>${title}</summary>
<form method="post" action="/staff/cases/${d.reference}/actions" novalidate>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="type" value="${type}"><input type="hidden" name="expectedSeq" value="${d.seq}">
${fields}<button type="submit">${title}</button></form></details>`;
  const field = (type: string, name: string, label: string, control: (id: string) => Html) =>
    html`<div class="field"><label for="duty-${type}-${name}">${label}</label>${control(`duty-${type}-${name}`)}</div>`;
  const partySelect = (type: string, duties: typeof hearingsDue) =>
    field(type, 'party', t('duty.form.party'), (id) => html`<select id="${id}" name="party">${duties.map((x) => html`<option value="${x.party}">${x.label}</option>`)}</select>`);

  const forms: Html[] = [];
  if (d.status === 'open' && hearingsDue.length) {
    forms.push(form('offer-hearing', t('duty.form.offer'), html`${partySelect('offer-hearing', hearingsDue)}${field('offer-hearing', 'replyBy', t('duty.form.replyBy'), (id) => html`<input type="date" id="${id}" name="replyBy">`)}`));
    forms.push(
      form(
        'record-conversation',
        t('duty.form.heard'),
        // A form sends one value per name: "everyone listed" is one option (the ids, comma-separated), then each party.
        html`${field('record-conversation', 'heard', t('duty.form.party'), (id) => html`<select id="${id}" name="heard">${[
          ...(hearingsDue.length > 1 ? [{ value: hearingsDue.map((x) => x.party).join(','), label: t('duty.form.everyone') }] : []),
          ...hearingsDue.map((x) => ({ value: x.party!, label: x.label })),
        ].map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select>`)}
${field('record-conversation', 'date', t('duty.form.date'), (id) => html`<input type="date" id="${id}" name="date">`)}
${field('record-conversation', 'attendees', t('duty.form.attendees'), (id) => html`<textarea id="${id}" name="attendees" rows="3"></textarea>`)}
${field('record-conversation', 'summary', t('duty.form.summary'), (id) => html`<textarea id="${id}" name="summary" rows="4"></textarea>`)}`,
      ),
    );
    forms.push(
      form(
        'waive-hearing',
        t('duty.form.waive'),
        html`${partySelect('waive-hearing', hearingsDue)}${field('waive-hearing', 'reason', t('duty.form.waiveReason'), (id) => html`<select id="${id}" name="reason">${HEARING_WAIVERS.map((r) => html`<option value="${r}">${text(p, `duty.reason.${r}`, lang)}</option>`)}</select>`)}`,
      ),
    );
  }
  if ((d.status === 'open' || d.status === 'decided') && copiesDue.length)
    forms.push(
      form(
        'record-copy',
        t('duty.form.recordCopy'),
        html`${partySelect('record-copy', copiesDue)}${field('record-copy', 'how', t('duty.form.how'), (id) => html`<select id="${id}" name="how">${(['post', 'hand'] as const).map((h) => html`<option value="${h}">${text(p, `duty.reason.${h}`, lang)}</option>`)}</select>`)}`,
      ),
    );

  return html`<h2>${t('duty.heading')}</h2>
<table class="duties"><tbody>${d.duties.map(row)}</tbody></table>
${forms}`;
}

import { text, textOr } from '../procedure/text.ts';
import { formatDate } from '../calendar/index.ts';
import { requestSection } from './request-arrival.ts';
import { fieldTexts, refusalText } from '../presentation/refusal.ts';
import { ERASURE_GROUNDS, mayErase, type ErasureGrounds } from '../policy/retention.ts';
import type { RefusalBody } from '../engine/refusal.ts';
import { procedureStaff } from '../engine/parties.ts';
import { partyLine, partyRole } from '../presentation/parties.ts';
import { staffFields } from '../procedure/fields.ts';
import { caseLetters } from './case-letters.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import type { StaffMember } from '../staff/auth.ts';
import type { CaseDetail, Urgency } from '../app/staff-views.ts';
import type { HeldMail } from '../store/port.ts';
import { html, type Html } from './html.ts';
import { HELD_RETENTION_DAYS } from '../policy/retention.ts';
import { layout } from './layout.ts';
import { renderDuties } from './duties.ts';

// The workspace is Dutch first; `?lang=en` gives English labels where we have them.

const URGENCY_CSS: Record<Urgency, string> = {
  overdue: 'background:#b10e1e;color:#fff',
  soon: 'background:#ffdd00;color:#0b0c0c',
  later: 'background:#00703c;color:#fff',
};

const badge = (p: Procedure, u: Urgency, lang: Lang) => html`<span style="${URGENCY_CSS[u]};padding:1px 6px;font-weight:700;white-space:nowrap">${text(p, `workspace.urgency.${u}`, lang)}</span>`;

export function shell(p: Procedure, lang: Lang, title: string, me: StaffMember | undefined, csrf: string | undefined, body: Html): string {
  const nav = me
    ? html`<nav aria-label="${text(p, 'workspace.workspace', lang)}" class="notice" style="display:flex;gap:16px;flex-wrap:wrap;align-items:center">
<a href="/staff">${text(p, 'workspace.complaints', lang)}</a>
<a href="/staff?mine=true">${text(p, 'workspace.myComplaints', lang)}</a>
<a href="/staff/held">${text(p, 'workspace.unmatchedMail', lang)}</a>
<a href="/staff/new">${text(p, 'workspace.enterAComplaint', lang)}</a>
<a href="/staff/reports">${text(p, 'workspace.registerAndReports', lang)}</a>
<span class="muted">${me.name}</span>
<form method="post" action="/staff/logout" style="display:inline"><input type="hidden" name="csrf" value="${csrf ?? ''}"><button type="submit" style="background:#505a5f;border-bottom-color:#0b0c0c;padding:4px 10px">${text(p, 'workspace.signOut', lang)}</button></form>
</nav>`
    : '';
  return layout(p, { title, lang, wide: true }, html`${nav}${body}`);
}

export function renderLogin(p: Procedure, lang: Lang, error?: string): string {
  return shell(p, lang, text(p, 'workspace.signIn', lang), undefined, undefined, html`<h1>${text(p, 'workspace.staffSignIn', lang)}</h1>
${error ? html`<div class="summary" role="alert"><p>${error}</p></div>` : ''}
<p>${text(p, 'workspace.enterYourEMailAddress', lang)}</p>
<form method="post" action="/staff/login" novalidate>
<div class="field"><label for="email">${text(p, 'workspace.eMailAddress', lang)}</label><input type="email" id="email" name="email" autocomplete="email" required></div>
<button type="submit">${text(p, 'workspace.sendMeASignIn', lang)}</button>
</form>`,
  );
}

export const renderLoginSent = (p: Procedure, lang: Lang) =>
  shell(p, lang, text(p, 'workspace.linkSent', lang), undefined, undefined, html`<h1>${text(p, 'workspace.checkYourEMail', lang)}</h1><p>${text(p, 'workspace.ifThisAddressBelongsTo', lang)}</p>`);

/** The page behind the e-mailed link: a button, so that mail scanners that open links do not use up the one-time token. */
export const renderSignIn = (p: Procedure, lang: Lang, token: string) =>
  shell(p, lang, text(p, 'workspace.signIn', lang), undefined, undefined, html`<h1>${text(p, 'workspace.signIn', lang)}</h1><form method="post" action="/staff/session"><input type="hidden" name="token" value="${token}"><button type="submit">${text(p, 'workspace.signInToTheComplaints', lang)}</button></form>`,
  );

export function renderHeld(p: Procedure, lang: Lang, me: StaffMember, csrf: string, list: { held: HeldMail[]; next?: string }, notice: { error?: string; done?: string } = {}): string {
  const { held, next } = list;
  const row = (h: HeldMail) => html`<tr>
<td>${h.at.slice(0, 16).replace('T', ' ')}</td><td>${h.sender ?? '-'}</td>
<td><b>${h.subject}</b>${h.text ? html`<br><span class="muted">${h.text.length > 300 ? h.text.slice(0, 300) + '…' : h.text}</span>` : ''} <a href="/staff/held/${h.id}/original">${text(p, 'workspace.original', lang)}</a></td><td>${h.reason}</td>
<td><form method="post" action="/staff/held/${h.id}"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="attach">
<label for="ref-${h.id}">${text(p, 'workspace.reference', lang)}</label> <input type="text" id="ref-${h.id}" name="caseRef" value="${h.caseRef ?? ''}" size="16">
<button type="submit">${text(p, 'workspace.attachAsTheComplainantsMessage', lang)}</button></form>
<form method="post" action="/staff/held/${h.id}"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="discard">
<button type="submit" style="background:#505a5f;border-bottom-color:#0b0c0c">${text(p, 'workspace.discard', lang)}</button></form></td></tr>`;
  return shell(p, lang, `${text(p, 'workspace.unmatchedMail', lang)}${notice.error ? text(p, 'workspace.error', lang) : ''}`, me, csrf, html`${notice.error ? html`<div class="summary" role="alert" tabindex="-1"><p>${notice.error}</p></div>` : ''}
${notice.done ? html`<div class="notice" role="status"><p>${notice.done === 'attach' ? text(p, 'workspace.theMailIsNowOn', lang) : text(p, 'workspace.theMailWasDeleted', lang)}</p></div>` : ''}
<h1>${text(p, 'workspace.unmatchedMail', lang)}</h1>
<p>${text(p, 'workspace.mailThatCouldNotBe', lang, { days: HELD_RETENTION_DAYS })}</p>
${held.length ? html`<table><thead><tr><th scope="col">${text(p, 'workspace.received', lang)}</th><th scope="col">${text(p, 'workspace.sender', lang)}</th><th scope="col">${text(p, 'workspace.subject', lang)}</th><th scope="col">${text(p, 'workspace.reason', lang)}</th><th scope="col">${text(p, 'workspace.whatToDo', lang)}</th></tr></thead><tbody>${held.map(row)}</tbody></table>` : html`<p>${text(p, 'workspace.noMailIsWaiting', lang)}</p>`}
${next ? html`<p><a href="/staff/held?after=${encodeURIComponent(next)}">${text(p, 'workspace.olderMail', lang)}</a></p>` : ''}`,
  );
}

const field = (id: string, label: string, control: Html, hint?: string) =>
  html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${control}</div>`;

const ACTION_GROUPS = ['handling', 'contact', 'outcome', 'ending', 'note'] as const;
type ActionGroup = (typeof ACTION_GROUPS)[number];

export function renderCasePage(p: Procedure, lang: Lang, me: StaffMember, csrf: string, d: CaseDetail, notice: { error?: string; action?: string; done?: string }): string {
  const form = (type: string, title: string, fields: Html, button: string) => html`<details${notice.action === type ? html` open` : ''}><summary>${title}</summary>
<form method="post" action="/staff/cases/${d.reference}/actions" novalidate>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="type" value="${type}"><input type="hidden" name="expectedSeq" value="${d.seq}">
${fields}<button type="submit">${button}</button></form></details>`;
  const id = (type: string, name: string) => `${type}-${name}`;
  const textarea = (type: string, name: string, label: string, hint?: string) => field(id(type, name), label, html`<textarea id="${id(type, name)}" name="${name}" rows="4"${hint ? html` aria-describedby="${id(type, name)}-hint"` : ''}></textarea>`, hint);
  const input = (type: string, name: string, label: string, kind = 'text', hint?: string) => field(id(type, name), label, html`<input type="${kind}" id="${id(type, name)}" name="${name}"${hint ? html` aria-describedby="${id(type, name)}-hint"` : ''}>`, hint);
  const select = (type: string, name: string, label: string, options: { value: string; label: string }[]) =>
    field(id(type, name), label, html`<select id="${id(type, name)}" name="${name}">${options.map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select>`);
  const open = d.status === 'open';
  // The actions under small headings by what they do; a group with nothing allowed now is left out.
  const actions: Record<ActionGroup, Html[]> = { handling: [], contact: [], outcome: [], ending: [], note: [] };
  if (open && d.admissibility === 'pending') actions.handling.push(form('admit', text(p, 'workspace.admitAlthoughLate', lang), textarea('admit', 'reason', text(p, 'workspace.reason', lang)), text(p, 'workspace.admit', lang)));
  if (open) actions.handling.push(form('acknowledge', text(p, 'workspace.confirmHandlingToTheComplainant', lang), html``, text(p, 'workspace.confirm', lang)));
  if (open) actions.handling.push(form('assign', text(p, 'workspace.assign', lang), select('assign', 'handler', text(p, 'workspace.handler', lang), d.handlers.map((h) => ({ value: h.email, label: h.name }))), text(p, 'workspace.assign', lang)));
  if (open) actions.contact.push(form('send-message', text(p, 'workspace.messageToTheComplainant', lang), textarea('send-message', 'text', text(p, 'workspace.message', lang), text(p, 'workspace.sentByEMailOn', lang)), text(p, 'workspace.send', lang)));
  if (open)
    actions.contact.push(
      form(
        'record-conversation',
        text(p, 'workspace.recordAConversation', lang),
        html`${input('record-conversation', 'date', text(p, 'workspace.date', lang), 'date')}${textarea('record-conversation', 'attendees', text(p, 'workspace.attendees', lang), text(p, 'workspace.oneNamePerLine', lang))}${textarea('record-conversation', 'summary', text(p, 'workspace.record', lang))}${textarea('record-conversation', 'signedBy', text(p, 'workspace.signedBy', lang), text(p, 'workspace.oneNamePerLineWritten', lang))}`,
        text(p, 'workspace.record2', lang),
      ),
    );
  if (open) actions.contact.push(form('request-response', text(p, 'workspace.requestAResponseFromThe', lang), html`${input('request-response', 'from', text(p, 'workspace.personConcernedsEMail', lang), 'email')}${textarea('request-response', 'question', text(p, 'workspace.question', lang))}`, text(p, 'workspace.send', lang)));
  if (open && d.pendingResponses.length)
    actions.contact.push(form('record-response', text(p, 'workspace.recordAResponse', lang), html`${select('record-response', 'from', text(p, 'workspace.from', lang), d.pendingResponses.map((x) => ({ value: x, label: x })))}${textarea('record-response', 'text', text(p, 'workspace.response', lang))}`, text(p, 'workspace.record2', lang)));
  if (open)
    actions.handling.push(form('extend', text(p, 'workspace.extendTheTerm', lang), html`${textarea('extend', 'reason', text(p, 'workspace.reasonSentToTheComplainant', lang))}${input('extend', 'until', text(p, 'workspace.newDate', lang), 'date')}${input('extend', 'consent', text(p, 'workspace.complainantsConsentOnlyForA', lang))}`, text(p, 'workspace.extend', lang)));
  if (open && d.stage.kind === 'advice')
    actions.outcome.push(form('advise', text(p, 'workspace.giveAdvice', lang), html`${select('advise', 'outcome', text(p, 'workspace.finding', lang), d.outcomes)}${textarea('advise', 'motivation', text(p, 'workspace.reasons', lang))}${textarea('advise', 'recommendation', text(p, 'workspace.recommendation', lang))}`, text(p, 'workspace.giveAdvice', lang)));
  if (open)
    actions.outcome.push(form('decide', text(p, 'workspace.decide', lang), html`${select('decide', 'outcome', text(p, 'workspace.outcome', lang), d.outcomes)}${textarea('decide', 'motivation', text(p, 'workspace.reasons', lang))}${textarea('decide', 'measures', text(p, 'workspace.measures', lang))}`, text(p, 'workspace.sendDecision', lang)));
  if (d.escalateTo.length && (open || d.status === 'decided'))
    actions.outcome.push(form('escalate', text(p, 'workspace.passOnToANext', lang), html`${select('escalate', 'to', text(p, 'workspace.to', lang), d.escalateTo.map((s) => ({ value: s.id, label: s.name })))}${textarea('escalate', 'reason', text(p, 'workspace.reason', lang))}`, text(p, 'workspace.passOn', lang)));
  if (open || d.status === 'decided' || d.status === 'to-complete') {
    actions.ending.push(form('withdraw', text(p, 'workspace.recordTheComplainantsWithdrawal', lang), textarea('withdraw', 'reason', text(p, 'workspace.reason', lang)), text(p, 'workspace.withdraw', lang)));
    actions.ending.push(form('close', text(p, 'workspace.close', lang), textarea('close', 'reason', text(p, 'workspace.reason', lang)), text(p, 'workspace.close', lang)));
  }
  actions.note.push(form('note', text(p, 'workspace.addANote', lang), textarea('note', 'text', text(p, 'workspace.noteInternalOnly', lang)), text(p, 'workspace.save', lang)));

  // Parties: who is complained about is what staff confirm here, never what a name resembles.
  const staffOptions = procedureStaff(p).map((m) => ({ value: m.email, label: `${m.name} (${m.email})` }));
  const partyOptions = d.parties.map((x) => ({ value: x.id, label: `${partyRole(p, x.role, lang)}: ${x.name ?? x.email ?? x.id}` }));
  const contactFields = (type: string) =>
    html`${input(type, 'name', text(p, 'workspace.name', lang))}${input(type, 'email', text(p, 'workspace.eMail', lang), 'email')}${input(type, 'address', text(p, 'workspace.postalAddress', lang))}${input(type, 'phone', text(p, 'workspace.phone', lang), 'tel')}`;
  const partyActions: Html[] = [
    form('add-party', text(p, 'workspace.addAParty', lang), html`${select('add-party', 'role', text(p, 'workspace.role', lang), (['complained-about', 'representative'] as const).map((r) => ({ value: r, label: partyRole(p, r, lang) })))}${contactFields('add-party')}`, text(p, 'workspace.add', lang)),
    form('correct-party', text(p, 'workspace.correctAPartysDetails', lang), html`${select('correct-party', 'party', text(p, 'workspace.party', lang), partyOptions)}${contactFields('correct-party')}`, text(p, 'workspace.correct', lang)),
  ];
  const about = d.parties.filter((x) => x.role === 'complained-about');
  if (about.length)
    partyActions.push(
      form(
        'identify-party',
        text(p, 'workspace.confirmThatTheComplaintIs', lang),
        html`${select('identify-party', 'party', text(p, 'workspace.complainedAbout', lang), about.map((x) => ({ value: x.id, label: x.name ?? x.id })))}${field(
          id('identify-party', 'staff'),
          text(p, 'workspace.staffMember', lang),
          html`<select id="${id('identify-party', 'staff')}" name="staff" aria-describedby="${id('identify-party', 'staff')}-hint"><option value="">${text(p, 'workspace.notAStaffMemberCorrection', lang)}</option>${staffOptions.map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select>`,
          text(p, 'workspace.thisStaffMemberCanThen', lang),
        )}`,
        text(p, 'workspace.confirm2', lang),
      ),
    );
  const partyRow = (x: CaseDetail['parties'][number]) => html`<tr><th scope="row">${partyRole(p, x.role, lang)}</th><td>${partyLine(x) || '-'}${x.staff ? html`<br>${text(p, 'workspace.identifiedAsStaffMember', lang)}: ${x.staff}` : ''}${
    x.suggestions?.length ? html`<br><span class="muted">${text(p, 'workspace.resembles', lang)}: ${x.suggestions.map((m) => `${m.name} (${m.email})`).join(', ')}. ${text(p, 'workspace.onlyASuggestionConfirmIt', lang)}</span>` : ''
  }</td></tr>`;
  const partiesSection = html`<h2>${text(p, 'workspace.parties', lang)}</h2>
<table>${d.parties.map(partyRow)}<tr><th scope="row">${text(p, 'workspace.handlers', lang)}</th><td>${d.handlers.map((h) => h.name).join(', ') || '-'}</td></tr></table>
${partyActions}`;

  return shell(p, lang, `${d.reference}${notice.error ? text(p, 'workspace.error', lang) : ''}`, me, csrf, html`${notice.error ? html`<div class="summary" role="alert" tabindex="-1"><h2>${text(p, 'workspace.thatDidNotWork', lang)}</h2><p>${notice.error}</p></div>` : ''}
${notice.done ? html`<div class="notice" role="status"><p>${text(p, 'workspace.done', lang)}: ${notice.done}</p></div>` : ''}
<h1>${text(p, 'workspace.complaint', lang)} <span class="ref">${d.reference}</span></h1>
<table>
<tr><th scope="row">${text(p, 'workspace.status', lang)}</th><td>${d.statusLabel}${d.admissibility === 'pending' ? text(p, 'workspace.lateDecideAdmissibility', lang) : ''}</td></tr>
<tr><th scope="row">${text(p, 'workspace.stage', lang)}</th><td>${text(p, 'line.stageStarted', lang, { stage: d.stage.name })}</td></tr>
<tr><th scope="row">${text(p, 'workspace.handler', lang)}</th><td>${d.handler ?? text(p, 'workspace.notAssignedYet', lang)}</td></tr>
<tr><th scope="row">${text(p, 'workspace.received', lang)}</th><td>${formatDate(d.receivedOn, lang)} (${d.channel})</td></tr>
</table>
<h2>${text(p, 'workspace.terms', lang)}</h2>
${termsTimeline(p, lang, d)}
<h2>${text(p, 'party.role.complainant', lang)}</h2>
<table>${complainantRows(p, lang, d.complainant)}</table>
<h2>${text(p, 'workspace.theComplaint', lang)}</h2>
<table>${d.complaint.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</table>
${partiesSection}
${renderDuties(p, lang, csrf, d, notice.action)}
${caseLetters(p, lang, d)}
<h2>${text(p, 'workspace.actions', lang)}</h2>
${open ? '' : html`<p>${text(p, 'workspace.actionsWhyFew', lang, { status: d.statusLabel.toLowerCase() })}</p>`}
${ACTION_GROUPS.filter((g) => actions[g].length).map((g) => html`<h3>${text(p, `workspace.actionGroup.${g}`, lang)}</h3>${actions[g]}`)}
${requestSection(p, lang, csrf, d)}
<h2>${text(p, 'workspace.timeline', lang)}</h2>
<ol class="timeline">${d.timeline.map(
      (t) => html`<li><span class="muted">${t.date}</span>: ${t.text}${t.by && t.by.includes('@') ? html` <span class="muted">(${t.by})</span>` : ''}${t.blob ? html` <a href="/staff/cases/${d.reference}/original?key=${t.blob}">${text(p, 'workspace.original', lang)}</a>` : ''}${t.attachments ? html`<br>${text(p, 'workspace.attachments', lang)}: ${t.attachments.map((a) => (a.key ? html`<a href="/staff/cases/${d.reference}/original?key=${a.key}">${a.name}</a> ` : html`${a.name} (${text(p, 'workspace.notKept', lang)}: ${a.refused}) `))}` : ''}</li>`,
    )}</ol>
${privacySection(p, lang, me, csrf, d.reference, notice.action === 'erase')}`,
  );
}

/** The terms as a small timeline: those that ended (with how), then the open ones, soonest first. */
function termsTimeline(p: Procedure, lang: Lang, d: CaseDetail): Html {
  if (!d.termLog.length && !d.terms.length) return html`<p>${text(p, 'workspace.noRunningTerms', lang)}</p>`;
  const past = d.termLog.map((t) => html`<li><span class="muted">${formatDate(t.lastDay, lang)}</span>: ${t.term} (${textOr(p, `dossier.term.${t.outcome}`, lang, t.outcome)})</li>`);
  const open = d.terms.map((t) => html`<li><span class="muted">${t.date}</span>: ${t.label} ${badge(p, t.urgency, lang)}${t.isDefault ? text(p, 'workspace.statutoryDefault', lang) : ''}</li>`);
  return html`<ol class="terms">${past}${open}</ol>`;
}

/** The complainant's contact details under labels written for staff (not the form's "Uw naam"). */
function complainantRows(p: Procedure, lang: Lang, c: CaseDetail['complainant']): Html[] {
  const rows = [['workspace.complainant.name', c.name], ['workspace.complainant.email', c.email], ['workspace.complainant.phone', c.phone], ['workspace.complainant.address', c.address]] as const;
  return rows.map(([key, value]) => html`<tr><th scope="row">${text(p, key, lang)}</th><td>${value ?? '-'}</td></tr>`);
}

/** The dossier, the audit export and the AVG requests of a case. */
function privacySection(p: Procedure, lang: Lang, me: StaffMember, csrf: string, ref: string, open: boolean): Html {
  const label: Record<ErasureGrounds, string> = {
    'verzoek-betrokkene': text(p, 'workspace.theComplainantsRequestGdprArt', lang),
    onrechtmatig: text(p, 'workspace.unlawfullyProcessed', lang),
    'wettelijke-plicht': text(p, 'workspace.aLegalObligationToErase', lang),
  };
  const grounds = ERASURE_GROUNDS.map((value) => ({ value, label: label[value] }));
  return html`<h2>${text(p, 'workspace.dossierAndPrivacy', lang)}</h2>
<ul>
<li><a href="/staff/cases/${ref}/dossier">${text(p, 'workspace.printableDossierForACommittee', lang)}</a></li>
<li><a href="/api/staff/cases/${ref}/export">${text(p, 'workspace.exportTheAuditTrailJson', lang)}</a></li>
<li><a href="/api/staff/cases/${ref}/export?purpose=access">${text(p, 'workspace.theComplainantsAccessRequestGdpr', lang)}</a></li>
</ul>
<p class="muted">${text(p, 'workspace.everyViewAndExportIs', lang)}</p>
${mayErase(p, me)
    ? html`<details${open ? html` open` : ''}><summary>${text(p, 'workspace.eraseTheDataOnRequest', lang)}</summary>
<form method="post" action="/staff/cases/${ref}/erase" novalidate>
<input type="hidden" name="csrf" value="${csrf}">
<p>${text(p, 'workspace.theComplaintIsDeletedAt', lang)}</p>
${field('erase-grounds', text(p, 'workspace.grounds', lang), html`<select id="erase-grounds" name="grounds">${grounds.map((g) => html`<option value="${g.value}">${g.label}</option>`)}</select>`)}
${field('erase-confirm', text(p, 'workspace.typeTheReferenceToConfirm', lang, { reference: ref }), html`<input type="text" id="erase-confirm" name="confirm" autocomplete="off">`)}
<button type="submit" style="background:#b10e1e;border-bottom-color:#5a0710">${text(p, 'workspace.eraseTheComplaintForGood', lang)}</button>
</form></details>`
    : ''}`;
}

export function renderNewComplaint(p: Procedure, lang: Lang, me: StaffMember, csrf: string, values: Record<string, string>, refusal?: RefusalBody): string {
  const errors = refusal ? fieldTexts(refusal, lang, p) : [];
  const errorOf = (key: string) => errors.find((f) => f.field === key)?.message;
  const channels = [
    { value: 'phone', label: text(p, 'workspace.byPhone', lang) },
    { value: 'in-person', label: text(p, 'workspace.inPerson', lang) },
    { value: 'letter', label: text(p, 'workspace.byLetter', lang) },
    { value: 'email', label: text(p, 'workspace.byEMail', lang) },
  ].filter((c) => p.intake.channels.includes(c.value as never));
  return shell(p, lang, text(p, 'workspace.enterAComplaint', lang), me, csrf, html`<h1>${text(p, 'workspace.enterAComplaintForThe', lang)}</h1>
${refusal ? html`<div class="summary" role="alert" tabindex="-1"><h2>${text(p, 'workspace.thereIsAProblem', lang)}</h2><p>${refusalText(refusal, lang, p)}</p>${errors.length ? html`<ul>${errors.map((f) => html`<li><a href="#n-${f.field}">${f.message}</a></li>`)}</ul>` : ''}</div>` : ''}
<form method="post" action="/staff/new" novalidate>
<input type="hidden" name="csrf" value="${csrf}">
${field('n-channel', text(p, 'workspace.howDidTheComplaintCome', lang), html`<select id="n-channel" name="channel">${channels.map((c) => html`<option value="${c.value}"${values.channel === c.value ? html` selected` : ''}>${c.label}</option>`)}</select>`)}
${staffFields(p).map((f) => {
      const err = errorOf(f.key);
      const control =
        f.type === 'textarea' ? html`<textarea id="n-${f.key}" name="${f.key}" rows="4">${values[f.key] ?? ''}</textarea>`
        : f.type === 'select' ? html`<select id="n-${f.key}" name="${f.key}"><option value="">${text(p, 'workspace.choose', lang)}</option>${(f.options ?? []).map((o) => html`<option value="${o.value}"${values[f.key] === o.value ? html` selected` : ''}>${o.label[lang]}</option>`)}</select>`
        : html`<input type="${f.type === 'checkbox' ? 'text' : f.type}" id="n-${f.key}" name="${f.key}" value="${values[f.key] ?? ''}">`;
      return html`<div class="field${err ? ' invalid' : ''}"><label for="n-${f.key}">${f.label[lang]} <span class="req">${f.required ? text(p, 'workspace.required', lang) : text(p, 'workspace.optional', lang)}</span></label>${err ? html`<p class="error">${err}</p>` : ''}${control}</div>`;
    })}
<button type="submit">${text(p, 'workspace.registerComplaint', lang)}</button>
</form>`,
  );
}

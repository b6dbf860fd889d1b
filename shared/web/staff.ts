import { words as w } from '../presentation/words.ts';
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
import type { CaseDetail, CaseListItem, Urgency } from '../app/staff-views.ts';
import type { Undeliverable } from '../app/undeliverable.ts';
import type { HeldMail } from '../store/port.ts';
import { html, type Html } from './html.ts';
import { HELD_RETENTION_DAYS } from '../policy/retention.ts';
import { layout } from './layout.ts';

// The workspace is Dutch first; `?lang=en` gives English labels where we have them.

const URGENCY: Record<Urgency, { nl: string; en: string; css: string }> = {
  overdue: { nl: 'Verlopen', en: 'Overdue', css: 'background:#b10e1e;color:#fff' },
  soon: { nl: 'Binnenkort', en: 'Due soon', css: 'background:#ffdd00;color:#0b0c0c' },
  later: { nl: 'Op tijd', en: 'On time', css: 'background:#00703c;color:#fff' },
};

const badge = (u: Urgency, lang: Lang) => html`<span style="${URGENCY[u].css};padding:1px 6px;font-weight:700;white-space:nowrap">${URGENCY[u][lang]}</span>`;

export function shell(p: Procedure, lang: Lang, title: string, me: StaffMember | undefined, csrf: string | undefined, body: Html): string {
  const nav = me
    ? html`<nav aria-label="${w(lang, 'Werkplek', 'Workspace')}" class="notice" style="display:flex;gap:16px;flex-wrap:wrap;align-items:center">
<a href="/staff">${w(lang, 'Klachten', 'Complaints')}</a>
<a href="/staff?mine=true">${w(lang, 'Mijn klachten', 'My complaints')}</a>
<a href="/staff/held">${w(lang, 'Niet-gekoppelde e-mail', 'Unmatched mail')}</a>
<a href="/staff/new">${w(lang, 'Klacht invoeren', 'Enter a complaint')}</a>
<a href="/staff/reports">${w(lang, 'Register en rapportages', 'Register and reports')}</a>
<span class="muted">${me.name}</span>
<form method="post" action="/staff/logout" style="display:inline"><input type="hidden" name="csrf" value="${csrf ?? ''}"><button type="submit" style="background:#505a5f;border-bottom-color:#0b0c0c;padding:4px 10px">${w(lang, 'Uitloggen', 'Sign out')}</button></form>
</nav>`
    : '';
  return layout(p, { title, lang, wide: true }, html`${nav}${body}`);
}

export function renderLogin(p: Procedure, lang: Lang, error?: string): string {
  return shell(
    p,
    lang,
    w(lang, 'Inloggen', 'Sign in'),
    undefined,
    undefined,
    html`<h1>${w(lang, 'Inloggen voor medewerkers', 'Staff sign-in')}</h1>
${error ? html`<div class="summary" role="alert"><p>${error}</p></div>` : ''}
<p>${w(lang, 'Vul uw e-mailadres in. U krijgt een link waarmee u inlogt; een wachtwoord is niet nodig.', 'Enter your e-mail address. You will get a link to sign in with; no password is needed.')}</p>
<form method="post" action="/staff/login" novalidate>
<div class="field"><label for="email">${w(lang, 'E-mailadres', 'E-mail address')}</label><input type="email" id="email" name="email" autocomplete="email" required></div>
<button type="submit">${w(lang, 'Stuur mij een inloglink', 'Send me a sign-in link')}</button>
</form>`,
  );
}

export const renderLoginSent = (p: Procedure, lang: Lang) =>
  shell(p, lang, w(lang, 'Link verstuurd', 'Link sent'), undefined, undefined, html`<h1>${w(lang, 'Kijk in uw e-mail', 'Check your e-mail')}</h1><p>${w(lang, 'Als dit adres bij het klachtenloket hoort, is er een inloglink gestuurd. De link werkt 15 minuten en één keer.', 'If this address belongs to the complaints office, a sign-in link has been sent. It works once, for 15 minutes.')}</p>`);

/** The page behind the e-mailed link: a button, so that mail scanners that open links do not use up the one-time token. */
export const renderSignIn = (p: Procedure, lang: Lang, token: string) =>
  shell(
    p,
    lang,
    w(lang, 'Inloggen', 'Sign in'),
    undefined,
    undefined,
    html`<h1>${w(lang, 'Inloggen', 'Sign in')}</h1><form method="post" action="/staff/session"><input type="hidden" name="token" value="${token}"><button type="submit">${w(lang, 'Inloggen bij het klachtenloket', 'Sign in to the complaints office')}</button></form>`,
  );

export function renderCaseList(p: Procedure, lang: Lang, me: StaffMember, csrf: string, items: CaseListItem[], unseenHeld = 0, stuck: Undeliverable[] = []): string {
  return shell(
    p,
    lang,
    w(lang, 'Klachten', 'Complaints'),
    me,
    csrf,
    html`<h1>${w(lang, 'Klachten', 'Complaints')}</h1>
<p>${w(lang, 'Openstaande klachten, de meest dringende eerst.', 'Open complaints, most urgent first.')}</p>
${unseenHeld ? html`<div class="notice" role="status"><p><a href="/staff/held">${w(lang, `${unseenHeld} niet-gekoppelde e-mail(s) die nog niemand heeft bekeken`, `${unseenHeld} unmatched mail(s) nobody has looked at yet`)}</a></p></div>` : ''}
${stuck.length
  ? html`<div class="summary" role="alert"><h2>${w(lang, `${stuck.length} bericht(en) niet verstuurd`, `${stuck.length} message(s) not sent`)}</h2>
<p>${w(lang, 'Deze berichten kunnen nooit aankomen (bijvoorbeeld een onjuist e-mailadres). Neem op een andere manier contact op.', 'These messages can never arrive (a wrong e-mail address, say). Get in touch another way.')}</p>
<ul>${stuck.map((u) => html`<li><a href="/staff/cases/${u.reference}">${u.reference}</a> (${u.on})</li>`)}</ul></div>`
  : ''}
${items.length
  ? html`<table>
<caption class="hp">${w(lang, 'Klachten', 'Complaints')}</caption>
<thead><tr><th scope="col">${w(lang, 'Kenmerk', 'Reference')}</th><th scope="col">${w(lang, 'Status', 'Status')}</th><th scope="col">${w(lang, 'Fase', 'Stage')}</th><th scope="col">${w(lang, 'Volgende termijn', 'Next term')}</th><th scope="col">${w(lang, 'Behandelaar', 'Handler')}</th></tr></thead>
<tbody>${items.map(
      (c) => html`<tr><td><a href="/staff/cases/${c.reference}">${c.reference}</a><br><span class="muted">${c.receivedOn}</span></td><td>${c.statusLabel}</td><td>${c.stageName}</td><td>${c.nextTerm ? html`${badge(c.nextTerm.urgency, lang)} ${c.nextTerm.term}: ${c.nextTerm.date}` : '-'}</td><td>${c.handler ?? '-'}</td></tr>`,
    )}</tbody></table>`
  : html`<p>${w(lang, 'Er zijn geen openstaande klachten.', 'There are no open complaints.')}</p>`}`,
  );
}

export function renderHeld(p: Procedure, lang: Lang, me: StaffMember, csrf: string, list: { held: HeldMail[]; next?: string }, notice: { error?: string; done?: string } = {}): string {
  const { held, next } = list;
  const row = (h: HeldMail) => html`<tr>
<td>${h.at.slice(0, 16).replace('T', ' ')}</td><td>${h.sender ?? '-'}</td>
<td><b>${h.subject}</b>${h.text ? html`<br><span class="muted">${h.text.length > 300 ? h.text.slice(0, 300) + '…' : h.text}</span>` : ''} <a href="/staff/held/${h.id}/original">${w(lang, 'origineel', 'original')}</a></td><td>${h.reason}</td>
<td><form method="post" action="/staff/held/${h.id}"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="attach">
<label for="ref-${h.id}">${w(lang, 'Kenmerk', 'Reference')}</label> <input type="text" id="ref-${h.id}" name="caseRef" value="${h.caseRef ?? ''}" size="16">
<button type="submit">${w(lang, 'Koppelen als bericht van de klager', "Attach as the complainant's message")}</button></form>
<form method="post" action="/staff/held/${h.id}"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="discard">
<button type="submit" style="background:#505a5f;border-bottom-color:#0b0c0c">${w(lang, 'Verwijderen', 'Discard')}</button></form></td></tr>`;
  return shell(
    p,
    lang,
    `${w(lang, 'Niet-gekoppelde e-mail', 'Unmatched mail')}${notice.error ? w(lang, ' (fout)', ' (error)') : ''}`,
    me,
    csrf,
    html`${notice.error ? html`<div class="summary" role="alert" tabindex="-1"><p>${notice.error}</p></div>` : ''}
${notice.done ? html`<div class="notice" role="status"><p>${notice.done === 'attach' ? w(lang, 'De e-mail staat nu op de tijdlijn van de klacht en is naar de behandelaar gestuurd.', 'The mail is now on the case timeline and was passed to the handler.') : w(lang, 'De e-mail is verwijderd.', 'The mail was deleted.')}</p></div>` : ''}
<h1>${w(lang, 'Niet-gekoppelde e-mail', 'Unmatched mail')}</h1>
<p>${w(lang, `E-mail die niet zeker bij een klacht hoort of van een onbekende afzender komt. Niets hiervan is doorgestuurd of beantwoord. Koppel een e-mail aan een klacht als u zeker weet van wie zij is; anders verwijdert u haar. Na ${HELD_RETENTION_DAYS} dagen wordt zij vanzelf verwijderd.`, `Mail that could not be matched to a complaint or came from an unknown sender. None of it was passed on or answered. Attach a mail to a complaint when you are sure who sent it; otherwise discard it. After ${HELD_RETENTION_DAYS} days it is deleted by itself.`)}</p>
${held.length ? html`<table><thead><tr><th scope="col">${w(lang, 'Ontvangen', 'Received')}</th><th scope="col">${w(lang, 'Afzender', 'Sender')}</th><th scope="col">${w(lang, 'Onderwerp', 'Subject')}</th><th scope="col">${w(lang, 'Reden', 'Reason')}</th><th scope="col">${w(lang, 'Wat te doen', 'What to do')}</th></tr></thead><tbody>${held.map(row)}</tbody></table>` : html`<p>${w(lang, 'Er wacht geen e-mail.', 'No mail is waiting.')}</p>`}
${next ? html`<p><a href="/staff/held?after=${encodeURIComponent(next)}">${w(lang, 'Oudere e-mail', 'Older mail')}</a></p>` : ''}`,
  );
}

const field = (id: string, label: string, control: Html, hint?: string) =>
  html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${control}</div>`;

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
  const actions: Html[] = [];
  if (open && d.admissibility === 'pending') actions.push(form('admit', w(lang, 'Toch in behandeling nemen (te laat ingediend)', 'Admit although late'), textarea('admit', 'reason', w(lang, 'Reden', 'Reason')), w(lang, 'Toelaten', 'Admit')));
  if (open) actions.push(form('acknowledge', w(lang, 'Behandeling bevestigen aan de klager', 'Confirm handling to the complainant'), html``, w(lang, 'Bevestigen', 'Confirm')));
  if (open) actions.push(form('assign', w(lang, 'Toewijzen', 'Assign'), select('assign', 'handler', w(lang, 'Behandelaar', 'Handler'), d.handlers.map((h) => ({ value: h.email, label: h.name }))), w(lang, 'Toewijzen', 'Assign')));
  if (open) actions.push(form('send-message', w(lang, 'Bericht aan de klager', 'Message to the complainant'), textarea('send-message', 'text', w(lang, 'Bericht', 'Message'), w(lang, 'Gaat per e-mail namens de organisatie; uw eigen adres blijft verborgen.', 'Sent by e-mail on behalf of the organisation; your own address stays hidden.')), w(lang, 'Versturen', 'Send')));
  if (open)
    actions.push(
      form(
        'record-conversation',
        w(lang, 'Gesprek vastleggen', 'Record a conversation'),
        html`${input('record-conversation', 'date', w(lang, 'Datum', 'Date'), 'date')}${textarea('record-conversation', 'attendees', w(lang, 'Aanwezigen', 'Attendees'), w(lang, 'Eén naam per regel.', 'One name per line.'))}${textarea('record-conversation', 'summary', w(lang, 'Verslag', 'Record'))}${textarea('record-conversation', 'signedBy', w(lang, 'Getekend door', 'Signed by'), w(lang, 'Eén naam per regel, gelijk geschreven als bij de aanwezigen.', 'One name per line, written as among the attendees.'))}`,
        w(lang, 'Vastleggen', 'Record'),
      ),
    );
  if (open) actions.push(form('request-response', w(lang, 'Reactie vragen aan de betrokkene', 'Request a response from the person concerned'), html`${input('request-response', 'from', w(lang, 'E-mailadres van de betrokkene', "Person concerned's e-mail"), 'email')}${textarea('request-response', 'question', w(lang, 'Vraag', 'Question'))}`, w(lang, 'Versturen', 'Send')));
  if (open && d.pendingResponses.length)
    actions.push(form('record-response', w(lang, 'Reactie vastleggen', 'Record a response'), html`${select('record-response', 'from', w(lang, 'Van', 'From'), d.pendingResponses.map((x) => ({ value: x, label: x })))}${textarea('record-response', 'text', w(lang, 'Reactie', 'Response'))}`, w(lang, 'Vastleggen', 'Record')));
  if (open)
    actions.push(
      form('extend', w(lang, 'Termijn verlengen', 'Extend the term'), html`${textarea('extend', 'reason', w(lang, 'Reden (gaat naar de klager)', 'Reason (sent to the complainant)'))}${input('extend', 'until', w(lang, 'Nieuwe datum', 'New date'), 'date')}${input('extend', 'consent', w(lang, 'Instemming van de klager (alleen nodig voor een tweede of langere verlenging)', "Complainant's consent (only for a second or longer extension)"))}`, w(lang, 'Verlengen', 'Extend')),
    );
  if (open && d.stage.kind === 'advice')
    actions.push(form('advise', w(lang, 'Advies uitbrengen', 'Give advice'), html`${select('advise', 'outcome', w(lang, 'Oordeel', 'Finding'), d.outcomes)}${textarea('advise', 'motivation', w(lang, 'Motivering', 'Reasons'))}${textarea('advise', 'recommendation', w(lang, 'Aanbeveling', 'Recommendation'))}`, w(lang, 'Advies uitbrengen', 'Give advice')));
  if (open)
    actions.push(form('decide', w(lang, 'Besluiten', 'Decide'), html`${select('decide', 'outcome', w(lang, 'Uitkomst', 'Outcome'), d.outcomes)}${textarea('decide', 'motivation', w(lang, 'Motivering', 'Reasons'))}${textarea('decide', 'measures', w(lang, 'Maatregelen', 'Measures'))}`, w(lang, 'Besluit versturen', 'Send decision')));
  if (d.escalateTo.length && (open || d.status === 'decided'))
    actions.push(form('escalate', w(lang, 'Doorzetten naar een volgende fase', 'Pass on to a next stage'), html`${select('escalate', 'to', w(lang, 'Naar', 'To'), d.escalateTo.map((s) => ({ value: s.id, label: s.name })))}${textarea('escalate', 'reason', w(lang, 'Reden', 'Reason'))}`, w(lang, 'Doorzetten', 'Pass on')));
  if (open || d.status === 'decided' || d.status === 'to-complete') {
    actions.push(form('withdraw', w(lang, 'Intrekking door de klager vastleggen', "Record the complainant's withdrawal"), textarea('withdraw', 'reason', w(lang, 'Reden', 'Reason')), w(lang, 'Intrekken', 'Withdraw')));
    actions.push(form('close', w(lang, 'Afsluiten', 'Close'), textarea('close', 'reason', w(lang, 'Reden', 'Reason')), w(lang, 'Afsluiten', 'Close')));
  }
  actions.push(form('note', w(lang, 'Notitie toevoegen', 'Add a note'), textarea('note', 'text', w(lang, 'Notitie (alleen intern)', 'Note (internal only)')), w(lang, 'Opslaan', 'Save')));

  // Parties: who is complained about is what staff confirm here, never what a name resembles.
  const staffOptions = procedureStaff(p).map((m) => ({ value: m.email, label: `${m.name} (${m.email})` }));
  const partyOptions = d.parties.map((x) => ({ value: x.id, label: `${partyRole(x.role, lang)}: ${x.name ?? x.email ?? x.id}` }));
  const contactFields = (type: string) =>
    html`${input(type, 'name', w(lang, 'Naam', 'Name'))}${input(type, 'email', w(lang, 'E-mailadres', 'E-mail'), 'email')}${input(type, 'address', w(lang, 'Postadres', 'Postal address'))}${input(type, 'phone', w(lang, 'Telefoon', 'Phone'), 'tel')}`;
  const partyActions: Html[] = [
    form('add-party', w(lang, 'Betrokkene toevoegen', 'Add a party'), html`${select('add-party', 'role', w(lang, 'Rol', 'Role'), (['complained-about', 'representative'] as const).map((r) => ({ value: r, label: partyRole(r, lang) })))}${contactFields('add-party')}`, w(lang, 'Toevoegen', 'Add')),
    form('correct-party', w(lang, 'Gegevens van een betrokkene corrigeren', "Correct a party's details"), html`${select('correct-party', 'party', w(lang, 'Betrokkene', 'Party'), partyOptions)}${contactFields('correct-party')}`, w(lang, 'Corrigeren', 'Correct')),
  ];
  const about = d.parties.filter((x) => x.role === 'complained-about');
  if (about.length)
    partyActions.push(
      form(
        'identify-party',
        w(lang, 'Vaststellen dat de klacht over een medewerker gaat', 'Confirm that the complaint is about a staff member'),
        html`${select('identify-party', 'party', w(lang, 'Over wie de klacht gaat', 'Complained about'), about.map((x) => ({ value: x.id, label: x.name ?? x.id })))}${field(
          id('identify-party', 'staff'),
          w(lang, 'Medewerker', 'Staff member'),
          html`<select id="${id('identify-party', 'staff')}" name="staff" aria-describedby="${id('identify-party', 'staff')}-hint"><option value="">${w(lang, 'Geen medewerker (correctie)', 'Not a staff member (correction)')}</option>${staffOptions.map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select>`,
          w(lang, 'Deze medewerker ziet de klacht daarna niet meer en kan haar niet behandelen.', 'This staff member can then no longer see or handle the complaint.'),
        )}`,
        w(lang, 'Vaststellen', 'Confirm'),
      ),
    );
  const partyRow = (x: CaseDetail['parties'][number]) => html`<tr><th scope="row">${partyRole(x.role, lang)}</th><td>${partyLine(x) || '-'}${x.staff ? html`<br>${w(lang, 'Vastgesteld als medewerker', 'Identified as staff member')}: ${x.staff}` : ''}${
    x.suggestions?.length ? html`<br><span class="muted">${w(lang, 'Lijkt op', 'Resembles')}: ${x.suggestions.map((m) => `${m.name} (${m.email})`).join(', ')}. ${w(lang, 'Alleen een suggestie: bevestig het hieronder als het klopt.', 'Only a suggestion: confirm it below if it is right.')}</span>` : ''
  }</td></tr>`;
  const partiesSection = html`<h2>${w(lang, 'Betrokkenen', 'Parties')}</h2>
<table>${d.parties.map(partyRow)}<tr><th scope="row">${w(lang, 'Behandelaars', 'Handlers')}</th><td>${d.handlers.map((h) => h.name).join(', ') || '-'}</td></tr></table>
${partyActions}`;

  return shell(
    p,
    lang,
    `${d.reference}${notice.error ? w(lang, ' (fout)', ' (error)') : ''}`,
    me,
    csrf,
    html`${notice.error ? html`<div class="summary" role="alert" tabindex="-1"><h2>${w(lang, 'Dat lukte niet', 'That did not work')}</h2><p>${notice.error}</p></div>` : ''}
${notice.done ? html`<div class="notice" role="status"><p>${w(lang, 'Gelukt', 'Done')}: ${notice.done}</p></div>` : ''}
<h1>${w(lang, 'Klacht', 'Complaint')} <span class="ref">${d.reference}</span></h1>
<table>
<tr><th scope="row">${w(lang, 'Status', 'Status')}</th><td>${d.statusLabel}${d.admissibility === 'pending' ? w(lang, ' (te laat ingediend: ontvankelijkheid beoordelen)', ' (late: decide admissibility)') : ''}</td></tr>
<tr><th scope="row">${w(lang, 'Fase', 'Stage')}</th><td>${d.stage.name}</td></tr>
<tr><th scope="row">${w(lang, 'Behandelaar', 'Handler')}</th><td>${d.handler ?? w(lang, 'nog niet toegewezen', 'not assigned yet')}</td></tr>
<tr><th scope="row">${w(lang, 'Ontvangen', 'Received')}</th><td>${d.receivedOn} (${d.channel})</td></tr>
</table>
<h2>${w(lang, 'Termijnen', 'Terms')}</h2>
${d.terms.length ? html`<ul>${d.terms.map((t) => html`<li>${badge(t.urgency, lang)} ${t.label}: ${t.date}${t.isDefault ? w(lang, ' (wettelijke standaardtermijn)', ' (statutory default)') : ''}</li>`)}</ul>` : html`<p>${w(lang, 'Geen lopende termijnen.', 'No running terms.')}</p>`}
${caseLetters(p, lang, d)}
<h2>${w(lang, 'De klacht', 'The complaint')}</h2>
<table>${d.fields.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</table>
${partiesSection}
<h2>${w(lang, 'Acties', 'Actions')}</h2>
${actions}
<h2>${w(lang, 'Tijdlijn', 'Timeline')}</h2>
<ol class="timeline">${d.timeline.map(
      (t) => html`<li><span class="muted">${t.date}</span>: ${t.text}${t.by && t.by.includes('@') ? html` <span class="muted">(${t.by})</span>` : ''}${t.blob ? html` <a href="/staff/cases/${d.reference}/original?key=${t.blob}">${w(lang, 'origineel', 'original')}</a>` : ''}${t.attachments ? html`<br>${w(lang, 'Bijlagen', 'Attachments')}: ${t.attachments.map((a) => (a.key ? html`<a href="/staff/cases/${d.reference}/original?key=${a.key}">${a.name}</a> ` : html`${a.name} (${w(lang, 'niet bewaard', 'not kept')}: ${a.refused}) `))}` : ''}</li>`,
    )}</ol>
${privacySection(p, lang, me, csrf, d.reference, notice.action === 'erase')}`,
  );
}

/** The dossier, the audit export and the AVG requests of a case. */
function privacySection(p: Procedure, lang: Lang, me: StaffMember, csrf: string, ref: string, open: boolean): Html {
  const label: Record<ErasureGrounds, string> = {
    'verzoek-betrokkene': w(lang, 'Verzoek van de klager (AVG art. 17)', "The complainant's request (GDPR art. 17)"),
    onrechtmatig: w(lang, 'Onrechtmatig verwerkt', 'Unlawfully processed'),
    'wettelijke-plicht': w(lang, 'Wettelijke plicht tot wissen', 'A legal obligation to erase'),
  };
  const grounds = ERASURE_GROUNDS.map((value) => ({ value, label: label[value] }));
  return html`<h2>${w(lang, 'Dossier en privacy', 'Dossier and privacy')}</h2>
<ul>
<li><a href="/staff/cases/${ref}/dossier">${w(lang, 'Dossier om af te drukken (voor een commissie, ombudsman of toezichthouder)', 'Printable dossier (for a committee, an ombudsman or a supervisor)')}</a></li>
<li><a href="/api/staff/cases/${ref}/export">${w(lang, 'Audittrail exporteren (JSON, controleerbaar)', 'Export the audit trail (JSON, verifiable)')}</a></li>
<li><a href="/api/staff/cases/${ref}/export?purpose=access">${w(lang, 'Inzageverzoek van de klager (AVG art. 15): export', "The complainant's access request (GDPR art. 15): export")}</a></li>
</ul>
<p class="muted">${w(lang, 'Elke weergave en export wordt op de klacht vastgelegd.', 'Every view and export is recorded on the case.')}</p>
${mayErase(p, me)
    ? html`<details${open ? html` open` : ''}><summary>${w(lang, 'Gegevens wissen op verzoek (AVG art. 17)', 'Erase the data on request (GDPR art. 17)')}</summary>
<form method="post" action="/staff/cases/${ref}/erase" novalidate>
<input type="hidden" name="csrf" value="${csrf}">
<p>${w(lang, 'De klacht wordt direct en definitief verwijderd: alle gegevens, e-mails en bijlagen. Alleen de anonieme cijfers blijven in het register.', 'The complaint is deleted at once and for good: all data, e-mails and attachments. Only the anonymous figures stay in the register.')}</p>
${field('erase-grounds', w(lang, 'Grond', 'Grounds'), html`<select id="erase-grounds" name="grounds">${grounds.map((g) => html`<option value="${g.value}">${g.label}</option>`)}</select>`)}
${field('erase-confirm', w(lang, `Typ ter bevestiging het kenmerk (${ref})`, `Type the reference to confirm (${ref})`), html`<input type="text" id="erase-confirm" name="confirm" autocomplete="off">`)}
<button type="submit" style="background:#b10e1e;border-bottom-color:#5a0710">${w(lang, 'Klacht definitief wissen', 'Erase the complaint for good')}</button>
</form></details>`
    : ''}`;
}

export function renderNewComplaint(p: Procedure, lang: Lang, me: StaffMember, csrf: string, values: Record<string, string>, refusal?: RefusalBody): string {
  const errors = refusal ? fieldTexts(refusal, lang, p) : [];
  const errorOf = (key: string) => errors.find((f) => f.field === key)?.message;
  const channels = [
    { value: 'phone', label: w(lang, 'Telefonisch', 'By phone') },
    { value: 'in-person', label: w(lang, 'Persoonlijk', 'In person') },
    { value: 'letter', label: w(lang, 'Per brief', 'By letter') },
    { value: 'email', label: w(lang, 'Per e-mail', 'By e-mail') },
  ].filter((c) => p.intake.channels.includes(c.value as never));
  return shell(
    p,
    lang,
    w(lang, 'Klacht invoeren', 'Enter a complaint'),
    me,
    csrf,
    html`<h1>${w(lang, 'Klacht invoeren namens de klager', 'Enter a complaint for the complainant')}</h1>
${refusal ? html`<div class="summary" role="alert" tabindex="-1"><h2>${w(lang, 'Er is een probleem', 'There is a problem')}</h2><p>${refusalText(refusal, lang, p)}</p>${errors.length ? html`<ul>${errors.map((f) => html`<li><a href="#n-${f.field}">${f.message}</a></li>`)}</ul>` : ''}</div>` : ''}
<form method="post" action="/staff/new" novalidate>
<input type="hidden" name="csrf" value="${csrf}">
${field('n-channel', w(lang, 'Hoe kwam de klacht binnen?', 'How did the complaint come in?'), html`<select id="n-channel" name="channel">${channels.map((c) => html`<option value="${c.value}"${values.channel === c.value ? html` selected` : ''}>${c.label}</option>`)}</select>`)}
${staffFields(p).map((f) => {
      const err = errorOf(f.key);
      const control =
        f.type === 'textarea' ? html`<textarea id="n-${f.key}" name="${f.key}" rows="4">${values[f.key] ?? ''}</textarea>`
        : f.type === 'select' ? html`<select id="n-${f.key}" name="${f.key}"><option value="">${w(lang, 'Kies…', 'Choose…')}</option>${(f.options ?? []).map((o) => html`<option value="${o.value}"${values[f.key] === o.value ? html` selected` : ''}>${o.label[lang]}</option>`)}</select>`
        : html`<input type="${f.type === 'checkbox' ? 'text' : f.type}" id="n-${f.key}" name="${f.key}" value="${values[f.key] ?? ''}">`;
      return html`<div class="field${err ? ' invalid' : ''}"><label for="n-${f.key}">${f.label[lang]} <span class="req">${f.required ? w(lang, '(verplicht)', '(required)') : w(lang, '(niet verplicht)', '(optional)')}</span></label>${err ? html`<p class="error">${err}</p>` : ''}${control}</div>`;
    })}
<button type="submit">${w(lang, 'Klacht registreren', 'Register complaint')}</button>
</form>`,
  );
}

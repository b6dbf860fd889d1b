/**
 * The register, the reports and the dossier in the staff workspace: readable pages with simple
 * charts (bars drawn with CSS, the numbers always written next to them), printable.
 */
import { words as w } from '../presentation/words.ts';
import { letterEventLine } from '../presentation/letters.ts';
import { amsterdamDate, formatDate } from '../calendar/index.ts';
import type { AuditExport, ChainLink, Verification } from '../policy/audit-chain.ts';
import { outcomeLabel, stageName } from '../presentation/present.ts';
import { partyChange } from '../presentation/parties.ts';
import type { CaseEvent } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import { figureRows, type Report } from '../app/reports/build.ts';
import type { Signal } from '../reports/figures.ts';
import { lastCompleted, periodLabel, periodOf, previous } from '../reports/periods.ts';
import type { Register } from '../app/reports/register.ts';
import type { StaffMember } from '../staff/auth.ts';
import type { CaseDetail } from '../app/staff-views.ts';
import { html, type Html } from './html.ts';
import { shell } from './staff.ts';


/** A table wider than the page scrolls on its own (and can be reached and scrolled with the keyboard). */
const wide = (label: string, table: Html) =>
  html`<div role="region" aria-label="${label}" tabindex="0" style="overflow-x:auto;margin:0 0 16px"><style>.wide{min-width:56rem}.wide td,.wide th{overflow-wrap:normal}@media print{.wide{min-width:0}[role=region]{overflow:visible!important}}</style>${table}</div>`;

const TERM_OUTCOME: Record<string, { nl: string; en: string }> = {
  met: { nl: 'gehaald', en: 'met' },
  missed: { nl: 'niet gehaald', en: 'missed' },
  cancelled: { nl: 'vervallen', en: 'lapsed' },
};
const termOutcome = (o: string, lang: Lang) => TERM_OUTCOME[o]?.[lang] ?? o;

/** Why the system closed a case, in words; a reason staff wrote stays as they wrote it. */
const CLOSE_REASON: Record<string, { nl: string; en: string }> = {
  decided: { nl: 'na het besluit', en: 'after the decision' },
  'appeal-window-passed': { nl: 'de termijn om verder te gaan is verstreken', en: 'the term to take it further passed' },
  'term-expired': { nl: 'de termijn is verstreken', en: 'the term passed' },
};
const CHART_CSS = 'display:inline-block;height:.9em;background:#154273;vertical-align:middle';
const EVERY: Record<string, { nl: string; en: string }> = {
  month: { nl: 'elke maand', en: 'every month' },
  quarter: { nl: 'elk kwartaal', en: 'every quarter' },
  year: { nl: 'elk jaar', en: 'every year' },
};

/** A bar chart as a table: label, number, bar (the bar is decoration; the number says it). */
function bars(lang: Lang, caption: string, items: { label: string; value: number }[]): Html {
  if (!items.length) return html`<p>${caption}: ${w(lang, 'geen', 'none')}.</p>`;
  const max = Math.max(1, ...items.map((i) => i.value));
  return html`<table class="chart"><caption style="text-align:left;font-weight:700;margin:.6em 0">${caption}</caption>
<thead><tr><th scope="col">${w(lang, 'Wat', 'What')}</th><th scope="col">${w(lang, 'Aantal', 'Number')}</th><th scope="col"><span class="hp">${w(lang, 'Staaf', 'Bar')}</span></th></tr></thead>
<tbody>${items.map(
    (i) => html`<tr><th scope="row" style="font-weight:400">${i.label}</th><td>${i.value}</td><td style="width:50%"><span aria-hidden="true" style="${CHART_CSS};width:${Math.round((i.value / max) * 100)}%"></span></td></tr>`,
  )}</tbody></table>`;
}

const entries = (counts: Record<string, number>, names: Record<string, string>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => ({ label: names[k] ?? k, value: v }));

export function renderReportsIndex(p: Procedure, lang: Lang, me: StaffMember, csrf: string, now: string): string {
  const lastQuarter = lastCompleted(now, 'quarter');
  const thisQuarter = periodOf(amsterdamDate(now), 'quarter');
  const lastYear = lastCompleted(now, 'year');
  const thisYear = periodOf(amsterdamDate(now), 'year');
  const link = (id: string, label: string, report?: string) => html`<a href="/staff/reports/${id}${report ? `?report=${report}` : ''}">${label}</a>`;
  return shell(
    p,
    lang,
    w(lang, 'Register en rapportages', 'Register and reports'),
    me,
    csrf,
    html`<h1>${w(lang, 'Register en rapportages', 'Register and reports')}</h1>
<p>${w(lang, 'De rapportages bevatten alleen anonieme cijfers: geen namen, adressen, e-mailadressen, telefoonnummers, kenmerken of vrije tekst. Ze blijven kloppen nadat klachten na hun bewaartermijn zijn verwijderd.', 'The reports hold anonymous figures only: no names, addresses, e-mail addresses, phone numbers, references or free text. They stay right after complaints are deleted at the end of their retention period.')}</p>
<h2>${w(lang, 'Register van klachten', 'Register of complaints')}</h2>
<p>${w(lang, 'Elke klacht, via elk kanaal, met onderwerp, bereikte fase, uitkomst, maatregelen en termijnen (Awb 9:12a).', 'Every complaint, from any channel, with topic, stage reached, outcome, measures and terms (Awb 9:12a).')}</p>
<ul><li><a href="/staff/register?year=${thisYear.id}">${thisYear.id}</a></li><li><a href="/staff/register?year=${lastYear.id}">${lastYear.id}</a></li></ul>
<h2>${w(lang, 'Inventarisatie per kwartaal', 'Quarterly inventory')}</h2>
<ul>
<li>${w(lang, 'Vorig kwartaal', 'Last quarter')}: ${link(lastQuarter.id, periodLabel(lastQuarter, lang))}</li>
<li>${w(lang, 'Dit kwartaal tot nu toe', 'This quarter so far')}: ${link(thisQuarter.id, periodLabel(thisQuarter, lang))}</li>
${previous(lastQuarter, 3).map((q) => html`<li>${link(q.id, periodLabel(q, lang))}</li>`)}
</ul>
<h2>${w(lang, 'Jaaroverzicht', 'Yearly overview')}</h2>
<ul><li>${link(lastYear.id, lastYear.id)}</li><li>${w(lang, 'Dit jaar tot nu toe', 'This year so far')}: ${link(thisYear.id, thisYear.id)}</li></ul>
${p.reports.length
  ? html`<h2>${w(lang, 'Rapportages uit de klachtenregeling', 'Reports the procedure names')}</h2>
<table><thead><tr><th scope="col">${w(lang, 'Rapportage', 'Report')}</th><th scope="col">${w(lang, 'Wanneer', 'When')}</th><th scope="col">${w(lang, 'Aan', 'To')}</th><th scope="col">${w(lang, 'Laatste', 'Latest')}</th></tr></thead>
<tbody>${p.reports.map((r) => {
      const last = lastCompleted(now, r.every);
      const to = 'email' in r.to ? r.to.email : (p.roles[r.to.role]?.name[lang] ?? r.to.role);
      return html`<tr><td>${r.label[lang]}${r.basis ? html`<br><span class="muted">${r.basis}</span>` : ''}</td><td>${EVERY[r.every]![lang]}, ${w(lang, 'automatisch per e-mail (CSV)', 'automatically by e-mail (CSV)')}</td><td>${to}</td><td>${link(last.id, periodLabel(last, lang), r.id)}</td></tr>`;
    })}</tbody></table>`
  : ''}`,
  );
}

function signalText(r: Report, s: Signal, lang: Lang): string {
  const [kind, code = ''] = s.measure.split(':');
  const L = r.labels;
  const what =
    kind === 'topic' ? `${w(lang, 'Onderwerp', 'Topic')} "${L.topic[code] ?? code}"`
    : kind === 'channel' ? `${w(lang, 'Kanaal', 'Channel')} "${L.channel[code] ?? code}"`
    : kind === 'outcome' ? `${w(lang, 'Uitkomst', 'Outcome')} "${L.outcome[code] ?? code}"`
    : kind === 'terms' ? w(lang, 'Termijnen niet gehaald', 'Terms missed')
    : w(lang, 'Ontvangen klachten', 'Complaints received');
  const dir = s.direction === 'up' ? w(lang, 'stijging naar', 'a rise to') : w(lang, 'daling naar', 'a fall to');
  return `${what}: ${dir} ${s.current} (${w(lang, 'eerder gemiddeld', 'on average before')} ${String(s.before).replace('.', w(lang, ',', '.'))})`;
}

export function renderReport(p: Procedure, lang: Lang, me: StaffMember, csrf: string, r: Report): string {
  const f = r.figures;
  const L = r.labels;
  const csv = `/api/staff/reports/${r.period.id}?format=csv${r.report ? `&report=${r.report.id}` : `&kind=${r.kind}`}`;
  const rows = figureRows(r);
  const other = r.period.kind === 'year' ? [] : [previous(r.period, 1)[0]!];
  return shell(
    p,
    lang,
    `${r.title}: ${r.periodLabel}`,
    me,
    csrf,
    html`<h1>${r.title}: ${r.periodLabel}</h1>
<p class="muted">${r.organisation} · ${formatDate(f.from, lang)} ${w(lang, 'tot en met', 'to')} ${formatDate(f.to, lang)} · ${w(lang, 'opgemaakt', 'made')} ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC</p>
<p><a href="${csv}" download>${w(lang, 'Download als CSV', 'Download as CSV')}</a>${other.map((o) => html` · <a href="/staff/reports/${o.id}${r.report ? `?report=${r.report.id}` : ''}">${w(lang, 'Vorige periode', 'Previous period')}: ${periodLabel(o, lang)}</a>`)} · <a href="/staff/reports">${w(lang, 'Alle rapportages', 'All reports')}</a></p>
<div class="notice"><p>${w(lang, 'Alleen anonieme cijfers: geen namen, adressen, e-mailadressen, telefoonnummers, kenmerken of vrije tekst.', 'Anonymous figures only: no names, addresses, e-mail addresses, phone numbers, references or free text.')}</p></div>
<h2>${w(lang, 'In het kort', 'In short')}</h2>
<table>
<tr><th scope="row">${w(lang, 'Ontvangen klachten', 'Complaints received')}</th><td>${f.received.total}</td></tr>
<tr><th scope="row">${w(lang, 'Afgehandeld', 'Handled')}</th><td>${f.handled.total}${f.handled.withdrawn ? html` (${w(lang, 'waarvan ingetrokken', 'of which withdrawn')}: ${f.handled.withdrawn})` : ''}</td></tr>
<tr><th scope="row">${w(lang, 'Termijnen gehaald / niet gehaald', 'Terms met / missed')}</th><td>${f.terms.met} / ${f.terms.missed}</td></tr>
<tr><th scope="row">${w(lang, 'Met maatregelen', 'With measures')}</th><td>${f.handled.withMeasures}</td></tr>
<tr><th scope="row">${w(lang, 'Doorgezet naar een volgende fase', 'Passed on to a next stage')}</th><td>${f.handled.escalated}</td></tr>
<tr><th scope="row">${w(lang, 'Doorlooptijd (dagen): gemiddeld / mediaan / langst', 'Days taken: average / median / longest')}</th><td>${f.handled.days.average ?? '-'} / ${f.handled.days.median ?? '-'} / ${f.handled.days.max ?? '-'}</td></tr>
</table>
${r.kind !== 'anonymous'
  ? html`<h2>${w(lang, 'Trends', 'Trends')}</h2>
${r.signals.length ? html`<ul>${r.signals.map((s) => html`<li>${signalText(r, s, lang)}</li>`)}</ul>` : html`<p>${w(lang, 'Geen opvallende stijging of daling tegen de eerdere perioden.', 'No marked rise or fall against the earlier periods.')}</p>`}
${bars(lang, w(lang, 'Ontvangen klachten per periode', 'Complaints received per period'), r.columns.map((c) => ({ label: c.label, value: c.figures.received.total })))}`
  : ''}
${bars(lang, w(lang, 'Ontvangen per onderwerp', 'Received by topic'), entries(f.received.byTopic, L.topic))}
${bars(lang, w(lang, 'Ontvangen per kanaal', 'Received by channel'), entries(f.received.byChannel, L.channel))}
${bars(lang, w(lang, 'Afgehandeld per uitkomst', 'Handled by outcome'), entries(f.handled.byOutcome, L.outcome))}
<h2>${w(lang, 'Termijnen', 'Terms')}</h2>
${Object.keys(f.terms.byTerm).length
  ? html`<table><thead><tr><th scope="col">${w(lang, 'Termijn', 'Term')}</th><th scope="col">${w(lang, 'Gehaald', 'Met')}</th><th scope="col">${w(lang, 'Niet gehaald', 'Missed')}</th></tr></thead><tbody>${Object.entries(f.terms.byTerm).map(
      ([k, v]) => html`<tr><th scope="row" style="font-weight:400">${L.term[k] ?? k}</th><td>${v.met}</td><td>${v.missed}</td></tr>`,
    )}</tbody></table>`
  : html`<p>${w(lang, 'Geen afgeronde termijnen in deze periode.', 'No terms ended in this period.')}</p>`}
${r.cases
  ? html`<h2>${w(lang, 'Klachten (anoniem)', 'Complaints (anonymous)')}</h2>
<table><thead><tr><th scope="col">${w(lang, 'Status', 'Status')}</th><th scope="col">${w(lang, 'Ontvangen', 'Received')}</th><th scope="col">${w(lang, 'Onderwerp', 'Topic')}</th><th scope="col">${w(lang, 'Kanaal', 'Channel')}</th><th scope="col">${w(lang, 'Uitkomst', 'Outcome')}</th><th scope="col">${w(lang, 'Dagen', 'Days')}</th><th scope="col">${w(lang, 'Maatregelen', 'Measures')}</th></tr></thead>
<tbody>${r.cases.map((c) => html`<tr><td>${c.status}</td><td>${c.receivedIn}</td><td>${L.topic[c.topic] ?? c.topic}</td><td>${L.channel[c.channel] ?? c.channel}</td><td>${c.outcome ? (L.outcome[c.outcome] ?? c.outcome) : '-'}</td><td>${c.days ?? '-'}</td><td>${c.measures ? w(lang, 'ja', 'yes') : w(lang, 'nee', 'no')}</td></tr>`)}</tbody></table>`
  : ''}
<h2>${w(lang, 'Alle cijfers', 'All figures')}</h2>
${wide(w(lang, 'Alle cijfers', 'All figures'), html`<table class="wide"><thead><tr><th scope="col">${w(lang, 'Onderdeel', 'Section')}</th><th scope="col">${w(lang, 'Omschrijving', 'Item')}</th>${r.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${rows.map(([section, , label, ...values]) => html`<tr><td>${section}</td><th scope="row" style="font-weight:400">${label}</th>${values.map((v) => html`<td>${v ?? '-'}</td>`)}</tr>`)}</tbody></table>`)}`,
  );
}

export function renderRegister(p: Procedure, lang: Lang, me: StaffMember, csrf: string, reg: Register, labels: Report['labels']): string {
  const result = { met: w(lang, 'gehaald', 'met'), missed: w(lang, 'niet gehaald', 'missed'), open: w(lang, 'loopt', 'running') };
  const year = Number(reg.year);
  return shell(
    p,
    lang,
    `${w(lang, 'Register van klachten', 'Register of complaints')} ${reg.year}`,
    me,
    csrf,
    html`<h1>${w(lang, 'Register van klachten', 'Register of complaints')} ${reg.year}</h1>
<p><a href="/api/staff/register?year=${reg.year}&format=csv" download>${w(lang, 'Download als CSV', 'Download as CSV')}</a> · <a href="/staff/register?year=${year - 1}">${year - 1}</a> · <a href="/staff/register?year=${year + 1}">${year + 1}</a> · <a href="/staff/reports/${reg.year}">${w(lang, 'Jaaroverzicht', 'Yearly overview')}</a></p>
<p>${reg.lines.length} ${w(lang, 'klachten ontvangen in', 'complaints received in')} ${reg.year}${reg.removed ? html`; ${w(lang, 'daarnaast', 'besides')} ${reg.removed} ${w(lang, 'die na hun bewaartermijn of op verzoek zijn verwijderd (alleen nog als anonieme cijfers in de rapportages)', 'deleted after their retention period or on request (only in the reports’ anonymous figures now)')}` : ''}.</p>
${reg.lines.length
  ? wide(w(lang, 'Register', 'Register'), html`<table class="wide"><thead><tr><th scope="col">${w(lang, 'Kenmerk', 'Reference')}</th><th scope="col">${w(lang, 'Ontvangen', 'Received')}</th><th scope="col">${w(lang, 'Onderwerp', 'Topic')}</th><th scope="col">${w(lang, 'Fase en status', 'Stage and status')}</th><th scope="col">${w(lang, 'Uitkomst en maatregelen', 'Outcome and measures')}</th><th scope="col">${w(lang, 'Termijnen', 'Terms')}</th></tr></thead>
<tbody>${reg.lines.map(
      (l) => html`<tr><td style="white-space:nowrap"><a href="/staff/cases/${l.reference}">${l.reference}</a></td><td>${l.receivedOn}<br><span class="muted">${labels.channel[l.channel] ?? l.channel}</span></td><td>${labels.topic[l.topic] ?? l.topic}</td><td>${l.stageName}<br><span class="muted">${l.statusLabel}${l.closedOn ? ` ${l.closedOn}` : ''}</span></td><td>${l.outcomeLabel ?? '-'}${l.measures ? html`<br><span class="muted">${l.measures}</span>` : ''}</td><td>${l.terms.length ? l.terms.map((t) => html`${t.label}: ${result[t.result]}<br>`) : '-'}</td></tr>`,
    )}</tbody></table>`)
  : html`<p>${w(lang, 'Geen klachten.', 'No complaints.')}</p>`}`,
  );
}

/** One line per event, for the dossier: what happened, by whom (views included). */
function eventLine(p: Procedure, e: CaseEvent, lang: Lang, ref: string): string {
  const nl = lang === 'nl';
  const stage = (id: string) => {
    try {
      return stageName(p, id, lang);
    } catch {
      return id;
    }
  };
  switch (e.type) {
    case 'submitted':
      return `${nl ? 'Klacht ontvangen' : 'Complaint received'} (${e.channel}${e.enteredBy ? `, ${nl ? 'ingevoerd door' : 'entered by'} ${e.enteredBy}` : ''})`;
    case 'viewed':
      return `${nl ? 'Bekeken door' : 'Viewed by'} ${e.by}${e.what ? ` (${e.what})` : ''}`;
    case 'stage-started':
      return `${nl ? 'Fase gestart' : 'Stage started'}: ${stage(e.stage)}`;
    case 'term-started':
      return `${nl ? 'Termijn gestart' : 'Term started'}: ${e.termId}, ${nl ? 'uiterlijk' : 'by'} ${e.lastDay}`;
    case 'term-extended':
      return `${nl ? 'Termijn verlengd tot' : 'Term extended to'} ${e.term.lastDay}: ${e.reason}${e.consent ? ` (${nl ? 'instemming' : 'consent'}: ${e.consent})` : ''}`;
    case 'term-ended':
      return `${nl ? 'Termijn beëindigd' : 'Term ended'}: ${e.instance} (${termOutcome(e.outcome, lang)})`;
    case 'decided':
      return `${nl ? 'Besluit' : 'Decision'}: ${outcomeLabel(p, e.outcome, lang)}. ${e.motivation}${e.measures ? ` ${nl ? 'Maatregelen' : 'Measures'}: ${e.measures}` : ''}`;
    case 'advised':
      return `${nl ? 'Advies' : 'Advice'}: ${outcomeLabel(p, e.outcome, lang)}. ${e.motivation} ${nl ? 'Aanbeveling' : 'Recommendation'}: ${e.recommendation}`;
    case 'conversation-recorded':
      return `${nl ? 'Gesprek op' : 'Conversation on'} ${e.date} (${e.attendees.join(', ')}; ${nl ? 'getekend door' : 'signed by'} ${e.signedBy.join(', ') || '-'}): ${e.summary}`;
    case 'response-requested':
      return `${nl ? 'Reactie gevraagd aan' : 'Response requested from'} ${e.from}: ${e.question}`;
    case 'response-recorded':
      return `${nl ? 'Reactie van' : 'Response from'} ${e.from}: ${e.text}`;
    case 'message-received':
      return `${nl ? 'E-mail van' : 'E-mail from'} ${e.sender} (${e.party}${e.noise ? `, ${e.noise}` : ''}): ${e.text}`;
    case 'message-sent':
      return `${nl ? 'Bericht aan de klager' : 'Message to the complainant'}: ${e.text}`;
    case 'note-added':
      return `${nl ? 'Notitie' : 'Note'}: ${e.text}`;
    case 'escalated':
      return `${nl ? 'Doorgezet' : 'Passed on'}: ${stage(e.from)} → ${stage(e.to)}. ${e.reason}`;
    case 'withdrawn':
      return `${nl ? 'Ingetrokken' : 'Withdrawn'}: ${e.reason}`;
    case 'closed':
      return `${nl ? 'Afgesloten' : 'Closed'}: ${e.by === 'system' ? (CLOSE_REASON[e.reason]?.[lang] ?? e.reason) : e.reason}`;
    case 'acknowledged':
      return `${nl ? 'Behandeling bevestigd' : 'Handling confirmed'}`;
    case 'assigned':
      return `${nl ? 'Toegewezen aan' : 'Assigned to'} ${e.handler}`;
    case 'admitted':
      return `${nl ? 'Toegelaten (te laat ingediend)' : 'Admitted (late)'}: ${e.reason}`;
    case 'completed':
      return nl ? 'Aangevuld door de klager' : 'Completed by the complainant';
    case 'party-added':
    case 'party-corrected':
    case 'party-identified':
      return partyChange(e, lang);
    case 'term-reminded':
      return `${nl ? 'Herinnering verstuurd' : 'Reminder sent'}: ${e.instance}`;
    case 'letter-queued':
    case 'letter-posted':
      return letterEventLine(p, { reference: ref, stage: '' }, e, lang);
  }
}

const by = (e: CaseEvent) => ('by' in e && typeof e.by === 'string' ? e.by : undefined);

/** The printable dossier: the case, its whole timeline with every view, and the audit chain with its check. */
export function renderDossier(p: Procedure, lang: Lang, me: StaffMember, csrf: string, x: AuditExport, d: CaseDetail, v: Verification): string {
  const short = (h: string) => `${h.slice(0, 12)}…`;
  const link = (c: ChainLink) => html`<tr><td>${c.seq}</td><td>${c.at.slice(0, 19).replace('T', ' ')}</td><td>${(c.events as CaseEvent[]).map((e) => html`${eventLine(p, e, lang, x.reference)}${by(e)?.includes('@') && e.type !== 'viewed' ? html` <span class="muted">(${by(e)})</span>` : ''}<br>`)}</td><td><code title="${c.hash}">${short(c.hash)}</code></td></tr>`;
  return shell(
    p,
    lang,
    `${w(lang, 'Dossier', 'Dossier')} ${x.reference}`,
    me,
    csrf,
    html`<h1>${w(lang, 'Dossier van klacht', 'Dossier of complaint')} <span class="ref">${x.reference}</span></h1>
<table>
<tr><th scope="row">${w(lang, 'Organisatie', 'Organisation')}</th><td>${p.organisation.name}</td></tr>
<tr><th scope="row">${w(lang, 'Klachtenregeling', 'Procedure')}</th><td>${x.procedureId} (${w(lang, 'versie', 'version')} <code>${x.procedureHash.slice(0, 12)}</code>)</td></tr>
<tr><th scope="row">${w(lang, 'Opgemaakt', 'Made')}</th><td>${x.exportedAt.slice(0, 19).replace('T', ' ')} UTC ${w(lang, 'door', 'by')} ${x.exportedBy}</td></tr>
<tr><th scope="row">${w(lang, 'Status', 'Status')}</th><td>${d.statusLabel}; ${d.stage.name}</td></tr>
<tr><th scope="row">${w(lang, 'Ontvangen', 'Received')}</th><td>${formatDate(d.receivedOn, lang)} (${d.channel})</td></tr>
<tr><th scope="row">${w(lang, 'Klager', 'Complainant')}</th><td>${[d.complainant.name, d.complainant.email, d.complainant.phone].filter(Boolean).join(' · ') || w(lang, 'anoniem', 'anonymous')}</td></tr>
<tr><th scope="row">${w(lang, 'Audittrail', 'Audit trail')}</th><td>${v.ok ? w(lang, `onveranderd: ${v.commits} vastleggingen, keten sluit`, `unchanged: ${v.commits} commits, the chain holds`) : html`<strong class="overdue">${w(lang, 'GEWIJZIGD', 'CHANGED')}: ${v.problem ?? ''}</strong>`}<br><span class="muted">${w(lang, 'laatste hash', 'head hash')} <code>${x.head}</code></span></td></tr>
</table>
<h2>${w(lang, 'De klacht', 'The complaint')}</h2>
<table>${d.fields.map(([k, val]) => html`<tr><th scope="row">${k}</th><td>${val}</td></tr>`)}</table>
<h2>${w(lang, 'Termijnen', 'Terms')}</h2>
${d.termLog.length || d.terms.length
  ? html`<ul>${d.termLog.map((t) => html`<li>${t.term}: ${t.lastDay} (${termOutcome(t.outcome, lang)})</li>`)}${d.terms.map((t) => html`<li>${t.label}: ${t.lastDay} (${w(lang, 'loopt', 'running')})</li>`)}</ul>`
  : html`<p>-</p>`}
<h2>${w(lang, 'Verloop, met elke weergave', 'History, with every view')}</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">${w(lang, 'Tijd (UTC)', 'Time (UTC)')}</th><th scope="col">${w(lang, 'Gebeurtenissen', 'Events')}</th><th scope="col">Hash</th></tr></thead>
<tbody>${x.commits.map(link)}</tbody></table>
<p class="muted">${w(lang, 'Controleer de export met', 'Check the export with')} <code>npm run audit -- verify &lt;export.json&gt;</code>.</p>`,
  );
}

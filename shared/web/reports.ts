/**
 * The register, the reports and the dossier in the staff workspace: readable pages with simple
 * charts (bars drawn with CSS, the numbers always written next to them), printable.
 */
import { text, textOr } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { letterEventLine } from '../presentation/letters.ts';
import { amsterdamDate, formatDate } from '../calendar/index.ts';
import { wallTime } from '../calendar/local-date.ts';
import type { AuditExport, ChainLink, Verification } from '../policy/audit-chain.ts';
import { stageName } from '../presentation/present.ts';
import { staffEventLine } from '../presentation/event-lines.ts';
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

const termOutcome = (p: Procedure, o: string, lang: Lang) => textOr(p, `dossier.term.${o}`, lang, o);
const CHART_CSS = 'display:inline-block;height:.9em;background:#154273;vertical-align:middle';
/** A bar chart as a table: label, number, bar (the bar is decoration; the number says it). */
function bars(p: Procedure, lang: Lang, caption: string, items: { label: string; value: number }[]): Html {
  if (!items.length) return html`<p>${caption}: ${text(p, 'reports.none', lang)}.</p>`;
  const max = Math.max(1, ...items.map((i) => i.value));
  return html`<table class="chart"><caption style="text-align:left;font-weight:700;margin:.6em 0">${caption}</caption>
<thead><tr><th scope="col">${text(p, 'reports.what', lang)}</th><th scope="col">${text(p, 'reports.number', lang)}</th><th scope="col"><span class="hp">${text(p, 'reports.bar', lang)}</span></th></tr></thead>
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
  return shell(p, lang, text(p, 'workspace.registerAndReports', lang), me, csrf, html`<h1>${text(p, 'workspace.registerAndReports', lang)}</h1>
<p>${text(p, 'reports.theReportsHoldAnonymousFigures', lang)}</p>
<h2>${text(p, 'reports.registerOfComplaints', lang)}</h2>
<p>${text(p, 'reports.everyComplaintFromAnyChannel', lang)}</p>
<ul><li><a href="/staff/register?year=${thisYear.id}">${thisYear.id}</a></li><li><a href="/staff/register?year=${lastYear.id}">${lastYear.id}</a></li></ul>
<h2>${text(p, 'reports.quarterlyInventory', lang)}</h2>
<ul>
<li>${text(p, 'reports.lastQuarter', lang)}: ${link(lastQuarter.id, periodLabel(lastQuarter, lang))}</li>
<li>${text(p, 'reports.thisQuarterSoFar', lang)}: ${link(thisQuarter.id, periodLabel(thisQuarter, lang))}</li>
${previous(lastQuarter, 3).map((q) => html`<li>${link(q.id, periodLabel(q, lang))}</li>`)}
</ul>
<h2>${text(p, 'reports.yearlyOverview', lang)}</h2>
<ul><li>${link(lastYear.id, lastYear.id)}</li><li>${text(p, 'reports.thisYearSoFar', lang)}: ${link(thisYear.id, thisYear.id)}</li></ul>
${p.reports.length
  ? html`<h2>${text(p, 'reports.reportsTheProcedureNames', lang)}</h2>
<table><thead><tr><th scope="col">${text(p, 'reports.report', lang)}</th><th scope="col">${text(p, 'reports.when', lang)}</th><th scope="col">${text(p, 'reports.to', lang)}</th><th scope="col">${text(p, 'reports.latest', lang)}</th></tr></thead>
<tbody>${p.reports.map((r) => {
      const last = lastCompleted(now, r.every);
      const to = 'email' in r.to ? r.to.email : (p.roles[r.to.role]?.name[lang] ?? r.to.role);
      return html`<tr><td>${r.label[lang]}${r.basis ? html`<br><span class="muted">${r.basis}</span>` : ''}</td><td>${text(p, `every.${r.every}`, lang)}, ${text(p, 'reports.automaticallyByEMailCsv', lang)}</td><td>${to}</td><td>${link(last.id, periodLabel(last, lang), r.id)}</td></tr>`;
    })}</tbody></table>`
  : ''}`,
  );
}

function signalText(p: Procedure, r: Report, s: Signal, lang: Lang): string {
  const [kind, code = ''] = s.measure.split(':');
  const L = r.labels;
  const what =
    kind === 'topic' ? `${text(p, 'reports.topic', lang)} "${L.topic[code] ?? code}"`
    : kind === 'channel' ? `${text(p, 'reports.channel', lang)} "${L.channel[code] ?? code}"`
    : kind === 'outcome' ? `${text(p, 'workspace.outcome', lang)} "${L.outcome[code] ?? code}"`
    : kind === 'terms' ? text(p, 'reports.termsMissed', lang)
    : text(p, 'reports.complaintsReceived', lang);
  const dir = s.direction === 'up' ? text(p, 'reports.aRiseTo', lang) : text(p, 'reports.aFallTo', lang);
  return `${what}: ${dir} ${s.current} (${text(p, 'reports.onAverageBefore', lang)} ${String(s.before).replace('.', text(p, 'reports.word', lang))})`;
}

export function renderReport(p: Procedure, lang: Lang, me: StaffMember, csrf: string, r: Report): string {
  const f = r.figures;
  const L = r.labels;
  const csv = `/api/staff/reports/${r.period.id}?format=csv${r.report ? `&report=${r.report.id}` : `&kind=${r.kind}`}`;
  const rows = figureRows(r);
  const other = r.period.kind === 'year' ? [] : [previous(r.period, 1)[0]!];
  return shell(p, lang, `${r.title}: ${r.periodLabel}`, me, csrf, html`<h1>${r.title}: ${r.periodLabel}</h1>
<p class="muted">${r.organisation} · ${formatDate(f.from, lang)} ${text(p, 'reports.to2', lang)} ${formatDate(f.to, lang)} · ${text(p, 'reports.made', lang)} ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC</p>
<p><a href="${csv}" download>${text(p, 'reports.downloadAsCsv', lang)}</a>${other.map((o) => html` · <a href="/staff/reports/${o.id}${r.report ? `?report=${r.report.id}` : ''}">${text(p, 'reports.previousPeriod', lang)}: ${periodLabel(o, lang)}</a>`)} · <a href="/staff/reports">${text(p, 'reports.allReports', lang)}</a></p>
<div class="notice"><p>${text(p, 'reports.anonymousFiguresOnlyNoNames', lang)}</p></div>
<h2>${text(p, 'reports.inShort', lang)}</h2>
<table>
<tr><th scope="row">${text(p, 'reports.complaintsReceived', lang)}</th><td>${f.received.total}</td></tr>
<tr><th scope="row">${text(p, 'reports.handled', lang)}</th><td>${f.handled.total}${f.handled.withdrawn ? html` (${text(p, 'reports.ofWhichWithdrawn', lang)}: ${f.handled.withdrawn})` : ''}</td></tr>
<tr><th scope="row">${text(p, 'reports.termsMetMissed', lang)}</th><td>${f.terms.met} / ${f.terms.missed}</td></tr>
<tr><th scope="row">${text(p, 'reports.withMeasures', lang)}</th><td>${f.handled.withMeasures}</td></tr>
<tr><th scope="row">${text(p, 'reports.passedOnToANext', lang)}</th><td>${f.handled.escalated}</td></tr>
<tr><th scope="row">${text(p, 'reports.daysTakenAverageMedianLongest', lang)}</th><td>${f.handled.days.average ?? '-'} / ${f.handled.days.median ?? '-'} / ${f.handled.days.max ?? '-'}</td></tr>
</table>
${r.kind !== 'anonymous'
  ? html`<h2>${text(p, 'reports.trends', lang)}</h2>
${r.signals.length ? html`<ul>${r.signals.map((s) => html`<li>${signalText(p, r, s, lang)}</li>`)}</ul>` : html`<p>${text(p, 'reports.noMarkedRiseOrFall', lang)}</p>`}
${bars(p, lang, text(p, 'reports.complaintsReceivedPerPeriod', lang), r.columns.map((c) => ({ label: c.label, value: c.figures.received.total })))}`
  : ''}
${bars(p, lang, text(p, 'reports.receivedByTopic', lang), entries(f.received.byTopic, L.topic))}
${bars(p, lang, text(p, 'reports.receivedByChannel', lang), entries(f.received.byChannel, L.channel))}
${bars(p, lang, text(p, 'reports.handledByOutcome', lang), entries(f.handled.byOutcome, L.outcome))}
<h2>${text(p, 'workspace.terms', lang)}</h2>
${Object.keys(f.terms.byTerm).length
  ? html`<table><thead><tr><th scope="col">${text(p, 'reports.term', lang)}</th><th scope="col">${text(p, 'reports.met', lang)}</th><th scope="col">${text(p, 'reports.missed', lang)}</th></tr></thead><tbody>${Object.entries(f.terms.byTerm).map(
      ([k, v]) => html`<tr><th scope="row" style="font-weight:400">${L.term[k] ?? k}</th><td>${v.met}</td><td>${v.missed}</td></tr>`,
    )}</tbody></table>`
  : html`<p>${text(p, 'reports.noTermsEndedInThis', lang)}</p>`}
${r.cases
  ? html`<h2>${text(p, 'reports.complaintsAnonymous', lang)}</h2>
<table><thead><tr><th scope="col">${text(p, 'workspace.status', lang)}</th><th scope="col">${text(p, 'workspace.received', lang)}</th><th scope="col">${text(p, 'reports.topic', lang)}</th><th scope="col">${text(p, 'reports.channel', lang)}</th><th scope="col">${text(p, 'workspace.outcome', lang)}</th><th scope="col">${text(p, 'reports.days', lang)}</th><th scope="col">${text(p, 'workspace.measures', lang)}</th></tr></thead>
<tbody>${r.cases.map((c) => html`<tr><td>${c.status}</td><td>${c.receivedIn}</td><td>${L.topic[c.topic] ?? c.topic}</td><td>${L.channel[c.channel] ?? c.channel}</td><td>${c.outcome ? (L.outcome[c.outcome] ?? c.outcome) : '-'}</td><td>${c.days ?? '-'}</td><td>${c.measures ? text(p, 'reports.yes', lang) : text(p, 'reports.no', lang)}</td></tr>`)}</tbody></table>`
  : ''}
<h2>${text(p, 'reports.allFigures', lang)}</h2>
${wide(text(p, 'reports.allFigures', lang), html`<table class="wide"><thead><tr><th scope="col">${text(p, 'reports.section', lang)}</th><th scope="col">${text(p, 'reports.item', lang)}</th>${r.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${rows.map(([section, , label, ...values]) => html`<tr><td>${section}</td><th scope="row" style="font-weight:400">${label}</th>${values.map((v) => html`<td>${v ?? '-'}</td>`)}</tr>`)}</tbody></table>`)}`,
  );
}

export function renderRegister(p: Procedure, lang: Lang, me: StaffMember, csrf: string, reg: Register, labels: Report['labels']): string {
  const result = { met: text(p, 'dossier.term.met', lang), missed: text(p, 'dossier.term.missed', lang), open: text(p, 'reports.running', lang) };
  const year = Number(reg.year);
  return shell(p, lang, `${text(p, 'reports.registerOfComplaints', lang)} ${reg.year}`, me, csrf, html`<h1>${text(p, 'reports.registerOfComplaints', lang)} ${reg.year}</h1>
<p><a href="/api/staff/register?year=${reg.year}&format=csv" download>${text(p, 'reports.downloadAsCsv', lang)}</a> · <a href="/staff/register?year=${year - 1}">${year - 1}</a> · <a href="/staff/register?year=${year + 1}">${year + 1}</a> · <a href="/staff/reports/${reg.year}">${text(p, 'reports.yearlyOverview', lang)}</a></p>
<p>${reg.lines.length} ${text(p, 'reports.complaintsReceivedIn', lang)} ${reg.year}${reg.removed ? html`; ${text(p, 'reports.besides', lang)} ${reg.removed} ${text(p, 'reports.deletedAfterTheirRetentionPeriod', lang)}` : ''}.</p>
${reg.lines.length
  ? wide(text(p, 'reports.register', lang), html`<table class="wide"><thead><tr><th scope="col">${text(p, 'workspace.reference', lang)}</th><th scope="col">${text(p, 'workspace.received', lang)}</th><th scope="col">${text(p, 'reports.topic', lang)}</th><th scope="col">${text(p, 'reports.stageAndStatus', lang)}</th><th scope="col">${text(p, 'reports.outcomeAndMeasures', lang)}</th><th scope="col">${text(p, 'workspace.terms', lang)}</th></tr></thead>
<tbody>${reg.lines.map(
      (l) => html`<tr><td style="white-space:nowrap"><a href="/staff/cases/${l.reference}">${l.reference}</a></td><td>${l.receivedOn}<br><span class="muted">${labels.channel[l.channel] ?? l.channel}</span></td><td>${labels.topic[l.topic] ?? l.topic}</td><td>${l.stageName}<br><span class="muted">${l.statusLabel}${l.closedOn ? ` ${l.closedOn}` : ''}</span></td><td>${l.outcomeLabel ?? '-'}${l.measures ? html`<br><span class="muted">${l.measures}</span>` : ''}</td><td>${l.terms.length ? l.terms.map((t) => html`${t.label}: ${result[t.result]}<br>`) : '-'}</td></tr>`,
    )}</tbody></table>`)
  : html`<p>${text(p, 'reports.noComplaints', lang)}</p>`}`,
  );
}

/** " (binnengekomen 2025-06-24 20:00)": when a request arrived, where staff recorded it later. */
const received = (p: Procedure, at: string | undefined, lang: Lang) => (at ? text(p, 'dossier.arrived', lang, { at: wallTime(new Date(at)).slice(0, 16).replace('T', ' ') }) : '');

/** One line per event, for the dossier: what happened, by whom (views included). */
function eventLine(p: Procedure, e: CaseEvent, lang: Lang, ref: string): string {
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const stage = (id: string) => {
    try {
      return stageName(p, id, lang);
    } catch {
      return id;
    }
  };
  const shared = staffEventLine(p, e, lang);
  if (shared) return shared;
  switch (e.type) {
    case 'submitted':
      return t('line.submitted', { channel: e.channel, details: e.enteredBy ? t('line.enteredBy', { staff: e.enteredBy }) : '' });
    case 'viewed':
      return t('dossier.viewed', { by: e.by, what: e.what ? ` (${e.what})` : '' });
    case 'stage-started':
      return t('dossier.stageStarted', { stage: stage(e.stage) });
    case 'term-started':
      return t('line.termStarted', { term: e.termId, date: e.lastDay });
    case 'term-extended':
      return t('dossier.extended', { date: e.term.lastDay, reason: e.reason, consent: e.consent ? t('dossier.consent', { consent: e.consent }) + received(p, e.consentReceivedAt, lang) : '' });
    case 'term-ended':
      return t('dossier.termEnded', { instance: e.instance, outcome: termOutcome(p, e.outcome, lang) });
    case 'message-received':
      return t('dossier.mailFrom', { sender: e.sender, party: `${e.party}${e.noise ? `, ${e.noise}` : ''}`, text: e.text });
    case 'escalated':
      return t('dossier.escalated', { from: stage(e.from), to: stage(e.to), reason: e.reason }) + received(p, e.receivedAt, lang);
    case 'withdrawn':
      return t('dossier.withdrawn', { reason: e.reason }) + received(p, e.receivedAt, lang);
    case 'reopened':
      return t('dossier.reopened') + received(p, e.receivedAt, lang);
    case 'closed':
      return t('dossier.closed', { reason: e.by === 'system' ? textOr(p, `dossier.closeReason.${e.reason}`, lang, e.reason) : e.reason });
    case 'acknowledged':
      return t('dossier.acknowledged');
    case 'admitted':
      return t('dossier.admitted', { reason: e.reason });
    case 'completed':
      return t('dossier.completed');
    case 'term-reminded':
      return t('dossier.reminded', { instance: e.instance });
    case 'letter-queued':
    case 'letter-posted':
      return letterEventLine(p, { reference: ref, stage: '' }, e, lang);
    default:
      return '';
  }
}

const by = (e: CaseEvent) => ('by' in e && typeof e.by === 'string' ? e.by : undefined);

/** The printable dossier: the case, its whole timeline with every view, and the audit chain with its check. */
export function renderDossier(p: Procedure, lang: Lang, me: StaffMember, csrf: string, x: AuditExport, d: CaseDetail, v: Verification): string {
  const short = (h: string) => `${h.slice(0, 12)}…`;
  const link = (c: ChainLink) => html`<tr><td>${c.seq}</td><td>${c.at.slice(0, 19).replace('T', ' ')}</td><td>${(c.events as CaseEvent[]).map((e) => html`${eventLine(p, e, lang, x.reference)}${by(e)?.includes('@') && e.type !== 'viewed' ? html` <span class="muted">(${by(e)})</span>` : ''}<br>`)}</td><td><code title="${c.hash}">${short(c.hash)}</code></td></tr>`;
  return shell(p, lang, `${text(p, 'reports.dossier', lang)} ${x.reference}`, me, csrf, html`<h1>${text(p, 'reports.dossierOfComplaint', lang)} <span class="ref">${x.reference}</span></h1>
<table>
<tr><th scope="row">${text(p, 'reports.organisation', lang)}</th><td>${p.organisation.name}</td></tr>
<tr><th scope="row">${text(p, 'reports.procedure', lang)}</th><td>${x.procedureId} (${text(p, 'reports.version', lang)} <code>${x.procedureHash.slice(0, 12)}</code>)</td></tr>
<tr><th scope="row">${text(p, 'reports.made2', lang)}</th><td>${x.exportedAt.slice(0, 19).replace('T', ' ')} UTC ${text(p, 'reports.by', lang)} ${x.exportedBy}</td></tr>
<tr><th scope="row">${text(p, 'workspace.status', lang)}</th><td>${d.statusLabel}; ${d.stage.name}</td></tr>
<tr><th scope="row">${text(p, 'workspace.received', lang)}</th><td>${formatDate(d.receivedOn, lang)} (${d.channel})</td></tr>
<tr><th scope="row">${text(p, 'reports.complainant', lang)}</th><td>${[d.complainant.name, d.complainant.email, d.complainant.phone].filter(Boolean).join(' · ') || text(p, 'reports.anonymous', lang)}</td></tr>
<tr><th scope="row">${text(p, 'reports.auditTrail', lang)}</th><td>${v.ok ? text(p, 'reports.unchangedCommitsTheChainHolds', lang, { commits: v.commits }) : html`<strong class="overdue">${text(p, 'reports.changed', lang)}: ${v.problem ?? ''}</strong>`}<br><span class="muted">${text(p, 'reports.headHash', lang)} <code>${x.head}</code></span></td></tr>
</table>
<h2>${text(p, 'workspace.theComplaint', lang)}</h2>
<table>${d.fields.map(([k, val]) => html`<tr><th scope="row">${k}</th><td>${val}</td></tr>`)}</table>
<h2>${text(p, 'workspace.terms', lang)}</h2>
${d.termLog.length || d.terms.length
  ? html`<ul>${d.termLog.map((t) => html`<li>${t.term}: ${t.lastDay} (${termOutcome(p, t.outcome, lang)})</li>`)}${d.terms.map((t) => html`<li>${t.label}: ${t.lastDay} (${text(p, 'reports.running', lang)})</li>`)}</ul>`
  : html`<p>-</p>`}
<h2>${text(p, 'reports.historyWithEveryView', lang)}</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">${text(p, 'reports.timeUtc', lang)}</th><th scope="col">${text(p, 'reports.events', lang)}</th><th scope="col">Hash</th></tr></thead>
<tbody>${x.commits.map(link)}</tbody></table>
<p class="muted">${text(p, 'reports.checkTheExportWith', lang)} <code>npm run audit -- verify &lt;export.json&gt;</code>.</p>`,
  );
}

/**
 * Reports from the register: the quarterly inventory (with trends against earlier quarters), the
 * yearly overview (Awb 9:12a) and the anonymous periodic report a procedure names. Built from the
 * anonymous figures only (see figures.ts), as JSON and as CSV; never a name, an address, an e-mail,
 * a phone number, a reference or free text.
 */
import { amsterdamDate } from '../../calendar/index.ts';
import type { AppContext } from '../context.ts';
import { outcomeLabel } from '../../presentation/present.ts';
import { stageOutcomes } from '../../engine/engine.ts';
import { termDef } from '../../engine/terms.ts';
import type { Procedure } from '../../procedure/schema.ts';
import { text, type Lang } from '../../procedure/text.ts';
import { LIST_STATUSES } from '../staff-views.ts';
import {
  aggregate,
  knownTopic,
  NO_TOPIC,
  OUTCOME_ERASED,
  OUTCOME_NONE,
  OUTCOME_WITHDRAWN,
  PRIVACY_BOOK,
  REGISTER_BOOK,
  signals,
  type Figures,
  type OpenCase,
  type PrivacyRow,
  type RegisterData,
  type RegisterFigures,
  type Signal,
} from '../../reports/figures.ts';
import { contains, endInstant, parts, periodLabel, previous, shift, type Period } from '../../reports/periods.ts';

export type ReportKind = 'inventory' | 'yearly' | 'anonymous';

/** The instant the office first made its reports (set once): periods before it are not compared against. */
export const REPORTS_SINCE_KEY = 'reports:since';
export type ProcedureReport = Procedure['reports'][number];

/** One complaint in the anonymous report: codes and counts, months not days; its state at the end of the period. */
export interface AnonymousLine {
  status: 'afgesloten' | 'ingetrokken' | 'gewist' | 'in-behandeling';
  receivedIn: string;
  closedIn: string | null;
  channel: string;
  topic: string;
  stage: string | null;
  outcome: string | null;
  days: number | null;
  termsMet: number;
  termsMissed: number;
  escalations: number;
  measures: boolean;
}

export interface Report {
  kind: ReportKind;
  /** The procedure's report this is, when it is one (e.g. `gemeente`). */
  report?: { id: string; label: string };
  title: string;
  organisation: string;
  procedureId: string;
  period: Period;
  periodLabel: string;
  generatedAt: string;
  figures: Figures;
  /** The columns of the table: inventory: this period and the 4 before; yearly: the year, its quarters, the year before. */
  columns: { period: string; label: string; figures: Figures }[];
  /** What rose or fell against the earlier periods. */
  signals: Signal[];
  /** Anonymous report: one line per complaint closed in the period, or received in it and still running at its end. */
  cases?: AnonymousLine[];
  /** Codes → names, for reading the figures. */
  labels: Record<'topic' | 'channel' | 'outcome' | 'stage' | 'term', Record<string, string>>;
}

/** Reads the register's figures, the privacy counters and the running cases, from `fromYear` to this year. */
export async function registerData(ctx: AppContext, fromYear: number): Promise<RegisterData> {
  const thisYear = Number(amsterdamDate(ctx.clock.now()).slice(0, 4));
  const years: string[] = [];
  for (let y = fromYear; y <= Math.max(thisYear, fromYear); y++) years.push(String(y));
  const [register, privacy, open] = await Promise.all([
    Promise.all(years.map((y) => ctx.store.listLedger(REGISTER_BOOK, y))),
    Promise.all(years.map((y) => ctx.store.listLedger(PRIVACY_BOOK, y))),
    // Only the running cases received in the report's years (the received index), not every running case.
    Promise.all(LIST_STATUSES.map((status) => ctx.store.pageSummaries({ status, order: 'received', from: receivedFrom(fromYear) }))),
  ]);
  return {
    rows: register.flat().map((r) => r.data as unknown as RegisterFigures).filter((r) => r.v === 1),
    privacy: privacy.flat().map((r) => ({ kind: r.data.kind as PrivacyRow['kind'], on: r.on })),
    open: open.flat().map(
      ({ summary: s }): OpenCase => ({
        receivedOn: amsterdamDate(s.receivedAt),
        channel: typeof s.data.channel === 'string' ? s.data.channel : 'web',
        topic: knownTopic(ctx.procedure, typeof s.data.topic === 'string' ? s.data.topic : undefined),
      }),
    ),
  };
}

/** A received-index bound just before a year starts in Amsterdam (positions start with the UTC instant). */
export const receivedFrom = (year: number) => `${year - 1}-12-31`;

/** The kind of report a period gets unless a procedure report is named: a year → the yearly overview, else the inventory. */
export const defaultKind = (period: Period): ReportKind => (period.kind === 'year' ? 'yearly' : 'inventory');

export async function buildReport(
  ctx: AppContext,
  period: Period,
  opts: { kind?: ReportKind; report?: ProcedureReport; lang?: Lang } = {},
): Promise<Report> {
  const p = ctx.procedure;
  const lang = opts.lang ?? 'nl';
  const kind = opts.report?.kind ?? opts.kind ?? defaultKind(period);
  const columnPeriods =
    kind === 'inventory' ? [period, ...previous(period, 4)]
    : kind === 'yearly' ? (period.kind === 'year' ? [period, ...parts(period), shift(period, 1)] : [period, shift(period, 1)])
    : [period];
  const fromYear = Math.min(...columnPeriods.map((c) => c.year));
  const [data, since] = await Promise.all([registerData(ctx, fromYear), ctx.store.readKey(REPORTS_SINCE_KEY)]);
  const columns = columnPeriods.map((c) => ({ period: c.id, label: periodLabel(c, lang), figures: aggregate(c, data) }));
  const figures = columns[0]!.figures;
  // Trends only against periods the office was running in (a zero from before it existed is no trend).
  const ran = (i: number) => !since || endInstant(columnPeriods[i]!) > since;
  const earlier =
    kind === 'inventory' ? columns.slice(1).filter((_, i) => ran(i + 1)).map((c) => c.figures)
    : kind === 'yearly' ? (ran(columns.length - 1) ? [columns.at(-1)!.figures] : [])
    : [];
  const title = opts.report?.label[lang] ?? text(p, `report.title.${kind}`, lang);
  return {
    kind,
    ...(opts.report ? { report: { id: opts.report.id, label: opts.report.label[lang] } } : {}),
    title,
    organisation: p.organisation.name,
    procedureId: p.id,
    period,
    periodLabel: periodLabel(period, lang),
    generatedAt: ctx.clock.now(),
    figures,
    columns,
    signals: signals(figures, earlier),
    ...(kind === 'anonymous' ? { cases: anonymousLines(period, data) } : {}),
    labels: labels(p, lang),
  };
}

function anonymousLines(period: Period, data: RegisterData): AnonymousLine[] {
  const month = (d: string) => d.slice(0, 7);
  const handled = data.rows
    .filter((r) => contains(period, r.closedOn))
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.receivedOn.localeCompare(b.receivedOn))
    .map(
      (r): AnonymousLine => ({
        status: r.status === 'closed' ? 'afgesloten' : r.status === 'withdrawn' ? 'ingetrokken' : 'gewist',
        receivedIn: month(r.receivedOn),
        closedIn: month(r.closedOn),
        channel: r.channel,
        topic: r.topic,
        stage: r.stage,
        outcome: r.outcome,
        days: r.days,
        termsMet: r.terms.filter((t) => t.result === 'met').length,
        termsMissed: r.terms.filter((t) => t.result === 'missed').length,
        escalations: r.escalations,
        measures: r.measures,
      }),
    );
  // Received in the period and still running at its end (closed later, or not yet): the report
  // says the same whenever it is made.
  const running = [...data.rows.filter((r) => r.closedOn > period.to), ...data.open]
    .filter((c) => contains(period, c.receivedOn))
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
    .map(
      (c): AnonymousLine => ({
        status: 'in-behandeling',
        receivedIn: month(c.receivedOn),
        closedIn: null,
        channel: c.channel,
        topic: c.topic,
        stage: null,
        outcome: null,
        days: null,
        termsMet: 0,
        termsMissed: 0,
        escalations: 0,
        measures: false,
      }),
    );
  return [...handled, ...running];
}

/** The channels and the outcomes the figures add themselves, named in the catalogue under these keys. */
const CHANNELS = ['web', 'email', 'phone', 'in-person', 'letter'] as const;
const EXTRA_OUTCOMES = [OUTCOME_WITHDRAWN, OUTCOME_NONE, OUTCOME_ERASED] as const;

export function labels(p: Procedure, lang: Lang): Report['labels'] {
  const outcomes: Record<string, string> = {};
  for (const s of p.stages) for (const o of stageOutcomes(s)) outcomes[o] = outcomeLabel(p, o, lang);
  for (const k of EXTRA_OUTCOMES) outcomes[k] = text(p, `report.outcome.${k}`, lang);
  const terms: Record<string, string> = {};
  for (const s of p.stages) for (const t of s.terms) terms[`${s.id}.${t.id}`] = `${t.label[lang]} (${s.name[lang]})`;
  return {
    topic: { ...Object.fromEntries(p.intake.topics.map((t) => [t.value, t.label[lang]])), [NO_TOPIC]: text(p, 'report.noTopic', lang) },
    channel: Object.fromEntries(CHANNELS.map((k) => [k, text(p, `report.channel.${k}`, lang)])),
    outcome: outcomes,
    stage: Object.fromEntries(p.stages.map((s) => [s.id, s.name[lang]])),
    term: terms,
  };
}

/** A term's label even when the procedure changed since (then its code). */
export function termLabel(p: Procedure, key: string, lang: Lang): string {
  const [stage, term] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  try {
    return termDef(p, stage, term).label[lang];
  } catch {
    return key;
  }
}

// ---- CSV ----

/** RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break quoted. */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (v: string | number | boolean | null | undefined) => {
    const s = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The rows of the figures table: [section, code, label, value per column]. */
export function figureRows(r: Report): (string | number | null)[][] {
  const cols = r.columns.map((c) => c.figures);
  const L = r.labels;
  const keys = (pick: (f: Figures) => Record<string, number>, order: string[] = []) => {
    const seen = new Set(cols.flatMap((f) => Object.keys(pick(f))));
    return [...order.filter((k) => seen.has(k)), ...[...seen].filter((k) => !order.includes(k)).sort()];
  };
  const rows: (string | number | null)[][] = [];
  const row = (section: string, code: string, label: string, value: (f: Figures) => number | null) => rows.push([section, code, label, ...cols.map(value)]);
  row('ontvangen', 'totaal', 'Ontvangen klachten', (f) => f.received.total);
  for (const k of keys((f) => f.received.byTopic, Object.keys(L.topic))) row('ontvangen', `onderwerp:${k}`, L.topic[k] ?? k, (f) => f.received.byTopic[k] ?? 0);
  for (const k of keys((f) => f.received.byChannel, Object.keys(L.channel))) row('ontvangen', `kanaal:${k}`, L.channel[k] ?? k, (f) => f.received.byChannel[k] ?? 0);
  row('afgehandeld', 'totaal', 'Afgehandelde klachten', (f) => f.handled.total);
  for (const k of keys((f) => f.handled.byOutcome, Object.keys(L.outcome))) row('afgehandeld', `uitkomst:${k}`, L.outcome[k] ?? k, (f) => f.handled.byOutcome[k] ?? 0);
  for (const k of keys((f) => f.handled.byTopic, Object.keys(L.topic))) row('afgehandeld', `onderwerp:${k}`, L.topic[k] ?? k, (f) => f.handled.byTopic[k] ?? 0);
  row('afgehandeld', 'met-maatregelen', 'Met maatregelen', (f) => f.handled.withMeasures);
  row('afgehandeld', 'doorgezet', 'Doorgezet naar een volgende fase', (f) => f.handled.escalated);
  row('afgehandeld', 'dagen-gemiddeld', 'Doorlooptijd in dagen, gemiddeld', (f) => f.handled.days.average);
  row('afgehandeld', 'dagen-mediaan', 'Doorlooptijd in dagen, mediaan', (f) => f.handled.days.median);
  row('afgehandeld', 'dagen-langst', 'Doorlooptijd in dagen, langst', (f) => f.handled.days.max);
  row('termijnen', 'gehaald', 'Termijnen gehaald', (f) => f.terms.met);
  row('termijnen', 'gemist', 'Termijnen niet gehaald', (f) => f.terms.missed);
  for (const k of keys((f) => f.terms.byTerm as unknown as Record<string, number>, Object.keys(L.term))) {
    row('termijnen', `${k}:gehaald`, `${L.term[k] ?? k}: gehaald`, (f) => f.terms.byTerm[k]?.met ?? 0);
    row('termijnen', `${k}:gemist`, `${L.term[k] ?? k}: niet gehaald`, (f) => f.terms.byTerm[k]?.missed ?? 0);
  }
  row('privacy', 'verwijderd', 'Verwijderd na de bewaartermijn', (f) => f.privacy.purged);
  row('privacy', 'gewist', 'Gewist op verzoek (AVG art. 17)', (f) => f.privacy.erased);
  row('privacy', 'inzage', 'Inzageverzoeken (AVG art. 15)', (f) => f.privacy.access);
  return rows;
}

export function reportCsv(r: Report): string {
  if (r.kind === 'anonymous') {
    const L = r.labels;
    return toCsv([
      ['periode', 'status', 'ontvangen_in', 'afgesloten_in', 'kanaal', 'onderwerp', 'onderwerp_omschrijving', 'fase', 'uitkomst', 'uitkomst_omschrijving', 'doorlooptijd_dagen', 'termijnen_gehaald', 'termijnen_gemist', 'doorgezet', 'maatregelen'],
      ...(r.cases ?? []).map((c) => [
        r.period.id,
        c.status,
        c.receivedIn,
        c.closedIn,
        c.channel,
        c.topic,
        L.topic[c.topic] ?? c.topic,
        c.stage,
        c.outcome,
        c.outcome ? (L.outcome[c.outcome] ?? c.outcome) : null,
        c.days,
        c.termsMet,
        c.termsMissed,
        c.escalations,
        c.measures,
      ]),
    ]);
  }
  return toCsv([['onderdeel', 'code', 'omschrijving', ...r.columns.map((c) => c.period)], ...figureRows(r)]);
}

export const reportFileName = (r: Report) => `klachten-${r.procedureId}-${r.report?.id ?? r.kind}-${r.period.id}.csv`;

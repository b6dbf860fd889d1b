/**
 * The register's anonymous figures and what the reports make of them. Pure: no I/O, no clock.
 *
 * When a case closes (or is withdrawn, or erased on request before it closed) its figures are
 * written to a book that outlives the case: dates, codes from the procedure (channel, topic,
 * stage, outcome, term ids) and counts. Never a reference, a name, an address, an e-mail, a phone
 * number or any text a person wrote: the reports are built from these figures alone, so they stay
 * right after retention has deleted the cases themselves.
 */
import { amsterdamDate } from '../calendar/index.ts';
import type { LocalDate } from '../calendar/types.ts';
import { APPEAL_TERM } from '../engine/terms.ts';
import type { CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { contains, type Period } from './periods.ts';

/** The books the register's figures and the privacy counters are kept in (see CaseStore.putLedger). */
export const REGISTER_BOOK = 'register';
export const PRIVACY_BOOK = 'privacy';

/** Topic code of a case without a (known) topic. */
export const NO_TOPIC = '-';
/** Outcome codes besides the procedure's own outcomes. */
export const OUTCOME_WITHDRAWN = 'ingetrokken';
export const OUTCOME_NONE = 'geen-uitkomst';
export const OUTCOME_ERASED = 'gewist';

export interface TermFigure {
  stage: string;
  term: string;
  result: 'met' | 'missed';
  extended: boolean;
}

export interface RegisterFigures {
  v: 1;
  receivedOn: LocalDate;
  closedOn: LocalDate;
  channel: string;
  topic: string;
  status: 'closed' | 'withdrawn' | 'erased';
  outcome: string;
  /** The stage the case reached last, and how many stages it went through. */
  stage: string;
  stages: number;
  /** Calendar days from receipt to closing. */
  days: number;
  terms: TermFigure[];
  escalations: number;
  /** Whether the decision named measures (never their text). */
  measures: boolean;
  /** Filed after the intake window and admitted for review. */
  late: boolean;
}

/** A case still running, as the reports count it (from the case summaries). */
export interface OpenCase {
  receivedOn: LocalDate;
  channel: string;
  topic: string;
}

export interface PrivacyRow {
  kind: PrivacyKind;
  on: LocalDate;
}

/** Deleted after the retention period; erased on request (AVG art. 17); an access request (AVG art. 15). */
export type PrivacyKind = 'purged' | 'erased' | 'access';

export interface RegisterData {
  rows: RegisterFigures[];
  open: OpenCase[];
  privacy: PrivacyRow[];
}

export const knownTopic = (p: Procedure, value: string | undefined): string =>
  value && p.intake.topics.some((t) => t.value === value) ? value : NO_TOPIC;

const dayNumber = (d: LocalDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
export const daysBetween = (from: LocalDate, to: LocalDate) => Math.round(dayNumber(to) - dayNumber(from));

/**
 * The anonymous figures of a case that has ended. `erasedOn`: the case is being erased on request
 * before it ended; it is counted as received, with outcome "erased".
 */
export function registerFigures(p: Procedure, s: CaseState, erasedOn?: LocalDate): RegisterFigures {
  const ended = s.status === 'closed' || s.status === 'withdrawn';
  if (!ended && !erasedOn) throw new Error(`case ${s.reference} has not ended`);
  const closedOn = ended && s.closedAt ? amsterdamDate(s.closedAt) : erasedOn!;
  const status = ended ? (s.status as 'closed' | 'withdrawn') : 'erased';
  const outcome =
    status === 'erased' ? OUTCOME_ERASED
    : status === 'withdrawn' ? OUTCOME_WITHDRAWN
    : s.decision?.outcome ?? OUTCOME_NONE;
  const groups = new Map<string, TermFigure>();
  for (const t of s.termLog) {
    if (t.termId === APPEAL_TERM || t.outcome === 'cancelled') continue;
    const key = `${t.stage}.${t.termId}`;
    const g = groups.get(key) ?? { stage: t.stage, term: t.termId, result: 'met' as const, extended: false };
    if (t.outcome === 'missed') g.result = 'missed';
    if (t.extensions > 0) g.extended = true;
    groups.set(key, g);
  }
  return {
    v: 1,
    receivedOn: s.receivedOn,
    closedOn,
    channel: s.channel,
    topic: knownTopic(p, s.fields.topic),
    status,
    outcome,
    stage: s.stage,
    stages: s.stagesVisited.length,
    days: Math.max(0, daysBetween(s.receivedOn, closedOn)),
    terms: [...groups.values()],
    escalations: s.escalations,
    measures: status === 'closed' && !!s.decision?.measures.trim(),
    late: s.admissibility !== 'not-needed',
  };
}

export interface Figures {
  period: string;
  from: LocalDate;
  to: LocalDate;
  received: { total: number; byTopic: Record<string, number>; byChannel: Record<string, number> };
  handled: {
    total: number;
    byOutcome: Record<string, number>;
    byTopic: Record<string, number>;
    byChannel: Record<string, number>;
    withdrawn: number;
    /** Cases whose decision named measures. */
    withMeasures: number;
    /** Cases passed on to a next stage at least once. */
    escalated: number;
    days: { average: number | null; median: number | null; max: number | null };
  };
  terms: { met: number; missed: number; byTerm: Record<string, { met: number; missed: number }> };
  privacy: { purged: number; erased: number; access: number };
}

const count = (into: Record<string, number>, key: string) => {
  into[key] = (into[key] ?? 0) + 1;
};

/** The figures of one period. */
export function aggregate(period: Period, data: RegisterData): Figures {
  const received = { total: 0, byTopic: {} as Record<string, number>, byChannel: {} as Record<string, number> };
  for (const c of [...data.rows, ...data.open]) {
    if (!contains(period, c.receivedOn)) continue;
    received.total++;
    count(received.byTopic, c.topic);
    count(received.byChannel, c.channel);
  }
  const closed = data.rows.filter((r) => contains(period, r.closedOn));
  const handled: Figures['handled'] = {
    total: closed.length,
    byOutcome: {},
    byTopic: {},
    byChannel: {},
    withdrawn: 0,
    withMeasures: 0,
    escalated: 0,
    days: { average: null, median: null, max: null },
  };
  const terms: Figures['terms'] = { met: 0, missed: 0, byTerm: {} };
  for (const r of closed) {
    count(handled.byOutcome, r.outcome);
    count(handled.byTopic, r.topic);
    count(handled.byChannel, r.channel);
    if (r.status === 'withdrawn') handled.withdrawn++;
    if (r.measures) handled.withMeasures++;
    if (r.escalations > 0) handled.escalated++;
    for (const t of r.terms) {
      const key = `${t.stage}.${t.term}`;
      const b = (terms.byTerm[key] ??= { met: 0, missed: 0 });
      b[t.result]++;
      terms[t.result]++;
    }
  }
  const days = closed.map((r) => r.days).sort((a, b) => a - b);
  if (days.length) {
    const mid = Math.floor(days.length / 2);
    handled.days = {
      average: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
      median: days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2,
      max: days.at(-1)!,
    };
  }
  const privacy = { purged: 0, erased: 0, access: 0 };
  for (const row of data.privacy) if (contains(period, row.on)) privacy[row.kind]++;
  return { period: period.id, from: period.from, to: period.to, received, handled, terms, privacy };
}

export interface Signal {
  /** `topic:<code>`, `channel:<code>`, `outcome:<code>`, `terms:missed`, `received:total`. */
  measure: string;
  current: number;
  /** Average over the earlier periods. */
  before: number;
  direction: 'up' | 'down';
}

/**
 * Trends: what rose or fell clearly against the average of the earlier periods (at least 2 and at
 * least half as much again, or half or less of a clear average). Only when there are earlier periods.
 */
export function signals(current: Figures, earlier: Figures[]): Signal[] {
  if (!earlier.length) return [];
  const measures: [string, (f: Figures) => number][] = [['received:total', (f) => f.received.total], ['terms:missed', (f) => f.terms.missed]];
  const keys = (pick: (f: Figures) => Record<string, number>) => [...new Set([current, ...earlier].flatMap((f) => Object.keys(pick(f))))].sort();
  for (const k of keys((f) => f.received.byTopic)) measures.push([`topic:${k}`, (f) => f.received.byTopic[k] ?? 0]);
  for (const k of keys((f) => f.received.byChannel)) measures.push([`channel:${k}`, (f) => f.received.byChannel[k] ?? 0]);
  for (const k of keys((f) => f.handled.byOutcome)) measures.push([`outcome:${k}`, (f) => f.handled.byOutcome[k] ?? 0]);
  const out: Signal[] = [];
  for (const [measure, value] of measures) {
    const now = value(current);
    const before = Math.round((earlier.reduce((a, f) => a + value(f), 0) / earlier.length) * 10) / 10;
    if (now >= 2 && now >= before * 1.5 && now > before) out.push({ measure, current: now, before, direction: 'up' });
    else if (before >= 2 && now <= before / 2) out.push({ measure, current: now, before, direction: 'down' });
  }
  return out;
}

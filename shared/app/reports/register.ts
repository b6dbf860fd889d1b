/**
 * The staff register of complaints (Awb 9:12a): every case received in a year, from any channel,
 * with its topic, the stage it reached, its outcome, the measures taken and whether each term was
 * met. Staff only (it names references and the measures' text); built from the case summaries
 * (index queries, no scan) and the cases themselves. Cases already deleted by retention are no
 * longer in it by reference; they are counted from the register's anonymous figures.
 */
import { amsterdamDate } from '../../calendar/index.ts';
import { loadCase } from '../pipeline.ts';
import type { AppContext } from '../context.ts';
import { outcomeLabel, statusLabel } from '../../presentation/present.ts';
import { APPEAL_TERM, termDef } from '../../engine/terms.ts';
import type { CaseState } from '../../engine/types.ts';
import type { Procedure } from '../../procedure/schema.ts';
import type { Lang } from '../../procedure/text.ts';
import type { StaffMember } from '../../staff/auth.ts';
import { LIST_STATUSES } from '../staff-views.ts';
import { labels, receivedFrom, registerData, toCsv } from './build.ts';
import { knownTopic, OUTCOME_NONE, OUTCOME_WITHDRAWN } from '../../reports/figures.ts';
import { contains, parsePeriod } from '../../reports/periods.ts';

export interface RegisterLine {
  reference: string;
  receivedOn: string;
  channel: string;
  topic: string;
  status: string;
  statusLabel: string;
  stage: string;
  stageName: string;
  outcome?: string;
  outcomeLabel?: string;
  measures?: string;
  closedOn?: string;
  escalations: number;
  terms: { term: string; label: string; result: 'met' | 'missed' | 'open' }[];
}

export interface Register {
  year: string;
  lines: RegisterLine[];
  /** Cases of the year the anonymous figures count that are no longer held (deleted after retention or on request). */
  removed: number;
}

const REGISTER_STATUSES = [...LIST_STATUSES, 'closed', 'withdrawn'];

export async function buildRegister(ctx: AppContext, me: StaffMember, year: string, lang: Lang = 'nl'): Promise<Register> {
  const period = parsePeriod(year);
  if (!period || period.kind !== 'year') throw new Error(`not a year: ${year}`);
  // The cases received around the year (the received index), not every case held.
  const range = { order: 'received' as const, from: receivedFrom(period.year), to: `${period.year}-12-31~` };
  const summaries = (await Promise.all(REGISTER_STATUSES.map((status) => ctx.store.pageSummaries({ status, ...range })))).flat().map((x) => x.summary);
  const inYear = summaries
    .filter((s) => contains(period, amsterdamDate(s.receivedAt)))
    .filter((s) => !((s.data.concerned as string[] | undefined) ?? []).includes(me.email))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.caseRef.localeCompare(b.caseRef));
  const lines: RegisterLine[] = [];
  // A few cases at a time: a year of cases is a few hundred reads.
  for (let i = 0; i < inYear.length; i += 10) {
    const found = await Promise.all(inYear.slice(i, i + 10).map((s) => loadCase(ctx, s.caseRef)));
    for (const f of found) if (f && !f.state.concerned.includes(me.email)) lines.push(line(ctx.procedure, f.state, lang));
  }
  const data = await registerData(ctx, period.year);
  const counted = data.rows.filter((r) => contains(period, r.receivedOn)).length + data.open.filter((c) => contains(period, c.receivedOn)).length;
  const held = summaries.filter((s) => contains(period, amsterdamDate(s.receivedAt))).length;
  return { year, lines, removed: Math.max(0, counted - held) };
}

function line(p: Procedure, s: CaseState, lang: Lang): RegisterLine {
  const ended = s.status === 'closed' || s.status === 'withdrawn';
  const outcome = s.status === 'withdrawn' ? OUTCOME_WITHDRAWN : s.decision?.outcome ?? (ended ? OUTCOME_NONE : undefined);
  const L = labels(p, lang);
  const terms = new Map<string, RegisterLine['terms'][number]>();
  const label = (stage: string, term: string) => {
    try {
      return termDef(p, stage, term).label[lang];
    } catch {
      return term;
    }
  };
  for (const t of s.termLog) {
    if (t.termId === APPEAL_TERM || t.outcome === 'cancelled') continue;
    const key = `${t.stage}.${t.termId}`;
    const known = terms.get(key);
    terms.set(key, { term: key, label: label(t.stage, t.termId), result: t.outcome === 'missed' || known?.result === 'missed' ? 'missed' : 'met' });
  }
  for (const t of Object.values(s.openTerms)) {
    const key = `${t.stage}.${t.termId}`;
    if (t.termId !== APPEAL_TERM && !terms.has(key)) terms.set(key, { term: key, label: label(t.stage, t.termId), result: 'open' });
  }
  return {
    reference: s.reference,
    receivedOn: s.receivedOn,
    channel: s.channel,
    topic: knownTopic(p, s.fields.topic),
    status: s.status,
    statusLabel: statusLabel(p, s.status, lang),
    stage: s.stage,
    stageName: L.stage[s.stage] ?? s.stage,
    ...(outcome ? { outcome, outcomeLabel: L.outcome[outcome] ?? outcomeLabel(p, outcome, lang) } : {}),
    ...(s.decision?.measures ? { measures: s.decision.measures } : {}),
    ...(ended && s.closedAt ? { closedOn: amsterdamDate(s.closedAt) } : {}),
    escalations: s.escalations,
    terms: [...terms.values()],
  };
}

export function registerCsv(p: Procedure, r: Register, lang: Lang = 'nl'): string {
  const L = labels(p, lang);
  const result = { met: 'gehaald', missed: 'niet gehaald', open: 'loopt' };
  return toCsv([
    ['kenmerk', 'ontvangen', 'kanaal', 'onderwerp', 'status', 'fase', 'uitkomst', 'maatregelen', 'afgesloten', 'doorgezet', 'termijnen'],
    ...r.lines.map((l) => [
      l.reference,
      l.receivedOn,
      L.channel[l.channel] ?? l.channel,
      L.topic[l.topic] ?? l.topic,
      l.statusLabel,
      l.stageName,
      l.outcomeLabel ?? '',
      l.measures ?? '',
      l.closedOn ?? '',
      l.escalations,
      l.terms.map((t) => `${t.label}: ${result[t.result]}`).join('; '),
    ]),
  ]);
}

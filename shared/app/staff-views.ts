import { amsterdamDate, formatDate } from '../calendar/index.ts';
import { loadCase } from './pipeline.ts';
import { requestChoices, type RequestChoices } from '../presentation/arrival.ts';
import type { AppContext } from './context.ts';
import { describeEvent, fieldPairs, outcomeLabel, stageName, statusLabel, termLines, type TermLine } from '../presentation/present.ts';
import { stageOutcomes } from '../engine/engine.ts';
import { procedureStaff, staffSuggestions } from '../engine/parties.ts';
import { staffEventLine } from '../presentation/event-lines.ts';
import { dutyLines, type DutyLine } from '../presentation/duties.ts';
import { caseDuties } from '../engine/duties.ts';
import { letterEventLine } from '../presentation/letters.ts';
import { waitingLetters, type LetterToPost } from './use-cases/list-letters.ts';
import { stageOf, termDef } from '../engine/terms.ts';
import type { CaseEvent, CaseParty, CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import type { CaseSummary } from '../store/port.ts';
import type { StaffMember } from '../staff/auth.ts';

export const LIST_STATUSES = ['open', 'to-complete', 'decided'] as const;

export interface CaseListItem {
  reference: string;
  status: string;
  statusLabel: string;
  stage: string;
  stageName: string;
  receivedOn: string;
  /** The complainant's name, as staff search and see it. */
  complainant?: string;
  handler?: string;
  nextTerm?: { term: string; lastDay: string; date: string; urgency: Urgency };
}

/** overdue: passed; soon: within 3 days; later: otherwise. */
export type Urgency = 'overdue' | 'soon' | 'later';

export function urgency(dueAt: string, now: string): Urgency {
  const left = Date.parse(dueAt) - Date.parse(now);
  return left <= 0 ? 'overdue' : left <= 3 * 86_400_000 ? 'soon' : 'later';
}

/** A summary as a row of the staff list (shared/app/case-list.ts pages them). */
export function listItem(p: Procedure, s: CaseSummary, now: string, lang: Lang): CaseListItem {
  const term = s.data.nextTerm as string | undefined;
  const lastDay = s.data.nextLastDay as string | undefined;
  let label = term ?? '';
  if (term) {
    try {
      label = termDef(p, s.stage, term).label[lang];
    } catch {
      // a procedure changed since: show the id
    }
  }
  return {
    reference: s.caseRef,
    status: s.status,
    statusLabel: statusLabel(p, s.status, lang),
    stage: s.stage,
    stageName: safeStageName(p, s.stage, lang),
    receivedOn: amsterdamDate(s.receivedAt),
    ...(typeof s.data.name === 'string' ? { complainant: s.data.name } : {}),
    ...(typeof s.data.handler === 'string' ? { handler: s.data.handler } : {}),
    ...(term && lastDay && s.nextDueAt ? { nextTerm: { term: label, lastDay, date: formatDate(lastDay, lang), urgency: urgency(s.nextDueAt, now) } } : {}),
  };
}

const safeStageName = (p: Procedure, id: string, lang: Lang) => {
  try {
    return stageName(p, id, lang);
  } catch {
    return id;
  }
};

export interface CaseDetail {
  reference: string;
  seq: number;
  status: string;
  statusLabel: string;
  stage: { id: string; name: string; kind: string };
  handler?: string;
  admissibility: string;
  channel: string;
  receivedOn: string;
  fields: [string, string][];
  /** The fields without the complainant's contact details (those are in `complainant`). */
  complaint: [string, string][];
  complainant: { name?: string; email?: string; phone?: string; address?: string };
  terms: (TermLine & { urgency: Urgency })[];
  termLog: { term: string; lastDay: string; outcome: string }[];
  timeline: { at: string; date: string; text: string; by?: string; blob?: string; attachments?: { name: string; key?: string; refused?: string }[] }[];
  handlers: { email: string; name: string }[];
  /** Who is on the case; for a person complained about not yet identified, staff whose name resembles theirs (to confirm, never applied by itself). */
  parties: (CaseParty & { suggestions?: { email: string; name: string }[] })[];
  outcomes: { value: string; label: string }[];
  escalateTo: { id: string; name: string }[];
  pendingResponses: string[];
  /** The Awb 9 duties of the case as they now stand (engine/duties.ts), with their words. */
  duties: DutyLine[];
  /** A request that arrived earlier: what staff can enter, and the complainant's messages to take its arrival time from. */
  requests: RequestChoices;
  /** Letters by post still to be posted. */
  letters: LetterToPost[];
}

/** The whole case for staff, or undefined when it does not exist or is about them. */
export async function caseDetail(ctx: AppContext, me: StaffMember, ref: string, lang: Lang = 'nl'): Promise<CaseDetail | undefined> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return undefined;
  return detail(ctx.procedure, found.state, found.events, found.seq, ctx.clock.now(), lang);
}

const CONTACT_FIELDS = ['name', 'email', 'phone', 'address'];

export function detail(p: Procedure, s: CaseState, events: CaseEvent[], seq: number, now: string, lang: Lang): CaseDetail {
  const stage = stageOf(p, s.stage);
  return {
    reference: s.reference,
    seq,
    status: s.status,
    statusLabel: statusLabel(p, s.status, lang),
    stage: { id: stage.id, name: stage.name[lang], kind: stage.kind },
    ...(s.handler ? { handler: s.handler } : {}),
    admissibility: s.admissibility,
    channel: s.channel,
    receivedOn: s.receivedOn,
    fields: fieldPairs(p, s, lang),
    complaint: fieldPairs(p, s, lang, CONTACT_FIELDS),
    complainant: { ...(s.fields.name ? { name: s.fields.name } : {}), ...(s.fields.email ? { email: s.fields.email } : {}), ...(s.fields.phone ? { phone: s.fields.phone } : {}), ...(s.fields.address ? { address: s.fields.address } : {}) },
    terms: termLines(p, s, lang, now).map((t) => ({ ...t, urgency: urgency(s.openTerms[t.instance]!.dueAt, now) })),
    termLog: s.termLog.map((t) => ({ term: safeTermLabel(p, t.stage, t.termId, lang), lastDay: t.lastDay, outcome: t.outcome })),
    timeline: events.flatMap((e) => {
      const text = e.type === 'letter-queued' || e.type === 'letter-posted' ? letterEventLine(p, s, e, lang) : staffLine(p, e, lang, s.parties);
      if (!text) return [];
      const by = 'by' in e && typeof e.by === 'string' ? e.by : undefined;
      return [
        {
          at: e.at,
          date: formatDate(amsterdamDate(e.at), lang),
          text,
          ...(by ? { by } : {}),
          ...(e.type === 'message-received' && e.blob ? { blob: e.blob } : {}),
          ...(e.type === 'message-received' && e.attachments.length ? { attachments: e.attachments.map((a) => ({ name: a.name, ...(a.key ? { key: a.key } : {}), ...(a.refused ? { refused: a.refused } : {}) })) } : {}),
        },
      ];
    }),
    handlers: (p.roles[stage.handler]?.members ?? []).filter((m) => !s.concerned.includes(m.email.toLowerCase())).map((m) => ({ email: m.email.toLowerCase(), name: m.name })),
    parties: s.parties.map((x) => {
      const suggested = x.role === 'complained-about' && !x.staff && x.name ? staffSuggestions(p, x.name) : [];
      return suggested.length ? { ...x, suggestions: procedureStaff(p).filter((m) => suggested.includes(m.email)) } : x;
    }),
    outcomes: stageOutcomes(stage).map((o) => ({ value: o, label: outcomeLabel(p, o, lang) })),
    escalateTo: (s.status === 'decided' && stage.appeal ? [stage.appeal.to] : stage.escalateTo).map((id) => ({ id, name: stageName(p, id, lang) })),
    pendingResponses: s.pendingResponses,
    duties: dutyLines(p, caseDuties(p, s, now), s.parties, lang),
    requests: requestChoices(s, events, lang),
    letters: waitingLetters({ procedure: p }, s, lang),
  };
}

const safeTermLabel = (p: Procedure, stage: string, term: string, lang: Lang) => {
  try {
    return termDef(p, stage, term).label[lang];
  } catch {
    return term;
  }
};

/** Staff see everything that happened, internal steps included (views are in the audit trail, not here). */
function staffLine(p: Procedure, e: CaseEvent, lang: Lang, parties: CaseParty[]): string | undefined {
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const shared = staffEventLine(p, e, lang, parties);
  if (shared) return shared;
  switch (e.type) {
    case 'viewed':
      return undefined;
    case 'term-started':
      return t('line.termStarted', { term: safeTermLabel(p, e.stage, e.termId, lang), date: formatDate(e.lastDay, lang) });
    case 'term-ended':
      return e.outcome === 'missed' ? t('line.termPassed', { instance: e.instance }) : undefined;
    case 'term-reminded':
      return undefined;
    case 'message-received':
      if (e.noise) return t('line.noise', { noise: e.noise });
      return t('line.mailFrom', { sender: e.party === 'complainant' ? t('line.theComplainant') : e.sender, text: e.text });
    case 'withdrawn':
    case 'closed':
    case 'escalated':
      return t('line.withReason', { event: describeEvent(p, e, lang) ?? '', reason: e.reason });
    case 'stage-started':
      return t('line.stageStarted', { stage: stageName(p, e.stage, lang) });
    case 'acknowledged':
      return t('line.acknowledged');
    case 'submitted':
      return t('line.submitted', { channel: e.channel, details: `${e.enteredBy ? t('line.enteredBy', { staff: e.enteredBy }) : ''}${e.intake === 'review' ? t('line.late') : ''}` });
    default:
      return describeEvent(p, e, lang);
  }
}

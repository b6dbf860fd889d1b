import { addDays, amsterdamDate } from '../calendar/index.ts';
import type { LocalDate } from '../calendar/types.ts';
import type { Procedure, StageDuty } from '../procedure/schema.ts';
import { stageOf, termDef } from './terms.ts';
import type { CaseParty, CaseState, CopyHow, HearingWaiver } from './types.ts';

/**
 * The duties Awb chapter 9 puts on the organisation for one case, as the case now stands: derived
 * from the procedure and the case's state only (pure), so the case page, the case JSON and the
 * engine's check before a decision all read the same list.
 */

export const DUTY_IDS = ['acknowledgement', 'registration', 'copy', 'hearing', 'decision-term', 'decision-written'] as const;
export type DutyId = (typeof DUTY_IDS)[number];

export type DutyState = 'done' | 'due' | 'missed' | 'not-applicable';

/**
 * Why a duty is in its state, as a code (the words are in the text catalogue, `duty.reason.*`):
 * `procedure`: the regeling says it does not apply in this stage; `nobody-named`: no person
 * complained about; `no-address` / `by-letter`: the copy waits for an address, or goes by post;
 * `to-complete`: the complaint is not complete yet; `offered` / `not-offered`: a hearing's offer;
 * a hearing waiver (Awb 9:10 lid 2); how a copy went; `extended`: the term was extended;
 * `consent-late`: given a new date after it passed, by consent that arrived after that;
 * `no-term`: the stage sets no term for a decision; `advice`: this stage advises, another decides.
 */
export type DutyReason =
  | 'procedure'
  | 'nobody-named'
  | 'no-address'
  | 'by-letter'
  | 'to-complete'
  | 'offered'
  | 'not-offered'
  | HearingWaiver
  | CopyHow
  | 'extended'
  | 'consent-late'
  | 'no-term'
  | 'advice';

export interface Duty {
  duty: DutyId;
  /** The party the duty is towards (copy, hearing). */
  party?: string;
  state: DutyState;
  /** done: when; due: by when (if there is a date); missed: the day it was due. */
  date?: LocalDate;
  reason?: DutyReason;
  /** Where the duty comes from, e.g. "Awb 9:9". */
  basis: string;
}

/** Duties that must be done (or not apply) before the stage may decide. */
export const BEFORE_DECISION: readonly DutyId[] = ['copy', 'hearing'];
/** Before a committee advises: it hears both sides first (Awb 9:15). */
export const BEFORE_ADVICE: readonly DutyId[] = ['hearing'];

const BASIS: Record<DutyId, string> = {
  acknowledgement: 'Awb 9:6',
  registration: 'Awb 9:12a',
  copy: 'Awb 9:9',
  hearing: 'Awb 9:10',
  'decision-term': 'Awb 9:11',
  'decision-written': 'Awb 9:12',
};

/** How long a party has to say whether they want to be heard, unless staff set a date. */
export const HEARING_REPLY_DAYS = 14;
export const defaultReplyBy = (today: LocalDate) => addDays(today, HEARING_REPLY_DAYS);

/** Parties who are heard: the complainant and each person complained about. */
export const hearingParties = (s: CaseState) => s.parties.filter((x) => x.role === 'complainant' || x.role === 'complained-about');

/** Where a copy of the complaint can go by e-mail: the party's own address, or the staff address staff identified. */
export const copyAddress = (x: CaseParty) => x.email || x.staff;

/** The case's duties now, in the order the law lists them. */
export function caseDuties(p: Procedure, s: CaseState, now: string): Duty[] {
  const out: Duty[] = [];
  const add = (d: Omit<Duty, 'basis'>) => out.push({ ...d, basis: BASIS[d.duty] });
  const stage = s.stage ? stageOf(p, s.stage) : undefined;
  const notApplicable = (d: StageDuty) => !!stage?.duties.notApplicable.includes(d);

  add(s.receiptSent ? { duty: 'acknowledgement', state: 'done', date: s.receivedOn } : { duty: 'acknowledgement', state: 'due', reason: 'by-letter' });
  add({ duty: 'registration', state: 'done', date: s.receivedOn });

  const concerned = s.parties.filter((x) => x.role === 'complained-about');
  if (!concerned.length) add({ duty: 'copy', state: 'not-applicable', reason: 'nobody-named' });
  for (const x of concerned) {
    const copy = s.copies?.[x.id];
    if (copy) add({ duty: 'copy', party: x.id, state: 'done', date: amsterdamDate(copy.at), ...(copy.how !== 'mail' ? { reason: copy.how } : {}) });
    else if (notApplicable('copy')) add({ duty: 'copy', party: x.id, state: 'not-applicable', reason: 'procedure' });
    else {
      const reason = s.status === 'to-complete' ? 'to-complete' : copyAddress(x) ? undefined : x.address ? 'by-letter' : 'no-address';
      add({ duty: 'copy', party: x.id, state: 'due', ...(reason ? { reason } : {}) });
    }
  }

  for (const x of hearingParties(s)) {
    const h = s.hearings?.[x.id] ?? {};
    if (h.heldOn) add({ duty: 'hearing', party: x.id, state: 'done', date: h.heldOn });
    else if (h.waived) add({ duty: 'hearing', party: x.id, state: 'not-applicable', reason: h.waived });
    else if (notApplicable('hearing')) add({ duty: 'hearing', party: x.id, state: 'not-applicable', reason: 'procedure' });
    else add({ duty: 'hearing', party: x.id, state: 'due', ...(h.replyBy ? { date: h.replyBy, reason: 'offered' } : { reason: 'not-offered' }) });
  }

  if (stage) {
    out.push(decisionTerm(p, s, now));
    const decided = s.decision?.stage === stage.id;
    if (decided) add({ duty: 'decision-written', state: 'done', date: amsterdamDate(s.decision!.at) });
    else if (stage.kind === 'advice' && !stage.decides) add({ duty: 'decision-written', state: 'not-applicable', reason: 'advice' });
    else add({ duty: 'decision-written', state: s.status === 'closed' || s.status === 'withdrawn' ? 'not-applicable' : 'due' });
  }
  return out;
}

/** The current stage's term for a decision: running, met, or missed; extended if it was. */
function decisionTerm(p: Procedure, s: CaseState, now: string): Duty {
  const base = { duty: 'decision-term' as const, basis: BASIS['decision-term'] };
  const isDecisionTerm = (t: { stage: string; termId: string }) => t.stage === s.stage && termDef(p, t.stage, t.termId).metBy.includes('decided');
  const open = Object.values(s.openTerms).find(isDecisionTerm);
  const last = open ? undefined : s.termLog.findLast(isDecisionTerm);
  // Given a new date after it passed, by consent that came later still: missed, whatever follows (Awb 9:11 lid 2).
  const missedOn = (open ?? last)?.missedOn;
  if (missedOn) return { ...base, state: 'missed', date: missedOn, reason: 'consent-late' };
  if (open) {
    const passed = open.dueAt <= now;
    return { ...base, state: passed ? 'missed' : 'due', date: open.lastDay, ...(open.extensions ? { reason: 'extended' } : {}) };
  }
  if (!last) return { ...base, state: 'not-applicable', reason: 'no-term' };
  const extended = last.extensions ? { reason: 'extended' as const } : {};
  if (last.outcome === 'met') return { ...base, state: 'done', date: s.decision ? amsterdamDate(s.decision.at) : last.lastDay, ...extended };
  if (last.outcome === 'missed') return { ...base, state: 'missed', date: last.lastDay, ...extended };
  return { ...base, state: 'not-applicable', date: last.lastDay };
}

/** The first of these duties that is still open, if any. */
const openOf = (first: readonly DutyId[]) => (p: Procedure, s: CaseState, now: string) =>
  caseDuties(p, s, now).find((d) => first.includes(d.duty) && d.state === 'due');

/** The first duty that must come before a decision and is still open, if any. */
export const openBeforeDecision = openOf(BEFORE_DECISION);
/** The first duty that must come before a committee's advice and is still open, if any. */
export const openBeforeAdvice = openOf(BEFORE_ADVICE);

import type { LocalDate, TermEnd } from '../calendar/types.ts';
import type { Channel, MetBy } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import type { Refusal } from './refusal.ts';

export type { Refusal } from './refusal.ts';

export type Actor =
  | { kind: 'complainant' }
  | { kind: 'staff'; email: string }
  /** The deadline timer and other automatic steps. */
  | { kind: 'system' };

export type Fields = Record<string, string>;

/** A term that runs: one instance per start, so a re-start or an extension never confuses old timers. */
export interface TermInstance {
  instance: string;
  termId: string;
  stage: string;
  startedOn: LocalDate;
  lastDay: LocalDate;
  dueAt: string;
  remindAt?: string;
  moved?: TermEnd['moved'];
  /** How many times this term was extended, and its last day before the first extension. */
  extensions: number;
  originalLastDay: LocalDate;
  reminded?: boolean;
  /** Given a new date after it passed, by consent that arrived only after that: the last day it was missed on. */
  missedOn?: LocalDate;
}

export type TermOutcome = 'met' | 'missed' | 'cancelled';

export interface Decision {
  stage: string;
  outcome: string;
  motivation: string;
  measures: string;
  at: string;
}

/** What a complaint is from its submission on: the `submitted` event carries it and the case keeps it. */
export interface CaseOrigin {
  reference: string;
  procedureId: string;
  procedureHash: string;
  channel: Channel;
  lang: Lang;
  fields: Fields;
}

// ---- Events: the case's append-only timeline. Every event carries `at` (ISO instant). ----
type E<T extends string, B = object> = { type: T; at: string } & B;

export type CaseEvent =
  | E<'submitted', CaseOrigin & {
      receivedOn: LocalDate;
      /** `review`: late, waiting for an admissibility decision; `to-complete`: arrived by e-mail, form not yet filled in. */
      intake: 'accepted' | 'review' | 'to-complete';
      lateSince?: LocalDate;
      enteredBy?: string;
    }>
  | E<'completed', { fields: Fields }>
  | E<'admitted', { by: string; reason: string }>
  | E<'stage-started', { stage: string; from?: string; reason: string; by: Actor['kind'] }>
  | E<'term-started', TermInstance>
  /** `consentReceivedAt`: when the complainant's consent reached the organisation, where staff recorded it later. */
  | E<'term-extended', { from: string; term: TermInstance; reason: string; consent?: string; consentReceivedAt?: string; by: string }>
  | E<'term-ended', { instance: string; outcome: TermOutcome; reason: string }>
  | E<'term-reminded', { instance: string }>
  | E<'acknowledged', { by: string }>
  | E<'assigned', { handler: string; by: string }>
  /** `heard`: the parties (ids) this conversation heard (Awb 9:10); absent in records from before hearings were tracked. */
  | E<'conversation-recorded', { date: LocalDate; attendees: string[]; summary: string; signedBy: string[]; by: string; heard?: string[] }>
  | E<'response-requested', { from: string; question: string; by: string }>
  | E<'response-recorded', { from: string; text: string; by: string }>
  | E<'advised', { stage: string; outcome: string; motivation: string; recommendation: string; to: string; by: string }>
  | E<'decided', Decision & { by: string; binding: boolean }>
  /** `receivedAt`: when the complainant's request reached the organisation, where staff recorded it later. */
  | E<'escalated', { from: string; to: string; reason: string; by: Actor['kind']; receivedAt?: string }>
  | E<'withdrawn', { reason: string; by: Actor['kind']; receivedAt?: string }>
  | E<'closed', { reason: string; by: Actor['kind'] }>
  | E<'note-added', { text: string; by: string }>
  | E<'party-added', { party: CaseParty; by: string }>
  | E<'party-corrected', { party: string; changes: PartyContact; by: string }>
  /** `staff`: the staff member this person is, as identified by staff; null: not a staff member (a correction). */
  | E<'party-identified', { party: string; staff: string | null; by: string }>
  | E<'message-received', InboundMessage>
  | E<'message-sent', { text: string; by: string }>
  /** A staff member looked at the case (the audit trail of views); `what`: an export, a dossier, an access request. */
  | E<'viewed', { by: string; what?: ViewPurpose }>
  /** The copy of the complaint reached a person complained about (Awb 9:9): by mail to `to`, or posted / handed over as staff recorded. */
  | E<'copy-sent', { party: string; how: CopyHow; to?: string; by: string }>
  /** A party was offered a hearing (Awb 9:10 lid 1), to say by `replyBy` whether they want one. */
  | E<'hearing-offered', { party: string; replyBy: LocalDate; by: string }>
  /** No hearing of this party, for a reason Awb 9:10 lid 2 allows. */
  | E<'hearing-waived', { party: string; reason: HearingWaiver; by: string }>
  /** A case its appeal window closed is opened again for a request that arrived within that window (`lastDay`). */
  | E<'reopened', { receivedAt: string; lastDay: LocalDate; by: string }>
  /**
   * A message to someone without e-mail became a letter for staff to print and post. `then`: what
   * counts from the day it is posted (the decision reached the complainant only by this letter).
   */
  | E<'letter-queued', { letter: string; template: MailTemplate; to: Postal; then?: 'decision-sent'; party?: string }>
  | E<'letter-posted', { letter: string; on: LocalDate; by: string }>;

/** How a copy of the complaint reached the person complained about. */
export type CopyHow = 'mail' | 'post' | 'hand';

/**
 * Why a party is not heard (Awb 9:10 lid 2): the complaint is manifestly unfounded; the party said
 * they do not want to be heard; they did not answer the offer by its date.
 */
export const HEARING_WAIVERS = ['manifestly-unfounded', 'declined', 'no-answer'] as const;
export type HearingWaiver = (typeof HEARING_WAIVERS)[number];

/** What became of a party's hearing on this case. */
export interface Hearing {
  replyBy?: LocalDate;
  heldOn?: LocalDate;
  waived?: HearingWaiver;
}

/** What a staff member read besides the case page itself. */
export type ViewPurpose = 'export' | 'dossier' | 'access-request';

/** A party's role on the case. Handlers are not stored: they follow from the stage (see the case view). */
export type PartyRole = 'complainant' | 'representative' | 'complained-about';

/** How to reach a party; a correction sets a value, or removes it with ''. */
export interface PartyContact {
  name?: string;
  email?: string;
  address?: string;
  phone?: string;
}

export interface CaseParty extends PartyContact {
  id: string;
  role: PartyRole;
  /** A person complained about whom staff identified as this staff member (lower-case address). */
  staff?: string;
}

/** Who wrote a message that reached the case. */
export type Party = 'complainant' | 'staff' | 'concerned';

export interface StoredAttachment {
  name: string;
  type: string;
  size: number;
  /** Blob key; absent when the attachment was refused (then `refused` says why). */
  key?: string;
  refused?: 'too-large' | 'type' | 'too-many';
}

export interface InboundMessage {
  party: Party;
  sender: string;
  subject: string;
  /** The new text, quoted history and signature removed; the full original is the blob. */
  text: string;
  /** Whether quoted history (or a signature) was left out of `text`, or `text` is a preview of `textBlob`. */
  cut?: boolean;
  /** Blob key of the whole text, when it was too long to keep here. */
  textBlob?: string;
  messageId?: string;
  /** Blob key of the raw message as it arrived. */
  blob?: string;
  attachments: StoredAttachment[];
  /** Auto-replies and the like are recorded but never passed on. */
  noise?: string;
}

export type CaseEventType = CaseEvent['type'];

// ---- Commands: what someone asks the case to do. ----
type C<T extends string, B = object> = { type: T; actor: Actor } & B;

export type Command =
  | C<'submit', { reference: string; channel: Channel; lang: Lang; fields: Fields; procedureHash: string }>
  | C<'complete', { fields: Fields }>
  | C<'admit', { reason: string }>
  | C<'acknowledge'>
  | C<'assign', { handler: string }>
  /** `heard`: the parties this conversation heard; default: those offered a hearing and not yet heard. */
  | C<'record-conversation', { date: LocalDate; attendees: string[]; summary: string; signedBy: string[]; heard?: string[] }>
  | C<'request-response', { from: string; question: string }>
  | C<'record-response', { from: string; text: string }>
  /** `receivedAt`: when the complainant's consent reached the organisation (staff entering it later); default now. */
  | C<'extend', { reason: string; until: LocalDate; consent?: string; receivedAt?: string }>
  | C<'advise', { outcome: string; motivation: string; recommendation: string }>
  | C<'decide', { outcome: string; motivation: string; measures: string }>
  /** `receivedAt`: when the request reached the organisation (staff entering it later); default now. */
  | C<'escalate', { reason: string; to?: string; receivedAt?: string }>
  | C<'withdraw', { reason: string; receivedAt?: string }>
  | C<'close', { reason: string }>
  | C<'note', { text: string }>
  | C<'add-party', PartyContact & { role: Exclude<PartyRole, 'complainant'> }>
  | C<'correct-party', PartyContact & { party: string }>
  | C<'identify-party', { party: string; staff: string | null }>
  | C<'receive-message', InboundMessage>
  | C<'send-message', { text: string }>
  | C<'record-view', { what?: ViewPurpose }>
  | C<'expire-term', { instance: string }>
  | C<'remind-term', { instance: string }>
  /** `replyBy`: the day the party should answer by (default: two weeks from today). */
  | C<'offer-hearing', { party: string; replyBy?: LocalDate }>
  | C<'waive-hearing', { party: string; reason: HearingWaiver }>
  /** Staff posted or handed the copy of the complaint to a person complained about without e-mail. */
  | C<'record-copy', { party: string; how: Exclude<CopyHow, 'mail'> }>
  | C<'mark-letter-posted', { letter: string; on: LocalDate }>;

export type CommandType = Command['type'];

// ---- Effects: what must happen outside, as data. ----
export interface EmailAddress {
  email: string;
  name?: string;
}

/** A postal address (the lines of the address as one text, as staff entered it). */
export interface Postal {
  postal: string;
  name?: string;
}

/** A recipient: by e-mail, or by post as letter `letter` of the case (see `letter-queued`). */
export type Address = EmailAddress | (Postal & { letter: string });

/**
 * A mail to send, per template with the data it needs; the words are chosen when it is composed
 * (presentation), in `lang`.
 */
type Mail<T extends string, V = Record<string, never>> = { kind: 'mail'; template: T; to: Address[]; lang: Lang; vars: V };

export type MailEffect =
  | Mail<'receipt'>
  | Mail<'staff-new-case', { reason?: string; from?: string }>
  | Mail<'acknowledged'>
  /** `attachments`: the names of the complaint's attachments (kept ones): a letter says they are enclosed. */
  | Mail<'concerned-copy', { attachments?: string[] }>
  | Mail<'response-request', { question: string; dueDate?: LocalDate }>
  | Mail<'conversation-record', { date: LocalDate }>
  | Mail<'extension', { reason: string; newDate: LocalDate }>
  /** `text`: the procedure's text key for the notice (see `onExpiry`). */
  | Mail<'delay', { text: TextKey; term: string; dueDate: LocalDate }>
  | Mail<'escalated', { reason: string; from: string }>
  | Mail<'advice', { outcome: string }>
  | Mail<'decision'>
  | Mail<'withdrawn', { reason: string }>
  | Mail<'closed', { reason: string }>
  /** What changed: the step the complainant is told about, or a text from the catalogue. */
  | Mail<'update', { step: CaseEvent } | { text: TextKey }>
  | Mail<'staff-assigned'>
  | Mail<'staff-reminder', { instance: string; term: string; dueDate: LocalDate }>
  | Mail<'staff-overdue', { instance: string; term: string; dueDate: LocalDate }>
  | Mail<'message', { text: string; cut?: true; attachments?: string[] }>
  | Mail<'staff-message', { sender: 'complainant' | 'concerned' }>
  | Mail<'staff-withdrawn', { reason: string }>
  /** The offer of a hearing (Awb 9:10), to the complainant or a person complained about. */
  | Mail<'hearing-offer', { replyBy: LocalDate }>
  /** The extension told to a person complained about (Awb 9:11 lid 2). */
  | Mail<'concerned-extension', { newDate: LocalDate }>;

export type MailTemplate = MailEffect['template'];

export type Effect =
  | MailEffect
  | { kind: 'schedule'; instance: string; action: 'expire' | 'remind'; at: string }
  | { kind: 'cancel'; instance: string; action: 'expire' | 'remind' };

// ---- The case as a fold over its events. ----
export type CaseStatus = 'to-complete' | 'open' | 'decided' | 'closed' | 'withdrawn';

export interface CaseState extends CaseOrigin {
  receivedAt: string;
  receivedOn: LocalDate;
  status: CaseStatus;
  /** Late complaints wait for an admissibility decision. */
  admissibility: 'not-needed' | 'pending' | 'admitted';
  lateSince?: LocalDate;
  parties: CaseParty[];
  /** Staff identified as a person complained about (from `parties`): they never see or handle the case. */
  concerned: string[];
  stage: string;
  stageStartedAt: string;
  stagesVisited: string[];
  handler?: string;
  acknowledgedAt?: string;
  openTerms: Record<string, TermInstance>;
  termLog: {
    instance: string;
    termId: string;
    stage: string;
    startedOn: LocalDate;
    lastDay: LocalDate;
    /** As in `TermInstance`: a missed term can still be extended (a new date for the complainant). */
    originalLastDay: LocalDate;
    extensions: number;
    missedOn?: LocalDate;
    outcome: TermOutcome;
  }[];
  /** Counts term instances per term id, so each start gets a fresh instance id. */
  termStarts: Record<string, number>;
  pendingResponses: string[];
  decision?: Decision;
  advice?: { stage: string; outcome: string; recommendation: string };
  escalations: number;
  closedAt?: string;
  /** Why it closed (the `closed` event's reason): a case its appeal window closed can be reopened. */
  closedReason?: string;
  /** Instants of recent inbound messages, for the per-case rate limit. */
  recentInbound: string[];
  /** Raw-message keys of mail already on the case: the same mail delivered again changes nothing. */
  inboundBlobs: string[];
  /** The last message that came in (what a forward to the handler quotes). */
  lastInbound?: InboundMessage;
  /** The names of the attachments the complainant sent that were kept: the copy to a person complained about has them (Awb 9:9). */
  complaintAttachments?: string[];
  /** Letters by post, in order; `postedOn` once staff marked one posted. */
  letters: CaseLetter[];
  events: number;
  /** Whether the written receipt (Awb 9:6) went out: the complainant gave an e-mail address at intake. */
  receiptSent?: boolean;
  /** Per person complained about (party id): the addresses the copy of the complaint went to, or how it was delivered. */
  copies?: Record<string, { how: CopyHow; to: string[]; at: string }>;
  /** Per party (id): their hearing (Awb 9:10). */
  hearings?: Record<string, Hearing>;
}

export interface CaseLetter {
  id: string;
  template: MailTemplate;
  to: Postal;
  queuedAt: string;
  then?: 'decision-sent';
  /** The party a copy of the complaint by post is for (letters queued before 29 November 2026 have none: their address says). */
  party?: string;
  postedOn?: LocalDate;
}

export type EngineResult =
  | { ok: true; events: CaseEvent[]; effects: Effect[]; state: CaseState }
  | { ok: false; refusal: Refusal };

/** Which events meet which terms. */
export const MEETS: Partial<Record<CaseEventType, MetBy>> = {
  acknowledged: 'acknowledged',
  assigned: 'assigned',
  'conversation-recorded': 'conversationRecorded',
  'response-recorded': 'responseRecorded',
  decided: 'decided',
  advised: 'decided',
};

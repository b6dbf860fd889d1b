import type { FieldError } from '../procedure/fields.ts';

/**
 * Why a command was refused, as data: a code and its parameters, no words. The sentence a person
 * reads is made at the edge from the text catalogue, in their language (presentation/refusal.ts).
 */

/** Words the engine asks for by name when a required value is missing (texts `label.*`). */
export type LabelKey = 'name' | 'reason' | 'handler' | 'summary' | 'from' | 'question' | 'response' | 'note' | 'message' | 'motivation' | 'recommendation';

/** Commands that need a value refuse with `missing-<field>` and the label to show. */
export type MissingField = 'name' | 'reason' | 'handler' | 'summary' | 'from' | 'question' | 'text' | 'motivation' | 'recommendation';
type MissingParams = { [F in MissingField as `missing-${F}`]: { label: LabelKey } };

/**
 * Checks that refuse a command and mark the field they concern alike (the refusal carries a field
 * refusal with the same reason): their parameters are the same in both.
 */
interface CheckParams {
  anonymous: object;
  'excluded-topic': { topic: string };
  'outside-window': { eventDate: string; lastDay: string };
  'missing-attendees': object;
  'from-email': object;
  'no-request': object;
  until: { after: string };
  outcome: { allowed: string[] };
  'handler-concerned': object;
  'handler-role': object;
  'not-staff-member': object;
}

/** Parameters per refusal reason; `object` when the reason says it all. */
export interface RefusalParams extends MissingParams, CheckParams {
  exists: object;
  'no-case': object;
  'staff-only': object;
  concerned: object;
  'not-handler': { role: string };
  'status-to-complete': object;
  'status-open': object;
  'status-decided': object;
  'status-closed': object;
  'status-withdrawn': object;
  system: object;
  'system-only': object;
  /** `missing`: staff entering a complaint chose no channel; otherwise the procedure does not take this channel. */
  channel: { missing?: true };
  fields: object;
  'not-late': object;
  'already-acknowledged': object;
  /** Parties: no such party on the case; an action that does not fit its role; an address that is not staff of this procedure. */
  'no-party': object;
  'party-role': object;
  /** Nobody would be left who may handle the case. */
  'no-handler-left': object;
  date: object;
  signatures: { unsigned: string[] };
  'no-extension': object;
  'no-extendable-term': object;
  'consent-needed': { times: number; limit: string };
  /** The term already passed: a new date only with the complainant's consent. */
  'consent-needed-late': { lastDay: string };
  /** A duty that must come before a decision is still open (see engine/duties.ts); `name`: the party's name. */
  'duty-open': { duty: string; party?: string; name?: string };
  /** Hearings: not a reason Awb 9:10 lid 2 allows (now); already heard or waived; a reply date that is not a date from today. */
  'hearing-waiver': object;
  'hearing-done': object;
  'reply-by': object;
  /** A copy recorded as delivered other than by post or by hand. */
  'copy-how': object;
  'not-advice': object;
  advisory: { stage: string };
  'appeal-closed': object;
  /** A request that reached the organisation after the last day it could be made (both dates). */
  'request-late': { lastDay: string; receivedOn: string };
  /** When a request arrived, as staff entered it, cannot be right (see `fields`). */
  'received-at': object;
  to: object;
  'not-decided': object;
  'no-escalation': object;
  'rate-limited': object;
  'no-address': object;
  /** Letters by post: no such letter on the case; already marked posted; a posting date that cannot be. */
  'no-letter': object;
  'letter-posted': object;
  'posted-on': object;
  'held-action': object;
  /** Application level: no such case or item, or one this person may not know of. */
  'not-found': object;
  'held-not-found': object;
  'case-not-found': object;
  /** Application level: the case changed since it was read. */
  conflict: object;
  'erase-not-handler': object;
  /** A staff action whose fields do not parse (see `fields`). */
  action: object;
  /** An erasure request whose fields are missing (see `fields`). */
  erase: object;
}

export type RefusalReason = keyof RefusalParams;

/** Parameters per field reason the engine adds to the intake checks (`FieldError`). */
export interface FieldParams extends CheckParams {
  /** A value the command needs (`Vul "{label}" in.`). */
  missing: { label: LabelKey };
  'date-invalid': object;
  'not-signed': object;
  consent: object;
  'possible-stages': { possible: string[] };
  'submission-id': object;
  channel: { allowed: string[] };
  'case-ref': object;
  /** Staff actions: one of a fixed set (action type, erasure grounds). */
  'choose-action': { allowed: string[] };
  'choose-grounds': { allowed: string[] };
  'action-required': object;
  'action-email': object;
  'action-date': object;
  'text-too-long': object;
  'confirm-reference': object;
  sequence: object;
  'received-at-invalid': object;
  'received-at-future': object;
  'received-at-before-case': object;
  'posted-on': object;
}

export type FieldReason = keyof FieldParams;

type WithParams<P> = object extends P ? { params?: P } : { params: P };

export type FieldRefusal = FieldError | { [R in FieldReason]: { field: string; reason: R } & WithParams<FieldParams[R]> }[FieldReason];

/** `invalid`: bad input (400); `forbidden`: this actor may not (403); `not-allowed`: not now, per the procedure (422). */
export type RefusalCode = 'invalid' | 'forbidden' | 'not-allowed';

export type Refusal = {
  [R in RefusalReason]: { code: RefusalCode; reason: R; fields?: FieldRefusal[] } & WithParams<RefusalParams[R]>;
}[RefusalReason];

/** A refusal without its status class: what a sentence is made from (distributes over the reasons). */
export type RefusalBody = Refusal extends infer R ? (R extends Refusal ? Omit<R, 'code'> : never) : never;

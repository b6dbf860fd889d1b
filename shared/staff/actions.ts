import { amsterdamInstant } from '../calendar/local-date.ts';
import type { FieldRefusal } from '../engine/refusal.ts';
// zod/mini: the staff function loads this at every cold start (see shared/edge/zod-locale.ts).
import * as z from 'zod/mini';
import '../edge/zod-locale.ts';
import { HEARING_WAIVERS, type Actor, type Command } from '../engine/types.ts';

const text = (max = 20_000) => z.string().check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(max, { error: 'tooLong' }));
const date = z.iso.date({ error: 'date' });
/** A list from JSON, or from a form field with one entry per line (or separated by commas). */
const list = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? v.split(/[\n,]/).map((x) => x.trim()).filter(Boolean) : v)),
  z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(50)),
);
/** An optional text where empty means absent. */
const optionalText = (max: number) => z.pipe(z.optional(z.string().check(z.trim(), z.maxLength(max))), z.transform((v: string | undefined) => v || undefined));

export const ACTION_TYPES = [
  'acknowledge', 'assign', 'record-conversation', 'request-response', 'record-response', 'extend', 'decide',
  'advise', 'escalate', 'withdraw', 'close', 'note', 'admit', 'send-message', 'add-party', 'correct-party', 'identify-party',
  'offer-hearing', 'waive-hearing', 'record-copy',
] as const;

/** A party's contact details; the engine checks the e-mail address and that a name is given. */
const contact = { name: optionalText(200), email: optionalText(254), address: optionalText(500), phone: optionalText(50) };

/**
 * When a request arrived (a letter, a call, a mail on the timeline): a date, an instant, or a
 * date-time field's Amsterdam wall time; the engine checks it.
 */
const receivedAt = z.pipe(optionalText(40), z.transform((v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? amsterdamInstant(v) : v)));

const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge') }),
  z.object({ type: z.literal('assign'), handler: z.email({ error: 'email' }) }),
  z.object({ type: z.literal('record-conversation'), date, attendees: z.pipe(list, z.array(z.string()).check(z.minLength(1, { error: 'required' }))), summary: text(), signedBy: z._default(list, []), heard: z.optional(list) }),
  z.object({ type: z.literal('request-response'), from: z.email({ error: 'email' }), question: text(5000) }),
  z.object({ type: z.literal('record-response'), from: z.email({ error: 'email' }), text: text() }),
  z.object({ type: z.literal('extend'), reason: text(2000), until: date, consent: optionalText(2000), receivedAt, receivedMessage: receivedAt }),
  z.object({ type: z.literal('decide'), outcome: z.string().check(z.minLength(1, { error: 'required' })), motivation: text(), measures: z._default(z.string().check(z.trim(), z.maxLength(20_000)), '') }),
  z.object({ type: z.literal('advise'), outcome: z.string().check(z.minLength(1, { error: 'required' })), motivation: text(), recommendation: text() }),
  z.object({ type: z.literal('escalate'), reason: text(2000), to: optionalText(Number.MAX_SAFE_INTEGER), receivedAt, receivedMessage: receivedAt }),
  z.object({ type: z.literal('withdraw'), reason: text(2000), receivedAt, receivedMessage: receivedAt }),
  z.object({ type: z.literal('close'), reason: text(2000) }),
  z.object({ type: z.literal('note'), text: text() }),
  z.object({ type: z.literal('admit'), reason: text(2000) }),
  z.object({ type: z.literal('send-message'), text: text() }),
  z.object({ type: z.literal('add-party'), role: z.enum(['representative', 'complained-about'], { error: 'required' }), ...contact }),
  z.object({ type: z.literal('correct-party'), party: text(20), ...contact }),
  // An empty staff address: not a staff member (undoes an identification).
  z.object({ type: z.literal('offer-hearing'), party: text(20), replyBy: z.pipe(optionalText(10), z.optional(date)) }),
  z.object({ type: z.literal('waive-hearing'), party: text(20), reason: z.enum(HEARING_WAIVERS, { error: 'required' }) }),
  z.object({ type: z.literal('record-copy'), party: text(20), how: z.enum(['post', 'hand'], { error: 'required' }) }),
  z.object({ type: z.literal('identify-party'), party: text(20), staff: z.pipe(optionalText(254), z.transform((v: string | undefined) => v ?? null)) }),
]);

/** A request's arrival: the time entered, else that of the message picked from the timeline (the workspace offers both). */
function withArrival<T extends object>(data: T): Omit<T, 'receivedMessage'> {
  if (!('receivedMessage' in data)) return data;
  const { receivedMessage, ...rest } = data as T & { receivedMessage?: string; receivedAt?: string };
  return (rest.receivedAt || !receivedMessage ? rest : { ...rest, receivedAt: receivedMessage }) as Omit<T, 'receivedMessage'>;
}

/** The schema's error names, as field refusals (their sentences are in the text catalogue). */
const REASONS: Record<string, FieldRefusal> = {
  required: { field: '', reason: 'action-required' },
  tooLong: { field: '', reason: 'text-too-long' },
  date: { field: '', reason: 'action-date' },
  email: { field: '', reason: 'action-email' },
  type: { field: '', reason: 'choose-action', params: { allowed: [...ACTION_TYPES] } },
};

export type ParsedAction = { ok: true; command: Command; expectedSeq?: number } | { ok: false; errors: FieldRefusal[] };

/** Turns a staff action (JSON or form) into an engine command, naming each bad field. */
export function parseAction(body: Record<string, unknown>, actor: Actor): ParsedAction {
  const r = actionSchema.safeParse(body);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => {
        const field = i.path.length ? String(i.path[0]) : 'type';
        const key = i.code === 'invalid_union' || (field === 'type' && i.code !== 'custom') ? 'type' : i.message in REASONS ? i.message : 'required';
        return { ...REASONS[key]!, field };
      }),
    };
  }
  const seq = body.expectedSeq === undefined || body.expectedSeq === '' ? undefined : Number(body.expectedSeq);
  if (seq !== undefined && !Number.isInteger(seq)) return { ok: false, errors: [{ field: 'expectedSeq', reason: 'sequence' }] };
  return { ok: true, command: { ...withArrival(r.data), actor } as Command, ...(seq !== undefined ? { expectedSeq: seq } : {}) };
}

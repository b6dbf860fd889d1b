import { addDays, amsterdamDate, formatDate, HOLIDAY_YEARS, startOfDayInstant, termEnd } from '../calendar/index.ts';
import { normaliseDate, validateFields } from '../procedure/fields.ts';
import type { LocalDate } from '../calendar/types.ts';
import type { Moment, Procedure, Stage } from '../procedure/schema.ts';
import { DEFAULT_OUTCOMES, MEDIATION_OUTCOMES } from '../procedure/outcomes.ts';
import { text } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { evolve, fold, MESSAGE_LIMIT } from './fold.ts';
import { concernedOf, freeMembers, procedureStaff, stageForConflict } from './parties.ts';
import { copyAddress, defaultReplyBy, hearingParties, openBeforeAdvice, openBeforeDecision, type Duty } from './duties.ts';
import type { FieldRefusal, LabelKey, MissingField, Refusal, RefusalCode, RefusalParams, RefusalReason } from './refusal.ts';
import { APPEAL_TERM, extendTo, instantiate, stageOf, termDef } from './terms.ts';
import {
  MEETS,
  type Actor,
  HEARING_WAIVERS,
  type Address,
  type CaseEvent,
  type CaseLetter,
  type CaseParty,
  type EmailAddress,
  type CaseState,
  type Command,
  type Effect,
  type EngineResult,
  type MailEffect,
  type MailTemplate,
  type PartyContact,
  type Postal,
  type TermInstance,
} from './types.ts';

/**
 * The case engine as `decide` and `evolve`: `decide(procedure, case, command, now)` gives the events
 * and effects of a command, or a refusal and nothing else; `evolve` (fold.ts) applies one event.
 * Pure: no clock, no I/O, no randomness.
 */
export function decide(p: Procedure, state: CaseState | undefined, cmd: Command, now: string): Decided {
  const run = new Run(p, state, now);
  try {
    if (cmd.type === 'submit') {
      if (state) return { ok: false, refusal: { code: 'not-allowed', reason: 'exists' } };
      run.submit(cmd);
      run.sendCopies();
    } else {
      if (!state) return { ok: false, refusal: { code: 'not-allowed', reason: 'no-case' } };
      COMMANDS[cmd.type](run, cmd as never);
      run.sendCopies();
      run.keepInformed(cmd);
    }
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
  return { ok: true, events: run.events, effects: run.effects };
}

/** `decide`, then the case after its events (what the application commits and shows). */
export function handle(p: Procedure, state: CaseState | undefined, cmd: Command, now: string): EngineResult {
  const d = decide(p, state, cmd, now);
  return d.ok ? { ...d, state: fold(d.events, state)! } : d;
}

export type Decided = { ok: true; events: CaseEvent[]; effects: Effect[] } | { ok: false; refusal: Refusal };

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

/** The parameters a reason needs (none for most), then the fields it concerns. */
type FailArgs<R extends RefusalReason> = object extends RefusalParams[R]
  ? [params?: RefusalParams[R], fields?: FieldRefusal[]]
  : [params: RefusalParams[R], fields?: FieldRefusal[]];

function fail<R extends RefusalReason>(code: RefusalCode, reason: R, ...[params, fields]: FailArgs<R>): never {
  const withParams = params && Object.keys(params).length ? { params } : {};
  throw new Refused({ code, reason, ...withParams, ...(fields ? { fields } : {}) } as Refusal);
}

/** A value the command needs, trimmed; `label` names it in the refusal. */
const need = (value: string | undefined, field: MissingField, label: LabelKey) => {
  if (!value || !value.trim()) fail('invalid', `missing-${field}`, { label }, [{ field, reason: 'missing', params: { label } }]);
  return value.trim();
};

/** One command's work: each event is evolved into the state as it is made, so later steps see it. */
class Run {
  events: CaseEvent[] = [];
  effects: Effect[] = [];
  readonly today: string;
  /** `now` in one form (UTC, milliseconds): instants are compared as strings below. */
  readonly now: string;

  constructor(
    readonly p: Procedure,
    public state: CaseState | undefined,
    now: string,
  ) {
    this.today = amsterdamDate(now);
    this.now = new Date(now).toISOString();
  }

  get s(): CaseState {
    return this.state!;
  }

  emit(e: DistributiveOmit<CaseEvent, 'at'>) {
    const event = { ...e, at: this.now } as CaseEvent;
    this.state = evolve(this.state, event);
    this.events.push(event);
  }

  /**
   * A mail in the case's language (staff mail is always Dutch: pass `'nl'`). A recipient without
   * e-mail gets it as a letter: queued on the case for staff to post (`then`: see `letter-queued`,
   * given to the first letter only; `party`: the party the letter is for, where that matters).
   */
  mail<T extends MailTemplate>(template: T, to: Recipient[], vars: MailVars<T>, lang = this.state?.lang ?? 'nl', then?: 'decision-sent', party?: string) {
    if (!to.length) return;
    const addressed = to.map((r): Address => {
      if ('email' in r) return r;
      const letter = `L${this.s.letters.length + 1}`;
      const first = !this.events.some((e) => e.type === 'letter-queued' && e.template === template);
      this.emit({ type: 'letter-queued', letter, template, to: r, ...(then && first ? { then } : {}), ...(party ? { party } : {}) });
      return { ...r, letter };
    });
    this.effects.push({ kind: 'mail', template, to: addressed, lang, vars } as MailEffect);
  }

  // ---- parties ----
  get stage(): Stage {
    return stageOf(this.p, this.s.stage);
  }

  /** The complainant, and whoever represents them: both receive what the complainant is sent (by post when they have no e-mail). */
  complainant(): Recipient[] {
    return this.s.parties.flatMap((x) => (x.role === 'complainant' || x.role === 'representative' ? recipientOf(x) : []));
  }

  roleMembers(roleId: string): EmailAddress[] {
    return freeMembers(this.p, roleId, this.s.concerned);
  }

  /** The assigned handler, or else every member of the stage's handler role (never a person concerned). */
  handlers(): EmailAddress[] {
    const h = this.s.handler;
    const members = this.roleMembers(this.stage.handler);
    return h ? members.filter((m) => m.email.toLowerCase() === h) : members;
  }

  party(id: string) {
    return this.s.parties.find((x) => x.id === id) ?? fail('not-allowed', 'no-party');
  }

  /**
   * Every person complained about whom we can write to and who has not had the copy of the complaint
   * at that address gets it (Awb 9:9): at intake, when the complaint is completed, and when staff add,
   * correct or identify a party. Once per address: a correction that changes nothing sends nothing.
   */
  sendCopies() {
    if (!this.state || (this.s.status !== 'open' && this.s.status !== 'decided') || this.stage.duties.notApplicable.includes('copy')) return;
    for (const x of this.s.parties) {
      if (x.role !== 'complained-about') continue;
      const to = copyAddress(x)?.toLowerCase();
      if (to) {
        if (this.s.copies?.[x.id]?.to.includes(to)) continue;
        this.emit({ type: 'copy-sent', party: x.id, how: 'mail', to, by: 'system' });
        this.mail('concerned-copy', [{ email: to, ...(x.name ? { name: x.name } : {}) }], this.copyVars(), 'nl');
      } else if (x.address) {
        // By post: the copy counts as sent when staff mark its letter posted (see mark-letter-posted).
        // Once per party and address: two people at one address each get their own.
        if (this.s.letters.some((l) => isCopyLetterOf(l, x))) continue;
        this.mail('concerned-copy', recipientOf(x), this.copyVars(), 'nl', undefined, x.id);
      }
    }
  }

  /** A copy of the complaint comes with its attachments (Awb 9:9): their names, for the letter that encloses them. */
  copyVars() {
    const attachments = this.s.complaintAttachments ?? [];
    return attachments.length ? { attachments } : {};
  }

  /** A party that can be heard (the complainant or a person complained about). */
  hearingParty(id: string) {
    const party = this.party(id);
    if (party.role !== 'complainant' && party.role !== 'complained-about') fail('not-allowed', 'party-role');
    return party;
  }

  /** Refuses the command while a duty that must come first is open, naming the duty (and its party). */
  refuseOpen(open: Duty | undefined) {
    if (!open) return;
    const name = open.party ? this.party(open.party).name : undefined;
    fail('not-allowed', 'duty-open', { duty: open.duty, ...(open.party ? { party: open.party } : {}), ...(name ? { name } : {}) });
  }

  /** Where mail to a party goes: the complainant's side, or a person complained about's own (or identified) address. */
  addressesOf(party: CaseParty): Recipient[] {
    if (party.role === 'complainant') return this.complainant();
    return recipientOf({ ...party, email: copyAddress(party) });
  }

  // ---- who may ----
  staff(actor: Actor): string {
    if (actor.kind !== 'staff') fail('forbidden', 'staff-only');
    const email = actor.email.toLowerCase();
    if (this.state && this.s.concerned.includes(email))
      fail('forbidden', 'concerned');
    return email;
  }

  /** A member of the current stage's handler role. */
  handler(actor: Actor): string {
    const email = this.staff(actor);
    if (!this.roleMembers(this.stage.handler).some((m) => m.email.toLowerCase() === email))
      fail('forbidden', 'not-handler', { role: this.stage.handler });
    return email;
  }

  by(actor: Actor): string {
    return actor.kind === 'staff' ? this.staff(actor) : actor.kind;
  }

  status(...allowed: CaseState['status'][]) {
    if (!allowed.includes(this.s.status)) fail('not-allowed', `status-${this.s.status}`);
  }

  /** Stages that keep the complainant informed send an update after every step that did not write to them already. */
  keepInformed(cmd: Command) {
    if (!this.state?.stage || cmd.actor.kind !== 'staff' || !this.stage.keepComplainantInformed) return;
    const first = this.complainant()[0];
    const self = first && recipientKey(first);
    if (!self || this.effects.some((e) => e.kind === 'mail' && e.to.some((a) => recipientKey(a) === self))) return;
    const step = [...this.events].reverse().find((e) => INFORMS.has(e.type));
    if (step) this.mail('update', this.complainant(), { step });
  }

  // ---- requests ----
  /**
   * When a complainant's request reached the organisation: as staff entered it (an instant, or a
   * day for a letter), else now. Only staff enter it: a complainant's own request arrives now.
   */
  arrival(actor: Actor, receivedAt: string | undefined): Arrival {
    if (receivedAt === undefined) return { at: this.now, on: this.today, recorded: {} };
    if (actor.kind !== 'staff') fail('forbidden', 'staff-only');
    const bad = (reason: 'received-at-invalid' | 'received-at-future' | 'received-at-before-case') =>
      fail('invalid', 'received-at', {}, [{ field: 'receivedAt', reason }]);
    const day = normaliseDate(receivedAt) === receivedAt;
    if (!day && !INSTANT.test(receivedAt)) bad('received-at-invalid');
    const ms = Date.parse(day ? startOfDayInstant(receivedAt) : receivedAt);
    if (Number.isNaN(ms)) bad('received-at-invalid');
    const at = new Date(ms).toISOString();
    const on = amsterdamDate(at);
    if (at > this.now) bad('received-at-future');
    if (day ? on < this.s.receivedOn : at < this.s.receivedAt) bad('received-at-before-case');
    return { at, on, recorded: { receivedAt: at } };
  }

  /** The last day of the current stage's appeal window: the open one, or the one that closed the case. */
  appealLastDay(): LocalDate | undefined {
    const open = Object.values(this.s.openTerms).find((t) => t.termId === APPEAL_TERM && t.stage === this.s.stage);
    if (open) return open.lastDay;
    if (this.s.closedReason !== 'appeal-window-passed') return undefined;
    return this.s.termLog.findLast((l) => l.termId === APPEAL_TERM && l.stage === this.s.stage)?.lastDay;
  }

  // ---- terms ----
  startTerms(moment: Moment, from = this.today) {
    for (const def of this.stage.terms.filter((t) => t.from === moment)) this.startTerm(def.id, from);
  }

  startTerm(termId: string, from: string): TermInstance {
    const def = termDef(this.p, this.s.stage, termId);
    const n = (this.s.termStarts[termId] ?? 0) + 1;
    const t = instantiate(this.p, this.s.stage, def, from, n);
    this.emit({ type: 'term-started', ...t });
    this.schedule(t);
    return t;
  }

  schedule(t: TermInstance) {
    this.effects.push({ kind: 'schedule', instance: t.instance, action: 'expire', at: t.dueAt });
    if (t.remindAt && t.remindAt > this.now) this.effects.push({ kind: 'schedule', instance: t.instance, action: 'remind', at: t.remindAt });
  }

  unschedule(t: TermInstance) {
    this.effects.push({ kind: 'cancel', instance: t.instance, action: 'expire' });
    if (t.remindAt && !t.reminded) this.effects.push({ kind: 'cancel', instance: t.instance, action: 'remind' });
  }

  endTerm(t: TermInstance, outcome: 'met' | 'cancelled', reason: string) {
    this.emit({ type: 'term-ended', instance: t.instance, outcome, reason });
    this.unschedule(t);
  }

  /** The event just emitted meets every open term of the stage that it satisfies. */
  meet(eventType: CaseEvent['type']) {
    const metBy = MEETS[eventType] ?? (eventType === 'escalated' ? 'appealed' : undefined);
    if (!metBy) return;
    for (const t of Object.values(this.s.openTerms)) {
      if (t.stage === this.s.stage && termDef(this.p, t.stage, t.termId).metBy.includes(metBy)) this.endTerm(t, 'met', eventType);
    }
  }

  endOpenTerms(reason: string, onlyStage?: string) {
    for (const t of Object.values(this.s.openTerms)) if (!onlyStage || t.stage === onlyStage) this.endTerm(t, 'cancelled', reason);
  }

  /** The last term of this stage that passed unmet and may be extended, unless it was extended since. */
  missedTerm(): TermInstance | undefined {
    const log = this.s.termLog.filter((l) => l.stage === this.s.stage);
    const i = log.findLastIndex((l) => l.outcome === 'missed' && termDef(this.p, l.stage, l.termId).extendable);
    const last = log[i];
    if (!last || log.slice(i + 1).some((l) => l.termId === last.termId)) return undefined;
    const { outcome: _o, ...t } = last;
    return { ...t, dueAt: startOfDayInstant(addDays(t.lastDay, 1)) };
  }

  nextDeadline(): TermInstance | undefined {
    return Object.values(this.s.openTerms).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  }

  // ---- stages ----
  /** The stage a case goes to instead of `stageId` when nobody of its handler role may handle it (Awb 9:7). */
  free(stageId: string): string {
    const stage = stageOf(this.p, stageId);
    if (this.roleMembers(stage.handler).length) return stageId;
    return stageForConflict(this.p, stage, this.s.concerned)?.id ?? fail('not-allowed', 'no-handler-left');
  }

  /** `startedOn`: the day the stage got the complaint (the day a request for it arrived; default today). */
  enterStage(stageId: string, reason: string, by: Actor['kind'], from?: string, startedOn = this.today) {
    stageId = this.free(stageId);
    this.emit({ type: 'stage-started', stage: stageId, reason, by, ...(from ? { from } : {}) });
    this.startTerms('stageStarted', startedOn);
    this.startTerms('received', this.s.receivedOn);
  }

  /** Each person complained about whom we can write to: their own address, or the staff address staff identified. */
  concernedAddresses(): Recipient[] {
    return this.s.parties.flatMap((x) => (x.role === 'complained-about' ? this.addressesOf(x) : []));
  }

  /** To the next stage; `arrival`: the request that asked for it, whose arrival day starts the stage's terms. */
  escalate(to: string, reason: string, by: Actor['kind'], arrival?: Arrival) {
    const from = this.s.stage;
    to = this.free(to);
    this.endOpenTerms('escalated');
    this.emit({ type: 'escalated', from, to, reason, by, ...arrival?.recorded });
    this.enterStage(to, reason, by, from, arrival?.on);
    this.mail('escalated', this.complainant(), { reason, from });
    this.mail('staff-new-case', this.handlers(), { reason, from }, 'nl');
  }

  // ---- intake ----
  submit(cmd: Extract<Command, { type: 'submit' }>) {
    const p = this.p;
    if (cmd.actor.kind === 'staff') this.staff(cmd.actor);
    if (cmd.actor.kind === 'system' && cmd.channel !== 'email') fail('forbidden', 'system');
    if (!p.intake.channels.includes(cmd.channel))
      fail('not-allowed', 'channel');

    // Staff enter complaints that came by phone, letter or in person: a postal address will do.
    const checked = validateFields(p, cmd.fields, this.today, cmd.actor.kind === 'staff');
    let fields: Record<string, string>;
    let intake: 'accepted' | 'review' | 'to-complete' = 'accepted';
    if (checked.ok) fields = checked.fields;
    else if (cmd.channel === 'email' && !checked.errors.some((e) => e.field === 'email')) {
      // A complaint by e-mail is kept as it came, to be completed by the complainant through the form.
      fields = Object.fromEntries(Object.entries(cmd.fields).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
      intake = 'to-complete';
    } else {
      this.refuseAnonymous(cmd.fields, checked.errors);
      return fail('invalid', 'fields', {}, checked.errors);
    }

    let lateSince: string | undefined;
    if (intake !== 'to-complete') {
      const rule = this.intakeRules(fields);
      if (rule.late) {
        lateSince = rule.late;
        intake = 'review';
      }
    }
    this.emit({
      type: 'submitted',
      reference: cmd.reference,
      procedureId: p.id,
      procedureHash: cmd.procedureHash,
      channel: cmd.channel,
      lang: cmd.lang,
      fields,
      receivedOn: this.today,
      intake,
      ...(lateSince ? { lateSince } : {}),
      ...(cmd.actor.kind === 'staff' ? { enteredBy: cmd.actor.email.toLowerCase() } : {}),
    });
    const route = p.intake.routes.find((r) => r.in.includes(fields[r.field] ?? ''));
    this.enterStage(route?.stage ?? p.stages[0]!.id, 'received', 'system');
    this.mail('receipt', this.complainant(), {});
    // The stage's handlers always hear of a new case; `notify` adds the role that receives complaints.
    const told = [...this.handlers(), ...(p.intake.notify ? this.roleMembers(p.intake.notify) : [])];
    this.mail('staff-new-case', told.filter((a, i) => told.findIndex((b) => b.email.toLowerCase() === a.email.toLowerCase()) === i), {}, 'nl');
  }

  /**
   * Without a name where anonymous complaints are not accepted: that refusal, with its reason (the
   * field check alone would only say "enter your name"). Other field errors are listed with it.
   */
  refuseAnonymous(fields: Record<string, unknown>, errors: FieldRefusal[] = []) {
    const p = this.p;
    const name = fields.name;
    if (p.intake.anonymous || (typeof name === 'string' && name.trim())) return;
    fail('not-allowed', 'anonymous', {}, [{ field: 'name', reason: 'anonymous' }, ...errors.filter((e) => e.field !== 'name')]);
  }

  /** The procedure's refusals (422) and the late-for-review verdict. */
  intakeRules(fields: Record<string, string>): { late?: string } {
    const p = this.p;
    this.refuseAnonymous(fields);
    const excluded = p.intake.excludedTopics.find((t) => t.value === fields.topic);
    if (excluded) fail('not-allowed', 'excluded-topic', { topic: excluded.value }, [{ field: 'topic', reason: 'excluded-topic', params: { topic: excluded.value } }]);
    const window = p.intake.window;
    if (window && fields.eventDate) {
      // An event from before the holiday table is late whatever the holidays: count its window over
      // weekends only rather than fail on the missing table.
      const before = Number(fields.eventDate.slice(0, 4)) < HOLIDAY_YEARS.from;
      const lastDay = termEnd(fields.eventDate, window.length, before ? { ...p.calendar, holidays: 'none' } : p.calendar).lastDay;
      if (this.today > lastDay) {
        if (window.late === 'review') return { late: lastDay };
        const params = { eventDate: fields.eventDate, lastDay };
        fail('not-allowed', 'outside-window', params, [{ field: 'eventDate', reason: 'outside-window', params }]);
      }
    }
    return {};
  }
}

/** Steps a complainant is told about where the stage keeps them informed. */
const INFORMS = new Set<CaseEvent['type']>(['acknowledged', 'conversation-recorded', 'response-requested', 'response-recorded', 'advised', 'stage-started']);

type MailVars<T extends MailTemplate> = Extract<MailEffect, { template: T }>['vars'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Handler<T extends Command['type']> = (run: Run, cmd: Extract<Command, { type: T }>) => void;

export function stageOutcomes(stage: Stage): readonly string[] {
  return stage.outcomes ?? (stage.kind === 'mediation' ? MEDIATION_OUTCOMES : DEFAULT_OUTCOMES);
}

const COMMANDS: { [T in Exclude<Command['type'], 'submit'>]: Handler<T> } = {
  complete(run, cmd) {
    run.status('to-complete');
    const checked = validateFields(run.p, { ...run.s.fields, ...cmd.fields }, run.s.receivedOn);
    if (!checked.ok) run.refuseAnonymous({ ...run.s.fields, ...cmd.fields }, checked.errors);
    if (!checked.ok) fail('invalid', 'fields', {}, checked.errors);
    const rule = run.intakeRules(checked.fields);
    run.emit({ type: 'completed', fields: checked.fields });
    if (rule.late) run.mail('update', run.complainant(), { text: 'receipt.review' });
  },

  admit(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    if (run.s.admissibility !== 'pending')
      fail('not-allowed', 'not-late');
    run.emit({ type: 'admitted', by, reason: need(cmd.reason, 'reason', 'reason') });
  },

  acknowledge(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    if (run.s.acknowledgedAt) fail('not-allowed', 'already-acknowledged');
    run.emit({ type: 'acknowledged', by });
    run.meet('acknowledged');
    run.startTerms('acknowledged');
    run.mail('acknowledged', run.complainant(), {});
  },

  assign(run, cmd) {
    run.status('open', 'decided');
    run.handler(cmd.actor);
    const handler = need(cmd.handler, 'handler', 'handler').toLowerCase();
    if (run.s.concerned.includes(handler))
      fail('not-allowed', 'handler-concerned', {}, [{ field: 'handler', reason: 'handler-concerned' }]);
    if (!run.roleMembers(run.stage.handler).some((m) => m.email.toLowerCase() === handler))
      fail('invalid', 'handler-role', {}, [{ field: 'handler', reason: 'handler-role' }]);
    run.emit({ type: 'assigned', handler, by: run.by(cmd.actor) });
    run.meet('assigned');
    run.mail('staff-assigned', run.handlers(), {}, 'nl');
  },

  'record-conversation'(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const attendees = (cmd.attendees ?? []).map((a) => a.trim()).filter(Boolean);
    const signedBy = (cmd.signedBy ?? []).map((a) => a.trim()).filter(Boolean);
    if (!attendees.length)
      fail('invalid', 'missing-attendees', {}, [{ field: 'attendees', reason: 'missing-attendees' }]);
    const summary = need(cmd.summary, 'summary', 'summary');
    if (normaliseDate(cmd.date ?? '') !== cmd.date || cmd.date > run.today)
      fail('invalid', 'date', {}, [{ field: 'date', reason: 'date-invalid' }]);
    const unsigned = attendees.filter((a) => !signedBy.includes(a));
    if (run.stage.conversation.signatures === 'all-present' && unsigned.length)
      fail('not-allowed', 'signatures', { unsigned }, [{ field: 'signedBy', reason: 'not-signed' }]);
    const heard = heardIn(run, cmd.heard);
    run.emit({ type: 'conversation-recorded', date: cmd.date, attendees, summary, signedBy, by, ...(heard.length ? { heard } : {}) });
    run.meet('conversation-recorded');
    run.mail('conversation-record', [...run.complainant(), ...run.concernedAddresses()], { date: cmd.date });
  },

  'request-response'(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const from = need(cmd.from, 'from', 'from').toLowerCase();
    if (!EMAIL.test(from))
      fail('invalid', 'from-email', {}, [{ field: 'from', reason: 'from-email' }]);
    const question = need(cmd.question, 'question', 'question');
    run.emit({ type: 'response-requested', from, question, by });
    run.startTerms('responseRequested');
    const due = Object.values(run.s.openTerms).find((t) => termDef(run.p, t.stage, t.termId).from === 'responseRequested');
    run.mail('response-request', [{ email: from }], { question, ...(due ? { dueDate: due.lastDay } : {}) }, 'nl');
  },

  'record-response'(run, cmd) {
    run.status('open');
    const by = run.staff(cmd.actor);
    const from = need(cmd.from, 'from', 'from').toLowerCase();
    if (!run.s.pendingResponses.includes(from))
      fail('not-allowed', 'no-request', {}, [{ field: 'from', reason: 'no-request' }]);
    run.emit({ type: 'response-recorded', from, text: need(cmd.text, 'text', 'response'), by });
    run.meet('response-recorded');
  },

  extend(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const ext = run.p.extension;
    if (!ext.allowed) fail('not-allowed', 'no-extension');
    const reason = need(cmd.reason, 'reason', 'reason');
    const open = Object.values(run.s.openTerms).find((t) => t.stage === run.s.stage && termDef(run.p, t.stage, t.termId).extendable);
    // A term that already passed unmet can be given a new date too: the complainant hears the reason
    // for the delay and an estimated new term (e.g. Buro Leerlingenhulp's 3 weeks).
    const term = open ?? run.missedTerm();
    if (!term) fail('not-allowed', 'no-extendable-term');
    const after = term.lastDay >= run.today ? term.lastDay : addDays(run.today, -1);
    // (Beyond the holiday table is a typo, not a date: refused rather than failing on the table.)
    if (normaliseDate(cmd.until ?? '') !== cmd.until || cmd.until <= after || Number(cmd.until.slice(0, 4)) > HOLIDAY_YEARS.to)
      fail('invalid', 'until', { after }, [{ field: 'until', reason: 'until', params: { after } }]);
    const limit = termEnd(term.originalLastDay, ext.max, run.p.calendar).lastDay;
    const consent = cmd.consent?.trim();
    if (!consent && (term.extensions >= ext.maxWithoutConsent || cmd.until > limit))
      fail('not-allowed', 'consent-needed', { times: ext.maxWithoutConsent, limit }, [{ field: 'consent', reason: 'consent' }]);
    // Awb 9:11 lid 2 lets the organisation postpone a decision before its term ends; after, only with the complainant's consent.
    if (!consent && !open) fail('not-allowed', 'consent-needed-late', { lastDay: term.lastDay }, [{ field: 'consent', reason: 'consent' }]);
    // When something arrived, without the consent that arrived: a slip in the form.
    if (!consent && cmd.receivedAt !== undefined) fail('invalid', 'received-at', {}, [{ field: 'consent', reason: 'consent' }]);
    // The consent counts from when it reached the organisation (a call, a letter, a mail), not from when staff enter it:
    // a term that passed was extended lawfully only by consent that arrived before it passed. Consent that came
    // later still gives the complainant a new date, but the term stays missed (on its last day).
    const arrival = consent ? run.arrival(cmd.actor, cmd.receivedAt) : undefined;
    const missed = !open && arrival && arrival.at >= term.dueAt ? { missedOn: term.lastDay } : {};
    const n = (run.s.termStarts[term.termId] ?? 0) + 1;
    const next = { ...extendTo(run.p, term, cmd.until, n), ...missed };
    if (open) run.unschedule(open);
    const consented = consent ? { consent, ...(arrival?.recorded.receivedAt ? { consentReceivedAt: arrival.recorded.receivedAt } : {}) } : {};
    run.emit({ type: 'term-extended', from: term.instance, term: next, reason, by, ...consented });
    run.schedule(next);
    run.mail('extension', run.complainant(), { reason, newDate: next.lastDay });
    run.mail('concerned-extension', run.concernedAddresses(), { newDate: next.lastDay }, 'nl');
  },

  advise(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const stage = run.stage;
    if (stage.kind !== 'advice' || !stage.advisesTo)
      fail('not-allowed', 'not-advice');
    const outcome = checkOutcome(stage, cmd.outcome);
    const motivation = need(cmd.motivation, 'motivation', 'motivation');
    const recommendation = need(cmd.recommendation, 'recommendation', 'recommendation');
    run.refuseOpen(openBeforeAdvice(run.p, run.s, run.now));
    run.emit({ type: 'advised', stage: stage.id, outcome, motivation, recommendation, to: stage.advisesTo, by });
    run.meet('advised');
    run.endOpenTerms('advised', stage.id);
    run.mail('advice', run.complainant(), { outcome });
    run.enterStage(stage.advisesTo, 'advice', 'staff', stage.id);
    run.mail('staff-new-case', run.handlers(), { from: stage.id }, 'nl');
  },

  decide(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const stage = run.stage;
    if (stage.kind === 'advice' && !stage.decides)
      fail('not-allowed', 'advisory', { stage: stage.id });
    const outcome = checkOutcome(stage, cmd.outcome);
    const motivation = need(cmd.motivation, 'motivation', 'motivation');
    run.refuseOpen(openBeforeDecision(run.p, run.s, run.now));
    // Binding unless the complainant can still take it to a next stage (the appeal window).
    run.emit({ type: 'decided', stage: stage.id, outcome, motivation, measures: (cmd.measures ?? '').trim(), by, binding: !stage.appeal });
    run.meet('decided');
    run.endOpenTerms('decided', stage.id);
    const to = run.complainant();
    const appeals = !!stage.appeal && (!stage.appeal.after || stage.appeal.after.includes(outcome));
    // Reached only by a letter: what counts from the decision counts from the day it is posted.
    const byPost = appeals && to.length > 0 && to.every((r) => 'postal' in r);
    run.mail('decision', to, {}, undefined, byPost ? 'decision-sent' : undefined);
    if (byPost) return;
    run.startTerms('decisionSent');
    if (appeals) run.startTerm(APPEAL_TERM, run.today);
    else {
      run.endOpenTerms('closed');
      run.emit({ type: 'closed', reason: 'decided', by: 'system' });
    }
  },

  escalate(run, cmd) {
    // A case its appeal window closed is still open to a request that arrived within that window.
    const reopen = run.s.status === 'closed' && run.s.closedReason === 'appeal-window-passed';
    if (!reopen) run.status('open', 'decided');
    const stage = run.stage;
    const reason = need(cmd.reason, 'reason', 'reason');
    if (cmd.actor.kind === 'staff') run.staff(cmd.actor);
    const arrival = run.arrival(cmd.actor, cmd.receivedAt);
    if (run.s.status !== 'open') {
      // After a decision: the complainant's appeal, judged on when it arrived, not on when staff act.
      const lastDay = run.appealLastDay();
      if (!stage.appeal || !lastDay) fail('not-allowed', 'appeal-closed');
      if (arrival.on > lastDay) fail('not-allowed', 'request-late', { lastDay, receivedOn: arrival.on });
      if (cmd.to && cmd.to !== stage.appeal.to) fail('invalid', 'to');
      if (reopen) run.emit({ type: 'reopened', receivedAt: arrival.at, lastDay, by: run.by(cmd.actor) });
      else run.meet('escalated');
      run.escalate(stage.appeal.to, reason, cmd.actor.kind, arrival);
      return;
    }
    if (cmd.actor.kind === 'complainant')
      fail('not-allowed', 'not-decided');
    const to = cmd.to ?? stage.escalateTo[0];
    if (!to || !stage.escalateTo.includes(to))
      fail('not-allowed', 'no-escalation', {}, [{ field: 'to', reason: 'possible-stages', params: { possible: [...stage.escalateTo] } }]);
    run.escalate(to, reason, cmd.actor.kind, arrival);
  },

  withdraw(run, cmd) {
    run.status('open', 'decided', 'to-complete');
    if (cmd.actor.kind === 'system') fail('forbidden', 'system');
    // Staff record a withdrawal on the complainant's behalf: that is the handler's to do, as closing is.
    if (cmd.actor.kind === 'staff') run.handler(cmd.actor);
    const reason = need(cmd.reason, 'reason', 'reason');
    const arrival = run.arrival(cmd.actor, cmd.receivedAt);
    const handlers = run.handlers();
    run.endOpenTerms('withdrawn');
    run.emit({ type: 'withdrawn', reason, by: cmd.actor.kind, ...arrival.recorded });
    run.mail('withdrawn', run.complainant(), { reason });
    run.mail('staff-withdrawn', handlers, { reason }, 'nl');
  },

  close(run, cmd) {
    run.status('open', 'decided', 'to-complete');
    run.handler(cmd.actor);
    const reason = need(cmd.reason, 'reason', 'reason');
    run.endOpenTerms('closed');
    run.emit({ type: 'closed', reason, by: 'staff' });
    run.mail('closed', run.complainant(), { reason });
  },

  note(run, cmd) {
    const by = run.staff(cmd.actor);
    run.emit({ type: 'note-added', text: need(cmd.text, 'text', 'note'), by });
  },

  'add-party'(run, cmd) {
    const by = run.staff(cmd.actor);
    if (cmd.role !== 'representative' && cmd.role !== 'complained-about') fail('invalid', 'party-role');
    const contact = partyContact(cmd);
    if (!contact.name) need('', 'name', 'name');
    const party = { id: `p${run.s.parties.filter((x) => /^p\d+$/.test(x.id)).length + 1}`, role: cmd.role, ...dropEmpty(contact) };
    run.emit({ type: 'party-added', party, by });
  },

  'correct-party'(run, cmd) {
    const by = run.staff(cmd.actor);
    const party = run.party(cmd.party);
    const changes = partyContact(cmd);
    if (changes.name === '') need('', 'name', 'name');
    if (!Object.keys(changes).length) need('', 'name', 'name');
    run.emit({ type: 'party-corrected', party: party.id, changes, by });
  },

  'identify-party'(run, cmd) {
    const by = run.staff(cmd.actor);
    const party = run.party(cmd.party);
    if (party.role !== 'complained-about') fail('not-allowed', 'party-role');
    const email = cmd.staff?.trim().toLowerCase() || null;
    if (email && !procedureStaff(run.p).some((m) => m.email === email))
      fail('invalid', 'not-staff-member', {}, [{ field: 'staff', reason: 'not-staff-member' }]);
    // Nobody may be left to handle it: then the identification is refused (`procedure check` warns of such roles).
    const after = concernedOf(run.s.parties.map((x) => (x.id === party.id ? { ...x, staff: email ?? undefined } : x)));
    if (!run.p.stages.some((st) => freeMembers(run.p, st.handler, after).length)) fail('not-allowed', 'no-handler-left');
    run.emit({ type: 'party-identified', party: party.id, staff: email, by });
    // The stage's handlers are all complained about: the case goes where the procedure sends complaints about them.
    if ((run.s.status === 'open' || run.s.status === 'decided') && !run.roleMembers(run.stage.handler).length)
      run.escalate(run.s.stage, text(run.p, 'escalated.conflict', 'nl'), 'staff');
  },

  'receive-message'(run, cmd) {
    // Mail arrives through the system; a handler may also attach a mail that was held for review.
    if (cmd.actor.kind === 'complainant') fail('forbidden', 'system-only');
    if (cmd.actor.kind === 'staff') run.handler(cmd.actor);
    // Mail is delivered at least once: the same message again is already on the case.
    if (cmd.blob && run.s.inboundBlobs.includes(cmd.blob)) return;
    const since = new Date(Date.parse(run.now) - MESSAGE_LIMIT.windowMs).toISOString();
    if (run.s.recentInbound.filter((at) => at > since).length >= MESSAGE_LIMIT.count)
      fail('not-allowed', 'rate-limited');
    const { type: _t, actor: _a, ...message } = cmd;
    const handlers = run.handlers();
    run.emit({ type: 'message-received', ...message });
    if (message.noise) return;
    if (message.party === 'complainant') run.mail('staff-message', handlers, { sender: 'complainant' }, 'nl');
    else if (message.party === 'staff')
      run.mail('message', run.complainant(), { text: message.text, ...(message.cut ? { cut: true } : {}), ...(message.attachments.length ? { attachments: message.attachments.map((a) => a.name) } : {}) });
    else if (run.s.pendingResponses.includes(message.sender)) {
      run.emit({ type: 'response-recorded', from: message.sender, text: message.text, by: 'mail' });
      run.meet('response-recorded');
      run.mail('staff-message', handlers, { sender: 'concerned' }, 'nl');
    } else run.mail('staff-message', handlers, { sender: 'concerned' }, 'nl');
  },

  'send-message'(run, cmd) {
    const by = run.handler(cmd.actor);
    const text = need(cmd.text, 'text', 'message');
    if (!run.complainant().length) fail('not-allowed', 'no-address');
    run.emit({ type: 'message-sent', text, by });
    run.mail('message', run.complainant(), { text });
  },

  'record-view'(run, cmd) {
    run.emit({ type: 'viewed', by: run.staff(cmd.actor), ...(cmd.what ? { what: cmd.what } : {}) });
  },

  'offer-hearing'(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const party = run.hearingParty(cmd.party);
    const h = run.s.hearings?.[party.id];
    if (h?.heldOn || h?.waived) fail('not-allowed', 'hearing-done');
    const replyBy = cmd.replyBy ?? defaultReplyBy(run.today);
    if (normaliseDate(replyBy) !== replyBy || replyBy < run.today || Number(replyBy.slice(0, 4)) > HOLIDAY_YEARS.to)
      fail('invalid', 'reply-by', {}, [{ field: 'replyBy', reason: 'action-date' }]);
    run.emit({ type: 'hearing-offered', party: party.id, replyBy, by });
    run.mail('hearing-offer', run.addressesOf(party), { replyBy }, party.role === 'complainant' ? run.s.lang : 'nl');
  },

  'waive-hearing'(run, cmd) {
    run.status('open');
    const by = run.handler(cmd.actor);
    const party = run.hearingParty(cmd.party);
    if (!HEARING_WAIVERS.includes(cmd.reason)) fail('invalid', 'hearing-waiver', {}, [{ field: 'reason', reason: 'choose-action', params: { allowed: [...HEARING_WAIVERS] } }]);
    const h = run.s.hearings?.[party.id];
    if (h?.heldOn || h?.waived) fail('not-allowed', 'hearing-done');
    // "Did not answer" only once the date the party was given to answer by has passed (Awb 9:10 lid 2 sub c).
    if (cmd.reason === 'no-answer' && !(h?.replyBy && h.replyBy < run.today)) fail('not-allowed', 'hearing-waiver');
    run.emit({ type: 'hearing-waived', party: party.id, reason: cmd.reason, by });
  },

  'record-copy'(run, cmd) {
    run.status('open', 'decided');
    const by = run.handler(cmd.actor);
    const party = run.party(cmd.party);
    if (party.role !== 'complained-about') fail('not-allowed', 'party-role');
    if (cmd.how !== 'post' && cmd.how !== 'hand') fail('invalid', 'copy-how', {}, [{ field: 'how', reason: 'choose-action', params: { allowed: ['post', 'hand'] } }]);
    run.emit({ type: 'copy-sent', party: party.id, how: cmd.how, by });
  },

  'expire-term'(run, cmd) {
    if (cmd.actor.kind !== 'system') fail('forbidden', 'system-only');
    const t = run.s.openTerms[cmd.instance];
    // A term that was met, cancelled, extended or already fired does nothing more; so does an early call.
    if (!t || t.dueAt > run.now) return;
    const def = termDef(run.p, t.stage, t.termId);
    const handlers = run.handlers();
    run.emit({ type: 'term-ended', instance: t.instance, outcome: t.termId === APPEAL_TERM ? 'cancelled' : 'missed', reason: 'expired' });
    if (t.remindAt && !t.reminded) run.effects.push({ kind: 'cancel', instance: t.instance, action: 'remind' });
    if (def.alertHandler) run.mail('staff-overdue', handlers, { instance: t.instance, term: def.label.nl, dueDate: t.lastDay }, 'nl');
    for (const action of def.onExpiry) {
      if (action.do === 'notify-complainant')
        run.mail('delay', run.complainant(), { text: action.text as TextKey /* checked by the schema */, term: def.label[run.s.lang], dueDate: t.lastDay });
      else if (action.do === 'escalate' && (run.s.status === 'open' || run.s.status === 'decided'))
        run.escalate(action.to, text(run.p, 'escalated.termExpired', 'nl', { term: def.label.nl, lastDay: formatDate(t.lastDay, 'nl') }), 'system');
      else if (action.do === 'close' && run.s.status !== 'closed' && run.s.status !== 'withdrawn') {
        run.endOpenTerms('closed');
        run.emit({ type: 'closed', reason: t.termId === APPEAL_TERM ? 'appeal-window-passed' : 'term-expired', by: 'system' });
      }
    }
  },

  'mark-letter-posted'(run, cmd) {
    const by = run.staff(cmd.actor);
    const letter = run.s.letters.find((l) => l.id === cmd.letter) ?? fail('not-allowed', 'no-letter');
    if (letter.postedOn) fail('not-allowed', 'letter-posted');
    if (normaliseDate(cmd.on ?? '') !== cmd.on || cmd.on > run.today || cmd.on < amsterdamDate(letter.queuedAt))
      fail('invalid', 'posted-on', {}, [{ field: 'on', reason: 'posted-on' }]);
    run.emit({ type: 'letter-posted', letter: letter.id, on: cmd.on, by });
    // A copy of the complaint by post reached the person complained about: the 9:9 duty is done.
    if (letter.template === 'concerned-copy') {
      const party = run.s.parties.find((x) => x.role === 'complained-about' && isCopyLetterOf(letter, x));
      if (party) run.emit({ type: 'copy-sent', party: party.id, how: 'post', to: letter.to.postal, by });
    }
    // The decision reached the complainant on this day: the appeal window (and any term from the decision) starts now.
    if (letter.then === 'decision-sent' && run.s.status === 'decided') {
      run.startTerms('decisionSent', cmd.on);
      run.startTerm(APPEAL_TERM, cmd.on);
    }
  },

  'remind-term'(run, cmd) {
    if (cmd.actor.kind !== 'system') fail('forbidden', 'system-only');
    const t = run.s.openTerms[cmd.instance];
    if (!t || t.reminded || !t.remindAt || t.remindAt > run.now) return;
    run.emit({ type: 'term-reminded', instance: t.instance });
    const def = termDef(run.p, t.stage, t.termId);
    run.mail('staff-reminder', run.handlers(), { instance: t.instance, term: def.label.nl, dueDate: t.lastDay }, 'nl');
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An instant with its offset (the edge turns a date-time field's Amsterdam wall time into one). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** When a request arrived; `recorded`: what its event carries (only where staff entered the time). */
interface Arrival {
  at: string;
  on: LocalDate;
  recorded: { receivedAt?: string };
}

/** The parties a conversation heard: those named (each must be heard at all), else those offered a hearing and not yet heard. */
function heardIn(run: Run, named: string[] | undefined): string[] {
  if (named?.length) return [...new Set(named.map((id) => run.hearingParty(id).id))];
  const hearings = run.s.hearings ?? {};
  return hearingParties(run.s).filter((x) => hearings[x.id]?.replyBy && !hearings[x.id]?.heldOn && !hearings[x.id]?.waived).map((x) => x.id);
}

/** Whom a command writes to: by e-mail, or by post (the engine makes that a letter). */
type Recipient = EmailAddress | Postal;

/** A party by e-mail where they have one, else by post where they have an address; else not at all. */
function recipientOf(x: Pick<CaseParty, 'email' | 'address' | 'name'>): Recipient[] {
  const name = x.name ? { name: x.name } : {};
  if (x.email) return [{ email: x.email, ...name }];
  return x.address ? [{ postal: x.address, ...name }] : [];
}

/** A copy of the complaint by post for party `x` at its present address (an older letter, without its party, by address alone). */
const isCopyLetterOf = (l: CaseLetter, x: Pick<CaseParty, 'id' | 'address'>) =>
  l.template === 'concerned-copy' && l.to.postal === x.address && (l.party === undefined || l.party === x.id);

const recipientKey = (r: Recipient) => ('email' in r ? `email:${r.email.toLowerCase()}` : `post:${r.postal}`);

/** The contact details a command gives, trimmed; only those it names ('' removes one). */
function partyContact(cmd: PartyContact): PartyContact {
  const out: PartyContact = {};
  for (const key of ['name', 'email', 'address', 'phone'] as const) {
    const v = cmd[key];
    if (typeof v === 'string') out[key] = key === 'email' ? v.trim().toLowerCase() : v.trim();
  }
  if (out.email && !EMAIL.test(out.email)) fail('invalid', 'from-email', {}, [{ field: 'email', reason: 'from-email' }]);
  return out;
}

const dropEmpty = (c: PartyContact): PartyContact => Object.fromEntries(Object.entries(c).filter(([, v]) => v)) as PartyContact;

function checkOutcome(stage: Stage, outcome: string | undefined): string {
  const allowed = stageOutcomes(stage);
  if (!outcome || !allowed.includes(outcome))
    fail('invalid', 'outcome', { allowed: [...allowed] }, [{ field: 'outcome', reason: 'outcome', params: { allowed: [...allowed] } }]);
  return outcome;
}


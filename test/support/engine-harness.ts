/**
 * An in-memory driver for the pure case engine: it keeps one case's events and effects, and the
 * timers that `schedule` / `cancel` effects ask for, so a test can move time with `advanceTo` and
 * see every due timer fire, in order, as `expire-term` / `remind-term` commands from the system at
 * the timer's instant — the way the deadline runner does it.
 */
import { fileURLToPath } from 'node:url';
import { handle } from '../../shared/engine/engine.ts';
import { openBeforeDecision } from '../../shared/engine/duties.ts';
import { fold } from '../../shared/engine/fold.ts';
import { refusalText } from '../../shared/presentation/refusal.ts';
import type {
  Actor,
  CaseEvent,
  CaseState,
  Command,
  Effect,
  EngineResult,
  Fields,
  MailTemplate,
  Refusal,
  TermInstance,
} from '../../shared/engine/types.ts';
import { loadProcedureFile, type LoadedProcedure } from '../../shared/procedure/load.ts';
import type { Channel, Procedure } from '../../shared/procedure/schema.ts';
import type { Lang } from '../../shared/procedure/text.ts';

export const PROCEDURE_IDS = [
  'hss',
  'bureau-mhr',
  'perspectief-herstelbemiddeling',
  'ben-in-de-buurt',
  'buro-leerlingenhulp',
] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

export const procedurePath = (id: string) => fileURLToPath(new URL(`../../procedures/${id}.yaml`, import.meta.url));

const loaded = new Map<string, LoadedProcedure>();
/** A procedure file of the project, parsed once per test file. */
export function loadProcedure(id: ProcedureId): LoadedProcedure {
  let l = loaded.get(id);
  if (!l) loaded.set(id, (l = loadProcedureFile(procedurePath(id))));
  return l;
}

export const staff = (email: string): Actor => ({ kind: 'staff', email });
export const complainant: Actor = { kind: 'complainant' };
export const system: Actor = { kind: 'system' };

/** A distributive Omit, so `Cmd<'extend'>` keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<Command, 'actor'> & { actor?: Actor };

export interface Timer {
  instance: string;
  action: 'expire' | 'remind';
  at: string;
}

/** A mail effect of one template; its `vars` also readable by name in tests that look across templates. */
export type MailEffect<T extends MailTemplate = MailTemplate> = Extract<Effect, { kind: 'mail'; template: T }> & { vars: Record<string, any> };

export interface Step {
  at: string;
  command: Command;
  result: EngineResult;
  /** The state the command was given (the same object, to check it was not changed). */
  before: CaseState | undefined;
  /** A deep copy of `before` taken before the command ran, when `keepCopies` is on. */
  beforeCopy?: CaseState | undefined;
}

const ms = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${iso}`);
  return t;
};
const timerKey = (instance: string, action: string) => `${instance}#${action}`;

export class CaseHarness {
  readonly procedure: Procedure;
  readonly hash: string;
  /** The clock: commands run at this instant unless given another. */
  now: string;
  state: CaseState | undefined;
  readonly events: CaseEvent[] = [];
  /** Every effect of every accepted command, in order. */
  readonly effects: Effect[] = [];
  /** The effects of the last accepted command, or of every timer fired by the last `advanceTo`. */
  lastEffects: Effect[] = [];
  lastEvents: CaseEvent[] = [];
  lastRefusal: Refusal | undefined;
  /** Every command run (accepted or refused), with its result. */
  readonly steps: Step[] = [];
  readonly timers = new Map<string, Timer>();
  /** Keep a deep copy of the state before every command (for purity checks). */
  keepCopies = false;
  private seq = 0;

  constructor(procedure: Procedure | LoadedProcedure, now: string, hash?: string) {
    if ('procedure' in procedure) {
      this.procedure = procedure.procedure;
      this.hash = hash ?? procedure.hash;
    } else {
      this.procedure = procedure;
      this.hash = hash ?? 'test-hash';
    }
    this.now = new Date(ms(now)).toISOString();
  }

  static for(id: ProcedureId, now: string): CaseHarness {
    return new CaseHarness(loadProcedure(id), now);
  }

  get s(): CaseState {
    if (!this.state) throw new Error('no case yet');
    return this.state;
  }

  /** Sends a command at `at` (default: now); timers due before `at` fire first. */
  send(input: CommandInput, at?: string): EngineResult {
    if (at) this.advanceTo(at);
    return this.exec({ actor: system, ...input } as Command, this.now);
  }

  /**
   * Sends a command at `at` *without* firing the timers due by then: the deadline runner is late
   * (or this command got in first). The clock moves to `at`.
   */
  sendBeforeTimers(input: CommandInput, at: string): EngineResult {
    if (ms(at) < ms(this.now)) throw new Error(`time runs forward: ${at} is before ${this.now}`);
    this.now = new Date(ms(at)).toISOString();
    return this.exec({ actor: system, ...input } as Command, this.now);
  }

  /** A refusal as the person reads it (the sentence from the text catalogue). */
  say(refusal: Refusal, lang: Lang = 'nl'): string {
    return refusalText(refusal, lang, this.procedure);
  }

  /** Sends a command that must be accepted; returns its events and effects. */
  do(input: CommandInput, at?: string): { events: CaseEvent[]; effects: Effect[]; state: CaseState } {
    const r = this.send(input, at);
    if (!r.ok) throw new Error(`${input.type} refused: ${r.refusal.code} ${r.refusal.reason}: ${refusalText(r.refusal, 'en', this.procedure)}`);
    return r;
  }

  /**
   * Settles the duties that must come before a decision (Awb 9:9, 9:10) for a test about something
   * else: a copy that cannot be mailed is handed over, and every party due a hearing declines it.
   */
  settleDuties(actor: Actor, at?: string): void {
    if (at) this.advanceTo(at);
    for (let d = openBeforeDecision(this.procedure, this.s, this.now); d; d = openBeforeDecision(this.procedure, this.s, this.now)) {
      if (d.duty === 'copy') this.do({ type: 'record-copy', actor, party: d.party!, how: 'hand' } as CommandInput);
      else this.do({ type: 'waive-hearing', actor, party: d.party!, reason: 'declined' } as CommandInput);
    }
  }

  /** Sends a command that must be refused; returns the refusal, with its sentence as each language reads it. */
  refuse(input: CommandInput, at?: string): Refusal & { message: Record<Lang, string> } {
    const r = this.send(input, at);
    if (r.ok) throw new Error(`${input.type} was accepted: ${r.events.map((e) => e.type).join(', ')}`);
    return { ...r.refusal, message: { nl: this.say(r.refusal, 'nl'), en: this.say(r.refusal, 'en') } };
  }

  /** Submits a complaint (default: through the web form, by the complainant). */
  submit(
    fields: Fields,
    opts: { at?: string; channel?: Channel; actor?: Actor; lang?: Lang; reference?: string } = {},
  ): EngineResult {
    return this.send(
      {
        type: 'submit',
        actor: opts.actor ?? complainant,
        reference: opts.reference ?? `K-${this.procedure.id}-${++this.seq}`,
        channel: opts.channel ?? 'web',
        lang: opts.lang ?? 'nl',
        fields,
        procedureHash: this.hash,
      },
      opts.at,
    );
  }

  private exec(command: Command, at: string): EngineResult {
    const before = this.state;
    const beforeCopy = this.keepCopies ? structuredClone(before) : undefined;
    const result = handle(this.procedure, before, command, at);
    this.steps.push({ at, command, result, before, ...(this.keepCopies ? { beforeCopy } : {}) });
    if (!result.ok) {
      this.lastRefusal = result.refusal;
      return result;
    }
    this.lastRefusal = undefined;
    this.state = result.state;
    this.events.push(...result.events);
    this.effects.push(...result.effects);
    this.lastEvents = result.events;
    this.lastEffects = result.effects;
    for (const e of result.effects) {
      if (e.kind === 'schedule') this.timers.set(timerKey(e.instance, e.action), { instance: e.instance, action: e.action, at: e.at });
      else if (e.kind === 'cancel') this.timers.delete(timerKey(e.instance, e.action));
    }
    return result;
  }

  /** The timers still set, earliest first. */
  pendingTimers(): Timer[] {
    return [...this.timers.values()].sort((a, b) => ms(a.at) - ms(b.at) || a.action.localeCompare(b.action));
  }

  /**
   * Moves the clock to `iso`, firing every timer due by then in due order, each at its own instant
   * (or now, if it was set for a moment already past). Timers set by a fired timer fire too.
   * `lastEffects` / `lastEvents` become everything the fired timers produced.
   */
  advanceTo(iso: string): Step[] {
    const target = ms(iso);
    if (target < ms(this.now)) throw new Error(`time runs forward: ${iso} is before ${this.now}`);
    const fired: Step[] = [];
    for (;;) {
      const next = this.pendingTimers()[0];
      if (!next || ms(next.at) > target) break;
      this.timers.delete(timerKey(next.instance, next.action));
      const at = new Date(Math.max(ms(next.at), ms(this.now))).toISOString();
      this.now = at;
      this.exec({ type: next.action === 'expire' ? 'expire-term' : 'remind-term', actor: system, instance: next.instance }, at);
      fired.push(this.steps[this.steps.length - 1]!);
    }
    this.now = new Date(target).toISOString();
    this.lastEvents = fired.flatMap((f) => (f.result.ok ? f.result.events : []));
    this.lastEffects = fired.flatMap((f) => (f.result.ok ? f.result.effects : []));
    return fired;
  }

  /**
   * Delivers one timer by hand at `at` (default now) — early, late, twice, or after its term is
   * gone — without firing any other timer on the way. A pending timer it matches is used up.
   */
  fire(action: 'expire' | 'remind', instance: string, at = this.now): EngineResult {
    this.timers.delete(timerKey(instance, action));
    return this.sendBeforeTimers({ type: action === 'expire' ? 'expire-term' : 'remind-term', actor: system, instance }, at);
  }

  // ---- views ----

  openTerms(): TermInstance[] {
    return Object.values(this.state?.openTerms ?? {}).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** The open instance of a term, by term id. */
  term(termId: string): TermInstance {
    const t = this.openTerms().find((x) => x.termId === termId);
    if (!t) throw new Error(`no open term ${termId}; open: ${this.openTerms().map((x) => x.instance).join(', ') || 'none'}`);
    return t;
  }

  /** Mail effects of the whole case (or of `from`, e.g. `lastEffects`), optionally of one template. */
  mails<T extends MailTemplate = MailTemplate>(template?: T, from: Effect[] = this.effects): MailEffect<T>[] {
    return from.filter((e): e is MailEffect<T> => e.kind === 'mail' && (!template || e.template === template));
  }

  lastMails<T extends MailTemplate = MailTemplate>(template?: T): MailEffect<T>[] {
    return this.mails(template, this.lastEffects);
  }

  /** `template → recipients` for the last effects, e.g. `['receipt → a@b.nl']`. */
  lastMailSummary(): string[] {
    return this.lastMails().map((m) => `${m.template} → ${m.to.map((a) => ('email' in a ? a.email : `post (${a.letter})`)).join(', ')}`);
  }

  /** Schedule / cancel effects of the last step, as `schedule expire hss.x.1 @ …` lines. */
  lastTimerEffects(): string[] {
    return this.lastEffects.flatMap((e) =>
      e.kind === 'schedule' ? [`schedule ${e.action} ${e.instance} @ ${e.at}`] : e.kind === 'cancel' ? [`cancel ${e.action} ${e.instance}`] : [],
    );
  }

  eventTypes(from: CaseEvent[] = this.lastEvents): string[] {
    return from.map((e) => e.type);
  }

  /** A readable line per event. */
  timeline(): string[] {
    return this.events.map((e) => `${e.at} ${e.type}${describe(e)}`);
  }

  /** The state the events fold to (should always equal `state`). */
  folded(): CaseState | undefined {
    return fold(this.events);
  }
}

function describe(e: CaseEvent): string {
  switch (e.type) {
    case 'stage-started':
      return ` ${e.stage} (${e.reason})`;
    case 'term-started':
      return ` ${e.instance} → ${e.lastDay}`;
    case 'term-extended':
      return ` ${e.from} → ${e.term.instance} ${e.term.lastDay}`;
    case 'term-ended':
      return ` ${e.instance} ${e.outcome} (${e.reason})`;
    case 'decided':
      return ` ${e.stage}: ${e.outcome}`;
    case 'advised':
      return ` ${e.stage}: ${e.outcome} → ${e.to}`;
    case 'escalated':
      return ` ${e.from} → ${e.to} by ${e.by}`;
    case 'closed':
    case 'withdrawn':
      return ` (${e.reason})`;
    default:
      return '';
  }
}

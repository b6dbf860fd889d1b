/**
 * Properties of the case engine over random command sequences against the five procedures:
 * folding is deterministic and gives the engine's state; a refusal changes nothing; rolled-forward
 * term ends are working days; timers stay in step with the open terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDate, isWorkingDay } from '../../shared/calendar/index.ts';
import { stageOutcomes } from '../../shared/engine/engine.ts';
import { fold } from '../../shared/engine/fold.ts';
import { caseDuties } from '../../shared/engine/duties.ts';
import type { Actor, CaseEvent, Command, Effect, Fields } from '../../shared/engine/types.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { LANGS } from '../../shared/procedure/text.ts';
import { refusalText } from '../../shared/presentation/refusal.ts';
import { CaseHarness, PROCEDURE_IDS, loadProcedure, type ProcedureId, type Step } from '../support/engine-harness.ts';

const COMMAND_TYPES = [
  'complete',
  'admit',
  'acknowledge',
  'assign',
  'record-conversation',
  'request-response',
  'record-response',
  'extend',
  'advise',
  'decide',
  'escalate',
  'withdraw',
  'close',
  'note',
  'expire-term',
  'remind-term',
  'submit',
  'offer-hearing',
  'waive-hearing',
  'record-copy',
  'correct-party',
] as const;

/** One random step: how far time moves, then a command whose details are picked from the case as it is. */
interface RawStep {
  minutes: number;
  type: (typeof COMMAND_TYPES)[number];
  actor: number;
  a: number;
  b: number;
  c: number;
  text: string;
}

const rawStep: fc.Arbitrary<RawStep> = fc.record({
  // Mostly hours to a few days, sometimes weeks: terms of days, weeks and months all pass.
  minutes: fc.oneof(fc.integer({ min: 0, max: 60 * 24 * 3 }), fc.integer({ min: 0, max: 60 * 24 * 30 })),
  // Every command, the ones that move a case along a little more often.
  type: fc.oneof(
    { arbitrary: fc.constantFrom(...COMMAND_TYPES), weight: 3 },
    { arbitrary: fc.constantFrom('advise', 'decide', 'escalate', 'extend', 'acknowledge', 'request-response', 'record-response'), weight: 1 },
    { arbitrary: fc.constantFrom('offer-hearing', 'waive-hearing', 'record-conversation', 'decide', 'advise'), weight: 1 },
  ),
  actor: fc.nat(20),
  a: fc.nat(50),
  b: fc.nat(100),
  c: fc.nat(10),
  text: fc.oneof({ arbitrary: fc.constantFrom('', '  '), weight: 1 }, { arbitrary: fc.constantFrom('Reden van de klager.', 'x'), weight: 4 }),
});

interface Scenario {
  id: ProcedureId;
  start: number;
  channel: number;
  fieldVariant: number;
  eventDaysAgo: number;
  named: number;
  steps: RawStep[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  id: fc.constantFrom(...PROCEDURE_IDS),
  // 2024-01-01 … 2030-12-31, any time of day: the holiday table covers these years.
  start: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }),
  channel: fc.nat(10),
  fieldVariant: fc.nat(10),
  eventDaysAgo: fc.oneof(fc.nat(12), fc.nat(500)),
  named: fc.nat(10),
  steps: fc.array(rawStep, { minLength: 1, maxLength: 40 }),
});

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
const members = (p: Procedure) => Object.values(p.roles).flatMap((r) => r.members);

/** Anyone; but more often than not a member of the current stage's handler role, so cases move. */
function actorFor(p: Procedure, n: number, stageId?: string): Actor {
  const handlers = p.stages.find((x) => x.id === stageId)?.handler;
  if (n % 7 === 0) return { kind: 'complainant' };
  if (n % 7 === 1) return { kind: 'system' };
  if (n % 7 === 2) return { kind: 'staff', email: 'vreemde@example.nl' };
  if (n % 7 === 3 || !handlers) return { kind: 'staff', email: pick(members(p), n)!.email };
  return { kind: 'staff', email: pick(p.roles[handlers]!.members, n)!.email };
}

function fieldsFor(p: Procedure, s: Scenario, today: string): Fields {
  const f: Fields = { name: 'Klager Test', email: 'klager@example.nl', description: 'Een klacht.' };
  for (const field of p.intake.fields) {
    if (field.key === 'eventDate') f.eventDate = addDays(today, -s.eventDaysAgo);
    else if (field.key === 'topic') f.topic = pick([...p.intake.topics, ...p.intake.excludedTopics], s.fieldVariant)!.value;
    else if (field.options?.length) f[field.key] = pick(field.options, s.fieldVariant)!.value;
    else if (field.required && !f[field.key]) f[field.key] = field.key === 'phone' ? '06-12345678' : `waarde ${field.key}`;
  }
  if (s.named % 3 === 0) f.employeeName = pick(members(p), s.named)!.name;
  if (s.fieldVariant === 9) delete f.name;
  if (s.fieldVariant === 8) delete f.description;
  return f;
}

/** A concrete command for the case as it now stands. */
function commandFor(p: Procedure, h: CaseHarness, r: RawStep): Command {
  const st = h.state;
  const actor = actorFor(p, r.actor, st?.stage);
  const today = amsterdamDate(h.now);
  const open = h.openTerms();
  const stage = st?.stage ? p.stages.find((x) => x.id === st.stage) : undefined;
  const date = (base: string) =>
    r.c === 0 ? `${Number(base.slice(0, 4)) + (r.b % 2)}-02-30`
    : r.c === 1 ? ''
    : r.c === 2 ? (r.b % 2 ? 'morgen' : `${Number(base.slice(0, 4)) + 200}${base.slice(4)}`)
    : addDays(base, (r.b % 70) - 10);
  switch (r.type) {
    case 'submit':
      return { type: 'submit', actor, reference: 'X', channel: 'web', lang: 'nl', fields: { email: 'a@b.nl', description: 'x' }, procedureHash: 'h' };
    case 'complete':
      return { type: 'complete', actor, fields: r.c < 5 ? { name: 'Aangevuld', description: 'Aangevulde klacht.' } : {} };
    case 'admit':
      return { type: 'admit', actor, reason: r.text };
    case 'acknowledge':
      return { type: 'acknowledge', actor };
    case 'assign':
      return { type: 'assign', actor, handler: r.c === 0 ? 'vreemde@example.nl' : pick(members(p), r.a)!.email };
    case 'record-conversation': {
      const attendees = ['Klager', 'Betrokkene', 'Bemiddelaar'].slice(0, (r.a % 3) + (r.c === 3 ? 0 : 1));
      const signedBy = r.b % 2 ? attendees : attendees.slice(1);
      const heard = r.c > 6 ? { heard: (st?.parties ?? []).filter((_, i) => (r.b >> i) & 1).map((x) => x.id) } : {};
      return { type: 'record-conversation', actor, date: r.c < 3 ? date(today) : addDays(today, -(r.b % 10)), attendees, summary: r.text, signedBy, ...heard };
    }
    case 'request-response':
      return { type: 'request-response', actor, from: r.c === 0 ? 'geen-adres' : `betrokkene${r.a % 3}@example.nl`, question: r.text };
    case 'record-response':
      return { type: 'record-response', actor, from: pick(st?.pendingResponses ?? [], r.a) ?? `betrokkene${r.a % 3}@example.nl`, text: r.text };
    case 'extend': {
      const base = pick(open, r.a)?.lastDay ?? today;
      return { type: 'extend', actor, reason: r.text, until: date(base), ...(r.a % 3 === 0 ? { consent: 'akkoord per e-mail' } : {}) };
    }
    case 'advise':
    case 'decide': {
      const outcomes = stage ? [...stageOutcomes(stage), 'onbekend'] : ['gegrond'];
      const outcome = pick(outcomes, r.a)!;
      return r.type === 'advise'
        ? { type: 'advise', actor, outcome, motivation: r.text, recommendation: r.c % 2 ? 'Aanbeveling.' : '' }
        : { type: 'decide', actor, outcome, motivation: r.text, measures: r.c % 2 ? 'Maatregel.' : '' };
    }
    case 'escalate': {
      const to = pick([undefined, ...p.stages.map((x) => x.id)], r.a);
      return { type: 'escalate', actor, reason: r.text, ...(to ? { to } : {}) };
    }
    case 'withdraw':
      return { type: 'withdraw', actor, reason: r.text };
    case 'close':
      return { type: 'close', actor, reason: r.text };
    case 'note':
      return { type: 'note', actor, text: r.text };
    case 'offer-hearing':
    case 'waive-hearing':
    case 'record-copy':
    case 'correct-party': {
      const party = pick([...(st?.parties.map((x) => x.id) ?? []), 'p9'], r.a)!;
      if (r.type === 'offer-hearing') return { type: r.type, actor, party, ...(r.c < 3 ? { replyBy: date(today) } : {}) };
      if (r.type === 'waive-hearing') return { type: r.type, actor, party, reason: pick(['manifestly-unfounded', 'declined', 'no-answer', 'zomaar'] as const, r.b)! as never };
      if (r.type === 'record-copy') return { type: r.type, actor, party, how: pick(['post', 'hand', 'mail'] as const, r.b)! as never };
      return { type: r.type, actor, party, ...(r.c % 2 ? { email: `betrokkene${r.a % 3}@example.nl` } : { address: 'Dorpsstraat 1' }) };
    }
    case 'expire-term':
    case 'remind-term': {
      const instance = pick(open, r.a)?.instance ?? pick(st?.termLog ?? [], r.a)?.instance ?? 'x.y.1';
      // Mostly the system, as the runner would; sometimes someone else.
      return { type: r.type, actor: r.actor % 5 ? { kind: 'system' } : actor, instance };
    }
  }
}

/** In an open advice stage, the stage's handler settles the duties that come first. */
function settleBeforeAdvice(p: Procedure, h: CaseHarness) {
  const stage = p.stages.find((x) => x.id === h.state?.stage);
  const member = stage?.kind === 'advice' && h.state?.status === 'open' ? p.roles[stage.handler]?.members[0] : undefined;
  if (member) h.settleDuties({ kind: 'staff', email: member.email });
}

/** Runs a scenario; returns the harness with every step (commands and fired timers) recorded. */
function play(s: Scenario): CaseHarness {
  const loaded = loadProcedure(s.id);
  const p = loaded.procedure;
  const h = new CaseHarness(loaded, new Date(s.start).toISOString());
  h.keepCopies = true;
  const today = amsterdamDate(h.now);
  const channel = pick(p.intake.channels, s.channel)!;
  h.submit(fieldsFor(p, s, today), {
    channel,
    actor: channel === 'web' || channel === 'email' ? { kind: 'complainant' } : actorFor(p, s.channel + 3),
  });
  // A refused submission leaves no case: try once more with the plain valid fields through the web.
  if (!h.state) h.submit(fieldsFor(p, { ...s, fieldVariant: s.fieldVariant % 8, eventDaysAgo: 1, named: 1 }, today), { channel: 'web' });
  let t = Date.parse(h.now);
  for (const r of s.steps) {
    t += r.minutes * 60_000;
    h.advanceTo(new Date(t).toISOString());
    // A committee hears both sides before it advises (Awb 9:15): often its handler has done so first.
    if (r.type === 'advise' && r.b % 2 === 0) settleBeforeAdvice(p, h);
    h.send(commandFor(p, h, r));
  }
  return h;
}

type Check = (p: Procedure, step: Step, eventsBefore: CaseEvent[]) => void;

/** Runs every check on every step of random scenarios (the same ones each time with a `seed`). */
function forAllSteps(check: Check, numRuns = 150, seed?: number) {
  fc.assert(
    fc.property(scenario, (s) => {
      const h = play(s);
      const p = h.procedure;
      const events: CaseEvent[] = [];
      for (const step of h.steps) {
        check(p, step, [...events]);
        if (step.result.ok) events.push(...step.result.events);
      }
      expect(events).toEqual(h.events);
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

const schedules = (effects: Effect[]) => effects.filter((e) => e.kind === 'schedule');
const cancels = (effects: Effect[]) => effects.filter((e) => e.kind === 'cancel');

describe('engine properties', () => {
  it('scenarios get somewhere: most open a case and many reach a decision, an escalation or an expiry', () => {
    const hs = fc.sample(scenario, { numRuns: 200, seed: 42 }).map(play);
    const opened = hs.filter((h) => h.state).length;
    const events = new Set(hs.flatMap((h) => h.events.map((e) => e.type)));
    expect(opened).toBeGreaterThan(150);
    for (const t of ['decided', 'escalated', 'term-extended', 'withdrawn', 'closed', 'advised', 'term-reminded', 'conversation-recorded', 'response-recorded']) {
      expect(events, t).toContain(t);
    }
    const outcomes = new Set(hs.flatMap((h) => h.events.flatMap((e) => (e.type === 'term-ended' ? [e.outcome] : []))));
    expect([...outcomes].sort()).toEqual(['cancelled', 'met', 'missed']);
  });

  it('no decision without its duties: the copy and the hearings done, or not applicable (Awb 9:9, 9:10)', () => {
    let decisions = 0;
    const check: Check = (p, step) => {
      if (!step.result.ok || !step.result.events.some((e) => e.type === 'decided')) return;
      decisions++;
      const before = caseDuties(p, step.before!, step.at).filter((d) => d.duty === 'copy' || d.duty === 'hearing');
      for (const d of before) expect(['done', 'not-applicable'], `${d.duty} ${d.party ?? ''}`).toContain(d.state);
      // Each party heard is the complainant or a person complained about, heard or waived on the record.
      for (const d of before.filter((x) => x.duty === 'hearing' && x.state === 'done')) expect(step.before!.hearings?.[d.party!]?.heldOn).toBeDefined();
    };
    // Fixed scenarios first, so that the check is known to meet decisions (a random draw may meet none),
    // then new random ones.
    forAllSteps(check, 300, 11);
    expect(decisions).toBeGreaterThan(0);
    forAllSteps(check, 300);
  });

  it('folding the events is deterministic and gives the state the engine returned', () => {
    forAllSteps((_p, step, before) => {
      if (!step.result.ok) return;
      const all = [...before, ...step.result.events];
      const copy = structuredClone(all);
      const once = fold(all);
      const twice = fold(all);
      expect(once).toEqual(step.result.state);
      expect(twice).toEqual(once);
      // Folding on from the previous state gives the same; folding does not touch the events.
      expect(fold(step.result.events, step.before)).toEqual(once);
      expect(all).toEqual(copy);
    });
  });

  it('a refused command changes nothing: no events, no effects, the state untouched', () => {
    forAllSteps((p, step) => {
      // The engine never changes the state it is given, refused or not.
      expect(step.before).toEqual(step.beforeCopy);
      if (step.result.ok) return;
      expect(Object.keys(step.result)).toEqual(['ok', 'refusal']);
      expect(step.result.refusal.code).toMatch(/^(invalid|forbidden|not-allowed)$/);
      // Every refusal reads as a whole sentence in both languages: no placeholder left unfilled.
      for (const lang of LANGS) expect(refusalText(step.result.refusal, lang, p)).toMatch(/^[^{}]{4,}$/);
    });
  });

  it('with roll-forward on, no term ends on a non-working day', () => {
    forAllSteps((p, step) => {
      if (!step.result.ok) return;
      expect(p.calendar.rollForward).toBe(true);
      for (const e of step.result.events) {
        const t = e.type === 'term-started' ? e : e.type === 'term-extended' ? e.term : undefined;
        if (t) expect(isWorkingDay(t.lastDay, p.calendar), `${t.instance} ends ${t.lastDay}`).toBe(true);
      }
    });
  });

  it('every scheduled instance is open afterwards; every term that ends has its expire timer cancelled unless it expired', () => {
    forAllSteps((_p, step) => {
      if (!step.result.ok) return;
      const { events, effects, state } = step.result;
      for (const s of schedules(effects)) {
        expect(state.openTerms[s.instance], `scheduled ${s.instance}`).toBeDefined();
        expect(s.at).toBe(s.action === 'expire' ? state.openTerms[s.instance]!.dueAt : state.openTerms[s.instance]!.remindAt);
      }
      const cancelled = new Set(cancels(effects).map((c) => `${c.action} ${c.instance}`));
      const was = (instance: string) => step.before?.openTerms[instance];
      for (const e of events) {
        if (e.type === 'term-ended') {
          const term = was(e.instance) ?? state.openTerms[e.instance];
          const started = events.some((x) => x.type === 'term-started' && x.instance === e.instance);
          if (e.reason === 'expired') expect(cancelled.has(`expire ${e.instance}`)).toBe(false);
          else expect(cancelled.has(`expire ${e.instance}`), `cancel expire ${e.instance}`).toBe(true);
          if (term?.remindAt && !term.reminded && !started) expect(cancelled.has(`remind ${e.instance}`)).toBe(true);
          expect(state.openTerms[e.instance]).toBeUndefined();
        }
        if (e.type === 'term-extended' && was(e.from)) expect(cancelled.has(`expire ${e.from}`)).toBe(true);
      }
      // Only the deadline runner's own expiry goes without a cancel: it has fired.
      const expired = step.command.type === 'expire-term' ? events.filter((e) => e.type === 'term-ended' && e.reason === 'expired') : [];
      expect(expired.length).toBeLessThanOrEqual(1);
    });
  });

  it('the timers left set are exactly those of the open terms', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const h = play(s);
        const open = h.state?.openTerms ?? {};
        for (const t of h.pendingTimers()) expect(open[t.instance], `${t.action} ${t.instance}`).toBeDefined();
        for (const t of Object.values(open)) {
          expect(h.timers.get(`${t.instance}#expire`)?.at).toBe(t.dueAt);
          if (h.timers.has(`${t.instance}#remind`)) expect(t.reminded).not.toBe(true);
        }
        // And moving far ahead fires every one of them, leaving no open term un-ended but the ones
        // started by a firing itself (a term of a stage the case escalated to) — those fire too.
        const far = new Date(Date.parse(h.now) + 400 * 86_400_000).toISOString();
        h.advanceTo(far);
        expect(h.pendingTimers()).toEqual([]);
        expect(h.openTerms()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

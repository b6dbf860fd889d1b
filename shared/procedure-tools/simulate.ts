/**
 * Dry run of a procedure: submits a synthetic complaint to the real case engine and walks the
 * paths the case can take, recording each term's last day. Pure: no clock, no I/O.
 *
 * - Main path: the handler acts on the last day of each term: acknowledges a term met by
 *   `acknowledged`, decides (the first outcome that leaves the appeal open) a term met by `decided`, or gives advice in
 *   an advice stage, which moves the case on to the stage that decides; an appeal window passes unused.
 * - Every other way to reach a stage forks off: a term whose expiry escalates runs out (the timer
 *   fires at its `dueAt`), the complainant appeals on the last day of the window, staff escalate to
 *   each `escalateTo` stage on the day the stage started. A fork continues with main-path behaviour
 *   and forks again. A fork never goes to a stage the path already visited, and a transition
 *   (from, to, how) is explored once: on the first path that meets it.
 * - Each intake route gives its own start.
 */
import { BEFORE_ADVICE, BEFORE_DECISION, caseDuties, type DutyId } from '../engine/duties.ts';
import { addDays, amsterdamDate, startOfDayInstant } from '../calendar/index.ts';
import type { LocalDate } from '../calendar/types.ts';
import { handle, stageOutcomes } from '../engine/engine.ts';
import { APPEAL_TERM, stageOf, termDef } from '../engine/terms.ts';
import type { Actor, CaseEvent, CaseState, Command, Refusal, TermInstance } from '../engine/types.ts';
import { resolveFields } from '../procedure/fields.ts';
import { fieldTexts, refusalText } from '../presentation/refusal.ts';
import type { Procedure } from '../procedure/schema.ts';

export interface SimStep {
  /** The term's last day (after roll-forward). */
  date: LocalDate;
  stage: string;
  term: string;
  label: string;
  basis: string | null;
  /** The term is a legal default, not the organisation's own (`default: true`). */
  default: boolean;
  /** Set when roll-forward moved the last day: the unmoved day and each day skipped, with why. */
  movedFrom?: LocalDate;
  skipped?: { date: LocalDate; reason: string }[];
  /** What became of the term on this path. */
  result: string;
  /** Position in the case's event log: orders steps, transitions and the end. */
  seq: number;
}

export type TransitionKind = 'expiry' | 'appeal' | 'staff' | 'advice';

export interface SimTransition {
  date: LocalDate;
  from: string;
  to: string;
  kind: TransitionKind;
  /** The term whose expiry escalated (kind `expiry`). */
  term?: string;
  seq: number;
}

export interface SimPath {
  title: string;
  kind: 'main' | 'route' | 'escalation';
  /** The intake route the synthetic complaint took, if any. */
  route?: { field: string; value: string; stage: string };
  start: string;
  steps: SimStep[];
  transitions: SimTransition[];
  end: { date: LocalDate; status: CaseState['status'] | 'stopped'; reason: string; seq: number };
}

export class SimulationError extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

/** At most this many commands per path: a guard against a procedure that loops. */
const MAX_COMMANDS = 200;
const HOUR = 3_600_000;

/** The instant of `hour`:00 Europe/Amsterdam on `date` (exact on daylight-saving days too). */
export function amsterdamInstant(date: LocalDate, hour: number): string {
  const start = Date.parse(startOfDayInstant(date));
  const dayLength = Date.parse(startOfDayInstant(addDays(date, 1))) - start;
  // The clocks change at 02:00/03:00: later hours shift by the day's extra or missing hour.
  const shift = hour >= 3 ? dayLength - 24 * HOUR : 0;
  return new Date(start + hour * HOUR + shift).toISOString();
}

const later = (a: string, b: string) => (a > b ? a : b);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** One point on a path: the case so far, the simulated clock and the stage changes so far. */
interface Walk {
  state: CaseState;
  clock: string;
  events: CaseEvent[];
  transitions: SimTransition[];
  commands: number;
}

interface Fork {
  key: string;
  priority: number;
  at: string;
  run: () => Walk;
}

interface Origin {
  kind: SimPath['kind'];
  route?: SimPath['route'];
}

/** Every path of the procedure for a complaint received on `received` (YYYY-MM-DD) at 10:00. */
export function simulate(p: Procedure, received: LocalDate): SimPath[] {
  const paths: SimPath[] = [];
  const seen = new Set<string>();
  const base = baseFields(p, received);

  explore(p, submit(p, received, base), { kind: 'main' }, paths, seen);
  for (const r of p.intake.routes) {
    const value = r.in[0]!;
    const start = submit(p, received, { ...base, [r.field]: value });
    explore(p, start, { kind: 'route', route: { field: r.field, value, stage: start.state.stage } }, paths, seen);
  }
  return paths;
}

/** A valid complaint: every required field, a name and an e-mail address; no intake route matches. */
function baseFields(p: Procedure, received: LocalDate): Record<string, string> {
  const routed = new Set(p.intake.routes.flatMap((r) => r.in.map((v) => `${r.field}=${v}`)));
  const excluded = new Set(p.intake.excludedTopics.map((t) => t.value));
  const fields: Record<string, string> = {};
  for (const f of resolveFields(p)) {
    let value: string | undefined;
    if (f.key === 'eventDate') value = received;
    else if (f.key === 'name') value = 'Simulatie Klager';
    else if (f.key === 'email') value = 'klager@example.org';
    else if (!f.required) value = undefined;
    else if (f.type === 'email') value = 'klager@example.org';
    else if (f.type === 'date') value = received;
    else if (f.type === 'tel') value = '0201234567';
    else if (f.type === 'checkbox') value = 'ja';
    else if (f.type === 'select') {
      const options = (f.options ?? []).filter((o) => !excluded.has(o.value));
      value = (options.find((o) => !routed.has(`${f.key}=${o.value}`)) ?? options[0])?.value;
    } else value = 'Simulatie'.slice(0, f.maxLength);
    if (value !== undefined) fields[f.key] = value;
  }
  return fields;
}

function submit(p: Procedure, received: LocalDate, fields: Record<string, string>): Walk {
  const channel = p.intake.channels.includes('web') ? 'web' : p.intake.channels[0]!;
  const at = amsterdamInstant(received, 10);
  const r = handle(
    p,
    undefined,
    { type: 'submit', actor: { kind: 'complainant' }, reference: 'SIMULATIE', channel, lang: 'nl', fields, procedureHash: 'simulatie' },
    at,
  );
  if (!r.ok) throw refused(p, 'the complaint', r.refusal);
  return { state: r.state, clock: at, events: r.events, transitions: [], commands: 1 };
}

function refused(p: Procedure, what: string, refusal: Refusal): SimulationError {
  const fields = fieldTexts(refusal, 'en', p).map((f) => `${f.field}: ${f.message}`).join('; ');
  return new SimulationError(`the engine refused ${what}: ${refusal.reason}: ${refusalText(refusal, 'en', p)}${fields ? ` (${fields})` : ''}`, refusal);
}

/**
 * Before a decision (or a committee's advice), what Awb 9 asks first (engine/duties.ts): everyone due a hearing is heard in
 * one recorded conversation; a copy that cannot go by e-mail is handed over.
 */
function dutiesFirst(p: Procedure, w: Walk, at: string, first: readonly DutyId[]): Walk {
  const now = later(at, w.clock);
  const due = caseDuties(p, w.state, now).filter((d) => first.includes(d.duty) && d.state === 'due' && d.party);
  const actor = staffOf(p, w.state.stage);
  const heard = due.filter((d) => d.duty === 'hearing').map((d) => d.party!);
  if (heard.length) {
    const names = heard.map((id) => w.state.parties.find((x) => x.id === id)?.name ?? id);
    w = exec(p, w, { type: 'record-conversation', actor, date: amsterdamDate(now), attendees: names, summary: 'Simulatie: gehoord', signedBy: names, heard }, now);
  }
  for (const d of due.filter((x) => x.duty === 'copy')) w = exec(p, w, { type: 'record-copy', actor, party: d.party!, how: 'hand' }, now);
  return w;
}

/** Runs a command at `at` (or now, if the clock is already later) and returns the walk after it. */
function exec(p: Procedure, w: Walk, cmd: Command, at: string): Walk {
  if (cmd.type === 'decide') w = dutiesFirst(p, w, at, BEFORE_DECISION);
  if (cmd.type === 'advise') w = dutiesFirst(p, w, at, BEFORE_ADVICE);
  if (w.commands >= MAX_COMMANDS) throw new SimulationError(`more than ${MAX_COMMANDS} steps on one path: does the procedure loop?`);
  const now = later(at, w.clock);
  const r = handle(p, w.state, cmd, now);
  if (!r.ok) throw refused(p, `${cmd.type} in stage ${w.state.stage} on ${amsterdamDate(now)}`, r.refusal);
  return { ...w, state: r.state, clock: now, events: [...w.events, ...r.events], commands: w.commands + 1 };
}

/** The first member of the stage's handler role. */
function staffOf(p: Procedure, stageId: string): Actor {
  const stage = stageOf(p, stageId);
  const member = p.roles[stage.handler]?.members[0];
  if (!member) throw new SimulationError(`role "${stage.handler}" (handler of stage ${stageId}) has no members: nobody can act in that stage`);
  return { kind: 'staff', email: member.email };
}

/** Records the stage change that the commands between `before` and `after` made, if any. */
function transition(before: Walk, after: Walk, kind: TransitionKind, term?: string): Walk {
  if (after.state.stagesVisited.length === before.state.stagesVisited.length) return after;
  const seq = after.events.findIndex((e, i) => i >= before.events.length && e.type === 'stage-started');
  const t: SimTransition = {
    date: amsterdamDate(after.clock),
    from: before.state.stage,
    to: after.state.stage,
    kind,
    ...(term ? { term } : {}),
    seq,
  };
  return { ...after, transitions: [...after.transitions, t] };
}

const forkKey = (from: string, to: string, kind: TransitionKind, term?: string) => `${from}>${to}:${kind}:${term ?? ''}`;
/** The order forks are explored in: a term running out and an appeal before a staff escalation. */
const PRIORITY: Record<TransitionKind, number> = { expiry: 0, appeal: 1, advice: 2, staff: 3 };

/** Runs the main behaviour from `start`, records the path, then explores the forks met on the way. */
function explore(p: Procedure, start: Walk, origin: Origin, paths: SimPath[], seen: Set<string>) {
  const forks: Fork[] = [];
  const end = runMain(p, start, forks);
  paths.push(toPath(p, end.walk, origin, end.stopped));
  forks.sort((a, b) => a.priority - b.priority || a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  for (const f of forks) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    explore(p, f.run(), { kind: origin.kind === 'route' ? 'route' : 'escalation', ...(origin.route ? { route: origin.route } : {}) }, paths, seen);
  }
}

interface Plan {
  at: string;
  cmd: Command;
  advice?: boolean;
}

/** The handler's decision (or advice, in an advice stage): the first outcome that leaves the appeal open, if any. */
function decision(p: Procedure, stageId: string, at: string): Plan {
  const stage = stageOf(p, stageId);
  const outcome = stage.appeal?.after?.[0] ?? stageOutcomes(stage)[0]!;
  const actor = staffOf(p, stageId);
  if (stage.kind === 'advice' && stage.advisesTo)
    return { at, advice: true, cmd: { type: 'advise', actor, outcome, motivation: 'Simulatie', recommendation: 'Simulatie' } };
  return { at, cmd: { type: 'decide', actor, outcome, motivation: 'Simulatie', measures: '' } };
}

/** What happens to an open term on the main path, and when. */
function plan(p: Procedure, w: Walk, t: TermInstance): Plan {
  const s = w.state;
  const expire: Plan = { at: later(t.dueAt, w.clock), cmd: { type: 'expire-term', actor: { kind: 'system' }, instance: t.instance } };
  // The appeal window passes unused; a term of another stage or one already overdue just runs out.
  if (t.termId === APPEAL_TERM || t.stage !== s.stage || t.dueAt <= w.clock) return expire;
  const def = termDef(p, t.stage, t.termId);
  const stage = stageOf(p, s.stage);
  const at = later(amsterdamInstant(t.lastDay, 12), w.clock);
  if (def.metBy.includes('acknowledged') && !s.acknowledgedAt && s.status === 'open')
    return { at, cmd: { type: 'acknowledge', actor: staffOf(p, s.stage) } };
  if (def.metBy.includes('decided') && s.status === 'open') return decision(p, s.stage, at);
  if (def.metBy.includes('assigned') && s.status !== 'closed') {
    const actor = staffOf(p, s.stage);
    return { at, cmd: { type: 'assign', actor, handler: actor.kind === 'staff' ? actor.email : '' } };
  }
  if (def.metBy.includes('conversationRecorded') && s.status === 'open') {
    const name = p.roles[stage.handler]?.members[0]?.name ?? 'behandelaar';
    const date = amsterdamDate(at);
    return { at, cmd: { type: 'record-conversation', actor: staffOf(p, s.stage), date, attendees: [name], summary: 'Simulatie', signedBy: [name] } };
  }
  // Nothing the handler does meets this term (a response, an appeal): it runs out.
  return expire;
}

function runMain(p: Procedure, start: Walk, forks: Fork[]): { walk: Walk; stopped?: string } {
  let w = start;
  let stagesSeen = 0;
  for (;;) {
    const s = w.state;
    if (s.status === 'closed' || s.status === 'withdrawn') return { walk: w };
    if (s.status !== 'open' && s.status !== 'decided') return { walk: w, stopped: `status ${s.status}` };

    if (s.stagesVisited.length !== stagesSeen) {
      stagesSeen = s.stagesVisited.length;
      if (s.stagesVisited.filter((x) => x === s.stage).length > 2) return { walk: w, stopped: `fase ${s.stage} zou een derde keer beginnen` };
      // A stage (re)entered: a staff escalation to each of its `escalateTo` stages, on the day it started.
      const from = w;
      const at = later(plus(s.stageStartedAt, HOUR), w.clock);
      for (const to of stageOf(p, s.stage).escalateTo) {
        if (s.stagesVisited.includes(to)) continue;
        const cmd: Command = { type: 'escalate', actor: staffOf(p, s.stage), reason: 'Simulatie: doorgezet door een medewerker', to };
        forks.push({ key: forkKey(s.stage, to, 'staff'), priority: PRIORITY.staff, at, run: () => transition(from, exec(p, from, cmd, at), 'staff') });
      }
    }

    const next = Object.values(s.openTerms)
      .map((t) => ({ t, plan: plan(p, w, t) }))
      .sort((a, b) => a.plan.at.localeCompare(b.plan.at) || a.t.instance.localeCompare(b.t.instance))[0];
    if (!next) {
      // No term asks for a decision: the handler decides right away.
      if (s.status !== 'open') return { walk: w, stopped: 'geen lopende termijn na het besluit' };
      const d = decision(p, s.stage, plus(w.clock, 60_000));
      const before = w;
      w = exec(p, w, d.cmd, d.at);
      if (d.advice) w = transition(before, w, 'advice');
      continue;
    }

    const { t, plan: step } = next;
    const from = w;
    if (t.termId === APPEAL_TERM) {
      // Fork: the complainant appeals on the last day of the window.
      const to = stageOf(p, t.stage).appeal?.to;
      if (to && !s.stagesVisited.includes(to)) {
        const at = later(amsterdamInstant(t.lastDay, 12), w.clock);
        const cmd: Command = { type: 'escalate', actor: { kind: 'complainant' }, reason: 'Simulatie: beroep van de klager', to };
        forks.push({ key: forkKey(t.stage, to, 'appeal'), priority: PRIORITY.appeal, at, run: () => transition(from, exec(p, from, cmd, at), 'appeal') });
      }
    } else if (step.cmd.type !== 'expire-term') {
      // Fork: a term whose expiry escalates runs out instead of being met.
      const escalation = termDef(p, t.stage, t.termId).onExpiry.find((a) => a.do === 'escalate');
      if (escalation?.do === 'escalate' && !s.stagesVisited.includes(escalation.to)) {
        const at = later(t.dueAt, w.clock);
        const cmd: Command = { type: 'expire-term', actor: { kind: 'system' }, instance: t.instance };
        forks.push({
          key: forkKey(t.stage, escalation.to, 'expiry', t.termId),
          priority: PRIORITY.expiry,
          at,
          run: () => transition(from, exec(p, from, cmd, at), 'expiry', t.termId),
        });
      }
    }

    w = exec(p, w, step.cmd, step.at);
    if (step.advice) w = transition(from, w, 'advice');
    else if (step.cmd.type === 'expire-term') w = transition(from, w, 'expiry', t.termId);
  }
}

const RESULTS: Record<string, string> = {
  'met:acknowledged': 'voldaan: ontvangst bevestigd',
  'met:assigned': 'voldaan: behandelaar toegewezen',
  'met:conversation-recorded': 'voldaan: gesprek vastgelegd',
  'met:response-recorded': 'voldaan: reactie ontvangen',
  'met:escalated': 'gebruikt: beroep ingesteld',
  'missed:expired': 'verstreken',
  'cancelled:escalated': 'vervallen: doorgezet',
  'cancelled:decided': 'vervallen: besluit',
  'cancelled:advised': 'vervallen: advies',
  'cancelled:closed': 'vervallen: afgesloten',
  'cancelled:withdrawn': 'vervallen: ingetrokken',
};

const TRANSITION_TEXT: Record<TransitionKind, (t: SimTransition) => string> = {
  expiry: (t) => `termijn '${t.term}' verstreken`,
  appeal: () => 'beroep van de klager',
  staff: () => 'doorgezet door een medewerker',
  advice: () => 'advies',
};

export const describeTransition = (t: SimTransition) => TRANSITION_TEXT[t.kind](t);

const CLOSE_REASONS: Record<string, string> = {
  decided: 'na het besluit',
  'appeal-window-passed': 'beroepstermijn ongebruikt verstreken',
  'term-expired': 'termijn verstreken',
};

const STATUS_TEXT: Record<SimPath['end']['status'], string> = {
  closed: 'afgesloten',
  withdrawn: 'ingetrokken',
  decided: 'besloten',
  open: 'open',
  'to-complete': 'aan te vullen',
  stopped: 'gestopt',
};

function toPath(p: Procedure, w: Walk, origin: Origin, stopped?: string): SimPath {
  const steps: SimStep[] = [];
  const byInstance = new Map<string, SimStep>();
  let outcome = '';
  w.events.forEach((e, seq) => {
    if (e.type === 'term-started' || e.type === 'term-extended') {
      const t = e.type === 'term-started' ? e : e.term;
      const def = termDef(p, t.stage, t.termId);
      const step: SimStep = {
        date: t.lastDay,
        stage: t.stage,
        term: t.termId,
        label: def.label.nl,
        basis: def.basis ?? null,
        default: def.default,
        ...(t.moved ? { movedFrom: t.moved.from, skipped: t.moved.skipped } : {}),
        result: 'loopt nog',
        seq,
      };
      steps.push(step);
      byInstance.set(t.instance, step);
    } else if (e.type === 'decided' || e.type === 'advised') {
      outcome = e.outcome;
    } else if (e.type === 'term-ended') {
      const step = byInstance.get(e.instance);
      if (!step) return;
      const key = `${e.outcome}:${e.reason}`;
      let result =
        key === 'met:decided' ? `voldaan: besluit ${outcome}`
        : key === 'met:advised' ? `voldaan: advies ${outcome}`
        : step.term === APPEAL_TERM && key === 'cancelled:expired' ? 'ongebruikt verstreken'
        : (RESULTS[key] ?? `${e.outcome} (${e.reason})`);
      const on = amsterdamDate(e.at);
      if (e.outcome === 'cancelled' && on !== step.date && key !== 'cancelled:expired') result += ` op ${on}`;
      step.result = result;
    }
  });

  const s = w.state;
  let end: SimPath['end'];
  if (stopped) end = { date: amsterdamDate(w.clock), status: 'stopped', reason: stopped, seq: w.events.length };
  else {
    const i = w.events.findLastIndex((e) => e.type === 'closed' || e.type === 'withdrawn');
    const closing = w.events[i];
    const reason =
      closing?.type === 'closed' ? (CLOSE_REASONS[closing.reason] ?? closing.reason)
      : closing?.type === 'withdrawn' ? closing.reason
      : s.status;
    end = { date: amsterdamDate(closing?.at ?? w.clock), status: s.status, reason, seq: i < 0 ? w.events.length : i };
  }

  const first = s.stagesVisited[0] ?? s.stage;
  const chain = [first, ...w.transitions.map((t) => `${t.to} (${describeTransition(t)})`)].join(' → ');
  const route = origin.route ? `Route ${origin.route.field} = ${origin.route.value}` : '';
  const title =
    origin.kind === 'main' ? (w.transitions.length ? `Hoofdroute: ${chain}` : 'Hoofdroute')
    : origin.kind === 'route' ? (w.transitions.length ? `${route}: ${chain}` : `${route} (start bij ${first})`)
    : `Escalatie: ${chain}`;

  return {
    title,
    kind: origin.kind,
    ...(origin.route ? { route: origin.route } : {}),
    start: first,
    steps,
    transitions: w.transitions,
    end,
  };
}

/** One line of a path in the text output: a term, a stage change or the end, in the order they happened. */
export function pathLines(path: SimPath, widths = { stage: 0, term: 0 }): string[] {
  const lines: { seq: number; order: number; text: string }[] = [];
  for (const s of path.steps) {
    const basis = [s.basis ?? 'geen grondslag vermeld', ...(s.default ? ['wettelijke standaard'] : [])].join(', ');
    const moved = s.movedFrom ? ` · verschoven van ${s.movedFrom}: ${(s.skipped ?? []).map((k) => k.reason).join(', ')}` : '';
    lines.push({
      seq: s.seq,
      order: 1,
      text: `${s.date}  ${s.stage.padEnd(widths.stage)}  ${s.term.padEnd(widths.term)}  ${s.label} · ${basis}${moved} · ${s.result}`,
    });
  }
  for (const t of path.transitions) lines.push({ seq: t.seq, order: 0, text: `${t.date}  → ${t.to}: ${describeTransition(t)}` });
  lines.push({ seq: path.end.seq, order: 2, text: `${path.end.date}  ■ ${STATUS_TEXT[path.end.status]}: ${path.end.reason}` });
  return lines.sort((a, b) => a.seq - b.seq || a.order - b.order).map((l) => l.text);
}

/** The paths as plain text: a heading per path, then one line per term with its last day. */
export function formatSimulation(p: Procedure, received: LocalDate, paths: SimPath[]): string {
  const width = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length));
  const steps = paths.flatMap((x) => x.steps);
  const widths = { stage: width(steps.map((s) => s.stage)), term: width(steps.map((s) => s.term)) };
  const out = [`Simulatie ${p.organisation.shortName ?? p.organisation.name} (${p.id}): klacht ontvangen op ${received} om 10:00`, ''];
  for (const path of paths) {
    out.push(path.title, ...pathLines(path, widths).map((l) => `  ${l}`), '');
  }
  const unstarted = unstartedTerms(p, paths);
  if (unstarted.length) {
    out.push('Niet gestart op een van deze paden');
    for (const u of unstarted) out.push(`  ${u.stage}.${u.term}: ${u.reason}`);
    out.push('');
  }
  return out.join('\n');
}

/** Terms of the procedure that no simulated path started, with why not. */
export function unstartedTerms(p: Procedure, paths: SimPath[]): { stage: string; term: string; reason: string }[] {
  const started = new Set(paths.flatMap((x) => x.steps.map((s) => `${s.stage}.${s.term}`)));
  const why: Record<string, string> = {
    responseRequested: 'loopt vanaf een verzoek om reactie (niet gesimuleerd)',
    acknowledged: 'loopt vanaf de ontvangstbevestiging, maar de engine start zo\'n termijn niet',
    decisionSent: 'loopt vanaf het besluit, maar de engine start zo\'n termijn niet',
  };
  return p.stages.flatMap((stage) =>
    stage.terms
      .filter((t) => !started.has(`${stage.id}.${t.id}`))
      .map((t) => ({ stage: stage.id, term: t.id, reason: why[t.from] ?? 'fase niet bereikt' })),
  );
}

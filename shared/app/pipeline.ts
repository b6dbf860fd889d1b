/**
 * The command pipeline every change to a case goes through: load (fold the commits), decide (the
 * engine), commit (conditional on the sequence number, chained into the audit trail), then carry
 * out the commit's effects: projecting the list summary is one of them.
 */
import { handle } from '../engine/engine.ts';
import { fold } from '../engine/fold.ts';
import type { CaseEvent, CaseState, Command, Effect } from '../engine/types.ts';
import { commitHash, GENESIS, headHash } from '../policy/audit-chain.ts';
import { backstopAt, closingEffects, purgeAt } from '../policy/retention.ts';
import type { OfficeEffect } from '../policy/office-effects.ts';
import { ConflictError, type Commit } from '../store/port.ts';
import type { AppContext } from './context.ts';
import { runEffects } from './effect-runner.ts';
import { CONFLICT, type Result } from './result.ts';

export interface LoadedCase {
  state: CaseState;
  events: CaseEvent[];
  seq: number;
  /** The audit chain's head: the hash the next commit chains to. */
  hash: string;
}

export async function loadCase(ctx: AppContext, ref: string): Promise<LoadedCase | undefined> {
  return fromCommits(await ctx.store.load(ref));
}

/** The case as it stood after commit `uptoSeq` (default: the last). */
export function fromCommits(commits: Commit[], uptoSeq?: number): LoadedCase | undefined {
  const upto = uptoSeq === undefined ? commits : commits.filter((c) => c.seq <= uptoSeq);
  // A case whose first commits are gone (expired by the store's TTL backstop) is gone.
  if (upto.length && upto[0]!.seq !== 1) return undefined;
  const events = upto.flatMap((c) => c.events as CaseEvent[]);
  const state = fold(events);
  return state ? { state, events, seq: upto.at(-1)?.seq ?? 0, hash: headHash(upto) } : undefined;
}

export type ExecuteResult = Result<{ state: CaseState; events: CaseEvent[]; seq: number }>;

/**
 * Runs one command against a case: decide, commit (conditional on the sequence number), then
 * carry out the commit's effects (the projection among them). `expectedSeq` makes a staff action
 * fail with a conflict when the case changed since they looked; without it a conflict is retried.
 */
export async function execute(
  ctx: AppContext,
  ref: string,
  command: Command,
  opts: { expectedSeq?: number; now?: string } = {},
): Promise<ExecuteResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await loadCase(ctx, ref);
    if (opts.expectedSeq !== undefined && (current?.seq ?? 0) !== opts.expectedSeq) return CONFLICT;
    const now = opts.now ?? ctx.clock.now();
    const result = handle(ctx.procedure, current?.state, command, now);
    if (!result.ok) return result;
    if (!result.events.length) return { ok: true, state: result.state, events: [], seq: current?.seq ?? 0 };
    const commit = buildCommit(ctx, ref, current, result, now);
    if (!(await append(ctx, commit))) {
      if (opts.expectedSeq !== undefined) return CONFLICT;
      continue;
    }
    ctx.log.info('command', { ref, type: command.type, seq: commit.seq, events: result.events.length, effects: commit.effects.length });
    await carryOut(ctx, commit, result.state, false);
    return { ok: true, state: result.state, events: result.events, seq: commit.seq };
  }
  return CONFLICT;
}

/**
 * The commit of an accepted decision, chained to the case's head. Its effects: the projection
 * first (so a crash before it is repaired like any other effect), then the engine's and the
 * office's own.
 */
export function buildCommit(
  ctx: AppContext,
  ref: string,
  current: LoadedCase | undefined,
  decided: { events: CaseEvent[]; effects: Effect[]; state: CaseState },
  now: string,
  own: OfficeEffect[] = [],
): Commit {
  const seq = (current?.seq ?? 0) + 1;
  const effects: OfficeEffect[] = [{ kind: 'project' }, ...own, ...decided.effects, ...closingEffects(ctx.procedure, current?.state, decided.state)];
  const prevHash = current?.hash ?? GENESIS;
  const purge = purgeAt(ctx.procedure, decided.state);
  return {
    caseRef: ref,
    seq,
    at: now,
    events: decided.events,
    effects: effects.map((effect, i) => ({ id: `${ref}:${seq}:${i}`, effect, done: false, attempts: 0 })),
    prevHash,
    hash: commitHash(prevHash, { seq, at: now, events: decided.events }),
    // An ended case's items expire by themselves some days after its purge (a backstop).
    ...(purge ? { expiresAt: backstopAt(purge) } : {}),
  };
}

/** Stores a commit; false when its sequence number is taken (the case changed, or a new reference collided). */
export async function append(ctx: AppContext, commit: Commit): Promise<boolean> {
  try {
    await ctx.store.append(commit);
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false;
    throw e;
  }
}

/**
 * Carries out a stored commit's effects: now, or (`afterAnswer`, or every command where the
 * context says so) by the effects runner after the answer. Either way they are stored with the
 * commit first, so a crash before they are done leaves them pending for the sweeper.
 */
export async function carryOut(ctx: AppContext, commit: Commit, state: CaseState, afterAnswer: boolean): Promise<void> {
  const later = ctx.effectsAfterAnswer;
  if (later && (afterAnswer || later.every)) later.enqueue(commit, state);
  else if (later?.now) await later.now(commit, state);
  else await runEffects(ctx, commit, state);
}

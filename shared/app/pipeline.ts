/**
 * The command pipeline every change to a case goes through: load (fold the commits), decide (the
 * engine), commit (conditional on the sequence number, chained into the audit trail), project
 * (the list summary), then carry out the commit's effects.
 */
import { handle } from '../engine/engine.ts';
import { fold } from '../engine/fold.ts';
import type { CaseEvent, CaseState, Command } from '../engine/types.ts';
import { commitHash, GENESIS, headHash } from '../policy/audit-chain.ts';
import { backstopAt, closingEffects, purgeAt } from '../policy/retention.ts';
import type { Procedure } from '../procedure/schema.ts';
import { ConflictError, type CaseSummary, type Commit } from '../store/port.ts';
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
 * Runs one command against a case: decide, commit (conditional on the sequence number), project,
 * then carry out the commit's effects. `expectedSeq` makes a staff action fail with a conflict
 * when the case changed since they looked; without it a conflict is retried.
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
    const seq = (current?.seq ?? 0) + 1;
    if (!result.events.length) return { ok: true, state: result.state, events: [], seq: seq - 1 };
    const effects = [...result.effects, ...closingEffects(ctx.procedure, current?.state, result.state)];
    const prevHash = current?.hash ?? GENESIS;
    const purge = purgeAt(ctx.procedure, result.state);
    const commit: Commit = {
      caseRef: ref,
      seq,
      at: now,
      events: result.events,
      effects: effects.map((effect, i) => ({ id: `${ref}:${seq}:${i}`, effect, done: false, attempts: 0 })),
      prevHash,
      hash: commitHash(prevHash, { seq, at: now, events: result.events }),
      // An ended case's items expire by themselves some days after its purge (a backstop).
      ...(purge ? { expiresAt: backstopAt(purge) } : {}),
    };
    try {
      await ctx.store.append(commit);
    } catch (e) {
      if (e instanceof ConflictError) {
        if (opts.expectedSeq !== undefined) return CONFLICT;
        continue;
      }
      throw e;
    }
    ctx.log.info('command', { ref, type: command.type, seq, events: result.events.length, effects: effects.length });
    await ctx.store.putSummary(summarise(result.state, now, ctx.procedure));
    await runEffects(ctx, commit, result.state);
    return { ok: true, state: result.state, events: result.events, seq };
  }
  return CONFLICT;
}

/**
 * The list projection: no free text, just what a staff list and the reports need. An ended case's
 * next due instant is its purge (retention), so the sweep finds due cases through the status index.
 */
export function summarise(s: CaseState, now: string, p?: Procedure): CaseSummary {
  const next = Object.values(s.openTerms).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  const purge = p ? purgeAt(p, s) : undefined;
  const nextDueAt = next?.dueAt ?? purge;
  return {
    caseRef: s.reference,
    procedureId: s.procedureId,
    status: s.status,
    stage: s.stage,
    receivedAt: s.receivedAt,
    ...(nextDueAt ? { nextDueAt } : {}),
    ...(purge ? { expiresAt: backstopAt(purge) } : {}),
    updatedAt: now,
    data: {
      channel: s.channel,
      ...(s.fields.topic ? { topic: s.fields.topic } : {}),
      ...(s.handler ? { handler: s.handler } : {}),
      ...(next ? { nextTerm: next.termId, nextLastDay: next.lastDay } : {}),
      admissibility: s.admissibility,
      // Staff named in the complaint: they never see it in a list.
      concerned: s.concerned,
    },
  };
}

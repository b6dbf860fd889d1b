import type { CaseState } from '../engine/types.ts';
import { composeMail } from '../mail/compose.ts';
import type { Commit } from '../store/port.ts';
import type { AppContext } from './context.ts';
import { fromCommits } from './cases.ts';
import { writeRegister, type OfficeEffect } from './retention.ts';

/**
 * Carries out a commit's effects that are not done yet, in order. A failure is recorded on the
 * effect and left pending for the sweeper; it never stops the other effects or loses the commit.
 */
export async function runEffects(ctx: AppContext, commit: Commit, state: CaseState): Promise<{ failed: number }> {
  let failed = 0;
  for (const stored of commit.effects) {
    if (stored.done) continue;
    try {
      await perform(ctx, commit.caseRef, stored.id, stored.effect as OfficeEffect, state);
      await ctx.store.settleEffect(commit.caseRef, commit.seq, stored.id, { ok: true });
    } catch (e) {
      failed++;
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      ctx.log.error('effect failed', { ref: commit.caseRef, effect: stored.id, kind: (stored.effect as OfficeEffect).kind, attempts: stored.attempts + 1 });
      await ctx.store.settleEffect(commit.caseRef, commit.seq, stored.id, { ok: false, error }).catch(() => undefined);
    }
  }
  return { failed };
}

async function perform(ctx: AppContext, caseRef: string, effectId: string, effect: OfficeEffect, state: CaseState) {
  switch (effect.kind) {
    case 'register':
      return writeRegister(ctx, caseRef, effect.figures);
    case 'expire-items':
      return ctx.store.setExpiry(caseRef, effect.at);
    case 'mail':
      for (const message of composeMail(ctx, state, effect, effectId)) await ctx.mailer.send(message);
      return;
    case 'schedule':
      return ctx.scheduler.schedule({ caseRef, instance: effect.instance, action: effect.action }, effect.at);
    case 'cancel':
      return ctx.scheduler.cancel({ caseRef, instance: effect.instance, action: effect.action });
  }
}

/** Finishes whatever a crash or an outage left undone: every commit with pending effects, through the sparse index. */
export async function sweep(ctx: AppContext, limit = 100): Promise<{ commits: number; failed: number }> {
  const pending = await ctx.store.pendingCommits(limit);
  let failed = 0;
  for (const { caseRef, seq } of pending) {
    const commits = await ctx.store.load(caseRef);
    const loaded = fromCommits(commits, seq);
    const commit = commits.find((c) => c.seq === seq);
    if (!loaded || !commit) continue;
    failed += (await runEffects(ctx, commit, loaded.state)).failed;
  }
  return { commits: pending.length, failed };
}

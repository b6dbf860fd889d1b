import type { CaseState } from '../engine/types.ts';
import { composeMail } from '../mail/compose.ts';
import type { Commit, EffectOutcome } from '../store/port.ts';
import type { OfficeEffect } from '../policy/office-effects.ts';
import type { AppContext } from './context.ts';
import { writeRegister } from './ledger.ts';
import { summarise } from './summary.ts';
import { PermanentMailError } from '../mail/message.ts';
import { recordUndeliverable } from './undeliverable.ts';
import { storeLetters } from './letters.ts';

/**
 * Carries out a commit's effects that are not done yet, in order. A failure is recorded on the
 * effect and left pending for the sweeper; it never stops the other effects or loses the commit.
 * Outcomes are written in batches, but right after every mail: a mail cannot be unsent, so it is
 * recorded as sent at once, while timers and register rows are harmless to repeat after a crash.
 */
export async function runEffects(ctx: AppContext, commit: Commit, state: CaseState): Promise<{ failed: number }> {
  let failed = 0;
  let outcomes: { effectId: string; outcome: EffectOutcome }[] = [];
  const flush = async () => {
    const batch = outcomes;
    outcomes = [];
    await ctx.store.settleEffects(commit.caseRef, commit.seq, batch).catch((e) => {
      // Not recorded: the sweeper carries these out again, which is harmless (idempotent by id).
      ctx.log.error('settling effects failed', { ref: commit.caseRef, seq: commit.seq, error: e instanceof Error ? e.name : 'unknown' });
    });
  };
  for (const stored of commit.effects) {
    if (stored.done || stored.parked) continue;
    const effect = stored.effect as OfficeEffect;
    try {
      await perform(ctx, commit, stored.id, effect, state);
      outcomes.push({ effectId: stored.id, outcome: { ok: true } });
    } catch (e) {
      failed++;
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      const park = isPermanent(e) || stored.attempts + 1 >= MAX_ATTEMPTS;
      ctx.log.error('effect failed', { ref: commit.caseRef, effect: stored.id, kind: effect.kind, attempts: stored.attempts + 1, parked: park });
      if (park) await recordUndeliverable(ctx, commit.caseRef, stored.id, effect.kind);
      outcomes.push({ effectId: stored.id, outcome: { ok: false, error, park } });
    }
    if (effect.kind === 'mail') await flush();
  }
  if (outcomes.length) await flush();
  return { failed };
}

/** An effect that failed this often is parked: an outage lasting this many sweeps is someone's to look at anyway. */
export const MAX_ATTEMPTS = 20;

/** Errors that no retry can mend: an address no mailer takes, a message SES rejects. */
const isPermanent = (e: unknown) => e instanceof PermanentMailError || (e instanceof Error && e.name === 'MessageRejected');

/**
 * On AWS: the table's stream starts the effects function for every new commit with effects
 * (functions/effects.ts), so a command has nothing to enqueue and answers right after its commit.
 */
export const effectsByTableStream: NonNullable<AppContext['effectsAfterAnswer']> = { every: true, enqueue() {} };

async function perform(ctx: AppContext, commit: Commit, effectId: string, effect: OfficeEffect, state: CaseState) {
  const { caseRef } = commit;
  switch (effect.kind) {
    case 'project':
      return ctx.store.putSummary(summarise(state, commit.at, ctx.procedure, commit.seq));
    case 'key-reference':
      return ctx.store.addKeyReference(caseRef, effect.key);
    case 'register':
      return writeRegister(ctx, caseRef, effect.figures);
    case 'expire-items':
      return ctx.store.setExpiry(caseRef, effect.at);
    case 'mail':
      for (const message of composeMail(ctx, state, effect, effectId)) await ctx.mailer.send(message);
      return storeLetters(ctx, commit, effect, state);
    case 'schedule':
      return ctx.scheduler.schedule({ caseRef, instance: effect.instance, action: effect.action }, effect.at);
    case 'cancel':
      return ctx.scheduler.cancel({ caseRef, instance: effect.instance, action: effect.action });
  }
}

import type { AppContext } from '../context.ts';
import { carryOutCommit } from './carry-out-commit.ts';

/**
 * Finishes whatever a crash or an outage left undone: every commit with pending effects, through
 * the sparse index. `minAgeMs` leaves the newest commits to the effects runner that is on them.
 */
export async function sweep(ctx: AppContext, limit = 100, minAgeMs = 0): Promise<{ commits: number; failed: number }> {
  const pending = await ctx.store.pendingCommits(limit);
  let failed = 0;
  for (const { caseRef, seq } of pending) failed += (await carryOutCommit(ctx, caseRef, seq, minAgeMs)).failed;
  return { commits: pending.length, failed };
}

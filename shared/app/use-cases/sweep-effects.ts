import type { AppContext } from '../context.ts';
import { runEffects } from '../effect-runner.ts';
import { fromCommits } from '../pipeline.ts';

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

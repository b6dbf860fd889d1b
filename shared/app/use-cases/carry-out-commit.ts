import type { AppContext } from '../context.ts';
import { runEffects } from '../effect-runner.ts';
import { fromCommits } from '../pipeline.ts';

/**
 * Carries out the effects of one stored commit that are not done yet, read fresh from the store:
 * the effects runner's work on AWS (a commit from the table's stream) and the sweeper's. A commit
 * younger than `minAgeMs` is left alone (the stream is still on it: the sweeper must not race it).
 */
export async function carryOutCommit(ctx: AppContext, caseRef: string, seq: number, minAgeMs = 0): Promise<{ failed: number; skipped?: true }> {
  const commits = await ctx.store.load(caseRef);
  const commit = commits.find((c) => c.seq === seq);
  const loaded = fromCommits(commits, seq);
  // Gone meanwhile (retention, erasure), or every effect done already.
  if (!commit || !loaded || commit.effects.every((e) => e.done)) return { failed: 0 };
  if (minAgeMs && Date.parse(ctx.clock.now()) - Date.parse(commit.at) < minAgeMs) return { failed: 0, skipped: true };
  return runEffects(ctx, commit, loaded.state);
}

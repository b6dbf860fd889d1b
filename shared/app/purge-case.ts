/**
 * Deleting a case, the step both retention (purge-expired) and erasure (erase-case) end in. The
 * case's anonymous figures stay in the register, and the deletion itself is counted anonymously.
 *
 * Deleted means gone from every read at once: the first write is a deletion mark that makes every
 * load of the case return nothing, the second takes its summary out of every list (status
 * `purged`); then the blobs, the timers and the items go. An interrupted purge keeps its mark and
 * its `purged` summary and is finished by the next sweep. Backstops: DynamoDB TTL on every item of
 * the case (set when it closes, some days after the purge instant) and the bucket's lifecycle rule.
 */
import { amsterdamDate } from '../calendar/index.ts';
import { blobKeys, ended, PURGED_STATUS, purgeAt, type PurgeReason } from '../policy/retention.ts';
import { registerFigures } from '../reports/figures.ts';
import type { AppContext } from './context.ts';
import { recordPrivacy, writeRegister } from './ledger.ts';
import { fromCommits } from './pipeline.ts';

/**
 * Deletes a case. For `retention` only an ended case whose retention has passed (checked again
 * here); `erasure` at any time. `resume`: finish a purge that was interrupted (its instant and
 * reason as they were first written). Idempotent.
 */
export async function purgeCase(
  ctx: AppContext,
  ref: string,
  reason: PurgeReason,
  opts: { resume?: { at: string }; grounds?: string } = {},
): Promise<'purged' | 'not-due' | 'gone'> {
  const at = opts.resume?.at ?? ctx.clock.now();
  const found = fromCommits(await ctx.store.load(ref, { includeDeleted: true }));
  if (!found) {
    // Nothing left to read: clear what remains (a summary, a mark).
    await ctx.store.deleteCase(ref);
    return 'gone';
  }
  const s = found.state;
  if (!opts.resume && reason === 'retention') {
    const due = purgeAt(ctx.procedure, s);
    if (!due || due > at) return 'not-due';
  }
  // 1. Gone from every read at once.
  await ctx.store.markDeleted(ref, at);
  await ctx.store.putSummary({ caseRef: ref, procedureId: s.procedureId, status: PURGED_STATUS, stage: s.stage, receivedAt: s.receivedAt, updatedAt: at, seq: FINAL, data: { purge: reason, at, ...(opts.grounds ? { grounds: opts.grounds } : {}) } });
  // 2. The figures outlive the case (the register row is the one written at closing, or, erased
  //    before it ended, one that counts it as received and erased); the deletion is counted.
  await writeRegister(ctx, ref, registerFigures(ctx.procedure, s, ended(s) ? undefined : amsterdamDate(at)));
  await recordPrivacy(ctx, reason === 'retention' ? 'purged' : 'erased', ref, at, opts.grounds ? { grounds: opts.grounds } : {});
  // 3. Stored mail and attachments.
  for (const key of blobKeys(ref, found.events, await ctx.store.caseKeys(ref))) await ctx.blobs.deletePrefix(key);
  // 4. Timers still set.
  for (const t of Object.values(s.openTerms)) {
    await ctx.scheduler.cancel({ caseRef: ref, instance: t.instance, action: 'expire' });
    await ctx.scheduler.cancel({ caseRef: ref, instance: t.instance, action: 'remind' });
  }
  // 5. Every item (the mark and the summary last).
  await ctx.store.deleteCase(ref);
  ctx.log.info('case purged', { ref, reason });
  return 'purged';
}

/** A purged case's summary is final: no projection of one of its commits, however late, replaces it. */
const FINAL = Number.MAX_SAFE_INTEGER;

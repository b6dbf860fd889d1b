/**
 * Retention, as the office carries it out: a case is deleted, every item, stored mail and
 * attachment and pending timer, once the procedure's `retention.afterClose` has passed since it
 * closed (or was withdrawn). Due cases are found through the status index: a closed case's summary
 * carries its purge instant as `nextDueAt`. Held mail goes after HELD_RETENTION_DAYS.
 */
import { HELD_RETENTION_DAYS, PURGED_STATUS, type PurgeReason } from '../../policy/retention.ts';
import type { AppContext } from '../context.ts';
import { heldPurgedMail } from '../../mail/held-purged-mail.ts';
import { removeHeld } from '../held-mail.ts';
import { purgeCase } from '../purge-case.ts';

/**
 * Deletes every case whose retention has passed, and finishes interrupted purges. Index queries
 * only (no scan), a bounded number per run.
 */
export async function purgeExpired(ctx: AppContext, limit = 100): Promise<{ purged: number; failed: number }> {
  const now = ctx.clock.now();
  let purged = 0;
  let failed = 0;
  const run = async (ref: string, reason: PurgeReason, resume?: { at: string; grounds?: string }) => {
    try {
      const opts = resume ? { resume: { at: resume.at }, ...(resume.grounds ? { grounds: resume.grounds } : {}) } : {};
      if ((await purgeCase(ctx, ref, reason, opts)) === 'purged') purged++;
    } catch (e) {
      failed++;
      ctx.log.error('purge failed', { ref, error: e instanceof Error ? e.name : 'unknown' });
    }
  };
  for (const s of await ctx.store.listSummaries({ status: PURGED_STATUS, limit })) {
    await run(s.caseRef, s.data.purge === 'erasure' ? 'erasure' : 'retention', {
      at: typeof s.data.at === 'string' ? s.data.at : s.updatedAt,
      ...(typeof s.data.grounds === 'string' ? { grounds: s.data.grounds } : {}),
    });
  }
  for (const status of ['closed', 'withdrawn']) {
    for (const s of await ctx.store.listSummaries({ status, dueBefore: now, limit })) await run(s.caseRef, 'retention');
  }
  await purgeHeld(ctx);
  if (purged || failed) ctx.log.info('retention', { purged, failed });
  return { purged, failed };
}

/**
 * Deletes held mail older than HELD_RETENTION_DAYS, oldest first, a page at a time. When some of
 * it was never seen by any staff member, the organisation is told how much.
 */
async function purgeHeld(ctx: AppContext): Promise<number> {
  const before = new Date(Date.parse(ctx.clock.now()) - HELD_RETENTION_DAYS * 86_400_000).toISOString();
  let count = 0;
  let unseen = 0;
  for (;;) {
    // Each page starts again at the oldest: what was deleted is gone from the listing.
    const old = (await ctx.store.pageHeld({ limit: 100, oldestFirst: true })).items.filter((h) => h.at < before);
    for (const h of old) await removeHeld(ctx, h);
    count += old.length;
    unseen += old.filter((h) => !h.seen).length;
    if (old.length < 100) break;
  }
  if (count) ctx.log.info('held mail purged', { count, unseen });
  if (unseen) await ctx.mailer.send(heldPurgedMail(ctx.procedure, { count: unseen, days: HELD_RETENTION_DAYS, at: ctx.clock.now(), replyDomain: ctx.replyDomain }));
  return count;
}

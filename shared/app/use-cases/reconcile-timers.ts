import { LIST_STATUSES } from '../staff-views.ts';
import { loadCase } from '../pipeline.ts';
import type { AppContext } from '../context.ts';

/**
 * Compares every open term with the timers and repairs the difference by scheduling again: a
 * schedule is idempotent by its name, so a timer that exists is left as it is and a lost one is
 * made anew. Timers of terms that are no longer open may remain; they fire and change nothing.
 */
export async function reconcile(ctx: AppContext): Promise<{ cases: number; terms: number }> {
  const now = ctx.clock.now();
  let cases = 0;
  let terms = 0;
  for (const status of LIST_STATUSES) {
    for (const summary of await ctx.store.listSummaries({ status })) {
      const found = await loadCase(ctx, summary.caseRef);
      if (!found) continue;
      cases++;
      for (const t of Object.values(found.state.openTerms)) {
        await ctx.scheduler.schedule({ caseRef: summary.caseRef, instance: t.instance, action: 'expire' }, t.dueAt);
        if (t.remindAt && !t.reminded && t.remindAt > now) await ctx.scheduler.schedule({ caseRef: summary.caseRef, instance: t.instance, action: 'remind' }, t.remindAt);
        terms++;
      }
    }
  }
  ctx.log.info('reconciled', { cases, terms });
  return { cases, terms };
}

import { sendDueReports } from '../reports/mailing.ts';
import type { AppContext } from '../context.ts';
import { purgeExpired } from './purge-expired.ts';
import { reconcile } from './reconcile-timers.ts';
import { sweep } from './sweep-effects.ts';

export interface MaintenanceResult {
  commits: number;
  failed: number;
  terms?: number;
  purged?: number;
  reports?: number;
}

/**
 * The office's own upkeep, the same on AWS (the sweeper) and locally (the ticker and every clock
 * move): first the effects a crash or an outage left undone (`effectsMinAgeMs`: only those older
 * than that, where the stream's effects runner may still be on the newest); with `reconcile`, timers for every
 * open term; with `housekeeping`, the cases whose retention has passed and the reports that are due.
 */
export async function maintain(
  ctx: AppContext,
  steps: { reconcile?: boolean; housekeeping?: boolean; effectsMinAgeMs?: number } = {},
): Promise<MaintenanceResult> {
  const result: MaintenanceResult = await sweep(ctx, 100, steps.effectsMinAgeMs);
  if (steps.reconcile) result.terms = (await reconcile(ctx)).terms;
  if (steps.housekeeping) {
    result.purged = (await purgeExpired(ctx)).purged;
    result.reports = (await sendDueReports(ctx)).sent;
  }
  return result;
}

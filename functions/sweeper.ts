/**
 * Scheduled rules → the sweeper: every few minutes it carries out every effect a crash or an
 * outage left undone (mail, timers); once a day (`{"reconcile": true}`) it also gives every open
 * term its timers back if any were lost, deletes the cases whose retention has passed (and
 * finishes interrupted deletions) and sends the periodic reports that are due. Logs counts only.
 */
import type { AppContext } from '../shared/app/context.ts';
import { sweep } from '../shared/app/effects.ts';
import { reconcile } from '../shared/app/reconcile.ts';
import { retentionSweep } from '../shared/app/retention.ts';
import { awsContextFromBundle, lazyContext } from '../shared/aws/context.ts';
import { sendDueReports } from '../shared/reports/mailing.ts';

export interface SweeperResult {
  commits: number;
  failed: number;
  terms?: number;
  purged?: number;
  reports?: number;
}

export function createSweeperFunction(context: () => Promise<AppContext>) {
  return async (event?: unknown): Promise<SweeperResult> => {
    const ctx = await context();
    const result = await sweep(ctx);
    ctx.log.info('sweep', { commits: result.commits, failed: result.failed });
    if (typeof event === 'object' && event !== null && (event as { reconcile?: unknown }).reconcile === true) {
      const { terms } = await reconcile(ctx);
      const { purged } = await retentionSweep(ctx);
      const reports = await sendDueReports(ctx);
      return { ...result, terms, purged, reports: reports.sent };
    }
    return result;
  };
}

// Created once per container, on the first run (see shared/aws/context.ts).
const context = lazyContext(() => awsContextFromBundle());

export const handler = createSweeperFunction(context);

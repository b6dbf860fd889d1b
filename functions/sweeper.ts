/**
 * Scheduled rules → the sweeper: every few minutes it carries out every effect a crash or an
 * outage left undone (mail, timers); once a day (`{"reconcile": true}`) it also gives every open
 * term its timers back if any were lost. Logs counts only.
 */
import type { AppContext } from '../shared/app/context.ts';
import { sweep } from '../shared/app/effects.ts';
import { reconcile } from '../shared/app/reconcile.ts';
import { awsContextFromBundle, lazyContext } from '../shared/aws/context.ts';

export function createSweeperFunction(context: () => Promise<AppContext>) {
  return async (event?: unknown): Promise<{ commits: number; failed: number; terms?: number }> => {
    const ctx = await context();
    const result = await sweep(ctx);
    ctx.log.info('sweep', { commits: result.commits, failed: result.failed });
    if (typeof event === 'object' && event !== null && (event as { reconcile?: unknown }).reconcile === true) {
      const { terms } = await reconcile(ctx);
      return { ...result, terms };
    }
    return result;
  };
}

// Created once per container, on the first run (see shared/aws/context.ts).
const context = lazyContext(() => awsContextFromBundle());

export const handler = createSweeperFunction(context);

/**
 * A scheduled rule (every few minutes) → the sweeper: carries out every effect a crash or an
 * outage left undone (mail, timers). Logs counts only.
 */
import type { AppContext } from '../shared/app/context.ts';
import { sweep } from '../shared/app/effects.ts';
import { awsContextFromBundle, lazyContext } from '../shared/aws/context.ts';

export function createSweeperFunction(context: () => Promise<AppContext>): (event?: unknown) => Promise<{ commits: number; failed: number }> {
  return async () => {
    const ctx = await context();
    const result = await sweep(ctx);
    ctx.log.info('sweep', { commits: result.commits, failed: result.failed });
    return result;
  };
}

// Created once per container, on the first run (see shared/aws/context.ts).
const context = lazyContext(() => awsContextFromBundle());

export const handler = createSweeperFunction(context);

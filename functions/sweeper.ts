/**
 * Scheduled rules → the sweeper: every few minutes it carries out every effect a crash or an
 * outage left undone (mail, timers), the backstop of the effects function (the table's stream);
 * once a day (`{"reconcile": true}`) it also gives every open term its timers back if any were lost, deletes the cases whose retention has passed (and
 * finishes interrupted deletions) and sends the periodic reports that are due. Logs counts only.
 */
import type { AppContext } from '../shared/app/context.ts';
import { maintain, type MaintenanceResult } from '../shared/app/use-cases/maintain.ts';
import { awsContextFromBundle, lazyContext, type AwsServices } from '../shared/aws/context.ts';
import { s3FilesOnDemand } from '../shared/aws/s3-files-on-demand.ts';
import { schedulerTimers } from '../shared/aws/scheduler-timers.ts';
import { sesMail } from '../shared/aws/ses-mail.ts';

export type SweeperResult = MaintenanceResult;

/** The effects function normally finishes a commit within seconds of it: the sweeper takes over after this. */
export const STREAM_GRACE_MS = 2 * 60_000;

export function createSweeperFunction(context: () => Promise<AppContext>) {
  return async (event?: unknown): Promise<SweeperResult> => {
    const ctx = await context();
    const daily = typeof event === 'object' && event !== null && (event as { reconcile?: unknown }).reconcile === true;
    const result = await maintain(ctx, { ...(daily ? { reconcile: true, housekeeping: true } : {}), effectsMinAgeMs: STREAM_GRACE_MS });
    ctx.log.info('sweep', { commits: result.commits, failed: result.failed });
    return result;
  };
}

// Created once per container, on the first run (see shared/aws/context.ts).
/** The effects function's backstop (mail, letters, timers), purges (files, timers) and reports by mail; most runs find nothing to do, so S3 loads on first use. */
export const services: AwsServices = { files: s3FilesOnDemand, mail: sesMail, timers: schedulerTimers };

const context = lazyContext(() => awsContextFromBundle(services));

export const handler = createSweeperFunction(context);

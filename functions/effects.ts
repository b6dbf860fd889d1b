/**
 * The table's stream → the effects runner on AWS: every new commit that has effects (the filter on
 * the event source: INSERT of a commit with its pending marker) has them carried out here, after
 * the answer that stored it: the summary, mail, timers, register rows. A failed effect is recorded
 * on its commit and left to the sweeper; a record that cannot be handled at all (the store not
 * answering) is reported as failed, so Lambda retries it (bisecting the batch) and finally sends it
 * to the on-failure queue, while the sweeper still finds its commit pending.
 */
import type { AppContext } from '../shared/app/context.ts';
import { carryOutCommit } from '../shared/app/use-cases/carry-out-commit.ts';
import { awsContextFromBundle, lazyContext, type AwsServices } from '../shared/aws/context.ts';
import { s3FilesOnDemand } from '../shared/aws/s3-files-on-demand.ts';
import { schedulerTimers } from '../shared/aws/scheduler-timers.ts';
import { sesMail } from '../shared/aws/ses-mail.ts';
import { ATTR, commitOfKey } from '../shared/store/table.ts';

/** The part of a DynamoDB Streams record we read (Lambda's event, NEW_IMAGE view). */
export interface StreamRecord {
  eventName?: string;
  dynamodb?: { Keys?: Record<string, { S?: string }>; SequenceNumber?: string };
}

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export function createEffectsFunction(context: () => Promise<AppContext>) {
  return async (event: { Records?: StreamRecord[] }): Promise<BatchResponse> => {
    const ctx = await context();
    const failures: { itemIdentifier: string }[] = [];
    for (const record of event.Records ?? []) {
      const keys = record.dynamodb?.Keys;
      const commit = commitOfKey(keys?.[ATTR.pk]?.S ?? '', keys?.[ATTR.sk]?.S ?? '');
      if (record.eventName !== 'INSERT' || !commit) continue; // not ours: the filter should not let it through
      try {
        const { failed } = await carryOutCommit(ctx, commit.caseRef, commit.seq);
        ctx.log.info('effects', { ref: commit.caseRef, seq: commit.seq, failed });
      } catch (e) {
        ctx.log.error('effects failed', { ref: commit.caseRef, seq: commit.seq, error: e instanceof Error ? e.name : 'unknown' });
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      }
    }
    return { batchItemFailures: failures };
  };
}

// Created once per container, on the first batch (see shared/aws/context.ts).
/** Mail and timers for every commit; S3 only for a letter to post (to someone without e-mail), so it loads on first use. */
export const services: AwsServices = { files: s3FilesOnDemand, mail: sesMail, timers: schedulerTimers };

export const handler = createEffectsFunction(lazyContext(() => awsContextFromBundle(services)));

/**
 * Each function's entry names the AWS services its code uses (functions/*.ts `services`), and with
 * them what its bundle carries: they must be what its IAM grant allows (GRANTS), no more and no fewer.
 * S3 is loaded on first use everywhere but where every invocation reads it (inbound: SES's copy).
 */
import { describe, expect, it } from 'vitest';
import * as deadline from '../../functions/deadline.ts';
import * as effects from '../../functions/effects.ts';
import * as inbound from '../../functions/inbound-mail.ts';
import * as publicFn from '../../functions/public.ts';
import * as staff from '../../functions/staff.ts';
import * as sweeper from '../../functions/sweeper.ts';
import { FUNCTION_ENTRIES, FUNCTION_KEYS, type FunctionKey } from '../../infra/stack/bundle-options.ts';
import { GRANTS } from '../../infra/stack/grants.ts';
import { S3_ON_DEMAND_FUNCTIONS } from '../../infra/stack/side-files.ts';
import type { AwsServices } from '../../shared/aws/context.ts';
import { s3Files } from '../../shared/aws/s3-files.ts';
import { s3FilesOnDemand } from '../../shared/aws/s3-files-on-demand.ts';

const ENTRIES: Record<FunctionKey, { services: AwsServices }> = { public: publicFn, staff, inbound, deadline, sweeper, effects };

describe('the AWS services of each function follow its grant', () => {
  it('covers every function entry', () => expect(Object.keys(ENTRIES).sort()).toEqual(Object.keys(FUNCTION_ENTRIES).sort()));

  it.each(FUNCTION_KEYS)('%s', (key) => {
    const { services } = ENTRIES[key];
    const g = GRANTS[key];
    expect({ files: !!services.files, mail: !!services.mail, timers: !!services.timers }).toEqual({
      files: g.blobs.length > 0 || g.readsInboundMail,
      mail: g.sendsMail,
      timers: g.schedules !== 'none',
    });
    if (services.files) expect(services.files).toBe(S3_ON_DEMAND_FUNCTIONS.includes(key) ? s3FilesOnDemand : s3Files);
    expect(S3_ON_DEMAND_FUNCTIONS.includes(key)).toBe(services.files === s3FilesOnDemand);
  });
});

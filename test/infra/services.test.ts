/**
 * Each function's entry names the AWS services its code uses (functions/*.ts `services`), and with
 * them what its bundle carries: they must be what its IAM grant allows (GRANTS), no more and no fewer.
 * S3 is loaded on first use everywhere but where every invocation reads it (inbound: SES's copy).
 */
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, FUNCTION_KEYS } from '../../infra/stack/bundle-options.ts';
import { GRANTS } from '../../infra/stack/service/functions.ts';
import { S3_ON_DEMAND_FUNCTIONS } from '../../infra/stack/side-files.ts';
import type { AwsServices } from '../../shared/aws/context.ts';
import { s3Files } from '../../shared/aws/s3-files.ts';
import { s3FilesOnDemand } from '../../shared/aws/s3-files-on-demand.ts';

describe('the AWS services of each function follow its grant', () => {
  it.each(FUNCTION_KEYS)('%s', async (key) => {
    const { services } = (await import(`../../${FUNCTION_ENTRIES[key]}`)) as { services: AwsServices };
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

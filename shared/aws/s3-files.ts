/**
 * S3 for a function: the case files under `blobs/` and SES's raw copies under MAIL_PREFIX. Imported
 * directly where every invocation reads S3 (the inbound function); elsewhere it is loaded on first
 * use (shared/aws/s3-files-on-demand.ts), from a file of its own beside the bundle.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '../blobs/port.ts';
import { createS3BlobStore } from '../blobs/s3.ts';
import { BLOB_PREFIX } from './bucket-layout.ts';
import type { AwsConfig, FilesService } from './context.ts';
import { oncePerRegion } from './per-region.ts';

// A local S3 endpoint (AWS_ENDPOINT_URL_S3, e.g. in the bundle test) cannot serve bucket subdomains.
export const s3Client = oncePerRegion((region) => new S3Client({ region, ...(process.env.AWS_S3_FORCE_PATH_STYLE === 'true' ? { forcePathStyle: true } : {}) }));

export const s3Files: FilesService = (config: AwsConfig): { blobs: BlobStore; inboundMail: BlobStore } => {
  const client = s3Client(config.AWS_REGION);
  return {
    blobs: createS3BlobStore({ client, bucket: config.BUCKET, prefix: BLOB_PREFIX }),
    inboundMail: createS3BlobStore({ client, bucket: config.BUCKET, prefix: config.MAIL_PREFIX }),
  };
};

import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client, type ServerSideEncryption } from '@aws-sdk/client-s3';
import type { BlobStore } from './port.ts';

export interface S3BlobStoreOptions {
  /** Created once by the caller (per Lambda container). */
  client: S3Client;
  bucket: string;
  /** Put in front of every key, e.g. `blobs/`; keys are used as given, so include the slash. */
  prefix?: string;
  /**
   * Server-side encryption to ask for on PutObject. Absent (the default): none is asked for, so the
   * bucket's default encryption applies (SSE-S3 on every bucket since 2023, or the SSE-KMS key the
   * stack configures); asking for AES256 here would override a bucket's KMS default.
   */
  serverSideEncryption?: ServerSideEncryption;
  /** With `aws:kms`: the key; absent = the bucket's / the account's default key. */
  kmsKeyId?: string;
}

/** DeleteObjects takes at most 1000 keys per request. */
export const DELETE_BATCH = 1000;

const isMissing = (e: unknown) => {
  const err = e as { name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
};

/**
 * The BlobStore port on S3. A key that is not there reads as undefined; note that S3 answers
 * 403 AccessDenied instead of 404 NoSuchKey when the caller lacks s3:ListBucket on the bucket, and
 * that propagates as an error: grant ListBucket (on the prefix) to whoever reads.
 */
export function createS3BlobStore(opts: S3BlobStoreOptions): BlobStore {
  const { client, bucket } = opts;
  const prefix = opts.prefix ?? '';
  const full = (key: string) => {
    if (!key) throw new Error('a blob key must not be empty');
    return prefix + key;
  };

  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: full(key),
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
          ...(opts.serverSideEncryption ? { ServerSideEncryption: opts.serverSideEncryption } : {}),
          ...(opts.serverSideEncryption === 'aws:kms' && opts.kmsKeyId ? { SSEKMSKeyId: opts.kmsKeyId } : {}),
        }),
      );
    },

    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: full(key) }));
        if (!out.Body) return Buffer.alloc(0);
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },

    async deletePrefix(sub) {
      // An empty prefix would empty the whole store: never what retention means.
      if (!sub) throw new Error('deletePrefix needs a non-empty prefix');
      const Prefix = prefix + sub;
      let pending: string[] = [];
      const flush = async (keys: string[]) => {
        if (!keys.length) return;
        const out = await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
        );
        // DeleteObjects answers 200 even when single keys fail: those come back in Errors.
        const errors = out.Errors ?? [];
        if (errors.length) {
          const first = errors[0]!;
          throw new Error(`could not delete ${errors.length} object(s) under ${Prefix}: ${first.Code ?? 'error'} ${first.Message ?? ''}`.trim());
        }
      };
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix, ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) {
          if (o.Key === undefined) continue;
          pending.push(o.Key);
          if (pending.length === DELETE_BATCH) {
            await flush(pending);
            pending = [];
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      await flush(pending);
    },
  };
}

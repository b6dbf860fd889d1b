import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createS3BlobStore, DELETE_BATCH } from '../../shared/blobs/s3.ts';

const s3 = mockClient(S3Client);
const client = new S3Client({ region: 'eu-west-1' });
beforeEach(() => s3.reset());

/** What the SDK hands back as GetObject's Body, reduced to the one method the store uses. */
const body = (bytes: Buffer) => ({ transformToByteArray: async () => new Uint8Array(bytes) }) as never;

describe('createS3BlobStore', () => {
  it('puts under the prefix with the content type, leaving encryption to the bucket default', async () => {
    s3.on(PutObjectCommand).resolves({});
    const store = createS3BlobStore({ client, bucket: 'klachten-data', prefix: 'blobs/' });
    await store.put('mail/abc.eml', Buffer.from('From: a@b\r\n\r\nhoi'), 'message/rfc822');
    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ Bucket: 'klachten-data', Key: 'blobs/mail/abc.eml', ContentType: 'message/rfc822', ContentLength: 16 });
    expect(Buffer.from(input.Body as Buffer).toString()).toBe('From: a@b\r\n\r\nhoi');
    expect(input.ServerSideEncryption).toBeUndefined();
    expect(input.SSEKMSKeyId).toBeUndefined();
  });

  it('asks for the encryption it is given (AES256, or aws:kms with a key)', async () => {
    s3.on(PutObjectCommand).resolves({});
    await createS3BlobStore({ client, bucket: 'b', serverSideEncryption: 'AES256' }).put('k', Buffer.from('x'), 'text/plain');
    await createS3BlobStore({ client, bucket: 'b', serverSideEncryption: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/abc' }).put('k', Buffer.from('x'), 'text/plain');
    const [aes, kms] = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(aes).toMatchObject({ Key: 'k', ServerSideEncryption: 'AES256' });
    expect(aes!.SSEKMSKeyId).toBeUndefined();
    expect(kms).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/abc' });
  });

  it('gets the bytes back as a Buffer', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 0x25, 0x50, 0x44, 0x46]);
    s3.on(GetObjectCommand, { Bucket: 'b', Key: 'blobs/cases/X/attachments/1' }).resolves({ Body: body(bytes) });
    const got = await createS3BlobStore({ client, bucket: 'b', prefix: 'blobs/' }).get('cases/X/attachments/1');
    expect(Buffer.isBuffer(got)).toBe(true);
    expect(got!.equals(bytes)).toBe(true);
  });

  it('reads a missing key (NoSuchKey, or a bare 404) as undefined, and lets other errors through', async () => {
    const store = createS3BlobStore({ client, bucket: 'b' });
    s3.on(GetObjectCommand, { Key: 'gone' }).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));
    s3.on(GetObjectCommand, { Key: 'gone-too' }).rejects(new S3ServiceException({ name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } }));
    s3.on(GetObjectCommand, { Key: 'forbidden' }).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    expect(await store.get('gone')).toBeUndefined();
    expect(await store.get('gone-too')).toBeUndefined();
    await expect(store.get('forbidden')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses empty keys and an empty deletePrefix (which would empty the whole store)', async () => {
    const store = createS3BlobStore({ client, bucket: 'b', prefix: 'blobs/' });
    await expect(store.put('', Buffer.from('x'), 'text/plain')).rejects.toThrow(/empty/);
    await expect(store.deletePrefix('')).rejects.toThrow(/non-empty/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('deletePrefix follows the listing pages and deletes in batches of at most 1000 keys', async () => {
    const keys = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Key: `blobs/cases/A/attachments/${String(from + i).padStart(5, '0')}` }));
    // 2500 objects over three pages of 1000, 1000 and 500.
    s3.on(ListObjectsV2Command)
      .resolvesOnce({ Contents: keys(0, 1000), IsTruncated: true, NextContinuationToken: 't1' })
      .resolvesOnce({ Contents: keys(1000, 1000), IsTruncated: true, NextContinuationToken: 't2' })
      .resolvesOnce({ Contents: keys(2000, 500), IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({});
    await createS3BlobStore({ client, bucket: 'b', prefix: 'blobs/' }).deletePrefix('cases/A/');

    const lists = s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(lists).toEqual([
      { Bucket: 'b', Prefix: 'blobs/cases/A/' },
      { Bucket: 'b', Prefix: 'blobs/cases/A/', ContinuationToken: 't1' },
      { Bucket: 'b', Prefix: 'blobs/cases/A/', ContinuationToken: 't2' },
    ]);
    const deletes = s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input);
    expect(deletes.map((d) => d.Delete!.Objects!.length)).toEqual([1000, 1000, 500]);
    expect(deletes.every((d) => d.Bucket === 'b' && d.Delete!.Quiet === true)).toBe(true);
    const deleted = deletes.flatMap((d) => d.Delete!.Objects!.map((o) => o.Key));
    expect(deleted).toEqual(keys(0, 2500).map((k) => k.Key));
    expect(Math.max(...deletes.map((d) => d.Delete!.Objects!.length))).toBeLessThanOrEqual(DELETE_BATCH);
  });

  it('deletePrefix batches across small pages too, and sends nothing for an empty prefix listing', async () => {
    // Pages smaller than a batch (e.g. MaxKeys lowered by a proxy): 600 + 600 keys → batches 1000 + 200.
    const keys = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Key: `p/x/${from + i}` }));
    s3.on(ListObjectsV2Command)
      .resolvesOnce({ Contents: keys(0, 600), IsTruncated: true, NextContinuationToken: 'a' })
      .resolvesOnce({ Contents: keys(600, 600), IsTruncated: false })
      .resolves({ KeyCount: 0, IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({});
    const store = createS3BlobStore({ client, bucket: 'b', prefix: 'p/' });
    await store.deletePrefix('x/');
    expect(s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete!.Objects!.length)).toEqual([1000, 200]);

    // (Not resetHistory: sinon's call count drives the *Once answers, and it would replay them.)
    await store.deletePrefix('nothing-here/');
    expect(s3.commandCalls(ListObjectsV2Command).at(-1)!.args[0].input.Prefix).toBe('p/nothing-here/');
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(2);
  });

  it('deletePrefix fails when S3 reports keys it could not delete (DeleteObjects answers 200 anyway)', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'cases/B/1' }, { Key: 'cases/B/2' }], IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'cases/B/2', Code: 'AccessDenied', Message: 'Access Denied' }] });
    await expect(createS3BlobStore({ client, bucket: 'b' }).deletePrefix('cases/B/')).rejects.toThrow(/could not delete 1 object\(s\) under cases\/B\/: AccessDenied/);
  });
});

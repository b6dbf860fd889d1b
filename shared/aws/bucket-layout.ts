/**
 * Where things live in the office's bucket. Free of the AWS SDK: the CDK app scopes permissions and
 * lifecycle rules with it, the Lambda context stores blobs under it.
 */

/** Where case blobs (raw mail we keep, attachments) live in BUCKET; SES's inbound copies live under MAIL_PREFIX. */
export const BLOB_PREFIX = 'blobs/';

/**
 * What each function may do on AWS: its IAM grant, the one table the stack's roles are made from
 * (service/functions.ts), the local office's fences around each function (infra/local/grant-fence.ts)
 * and the tests hold to the code. Kept free of aws-cdk-lib, so the local office can read it.
 */
import { INDEX } from '../../shared/store/table.ts';
import type { FunctionKey } from './bundle-options.ts';

/** What each function's code calls (read from shared/app, shared/http, shared/reports, shared/store, functions/). */
export interface Grant {
  /** DynamoDB actions on the table (every function reads and commits cases). */
  dynamo: string[];
  /** Indexes it queries: the sweeper the pending index, staff and reconcile/retention/reports the status index. */
  indexes: string[];
  /** S3 actions under `blobs/`; ListBucket there comes with reading (a missing blob is then a 404, not a 403) and deleting (deletePrefix lists). */
  blobs: ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[];
  /** Reads SES's raw copy under MAIL_PREFIX. */
  readsInboundMail: boolean;
  /** Sends mail itself (SES). Commits' mail is sent by the effects function and the sweeper, not by the function that commits. */
  sendsMail: boolean;
  /** Its deadline timers: makes them (and passes the Scheduler role), only deletes them (erasing a case), or none. */
  schedules: 'manage' | 'delete' | 'none';
}

/** Reading and committing cases, carrying out effects (settle, expire-items, register rows). */
const READ_WRITE = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];
/** Purging a case (retention, erasure on request): deleteCase releases keys one by one and batch-deletes the items. */
const PURGE = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/**
 * Per function. DeleteItem where a key is claimed (claimKey releases a lost claim): intake, staff
 * sign-in and staff-entered complaints, mailed complaints. Purging (BatchWriteItem, and deleting a
 * case's blobs) where cases are deleted: staff (erasure on request, AVG art. 17) and the sweeper
 * (retention). Mail and timers only where the code sends or schedules itself: commits' effects are
 * carried out by the effects function (the table's stream) and the sweeper (its backstop, which also
 * reconciles timers and mails purge notices and reports); staff mails sign-in links and deletes a
 * case's timers when it erases the case; public, inbound and deadline only commit. Case files: the
 * effects function and the sweeper store letters to post, public reads the complaint's attachments
 * for the copy (Awb 9:9). Every function signs or verifies (the secret). test/integration/grants.test.ts
 * runs those paths behind these grants.
 */
export const GRANTS: Record<FunctionKey, Grant> = {
  // Reads the complaint's attachments for the copy the person complained about downloads (Awb 9:9).
  public: { dynamo: [...READ_WRITE, 'dynamodb:DeleteItem'], indexes: [], blobs: ['s3:GetObject'], readsInboundMail: false, sendsMail: false, schedules: 'none' },
  staff: { dynamo: [...READ_WRITE, ...PURGE], indexes: [INDEX.status, INDEX.received, INDEX.letters], blobs: ['s3:GetObject', 's3:DeleteObject'], readsInboundMail: false, sendsMail: true, schedules: 'delete' },
  inbound: { dynamo: [...READ_WRITE, 'dynamodb:DeleteItem'], indexes: [], blobs: ['s3:PutObject'], readsInboundMail: true, sendsMail: false, schedules: 'none' },
  deadline: { dynamo: READ_WRITE, indexes: [], blobs: [], readsInboundMail: false, sendsMail: false, schedules: 'none' },
  sweeper: { dynamo: [...READ_WRITE, ...PURGE], indexes: [INDEX.pending, INDEX.status, INDEX.received], blobs: ['s3:PutObject', 's3:DeleteObject'], readsInboundMail: false, sendsMail: true, schedules: 'manage' },
  // Loads a commit's case, projects its summary, settles its effects (mail, letters, timers), writes register rows and expiry.
  effects: { dynamo: READ_WRITE, indexes: [], blobs: ['s3:PutObject'], readsInboundMail: false, sendsMail: true, schedules: 'manage' },
};

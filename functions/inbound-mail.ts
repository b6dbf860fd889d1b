/**
 * SES receipt rule → inbound mail. The rule's actions, in order: an S3 action (ObjectKeyPrefix =
 * MAIL_PREFIX) that stores the raw message under `<MAIL_PREFIX><mail.messageId>`, then this Lambda
 * action. SES's event carries the metadata and the verdicts but never the body ("it omits the body
 * of the incoming email"), so the raw message is read back from S3.
 *
 * SES Developer Guide, "Invoke Lambda function action" / "Sample incoming email event" /
 * "Contents of notifications for Amazon SES email receiving":
 *  - `Records[0].ses.mail`: messageId (also the S3 object key the S3 action wrote, after the prefix),
 *    source (the envelope MAIL FROM), destination (To/Cc header addresses), commonHeaders.
 *  - `Records[0].ses.receipt`: recipients (the envelope RCPT TO addresses the rule matched),
 *    spfVerdict / dkimVerdict / dmarcVerdict / spamVerdict / virusVerdict `{status}` with status
 *    PASS | FAIL | GRAY | PROCESSING_FAILED (| DISABLED when the rule does not scan),
 *    action `{type: 'Lambda', functionArn, invocationType: 'Event' | 'RequestResponse'}`.
 *  - With RequestResponse the function may return `{disposition: 'STOP_RULE' | 'STOP_RULE_SET' |
 *    'CONTINUE'}`; no value (or no valid disposition) is the same as CONTINUE. We return nothing:
 *    with Event the return value is ignored, with RequestResponse it means CONTINUE.
 *
 * Mail is never dropped here: whatever cannot be matched or trusted is held for staff by
 * receiveMail. A failure (S3, DynamoDB) throws, so Lambda's async retries run. A repeated
 * delivery (a retry, or Lambda's at-least-once delivery) is harmless for held mail and new cases
 * (keyed by the message's digest), but a reply matched to a case is recorded (and passed on) again:
 * receiveMail does not yet deduplicate those.
 */
import * as z from 'zod/mini';
import '../shared/edge/zod-locale.ts';
import type { AppContext } from '../shared/app/context.ts';
import { receiveMail, type InboundOutcome, type Verdicts } from '../shared/app/use-cases/receive-mail.ts';
import type { BlobStore } from '../shared/blobs/port.ts';
import { awsContextFromBundle, lazyContext, type AwsServices } from '../shared/aws/context.ts';
import { s3Files } from '../shared/aws/s3-files.ts';

const verdict = z.optional(z.object({ status: z.string() }));

/** The part of SES's receipt event we rely on; anything else in it is ignored. */
export const sesReceiptEventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({
            messageId: z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, 'expected an SES message id')),
            source: z.string(),
            destination: z.optional(z.array(z.string())),
          }),
          receipt: z.object({
            recipients: z.array(z.string()).check(z.minLength(1)),
            spfVerdict: verdict,
            dkimVerdict: verdict,
            dmarcVerdict: verdict,
            spamVerdict: verdict,
            virusVerdict: verdict,
          }),
        }),
      }),
    )
    .check(z.minLength(1)),
});

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

/** SES's receipt event for a Lambda action, as documented (only part of it is relied on, see the schema above). */
export interface SesReceiptEvent {
  Records: {
    eventSource: 'aws:ses';
    eventVersion: string;
    ses: {
      mail: {
        timestamp: string;
        /** The envelope MAIL FROM. */
        source: string;
        /** SES's id; also the S3 object key (after the S3 action's prefix). */
        messageId: string;
        /** The To and Cc header addresses. */
        destination: string[];
        headersTruncated: boolean;
        headers: { name: string; value: string }[];
        commonHeaders: {
          returnPath?: string;
          from?: string[];
          date?: string;
          to?: string[];
          cc?: string[];
          bcc?: string[];
          sender?: string[];
          replyTo?: string[];
          messageId?: string;
          subject?: string;
        };
      };
      receipt: {
        timestamp: string;
        processingTimeMillis: number;
        /** The envelope RCPT TO addresses the rule matched. */
        recipients: string[];
        spamVerdict: { status: VerdictStatus | string };
        virusVerdict: { status: VerdictStatus | string };
        spfVerdict: { status: VerdictStatus | string };
        dkimVerdict: { status: VerdictStatus | string };
        dmarcVerdict: { status: VerdictStatus | string };
        /** Only when DMARC failed: the sender domain's policy. */
        dmarcPolicy?: 'none' | 'quarantine' | 'reject' | string;
        action: { type: 'Lambda'; functionArn: string; invocationType: 'Event' | 'RequestResponse' | string };
      };
    };
  }[];
}

export interface InboundDeps {
  ctx: AppContext;
  /** Where SES's S3 action stores raw messages: the bucket under the action's ObjectKeyPrefix, keyed by SES's message id. */
  inbound: BlobStore;
}

/** The raw message SES stored, as bytes. */
async function readRaw(deps: InboundDeps, messageId: string): Promise<Buffer> {
  const raw = await deps.inbound.get(messageId);
  if (!raw) throw new Error(`inbound mail ${messageId} does not exist in the bucket`);
  return raw;
}

export const verdictsOf = (receipt: z.output<typeof sesReceiptEventSchema>['Records'][number]['ses']['receipt']): Verdicts => ({
  ...(receipt.spfVerdict ? { spf: receipt.spfVerdict.status } : {}),
  ...(receipt.dkimVerdict ? { dkim: receipt.dkimVerdict.status } : {}),
  ...(receipt.dmarcVerdict ? { dmarc: receipt.dmarcVerdict.status } : {}),
  ...(receipt.spamVerdict ? { spam: receipt.spamVerdict.status } : {}),
  ...(receipt.virusVerdict ? { virus: receipt.virusVerdict.status } : {}),
});

/** The handler for some dependencies; it validates its event itself, so it takes anything. */
export function createInboundFunction(deps: () => Promise<InboundDeps>): (event: SesReceiptEvent | unknown) => Promise<void> {
  return async (event) => {
    const parsed = sesReceiptEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new Error(`not an SES receipt event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`);
    }
    const d = await deps();
    // SES sends one record per message; more would be handled in turn all the same.
    for (const { ses } of parsed.data.Records) {
      const raw = await readRaw(d, ses.mail.messageId);
      const result: InboundOutcome = await receiveMail(d.ctx, raw, { from: ses.mail.source, to: ses.receipt.recipients }, verdictsOf(ses.receipt));
      // Ids and codes only: never addresses or subjects.
      d.ctx.log.info('mail received', {
        messageId: ses.mail.messageId,
        outcome: result.outcome,
        ...('reason' in result ? { reason: result.reason } : {}),
        ...('caseRef' in result && result.caseRef ? { ref: result.caseRef } : {}),
        bytes: raw.length,
      });
    }
  };
}

/** Every message is read from S3 (SES's copy) and its files are stored there: S3 is loaded with the bundle. */
export const services: AwsServices = { files: s3Files };

// Created once per container, on the first message (see shared/aws/context.ts: the procedure file
// is read from next to the bundle, the signing keys from Secrets Manager).
const context = lazyContext(() => awsContextFromBundle(services));

export const handler = createInboundFunction(async () => {
  const ctx = await context();
  return { ctx, inbound: ctx.aws.inboundMail };
});

/**
 * The inbound-mail Lambda against a real case store (DynamoDB API on dynalite) and the real
 * receiveMail; only S3 (where SES's S3 action left the raw message) is mocked.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppContext, Logger } from '../../shared/app/context.ts';
import { fileComplaint } from '../../shared/app/use-cases/file-complaint.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import type { BlobStore } from '../../shared/blobs/port.ts';
import type { DeadlineScheduler } from '../../shared/deadlines/port.ts';
import type { Mailer, OutgoingMessage } from '../../shared/mail/message.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { createSigner } from '../../shared/security/signer.ts';
import { createDynamoCaseStore, ensureTable } from '../../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite, type EmbeddedDynamo } from '../../shared/store/embedded.ts';
import { createS3BlobStore } from '../../shared/blobs/s3.ts';
import { createInboundFunction } from '../../functions/inbound-mail.ts';
import { sesEvent } from '../support/aws-events.ts';

const COMPLAINANT = 'jan@example.nl';
const DIRECTIE = 'directie@hss.example.nl';
const BUCKET = 'klachtenloket-hss-data';
const PREFIX = 'inbound/';

const s3 = mockClient(S3Client);

/** An AppContext by hand: the real DynamoDB store on dynalite, blobs in memory, mail captured, timers ignored. */
function memoryContext(client: DynamoDBClient, tableName: string) {
  const { procedure, hash } = loadProcedureFile('procedures/hss.yaml');
  const blobs = new Map<string, { body: Buffer; type: string }>();
  const sent: OutgoingMessage[] = [];
  const logs: { msg: string; data?: Record<string, unknown> }[] = [];
  const blobStore: BlobStore = {
    put: async (key, body, type) => void blobs.set(key, { body, type }),
    get: async (key) => blobs.get(key)?.body,
    deletePrefix: async (prefix) => [...blobs.keys()].filter((k) => k.startsWith(prefix)).forEach((k) => blobs.delete(k)),
  };
  const mailer: Mailer = { send: async (m) => void sent.push(m) };
  const scheduler: DeadlineScheduler = { schedule: async () => {}, cancel: async () => {} };
  const log: Logger = { info: (msg, data) => logs.push({ msg, data }), error: (msg, data) => logs.push({ msg, data }) };
  const ctx: AppContext = {
    procedure,
    procedureHash: hash,
    store: createDynamoCaseStore({ client, tableName }),
    blobs: blobStore,
    mailer,
    scheduler,
    clock: { now: () => '2026-03-02T09:00:00.000Z' },
    signer: createSigner([{ id: 'a', secret: 'k'.repeat(40) }]),
    publicUrl: 'https://klachten.hss.example.nl',
    replyDomain: 'reply.hss.example.nl',
    log,
  };
  return { ctx, blobs, sent, logs };
}


const rawMail = (o: { from: string; to: string; subject: string; text: string; id: string }) =>
  Buffer.from(`From: ${o.from}\r\nTo: ${o.to}\r\nSubject: ${o.subject}\r\nMessage-ID: <${o.id}@example.nl>\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${o.text}\r\n`);

/** S3 answers GetObject for the key SES's S3 action would have written. */
function stored(messageId: string, raw: Buffer) {
  s3.on(GetObjectCommand, { Bucket: BUCKET, Key: PREFIX + messageId }).resolves({ Body: { transformToByteArray: async () => new Uint8Array(raw) } as never });
}

describe('functions/inbound-mail (SES receipt → S3 → receiveMail)', () => {
  let dynamo: EmbeddedDynamo;
  let client: DynamoDBClient;
  let m: ReturnType<typeof memoryContext>;
  let reference: string;
  let handler: (event: unknown) => Promise<void>;
  const lastTo = (email: string) => [...m.sent].reverse().find((x) => x.to.some((t) => t.email === email))!;

  beforeAll(async () => {
    dynamo = await startDynalite();
    client = localDynamoClient(dynamo.endpoint);
    const table = `cases-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, table);
    m = memoryContext(client, table);
    const s3Client = new S3Client({ region: 'eu-west-1' });
    handler = createInboundFunction(async () => ({ ctx: m.ctx, inbound: createS3BlobStore({ client: s3Client, bucket: BUCKET, prefix: PREFIX }) }));
    const filed = await fileComplaint(m.ctx, {
      channel: 'web',
      lang: 'nl',
      actor: { kind: 'complainant' },
      fields: { name: 'Jan Jansen', email: COMPLAINANT, topic: 'advies', description: 'Ik kreeg verkeerd advies.' },
    });
    if (!filed.ok) throw new Error('intake refused: ' + JSON.stringify(filed));
    reference = filed.reference;
  });
  afterAll(async () => {
    client?.destroy();
    await dynamo?.close();
  });
  beforeEach(() => s3.reset());

  it('reads the raw message at MAIL_PREFIX + messageId and adds a verified complainant reply to the case', async () => {
    const replyTo = lastTo(COMPLAINANT).replyTo!.email;
    const messageId = 'o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1';
    stored(messageId, rawMail({ from: `Jan Jansen <${COMPLAINANT}>`, to: replyTo, subject: 'Re: uw klacht', text: 'Ik heb nog een vraag over het advies.', id: 'jan-1' }));

    const result = await handler(sesEvent({ messageId, from: COMPLAINANT, to: replyTo, subject: 'Re: uw klacht' }));
    expect(result).toBeUndefined(); // no disposition: SES continues with the rule set

    const gets = s3.commandCalls(GetObjectCommand);
    expect(gets).toHaveLength(1);
    expect(gets[0]!.args[0].input).toEqual({ Bucket: BUCKET, Key: `inbound/${messageId}` });

    const found = await loadCase(m.ctx, reference);
    const received = found!.events.filter((e) => e.type === 'message-received');
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0])).toContain('Ik heb nog een vraag over het advies.');
    // The raw message is kept in the blob store; the reply is passed on to the directie.
    expect([...m.blobs.entries()].some(([k, v]) => k.startsWith('mail/') && v.type === 'message/rfc822')).toBe(true);
    expect(lastTo(DIRECTIE).text).toContain('Ik heb nog een vraag over het advies.');
    const line = m.logs.find((l) => l.msg === 'mail received')!;
    expect(line.data).toMatchObject({ messageId, outcome: 'added', ref: reference });
    expect(JSON.stringify(m.logs)).not.toContain(COMPLAINANT);
  });

  it('holds a staff reply whose DKIM verdict is FAIL, and does not pass it on', async () => {
    const replyTo = lastTo(DIRECTIE).replyTo!.email;
    const messageId = 'staffdkimfail0000000000000000000000000001';
    stored(messageId, rawMail({ from: `Directeur HSS <${DIRECTIE}>`, to: replyTo, subject: 'Re: bericht', text: 'Wij bellen u morgen.', id: 'dir-1' }));
    const before = m.sent.length;

    await handler(sesEvent({ messageId, from: DIRECTIE, to: replyTo, subject: 'Re: bericht', verdicts: { dkim: 'FAIL' } }));

    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input.Key).toBe(`inbound/${messageId}`);
    const held = await m.ctx.store.listHeld();
    expect(held.map((h) => [h.reason, h.caseRef])).toContainEqual(['staff-unverified', reference]);
    expect(m.sent.length).toBe(before);
    expect(m.logs.at(-1)).toMatchObject({ msg: 'mail received', data: { messageId, outcome: 'held', reason: 'staff-unverified', ref: reference } });
  });

  it('passes the same staff reply on when SPF, DKIM and DMARC all PASS', async () => {
    const replyTo = lastTo(DIRECTIE).replyTo!.email;
    const messageId = 'staffallpass000000000000000000000000000002';
    stored(messageId, rawMail({ from: `Directeur HSS <${DIRECTIE}>`, to: replyTo, subject: 'Re: bericht', text: 'Wij bellen u morgen.', id: 'dir-2' }));
    await handler(sesEvent({ messageId, from: DIRECTIE, to: replyTo, subject: 'Re: bericht' }));
    expect(lastTo(COMPLAINANT).text).toContain('Wij bellen u morgen.');
  });

  it('holds mail with a virus verdict other than PASS', async () => {
    const replyTo = lastTo(COMPLAINANT).replyTo!.email;
    const messageId = 'virus00000000000000000000000000000000003';
    stored(messageId, rawMail({ from: COMPLAINANT, to: replyTo, subject: 'bijlage', text: 'zie bijlage', id: 'jan-virus' }));
    await handler(sesEvent({ messageId, from: COMPLAINANT, to: replyTo, subject: 'bijlage', verdicts: { virus: 'FAIL' } }));
    expect((await m.ctx.store.listHeld()).map((h) => h.reason)).toContain('virus');
  });

  it('uses the envelope recipients (receipt.recipients), not the headers, to find the case', async () => {
    // The To header names the complaints address only; SES's RCPT TO (receipt.recipients) is the reply address.
    const replyTo = lastTo(COMPLAINANT).replyTo!.email;
    const messageId = 'bcc0000000000000000000000000000000000004';
    stored(messageId, rawMail({ from: COMPLAINANT, to: 'klachten@hss.example.nl', subject: 'nog iets', text: 'Nog een aanvulling via bcc.', id: 'jan-bcc' }));
    await handler(sesEvent({ messageId, from: COMPLAINANT, to: replyTo, subject: 'nog iets' }));
    expect(m.logs.at(-1)).toMatchObject({ data: { messageId, outcome: 'added', ref: reference } });
  });

  it('fails the invocation (so Lambda retries) when the object is not in S3, and refuses what is not an SES event', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));
    await expect(handler(sesEvent({ messageId: 'missing0000000000000000000000000000000005', from: COMPLAINANT, to: 'klachten@hss.example.nl', subject: 'x' }))).rejects.toThrow(/does not exist/);
    await expect(handler({ Records: [{ eventSource: 'aws:sns', Sns: {} }] })).rejects.toThrow(/not an SES receipt event/);
    await expect(handler({})).rejects.toThrow(/Records/);
    const bad = sesEvent({ messageId: '../../etc/passwd', from: COMPLAINANT, to: 'x@y.nl', subject: 'x' });
    await expect(handler(bad)).rejects.toThrow(/expected an SES message id/);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
  });
});

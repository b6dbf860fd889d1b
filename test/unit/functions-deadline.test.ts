/**
 * The deadline Lambda (EventBridge Scheduler target) against a real case store on dynalite and
 * the real onDeadline; the payload is what shared/deadlines/eventbridge.ts puts in the Input.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppContext, Logger } from '../../shared/app/context.ts';
import { fileComplaint } from '../../shared/app/use-cases/file-complaint.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import type { BlobStore } from '../../shared/blobs/port.ts';
import type { DeadlinePayload, DeadlineScheduler } from '../../shared/deadlines/port.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { createSigner } from '../../shared/security/signer.ts';
import { createDynamoCaseStore, ensureTable } from '../../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite, type EmbeddedDynamo } from '../../shared/store/embedded.ts';
import { createDeadlineFunction, parseDeadlinePayload } from '../../functions/deadline.ts';
import { createSweeperFunction } from '../../functions/sweeper.ts';

/** An AppContext by hand: the real DynamoDB store on dynalite, blobs in memory, mail and timers captured, a clock we move. */
function memoryContext(client: DynamoDBClient, tableName: string) {
  const { procedure, hash } = loadProcedureFile('procedures/hss.yaml');
  const blobs = new Map<string, Buffer>();
  const sent: OutgoingMessage[] = [];
  const timers: { payload: DeadlinePayload; at: string }[] = [];
  const logs: { msg: string; data?: Record<string, unknown> }[] = [];
  const clock = { at: '2026-03-02T09:00:00.000Z', now() { return this.at; } };
  const blobStore: BlobStore = {
    put: async (key, body) => void blobs.set(key, body),
    get: async (key) => blobs.get(key),
    deletePrefix: async () => {},
  };
  const scheduler: DeadlineScheduler = { schedule: async (payload, at) => void timers.push({ payload, at }), cancel: async () => {} };
  const log: Logger = { info: (msg, data) => logs.push({ msg, data }), error: (msg, data) => logs.push({ msg, data }) };
  const ctx: AppContext = {
    procedure,
    procedureHash: hash,
    store: createDynamoCaseStore({ client, tableName }),
    blobs: blobStore,
    mailer: { send: async (m) => void sent.push(m) },
    scheduler,
    clock,
    signer: createSigner([{ id: 'a', secret: 'k'.repeat(40) }]),
    publicUrl: 'https://klachten.hss.example.nl',
    replyDomain: 'reply.hss.example.nl',
    log,
  };
  return { ctx, clock, sent, timers, logs };
}

describe('parseDeadlinePayload', () => {
  it('accepts the Input the scheduler adapter writes (as an object, or as a JSON string)', () => {
    const p = { caseRef: 'HSS-2026-ABCDE', instance: 'ontvangst-1', action: 'expire' };
    expect(parseDeadlinePayload(p)).toEqual(p);
    expect(parseDeadlinePayload(JSON.stringify({ ...p, action: 'remind' }))).toEqual({ ...p, action: 'remind' });
  });

  it('refuses anything else with an error that says what is wrong', () => {
    expect(() => parseDeadlinePayload({ caseRef: 'HSS-2026-ABCDE', action: 'explode' })).toThrow(/invalid deadline payload: instance: .*; action: .*"expire"\|"remind"/);
    expect(() => parseDeadlinePayload(undefined)).toThrow(/invalid deadline payload: \(payload\): .*object/);
    expect(() => parseDeadlinePayload('{not json')).toThrow('invalid deadline payload: not JSON');
    // The default event of a schedule without Input (what a misconfigured target would send).
    expect(() => parseDeadlinePayload({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.scheduler' })).toThrow(/caseRef/);
  });
});

describe('functions/deadline (EventBridge Scheduler → onDeadline)', () => {
  let dynamo: EmbeddedDynamo;
  let client: DynamoDBClient;
  let m: ReturnType<typeof memoryContext>;
  let reference: string;
  let made = 0;
  let handler: (event: unknown) => Promise<{ outcome: string }>;

  beforeAll(async () => {
    dynamo = await startDynalite();
    client = localDynamoClient(dynamo.endpoint);
    const table = `cases-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, table);
    m = memoryContext(client, table);
    handler = createDeadlineFunction(async () => {
      made++;
      return m.ctx;
    });
    const filed = await fileComplaint(m.ctx, {
      channel: 'web',
      lang: 'nl',
      actor: { kind: 'complainant' },
      fields: { name: 'Jan Jansen', email: 'jan@example.nl', topic: 'advies', description: 'Ik kreeg verkeerd advies.' },
    });
    if (!filed.ok) throw new Error('intake refused: ' + JSON.stringify(filed));
    reference = filed.reference;
  });
  afterAll(async () => {
    client?.destroy();
    await dynamo?.close();
  });

  it('refuses a bad payload before touching the case store or making a context', async () => {
    await expect(handler({ caseRef: reference, instance: 'x', action: 'delete' })).rejects.toThrow(/invalid deadline payload: action/);
    expect(made).toBe(0);
  });

  it('runs the expire of a due term through the engine, once; a repeat changes nothing', async () => {
    const expire = m.timers.find((t) => t.payload.caseRef === reference && t.payload.action === 'expire');
    expect(expire).toBeDefined();
    // The Lambda receives exactly the target's Input, parsed.
    const input = JSON.parse(JSON.stringify({ caseRef: expire!.payload.caseRef, instance: expire!.payload.instance, action: expire!.payload.action }));

    m.clock.at = new Date(Date.parse(expire!.at) + 60_000).toISOString();
    const sentBefore = m.sent.length;
    expect(await handler(input)).toEqual({ outcome: 'applied' });
    const found = await loadCase(m.ctx, reference);
    expect(found!.state.openTerms[expire!.payload.instance]).toBeUndefined();
    expect(found!.events).toContainEqual(expect.objectContaining({ type: 'term-ended', instance: expire!.payload.instance, reason: 'expired' }));
    expect(m.sent.length).toBeGreaterThan(sentBefore); // e.g. the overdue alert to the directie
    expect(m.logs.at(-1)).toEqual({ msg: 'deadline', data: { ref: reference, instance: expire!.payload.instance, action: 'expire', outcome: 'applied' } });

    const again = m.sent.length;
    expect(await handler(input)).toEqual({ outcome: 'nothing-due' });
    expect(m.sent.length).toBe(again);
  });

  it('leaves an unknown case alone without failing the invocation', async () => {
    const r = await handler({ caseRef: 'HSS-2026-ZZZZZ', instance: 'ontvangst-1', action: 'remind' });
    expect(r.outcome).toMatch(/^(nothing-due|refused:)/);
  });
});

describe('functions/sweeper', () => {
  it('sweeps with the context and logs counts only', async () => {
    const logs: { msg: string; data?: Record<string, unknown> }[] = [];
    const ctx = {
      store: { pendingCommits: async () => [] },
      log: { info: (msg: string, data?: Record<string, unknown>) => logs.push({ msg, data }), error: () => {} },
    } as unknown as AppContext;
    expect(await createSweeperFunction(async () => ctx)({})).toEqual({ commits: 0, failed: 0 });
    expect(logs).toEqual([{ msg: 'sweep', data: { commits: 0, failed: 0 } }]);
  });
});

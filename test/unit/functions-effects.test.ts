/**
 * The effects function (functions/effects.ts) as the table's stream drives it on AWS: intake only
 * commits (the context says the stream carries out every commit's effects), then a stream record
 * of that commit has them done once: the summary, the receipt, the timers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEffectsFunction, type StreamRecord } from '../../functions/effects.ts';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { effectsByTableStream } from '../../shared/app/effect-runner.ts';
import { fileComplaint } from '../../shared/app/use-cases/file-complaint.ts';

const record = (ref: string, seq: number, eventName = 'INSERT'): StreamRecord => ({
  eventName,
  dynamodb: { Keys: { pk: { S: `CASE#${ref}` }, sk: { S: `C#${String(seq).padStart(10, '0')}` } }, SequenceNumber: `${seq}00` },
});

describe('the effects function', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-02-02T09:00:00.000Z', minFillMs: 0 });
    office.ctx.effectsAfterAnswer = effectsByTableStream;
  });
  afterAll(() => office.close());

  it('carries out a new commit’s effects once, after intake stored only the commit', async () => {
    const filed = await fileComplaint(office.ctx, { fields: { email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' }, channel: 'web', lang: 'nl', actor: { kind: 'complainant' } });
    if (!filed.ok) throw new Error('refused');
    const ref = filed.reference;
    expect(office.outbox.messages).toHaveLength(0);
    expect(await office.ctx.store.getSummary(ref)).toBeUndefined();
    expect(await office.ctx.store.pendingCommits()).toEqual([{ caseRef: ref, seq: 1 }]);

    const run = createEffectsFunction(async () => office.ctx);
    // A retried batch (Lambda delivers at least once) and a record that is not a new commit change nothing.
    const batch = { Records: [record(ref, 1), record(ref, 1), { eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'KEY#x' }, sk: { S: 'KEY' } } } }] };
    expect(await run(batch)).toEqual({ batchItemFailures: [] });
    expect(await run(batch)).toEqual({ batchItemFailures: [] });
    expect(office.outbox.messages.filter((m) => m.to[0]!.email === 'jan@example.nl')).toHaveLength(1);
    expect((await office.ctx.store.getSummary(ref))?.status).toBe('open');
    expect(office.deadlines.list().filter((d) => d.caseRef === ref).length).toBeGreaterThan(0);
    expect(await office.ctx.store.pendingCommits()).toEqual([]);
  });

  it('reports a record it could not handle as a batch item failure, so Lambda retries just that one', async () => {
    const load = office.ctx.store.load;
    office.ctx.store.load = async () => {
      throw new Error('throttled');
    };
    try {
      const run = createEffectsFunction(async () => office.ctx);
      expect(await run({ Records: [record('HSS-2026-AAAAA', 1)] })).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
    } finally {
      office.ctx.store.load = load;
    }
  });
});

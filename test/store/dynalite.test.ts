import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, PutItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoCaseStore, ensureTable } from '../../shared/store/dynamo.ts';
import { tableDefinition } from '../../shared/store/table.ts';
import { localDynamoClient, startDynalite } from '../../shared/store/embedded.ts';
import { caseStoreContract } from './case-store.contract.ts';
import { dynamoFixture } from './dynamo-fixture.ts';

describe('CaseStore on dynalite (in memory)', () => {
  caseStoreContract(async () => {
    const server = await startDynalite();
    return dynamoFixture(server.endpoint, server.close);
  });
});

describe('embedded dynalite and the table definition', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 on a random port', async () => {
    const [a, b] = [await startDynalite(), await startDynalite()];
    try {
      expect(a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps data across restarts when given a path', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dynalite-')), 'db');
    dirs.push(path);
    const first = await startDynalite({ path });
    let client = localDynamoClient(first.endpoint);
    await ensureTable(client, 'cases');
    await createDynamoCaseStore({ client, tableName: 'cases' }).append({ caseRef: 'KL-1', seq: 1, at: '2025-01-06T09:00:00.000Z', events: [{ type: 'Received' }], effects: [] });
    client.destroy();
    await first.close();

    const second = await startDynalite({ path });
    client = localDynamoClient(second.endpoint);
    try {
      await ensureTable(client, 'cases'); // exists already: a no-op
      const loaded = await createDynamoCaseStore({ client, tableName: 'cases' }).load('KL-1');
      expect(loaded).toEqual([{ caseRef: 'KL-1', seq: 1, at: '2025-01-06T09:00:00.000Z', events: [{ type: 'Received' }], effects: [] }]);
    } finally {
      client.destroy();
      await second.close();
    }
  });

  it('ensureTable is idempotent, also when called concurrently, and rejects a table without the indexes', async () => {
    const server = await startDynalite({ createTableMs: 300 });
    const client = localDynamoClient(server.endpoint);
    try {
      await Promise.all([ensureTable(client, 'table-1'), ensureTable(client, 'table-1')]);
      await ensureTable(client, 'table-1');

      const { GlobalSecondaryIndexes: _, ...bare } = tableDefinition('table-2');
      bare.AttributeDefinitions = bare.AttributeDefinitions!.slice(0, 2);
      await client.send(new CreateTableCommand(bare));
      await expect(ensureTable(client, 'table-2')).rejects.toThrow(/lacks index/);
    } finally {
      client.destroy();
      await server.close();
    }
  });
});

describe('the stored items', () => {
  it('keep the layout of shared/store/table.ts, attribute by attribute (stored data outlives the code)', () =>
    withTable(async (client) => {
      const store = createDynamoCaseStore({ client, tableName: 'cases' });
      await store.claimKey('submission:abc', 'KL-1');
      await store.append({ caseRef: 'KL-1', seq: 1, at: '2025-01-06T09:00:00.000Z', events: [{ type: 'Received' }], effects: [{ id: 'KL-1:1:0', effect: { kind: 'mail' }, done: false, attempts: 0 }], prevHash: '0'.repeat(64), hash: 'a'.repeat(64) });
      await store.settleEffect('KL-1', 1, 'KL-1:1:0', { ok: false, error: 'boom' });
      await store.append({ caseRef: 'KL-1', seq: 2, at: '2025-01-06T09:01:00.000Z', events: [], effects: [], expiresAt: '2030-01-01T00:00:00.000Z' });
      const summary = { caseRef: 'KL-1', procedureId: 'p', status: 'open', stage: 's', receivedAt: '2025-01-06T10:00:00+01:00', nextDueAt: '2025-02-01T00:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z', data: {} };
      await store.putSummary(summary);
      await store.putLedger('register', { id: 'r1', on: '2025-03-04', data: { n: 2 } });
      const held = { id: 'abcd', at: '2025-01-06T10:00:00+01:00', reason: 'unmatched', subject: 's', blob: 'mail/x.eml' };
      await store.hold(held);
      await store.markDeleted('KL-4', '2025-01-01T00:00:00.000Z');

      const items = ((await client.send(new ScanCommand({ TableName: 'cases' }))).Items ?? []).map((i) => unmarshall(i));
      const at = (pk: string, sk: string) => items.find((i) => i.pk === pk && i.sk === sk);
      expect(items).toHaveLength(9);
      expect(at('KEY#submission:abc', 'KEY')).toEqual({ pk: 'KEY#submission:abc', sk: 'KEY', type: 'key', key: 'submission:abc', caseRef: 'KL-1' });
      expect(at('CASE#KL-1', 'KEYREF#submission:abc')).toEqual({ pk: 'CASE#KL-1', sk: 'KEYREF#submission:abc', type: 'keyref', key: 'submission:abc' });
      expect(at('CASE#KL-1', 'C#0000000001')).toEqual({
        pk: 'CASE#KL-1', sk: 'C#0000000001', type: 'commit', caseRef: 'KL-1', seq: 1, at: '2025-01-06T09:00:00.000Z', ver: 1,
        events: '[{"type":"Received"}]',
        effects: '[{"id":"KL-1:1:0","effect":{"kind":"mail"},"done":false,"attempts":1,"lastError":"boom"}]',
        prevHash: '0'.repeat(64), hash: 'a'.repeat(64),
        pendingPk: 'PENDING', pendingSk: '000001#2025-01-06T09:00:00.000Z#0000000001#KL-1',
      });
      expect(at('CASE#KL-1', 'C#0000000002')).toEqual({
        pk: 'CASE#KL-1', sk: 'C#0000000002', type: 'commit', caseRef: 'KL-1', seq: 2, at: '2025-01-06T09:01:00.000Z', ver: 0,
        events: '[]', effects: '[]', expiresAt: '2030-01-01T00:00:00.000Z', ttl: 1893456000,
      });
      expect(at('CASE#KL-1', 'SUMMARY')).toEqual({
        pk: 'CASE#KL-1', sk: 'SUMMARY', type: 'summary', summary: JSON.stringify(summary),
        statusPk: 'STATUS#open', dueSk: '2025-02-01T00:00:00.000Z#2025-01-06T09:00:00.000Z#KL-1',
        receivedSk: '2025-01-06T09:00:00.000Z#KL-1', concerned: ['-'],
      });
      expect(at('LEDGER#register#2025', '2025-03-04#r1')).toEqual({ pk: 'LEDGER#register#2025', sk: '2025-03-04#r1', type: 'ledger', data: '{"n":2}' });
      expect(at('HOLD', '2025-01-06T09:00:00.000Z#abcd')).toEqual({ pk: 'HOLD', sk: '2025-01-06T09:00:00.000Z#abcd', held: JSON.stringify(held) });
      expect(at('HELD#abcd', 'HELD')).toEqual({ pk: 'HELD#abcd', sk: 'HELD', at: held.at });
      expect(at('CASE#KL-4', 'C#~DELETED')).toEqual({ pk: 'CASE#KL-4', sk: 'C#~DELETED', type: 'deleted', at: '2025-01-01T00:00:00.000Z' });
    }));
});

describe('held mail stored before it was filed by id', () => {
  it('is still found by its id', () =>
    withTable(async (client) => {
      const held = { id: 'beef', at: '2025-01-06T09:00:00.000Z', reason: 'unmatched', subject: 's', blob: 'mail/y.eml' };
      await client.send(new PutItemCommand({ TableName: 'cases', Item: marshall({ pk: 'HOLD', sk: `${held.at}#${held.id}`, held: JSON.stringify(held) }) }));
      const store = createDynamoCaseStore({ client, tableName: 'cases' });
      expect(await store.getHeld('beef')).toEqual(held);
      await store.releaseHeld(held);
      expect(await store.getHeld('beef')).toBeUndefined();
    }));
});

/** Runs `use` against a fresh table `cases` on its own in-memory dynalite. */
async function withTable(use: (client: DynamoDBClient) => Promise<void>): Promise<void> {
  const server = await startDynalite();
  const client = localDynamoClient(server.endpoint);
  try {
    await ensureTable(client, 'cases');
    await use(client);
  } finally {
    client.destroy();
    await server.close();
  }
}

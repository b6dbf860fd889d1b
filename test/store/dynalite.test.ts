import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
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

/**
 * What the store adds for retention, the register and the audit chain: the deletion mark, the
 * backstop expiry (TTL), anonymous books, values set once, the chain's hashes, and the status index
 * queried by due instant. Never a Scan. On dynalite; also on Amazon's DynamoDB Local with
 * DYNAMODB_LOCAL=1 (as CI runs the store contract).
 */
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore, CaseSummary, Commit } from '../../shared/store/port.ts';
import { createDynamoCaseStore, ensureTable, TTL_ATTRIBUTE } from '../../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite } from '../../shared/store/embedded.ts';
import { recordCommands } from '../store/dynamo-fixture.ts';
import { startDynamoDbLocal } from '../store/dynamodb-local-server.ts';

const TABLE = 'cases';
const flag = process.env.DYNAMODB_LOCAL;
const dynamoDbLocal = flag !== undefined && flag !== '' && flag !== '0' && flag.toLowerCase() !== 'false';

const backends: [string, () => Promise<{ endpoint: string; close: () => Promise<void> }>][] = [
  ['dynalite', () => startDynalite()],
  ...(dynamoDbLocal ? [['DynamoDB Local', () => startDynamoDbLocal()] as [string, () => Promise<{ endpoint: string; close: () => Promise<void> }>]] : []),
];

describe.each(backends)('store extras on %s', (_name, start) => {
  let stop: () => Promise<void>;
  let client: DynamoDBClient;
  let store: CaseStore;
  let sent: string[];

  beforeAll(async () => {
    const server = await start();
    stop = server.close;
    client = localDynamoClient(server.endpoint);
    sent = recordCommands(client);
    await ensureTable(client, TABLE);
    store = createDynamoCaseStore({ client, tableName: TABLE });
  }, 90_000);
  afterAll(async () => {
    expect(sent).not.toContain('ScanCommand');
    client.destroy();
    await stop();
  });

  const commit = (caseRef: string, seq: number, extra: Partial<Commit> = {}): Commit => ({
    caseRef,
    seq,
    at: `2026-01-0${seq}T09:00:00.000Z`,
    events: [{ type: seq === 1 ? 'submitted' : 'note-added', n: seq }],
    effects: [],
    ...extra,
  });
  const summary = (caseRef: string, status: string, nextDueAt?: string): CaseSummary => ({
    caseRef,
    procedureId: 'hss',
    status,
    stage: 'directie',
    receivedAt: '2026-01-01T09:00:00.000Z',
    ...(nextDueAt ? { nextDueAt } : {}),
    updatedAt: '2026-01-01T09:00:00.000Z',
    data: {},
  });
  const rawItem = async (pk: string, sk: string) => (await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }))).Item;

  describe('the deletion mark', () => {
    it('makes a case load as nothing at once; deleteCase removes the mark with the rest', async () => {
      await store.append(commit('R-1', 1));
      await store.append(commit('R-1', 2));
      await store.putSummary(summary('R-1', 'closed'));
      await store.markDeleted('R-1', '2028-01-21T09:00:00.000Z');
      expect(await store.load('R-1')).toEqual([]);
      expect((await store.load('R-1', { includeDeleted: true })).map((c) => c.seq)).toEqual([1, 2]);
      // A commit appended meanwhile does not bring it back.
      await store.append(commit('R-1', 3));
      expect(await store.load('R-1')).toEqual([]);
      await store.deleteCase('R-1');
      expect(await store.load('R-1', { includeDeleted: true })).toEqual([]);
      expect(await rawItem('CASE#R-1', 'C#~DELETED')).toBeUndefined();
      expect(await store.getSummary('R-1')).toBeUndefined();
    });
  });

  describe('the audit chain and the backstop expiry on commits', () => {
    it('keeps prevHash, hash and expiresAt, and writes the TTL attribute in epoch seconds', async () => {
      const c = commit('R-2', 1, { prevHash: '0'.repeat(64), hash: 'a'.repeat(64), expiresAt: '2028-01-28T00:00:00.000Z' });
      await store.append(c);
      expect(await store.load('R-2')).toEqual([c]);
      expect((await rawItem('CASE#R-2', 'C#0000000001'))![TTL_ATTRIBUTE]).toEqual({ N: String(Date.parse('2028-01-28T00:00:00.000Z') / 1000) });
      // A commit without them stays without them.
      await store.append(commit('R-2b', 1));
      expect(await store.load('R-2b')).toEqual([commit('R-2b', 1)]);
    });

    it('setExpiry puts the TTL on every item of a case and on the keys bound to it', async () => {
      await store.append(commit('R-3', 1));
      await store.append(commit('R-3', 2));
      await store.putSummary(summary('R-3', 'closed'));
      await store.claimKey('submission:abc12345', 'R-3');
      expect(await store.caseKeys('R-3')).toEqual(['submission:abc12345']);
      await store.setExpiry('R-3', '2028-02-01T00:00:00.000Z');
      const ttl = { N: String(Date.parse('2028-02-01T00:00:00.000Z') / 1000) };
      for (const sk of ['C#0000000001', 'C#0000000002', 'SUMMARY', 'KEYREF#submission:abc12345']) expect((await rawItem('CASE#R-3', sk))![TTL_ATTRIBUTE], sk).toEqual(ttl);
      expect((await rawItem('KEY#submission:abc12345', 'KEY'))![TTL_ATTRIBUTE]).toEqual(ttl);
      // Items and the summary read as before.
      expect((await store.load('R-3')).map((x) => x.seq)).toEqual([1, 2]);
      expect(await store.getSummary('R-3')).toEqual(summary('R-3', 'closed'));
    });
  });

  describe('books that outlive cases', () => {
    it('files rows by year and date; the same id and date again replaces the row', async () => {
      await store.putLedger('register', { id: 'x1', on: '2026-03-01', data: { topic: 'advies' } });
      await store.putLedger('register', { id: 'x2', on: '2026-01-15', data: { topic: 'bejegening' } });
      await store.putLedger('register', { id: 'x1', on: '2026-03-01', data: { topic: 'advies', again: true } });
      await store.putLedger('register', { id: 'x3', on: '2027-01-02', data: {} });
      await store.putLedger('privacy', { id: 'p1', on: '2026-05-01', data: { kind: 'purged' } });
      expect(await store.listLedger('register', '2026')).toEqual([
        { id: 'x2', on: '2026-01-15', data: { topic: 'bejegening' } },
        { id: 'x1', on: '2026-03-01', data: { topic: 'advies', again: true } },
      ]);
      expect(await store.listLedger('register', '2027')).toHaveLength(1);
      expect(await store.listLedger('privacy', '2026')).toEqual([{ id: 'p1', on: '2026-05-01', data: { kind: 'purged' } }]);
      await expect(store.putLedger('register', { id: 'x', on: '1 maart', data: {} })).rejects.toThrow(/YYYY-MM-DD/);
    });

    it('a value is set once; readKey reads it (and keys claimed for a case)', async () => {
      expect(await store.readKey('reports:since')).toBeUndefined();
      expect(await store.setOnce('reports:since', '2026-01-05T09:00:00.000Z')).toBe('2026-01-05T09:00:00.000Z');
      expect(await store.setOnce('reports:since', '2027-01-01T00:00:00.000Z')).toBe('2026-01-05T09:00:00.000Z');
      expect(await store.readKey('reports:since')).toBe('2026-01-05T09:00:00.000Z');
      await store.claimKey('submission:zzz99999', 'R-9');
      expect(await store.readKey('submission:zzz99999')).toBe('R-9');
    });
  });

  describe('the status index by due instant', () => {
    it('lists only the summaries due at or before an instant, earliest first', async () => {
      await store.putSummary(summary('D-1', 'gesloten', '2028-01-20T23:00:00.000Z'));
      await store.putSummary(summary('D-2', 'gesloten', '2028-03-10T23:00:00.000Z'));
      await store.putSummary(summary('D-3', 'gesloten', '2027-12-01T23:00:00.000Z'));
      await store.putSummary(summary('D-4', 'gesloten'));
      const due = async (at: string) => (await store.listSummaries({ status: 'gesloten', dueBefore: at })).map((s) => s.caseRef);
      expect(await due('2028-01-20T22:59:59.999Z')).toEqual(['D-3']);
      expect(await due('2028-01-20T23:00:00.000Z')).toEqual(['D-3', 'D-1']);
      expect(await due('2030-01-01T00:00:00+01:00')).toEqual(['D-3', 'D-1', 'D-2']);
      expect((await store.listSummaries({ status: 'gesloten' })).map((s) => s.caseRef)).toEqual(['D-3', 'D-1', 'D-2', 'D-4']);
    });
  });
});

/**
 * The DynamoDB adapter of the case store: one table, single-table design, no transactions, no Scan.
 *
 * Items (pk / sk):
 *   CASE#<ref> / C#<seq, 10 digits>   one commit; events and effects as JSON strings; `ver` guards effect updates.
 *                                      Carries pendingPk/pendingSk (→ gsi1) while any effect is not done.
 *   CASE#<ref> / SUMMARY               the case summary as a JSON string; carries statusPk/dueSk (→ gsi2).
 *   CASE#<ref> / KEYREF#<key>          back-reference to a claimed key, so deleteCase can release it.
 *   CASE#<ref> / C#~DELETED            the deletion mark: written first when a case is purged, so `load` sees it gone at once.
 *   KEY#<key>  / KEY                   a claimed key and the case it is bound to (or a value set once).
 *   LEDGER#<book>#<year> / <date>#<id> a row of an anonymous book (register figures, privacy counters) that outlives cases.
 *
 * Case items may carry `ttl` (epoch seconds): DynamoDB's Time to Live deletes them by itself once
 * the case's retention has passed, as a backstop to the office's own purge (dynalite ignores it).
 *
 * The same code runs against AWS, dynalite (local dev) and DynamoDB Local (CI); the CDK stack mirrors
 * `tableDefinition()` using the exported constants.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  AttributeValue,
  DynamoDBClient,
  QueryCommandInput,
  TableDescription,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { ConflictError, ItemTooLargeError } from './port.ts';
import { ATTR, INDEX, NO_DUE_SENTINEL, PENDING_PARTITION, tableDefinition, TTL_ATTRIBUTE } from './table.ts';
import type { CaseStore, CaseSummary, Commit, HeldMail, StoredEffect } from './port.ts';

export { ATTR, INDEX, NO_DUE_SENTINEL, PENDING_PARTITION, tableDefinition, TTL_ATTRIBUTE };
/** We refuse items above this (DynamoDB's hard limit is 400 KB including attribute names). */
export const MAX_ITEM_BYTES = 350 * 1024;
/** A failed attempt's error text is cut to this many characters so retries cannot grow an item unboundedly. */
export const MAX_ERROR_CHARS = 1000;

const SUMMARY_SK = 'SUMMARY';
const KEY_SK = 'KEY';
const COMMIT_PREFIX = 'C#';
const KEYREF_PREFIX = 'KEYREF#';
const CASE_PREFIX = 'CASE#';
/** Sorts after every commit (`C#` + 10 digits), so `load`'s one query sees it. */
const DELETED_SK = 'C#~DELETED';
const LEDGER_PREFIX = 'LEDGER#';
const KEY_PREFIX = 'KEY#';
const STATUS_PREFIX = 'STATUS#';
const MAX_SEQ = 9_999_999_999;
/** Sort keys are limited to 1024 bytes; `KEYREF#<key>` must fit. */
const MAX_KEY_BYTES = 1000;

/**
 * Creates the table when it does not exist and waits until it and its indexes are ACTIVE.
 * Throws when an existing table lacks one of the indexes (a wrong or outdated table).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let table = await describeTable(client, tableName);
  if (!table) {
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
    } catch (error) {
      if (errorName(error) !== 'ResourceInUseException') throw error; // someone else created it meanwhile
    }
  }
  let delay = 50;
  for (;;) {
    table = await describeTable(client, tableName);
    if (table && table.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(`table ${tableName} did not become ACTIVE in time (status ${table?.TableStatus ?? 'missing'})`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
  const indexes = new Set((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = Object.values(INDEX).filter((name) => !indexes.has(name));
  if (missing.length > 0) {
    throw new Error(`table ${tableName} exists but lacks index(es) ${missing.join(', ')}; it was not created from tableDefinition()`);
  }
}

async function describeTable(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

export interface DynamoCaseStoreOptions {
  /** Created once by the caller (per Lambda container / per process). */
  client: DynamoDBClient;
  tableName: string;
}

type Item = Record<string, AttributeValue>;

export function createDynamoCaseStore({ client, tableName }: DynamoCaseStoreOptions): CaseStore {
  const TableName = tableName;

  async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, limit?: number): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const remaining = limit === undefined ? undefined : limit - items.length;
      const out = await client.send(
        new QueryCommand({ ...input, TableName, ExclusiveStartKey: start, ...(remaining === undefined ? {} : { Limit: remaining }) }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return items;
  }

  /** The items of one table partition (consistent), optionally under a sort-key prefix, newest first or oldest first. */
  function queryPartition(pk: string, o: { prefix?: string; keysOnly?: boolean; newestFirst?: boolean } = {}, limit?: number): Promise<Item[]> {
    const names: Record<string, string> = { '#pk': ATTR.pk };
    const values: Item = { ':pk': { S: pk } };
    let condition = '#pk = :pk';
    if (o.prefix !== undefined) {
      condition += ' AND begins_with(#sk, :prefix)';
      names['#sk'] = ATTR.sk;
      values[':prefix'] = { S: o.prefix };
    }
    if (o.keysOnly) Object.assign(names, { '#sk': ATTR.sk, '#key': 'key' });
    return queryAll(
      {
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(o.keysOnly ? { ProjectionExpression: '#pk, #sk, #key' } : {}),
        ...(o.newestFirst ? { ScanIndexForward: false } : {}),
        ConsistentRead: true,
      },
      limit,
    );
  }

  /** Writes a key item unless it exists; true when this call wrote it. */
  async function putKeyOnce(key: string, value: string): Promise<boolean> {
    try {
      await client.send(
        new PutItemCommand({
          TableName,
          Item: { [ATTR.pk]: { S: KEY_PREFIX + key }, [ATTR.sk]: { S: KEY_SK }, type: { S: 'key' }, key: { S: key }, caseRef: { S: value } },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': ATTR.pk },
        }),
      );
      return true;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
      return false;
    }
  }

  async function batchDelete(keys: Item[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 25) {
      let requests: WriteRequest[] = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) {
          if (attempt > 10) throw new Error(`deleteCase: ${requests.length} item(s) still unprocessed after ${attempt} attempts`);
          await sleep(backoff(attempt));
        }
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: requests } }));
        requests = out.UnprocessedItems?.[TableName] ?? [];
      }
    }
  }

  return {
    async append(commit) {
      validateCommit(commit);
      const item = commitItem(commit);
      checkSize(commit.caseRef, `commit ${commit.seq}`, item);
      if (commit.seq > 1) {
        // Commits are never deleted one by one, so once N-1 is seen it stays (short of deleteCase).
        const prev = await client.send(
          new GetItemCommand({
            TableName,
            Key: commitKey(commit.caseRef, commit.seq - 1),
            ConsistentRead: true,
            ProjectionExpression: '#pk',
            ExpressionAttributeNames: { '#pk': ATTR.pk },
          }),
        );
        if (!prev.Item) {
          throw new Error(`case ${commit.caseRef}: cannot append commit ${commit.seq} before commit ${commit.seq - 1} exists`);
        }
      }
      try {
        await client.send(
          new PutItemCommand({
            TableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': ATTR.pk },
          }),
        );
      } catch (error) {
        if (errorName(error) === 'ConditionalCheckFailedException') throw new ConflictError(commit.caseRef, commit.seq);
        throw error;
      }
    },

    async load(caseRef, options = {}) {
      requireText('caseRef', caseRef);
      const items = await queryPartition(casePk(caseRef), { prefix: COMMIT_PREFIX });
      const deleted = items.some((item) => item[ATTR.sk]?.S === DELETED_SK);
      if (deleted && !options.includeDeleted) return [];
      return items.filter((item) => item[ATTR.sk]?.S !== DELETED_SK).map(parseCommit);
    },

    async pendingCommits(limit) {
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`pendingCommits: limit must be a positive integer, got ${limit}`);
      const items = await queryAll(
        {
          IndexName: INDEX.pending,
          KeyConditionExpression: '#ppk = :p',
          ExpressionAttributeNames: { '#ppk': ATTR.pendingPk },
          ExpressionAttributeValues: { ':p': { S: PENDING_PARTITION } },
        },
        limit,
      );
      return items.map((item) => ({
        caseRef: str(item, ATTR.pk).slice(CASE_PREFIX.length),
        seq: Number.parseInt(str(item, ATTR.sk).slice(COMMIT_PREFIX.length), 10),
      }));
    },

    settleEffect(caseRef, seq, effectId, outcome) {
      return this.settleEffects(caseRef, seq, [{ effectId, outcome }]);
    },

    async settleEffects(caseRef, seq, outcomes) {
      requireText('caseRef', caseRef);
      requireSeq(seq);
      if (!outcomes.length) return;
      for (let attempt = 0; ; attempt++) {
        const out = await client.send(
          new GetItemCommand({ TableName, Key: commitKey(caseRef, seq), ConsistentRead: true }),
        );
        if (!out.Item) throw new Error(`settleEffect: case ${caseRef} has no commit ${seq}`);
        const commit = parseCommit(out.Item);
        const ver = num(out.Item, 'ver');
        let changed = false;
        for (const { effectId, outcome } of outcomes) {
          const effect = commit.effects.find((e) => e.id === effectId);
          if (!effect) throw new Error(`settleEffect: commit ${seq} of case ${caseRef} has no effect ${effectId}`);
          if (effect.done) continue; // settled before: harmless
          changed = true;
          effect.attempts += 1;
          if (outcome.ok) effect.done = true;
          else effect.lastError = String(outcome.error).slice(0, MAX_ERROR_CHARS);
        }
        if (!changed) return;
        const pending = pendingSortKey(commit);
        const names: Record<string, string> = { '#effects': 'effects', '#ver': 'ver', '#ppk': ATTR.pendingPk, '#psk': ATTR.pendingSk };
        const values: Item = { ':effects': { S: JSON.stringify(commit.effects) }, ':ver': { N: String(ver) }, ':next': { N: String(ver + 1) } };
        let update = 'SET #effects = :effects, #ver = :next';
        if (pending === undefined) {
          update += ' REMOVE #ppk, #psk';
        } else {
          update += ', #ppk = :ppk, #psk = :psk';
          values[':ppk'] = { S: PENDING_PARTITION };
          values[':psk'] = { S: pending };
        }
        try {
          await client.send(
            new UpdateItemCommand({
              TableName,
              Key: commitKey(caseRef, seq),
              UpdateExpression: update,
              ConditionExpression: '#ver = :ver',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          );
          return;
        } catch (error) {
          if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
          if (attempt >= 20) throw new Error(`settleEffect: gave up on commit ${seq} of ${caseRef} after ${attempt + 1} conflicting updates`);
          await sleep(backoff(attempt));
        }
      }
    },

    async putSummary(summary) {
      validateSummary(summary);
      const item: Item = {
        [ATTR.pk]: { S: casePk(summary.caseRef) },
        [ATTR.sk]: { S: SUMMARY_SK },
        type: { S: 'summary' },
        summary: { S: JSON.stringify(summary) },
        [ATTR.statusPk]: { S: STATUS_PREFIX + summary.status },
        [ATTR.dueSk]: { S: dueSortKey(summary) },
        ...ttlAttribute(summary.expiresAt),
      };
      checkSize(summary.caseRef, 'summary', item);
      await client.send(new PutItemCommand({ TableName, Item: item }));
    },

    async getSummary(caseRef) {
      requireText('caseRef', caseRef);
      const out = await client.send(
        new GetItemCommand({ TableName, Key: { [ATTR.pk]: { S: casePk(caseRef) }, [ATTR.sk]: { S: SUMMARY_SK } }, ConsistentRead: true }),
      );
      return out.Item ? parseSummary(out.Item) : undefined;
    },

    async listSummaries({ status, limit, dueBefore }) {
      requireText('status', status);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`listSummaries: limit must be a positive integer, got ${limit}`);
      const values: Item = { ':s': { S: STATUS_PREFIX + status } };
      let condition = '#spk = :s';
      const names: Record<string, string> = { '#spk': ATTR.statusPk };
      if (dueBefore !== undefined) {
        // `<due>#<receivedAt>#<ref>` ≤ `<dueBefore>#~`: due at or before that instant.
        condition += ' AND #dsk <= :due';
        names['#dsk'] = ATTR.dueSk;
        values[':due'] = { S: `${normalizeInstant(dueBefore)}#~` };
      }
      const items = await queryAll(
        {
          IndexName: INDEX.status,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: true,
        },
        limit,
      );
      return items.map(parseSummary);
    },

    async claimKey(key, caseRef) {
      requireText('key', key);
      requireText('caseRef', caseRef);
      if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new Error(`claimKey: key longer than ${MAX_KEY_BYTES} bytes`);
      const keyItemKey: Item = { [ATTR.pk]: { S: KEY_PREFIX + key }, [ATTR.sk]: { S: KEY_SK } };
      const refKey: Item = { [ATTR.pk]: { S: casePk(caseRef) }, [ATTR.sk]: { S: KEYREF_PREFIX + key } };
      // The back-reference goes first: if we stop between the two writes, deleteCase still finds the key.
      await client.send(new PutItemCommand({ TableName, Item: { ...refKey, type: { S: 'keyref' }, key: { S: key } } }));
      for (let attempt = 0; ; attempt++) {
        if (await putKeyOnce(key, caseRef)) return { caseRef, fresh: true };
        const out = await client.send(new GetItemCommand({ TableName, Key: keyItemKey, ConsistentRead: true }));
        if (out.Item) {
          const owner = str(out.Item, 'caseRef');
          if (owner !== caseRef) {
            // The key belongs to another case: our back-reference is stale.
            await client.send(new DeleteItemCommand({ TableName, Key: refKey }));
          }
          return { caseRef: owner, fresh: false };
        }
        // Released (its case was deleted) between our put and our read: try again.
        if (attempt >= 5) throw new Error(`claimKey: key ${key} keeps changing owner`);
      }
    },

    async deleteCase(caseRef) {
      requireText('caseRef', caseRef);
      const items = await queryPartition(casePk(caseRef), { keysOnly: true });
      // 1. Release claimed keys, but only those still bound to this case.
      for (const item of items) {
        if (!str(item, ATTR.sk).startsWith(KEYREF_PREFIX)) continue;
        try {
          await client.send(
            new DeleteItemCommand({
              TableName,
              Key: { [ATTR.pk]: { S: KEY_PREFIX + str(item, 'key') }, [ATTR.sk]: { S: KEY_SK } },
              ConditionExpression: '#caseRef = :ref',
              ExpressionAttributeNames: { '#caseRef': 'caseRef' },
              ExpressionAttributeValues: { ':ref': { S: caseRef } },
            }),
          );
        } catch (error) {
          if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
        }
      }
      // 2. Commits and back-references; 3. the deletion mark and the summary last, so an interrupted
      // deletion stays unreadable, stays listed (as purged) and is retried.
      const keys = items.map((item) => ({ [ATTR.pk]: item[ATTR.pk]!, [ATTR.sk]: item[ATTR.sk]! }));
      const last = (k: Item) => k[ATTR.sk]!.S === SUMMARY_SK || k[ATTR.sk]!.S === DELETED_SK;
      await batchDelete(keys.filter((k) => !last(k)));
      await batchDelete(keys.filter(last));
    },

    async readKey(key) {
      requireText('key', key);
      const out = await client.send(new GetItemCommand({ TableName, Key: { [ATTR.pk]: { S: KEY_PREFIX + key }, [ATTR.sk]: { S: KEY_SK } }, ConsistentRead: true }));
      return out.Item?.caseRef?.S;
    },

    async setOnce(key, value) {
      requireText('key', key);
      requireText('value', value);
      if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new Error(`setOnce: key longer than ${MAX_KEY_BYTES} bytes`);
      if (await putKeyOnce(key, value)) return value;
      const Key: Item = { [ATTR.pk]: { S: KEY_PREFIX + key }, [ATTR.sk]: { S: KEY_SK } };
      const out = await client.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }));
      return out.Item?.caseRef?.S ?? value;
    },

    async caseKeys(caseRef) {
      requireText('caseRef', caseRef);
      const items = await queryPartition(casePk(caseRef), { prefix: KEYREF_PREFIX });
      return items.map((item) => str(item, 'key'));
    },

    async markDeleted(caseRef, at) {
      requireText('caseRef', caseRef);
      await client.send(new PutItemCommand({ TableName, Item: { [ATTR.pk]: { S: casePk(caseRef) }, [ATTR.sk]: { S: DELETED_SK }, type: { S: 'deleted' }, at: { S: at } } }));
    },

    async setExpiry(caseRef, expiresAt) {
      requireText('caseRef', caseRef);
      const ttl = ttlAttribute(expiresAt)[TTL_ATTRIBUTE];
      if (!ttl) throw new Error(`setExpiry: not an instant: ${expiresAt}`);
      const items = await queryPartition(casePk(caseRef), { keysOnly: true });
      const update = async (Key: Item, condition: string, values: Item = {}) => {
        try {
          await client.send(
            new UpdateItemCommand({
              TableName,
              Key,
              UpdateExpression: 'SET #ttl = :ttl',
              ConditionExpression: condition,
              ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE, '#pk': ATTR.pk, ...(values[':ref'] ? { '#caseRef': 'caseRef' } : {}) },
              ExpressionAttributeValues: { ':ttl': ttl, ...values },
            }),
          );
        } catch (error) {
          // Gone meanwhile (deleted, or a key released): nothing to expire.
          if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
        }
      };
      for (const item of items) {
        await update({ [ATTR.pk]: item[ATTR.pk]!, [ATTR.sk]: item[ATTR.sk]! }, 'attribute_exists(#pk)');
        if (str(item, ATTR.sk).startsWith(KEYREF_PREFIX)) {
          await update({ [ATTR.pk]: { S: KEY_PREFIX + str(item, 'key') }, [ATTR.sk]: { S: KEY_SK } }, 'attribute_exists(#pk) AND #caseRef = :ref', { ':ref': { S: caseRef } });
        }
      }
    },

    async putLedger(book, entry) {
      requireText('book', book);
      requireText('entry.id', entry.id);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.on)) throw new Error(`putLedger: entry.on must be a date (YYYY-MM-DD), got ${entry.on}`);
      const item: Item = {
        [ATTR.pk]: { S: `${LEDGER_PREFIX}${book}#${entry.on.slice(0, 4)}` },
        [ATTR.sk]: { S: `${entry.on}#${entry.id}` },
        type: { S: 'ledger' },
        data: { S: JSON.stringify(entry.data) },
      };
      checkSize('-', `${book} row`, item);
      await client.send(new PutItemCommand({ TableName, Item: item }));
    },

    async listLedger(book, year) {
      requireText('book', book);
      if (!/^\d{4}$/.test(year)) throw new Error(`listLedger: year must be YYYY, got ${year}`);
      const items = await queryPartition(`${LEDGER_PREFIX}${book}#${year}`);
      return items.map((item) => {
        const sk = str(item, ATTR.sk);
        const i = sk.indexOf('#');
        return { on: sk.slice(0, i), id: sk.slice(i + 1), data: JSON.parse(str(item, 'data')) as Record<string, unknown> };
      });
    },

    async hold(entry) {
      const item = { [ATTR.pk]: { S: HOLD_PK }, [ATTR.sk]: { S: `${normalizeInstant(entry.at)}#${entry.id}` }, held: { S: JSON.stringify(entry) } };
      if (itemSize(item) > MAX_ITEM_BYTES) throw new ItemTooLargeError('-', 'held mail', itemSize(item), MAX_ITEM_BYTES);
      await client.send(new PutItemCommand({ TableName, Item: item }));
    },

    async listHeld(limit) {
      const items = await queryPartition(HOLD_PK, { newestFirst: true }, limit);
      return items.map((i) => JSON.parse(str(i, 'held')) as HeldMail);
    },

    async releaseHeld(entry) {
      await client.send(new DeleteItemCommand({ TableName, Key: { [ATTR.pk]: { S: HOLD_PK }, [ATTR.sk]: { S: `${normalizeInstant(entry.at)}#${entry.id}` } } }));
    },
  };
}

/** Mail that could not be matched or trusted waits here for staff, newest first; one small partition. */
const HOLD_PK = 'HOLD';

// ---- items ----

function casePk(caseRef: string): string {
  return CASE_PREFIX + caseRef;
}

function commitKey(caseRef: string, seq: number): Item {
  return { [ATTR.pk]: { S: casePk(caseRef) }, [ATTR.sk]: { S: COMMIT_PREFIX + String(seq).padStart(10, '0') } };
}

function commitItem(commit: Commit): Item {
  const item: Item = {
    ...commitKey(commit.caseRef, commit.seq),
    type: { S: 'commit' },
    caseRef: { S: commit.caseRef },
    seq: { N: String(commit.seq) },
    at: { S: commit.at },
    events: { S: JSON.stringify(commit.events) },
    effects: { S: JSON.stringify(commit.effects) },
    ver: { N: '0' },
    ...(commit.prevHash !== undefined ? { prevHash: { S: commit.prevHash } } : {}),
    ...(commit.hash !== undefined ? { hash: { S: commit.hash } } : {}),
    ...(commit.expiresAt !== undefined ? { expiresAt: { S: commit.expiresAt }, ...ttlAttribute(commit.expiresAt) } : {}),
  };
  const pending = pendingSortKey(commit);
  if (pending !== undefined) {
    item[ATTR.pendingPk] = { S: PENDING_PARTITION };
    item[ATTR.pendingSk] = { S: pending };
  }
  return item;
}

/**
 * Undefined when every effect is done. Otherwise: fewest failed attempts first, then oldest, so a few
 * effects that keep failing cannot hide newer work from `pendingCommits(limit)`.
 */
function pendingSortKey(commit: Commit): string | undefined {
  const open = commit.effects.filter((e) => !e.done);
  if (open.length === 0) return undefined;
  const attempts = Math.min(open.reduce((sum, e) => sum + e.attempts, 0), 999_999);
  return `${String(attempts).padStart(6, '0')}#${commit.at}#${String(commit.seq).padStart(10, '0')}#${commit.caseRef}`;
}

function dueSortKey(summary: CaseSummary): string {
  const due = summary.nextDueAt === undefined ? NO_DUE_SENTINEL : normalizeInstant(summary.nextDueAt);
  return `${due}#${normalizeInstant(summary.receivedAt)}#${summary.caseRef}`;
}

/** ISO instants sort as strings only in one canonical form (UTC, milliseconds). */
function normalizeInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function parseCommit(item: Item): Commit {
  return {
    caseRef: str(item, 'caseRef'),
    seq: num(item, 'seq'),
    at: str(item, 'at'),
    events: JSON.parse(str(item, 'events')) as unknown[],
    effects: JSON.parse(str(item, 'effects')) as StoredEffect[],
    ...(item.prevHash?.S !== undefined ? { prevHash: item.prevHash.S } : {}),
    ...(item.hash?.S !== undefined ? { hash: item.hash.S } : {}),
    ...(item.expiresAt?.S !== undefined ? { expiresAt: item.expiresAt.S } : {}),
  };
}

/** `{ttl: epoch seconds}` for an instant, or nothing. */
function ttlAttribute(expiresAt: string | undefined): Item {
  if (expiresAt === undefined) return {};
  const ms = Date.parse(expiresAt);
  return Number.isNaN(ms) ? {} : { [TTL_ATTRIBUTE]: { N: String(Math.floor(ms / 1000)) } };
}

function parseSummary(item: Item): CaseSummary {
  return JSON.parse(str(item, 'summary')) as CaseSummary;
}

function str(item: Item, name: string): string {
  const value = item[name]?.S;
  if (value === undefined) throw new Error(`store item ${item[ATTR.pk]?.S}/${item[ATTR.sk]?.S} lacks string attribute ${name}`);
  return value;
}

function num(item: Item, name: string): number {
  const value = item[name]?.N;
  if (value === undefined) throw new Error(`store item ${item[ATTR.pk]?.S}/${item[ATTR.sk]?.S} lacks number attribute ${name}`);
  return Number(value);
}

/** DynamoDB's item size: attribute names plus values (numbers approximated by their text). */
export function itemSize(item: Item): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name, 'utf8');
    if (value.S !== undefined) bytes += Buffer.byteLength(value.S, 'utf8');
    else if (value.N !== undefined) bytes += value.N.length + 1;
    else bytes += Buffer.byteLength(JSON.stringify(value), 'utf8');
  }
  return bytes;
}

function checkSize(caseRef: string, what: string, item: Item): void {
  const bytes = itemSize(item);
  if (bytes > MAX_ITEM_BYTES) throw new ItemTooLargeError(caseRef, what, bytes, MAX_ITEM_BYTES);
}

// ---- validation ----

function requireText(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${name} must be a non-empty string`);
}

function requireSeq(seq: unknown): asserts seq is number {
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new Error(`seq must be an integer from 1 to ${MAX_SEQ}, got ${String(seq)}`);
  }
}

function validateCommit(commit: Commit): void {
  requireText('caseRef', commit.caseRef);
  requireSeq(commit.seq);
  requireText('at', commit.at);
  if (!Array.isArray(commit.events)) throw new Error('commit.events must be an array');
  if (!Array.isArray(commit.effects)) throw new Error('commit.effects must be an array');
  const ids = new Set<string>();
  for (const effect of commit.effects) {
    requireText('effect.id', effect.id);
    if (ids.has(effect.id)) throw new Error(`commit ${commit.seq} of case ${commit.caseRef} has effect ${effect.id} twice`);
    ids.add(effect.id);
  }
}

function validateSummary(summary: CaseSummary): void {
  requireText('caseRef', summary.caseRef);
  requireText('status', summary.status);
  requireText('receivedAt', summary.receivedAt);
}

// ---- helpers ----

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

function backoff(attempt: number): number {
  return Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

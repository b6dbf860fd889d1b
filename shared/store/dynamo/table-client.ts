/**
 * The case table through the SDK, in plain values: items go in and come out as JS objects
 * (`@aws-sdk/util-dynamodb` marshals them), reads are consistent, a failed condition is `false`
 * rather than an exception, and every write is checked against the item size limit.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBClient, QueryCommandInput, WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ItemTooLargeError } from '../port.ts';
import { ATTR } from '../table.ts';

export type Row = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;

/** We refuse items above this (DynamoDB's hard limit is 400 KB including attribute names). */
export const MAX_ITEM_BYTES = 350 * 1024;

/** A condition on a write: the expression and its names and (plain) values. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Row;
}

/** What a too-large item is reported as (ItemTooLargeError). */
export interface ItemLabel {
  caseRef: string;
  what: string;
}

export interface TableClient {
  /** One item by its key (consistent), or undefined; only the named attributes when given. */
  get(key: Row, attributes?: string[]): Promise<Row | undefined>;
  /** Writes an item; with a condition, false when it does not hold (nothing written). */
  put(item: Row, label: ItemLabel, condition?: Condition): Promise<boolean>;
  /** SET (and REMOVE) attributes of an item; with a condition, false when it does not hold. */
  update(key: Row, change: { set: Row; remove?: string[] }, condition?: Condition): Promise<boolean>;
  /** Adds one to a number attribute (from 0 when absent) and SETs others, unconditionally: the new count. */
  increment(key: Row, counter: string, set: Row): Promise<number>;
  /** Deletes an item; with a condition, false when it does not hold. */
  delete(key: Row, condition?: Condition): Promise<boolean>;
  /** Every item of a query (following pages), up to `limit`. */
  query(input: QueryInput, limit?: number): Promise<Row[]>;
  /** How many items a query (with its filter) matches, following pages; no item is returned. */
  count(input: QueryInput): Promise<number>;
  /** Writes items without conditions, 25 per batch, retrying what DynamoDB left unprocessed (bulk loads). */
  batchPut(rows: Row[]): Promise<void>;
  /** The items of one partition (consistent), optionally under a sort-key prefix. */
  partition(pk: string, options?: { prefix?: string; keysOnly?: boolean; newestFirst?: boolean }, limit?: number): Promise<Row[]>;
  /** Deletes items by key, 25 per batch, retrying what DynamoDB left unprocessed. */
  batchDelete(keys: Row[]): Promise<void>;
}

export interface QueryInput {
  index?: string;
  condition: string;
  names: Record<string, string>;
  values: Row;
  projection?: string;
  /** A FilterExpression (its names and values go in `names` and `values`). */
  filter?: string;
  newestFirst?: boolean;
  consistent?: boolean;
}

/** Only `pk` and `sk`: the key of any item of the table. */
export const keyOf = (row: Row): Row => ({ [ATTR.pk]: row[ATTR.pk], [ATTR.sk]: row[ATTR.sk] });

export function createTableClient(client: DynamoDBClient, TableName: string): TableClient {
  const toItem = (row: Row): Item => marshall(row, { removeUndefinedValues: true });
  const values = (row: Row | undefined) => (row && Object.keys(row).length ? { ExpressionAttributeValues: toItem(row) } : {});
  const names = (n: Record<string, string> | undefined) => (n && Object.keys(n).length ? { ExpressionAttributeNames: n } : {});

  /** Runs a conditional write: false when its condition failed. */
  async function conditional(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  function queryBase(input: QueryInput): QueryCommandInput {
    return {
      TableName,
      ...(input.index ? { IndexName: input.index } : {}),
      KeyConditionExpression: input.condition,
      ExpressionAttributeNames: input.names,
      ExpressionAttributeValues: toItem(input.values),
      ...(input.filter ? { FilterExpression: input.filter } : {}),
      ...(input.consistent ? { ConsistentRead: true } : {}),
    };
  }

  async function query(input: QueryInput, limit?: number): Promise<Row[]> {
    const base: QueryCommandInput = {
      ...queryBase(input),
      ...(input.projection ? { ProjectionExpression: input.projection } : {}),
      ...(input.newestFirst ? { ScanIndexForward: false } : {}),
    };
    const items: Item[] = [];
    let start: Item | undefined;
    // With a filter, Limit counts items read, not matched: read on until `limit` match.
    do {
      const remaining = limit === undefined ? undefined : limit - items.length;
      const out = await client.send(new QueryCommand({ ...base, ExclusiveStartKey: start, ...(remaining === undefined ? {} : { Limit: remaining }) }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return items.map((item) => unmarshall(item));
  }

  async function writeBatches(requests: WriteRequest[], what: string) {
    for (let i = 0; i < requests.length; i += 25) {
      let batch = requests.slice(i, i + 25);
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt > 0) {
          if (attempt > 10) throw new Error(`${what}: ${batch.length} item(s) still unprocessed after ${attempt} attempts`);
          await sleep(backoff(attempt));
        }
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: batch } }));
        batch = out.UnprocessedItems?.[TableName] ?? [];
      }
    }
  }

  return {
    async count(input) {
      let total = 0;
      let start: Item | undefined;
      do {
        const out = await client.send(new QueryCommand({ ...queryBase(input), Select: 'COUNT', ExclusiveStartKey: start }));
        total += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return total;
    },

    batchPut(rows) {
      return writeBatches(rows.map((row) => ({ PutRequest: { Item: toItem(row) } })), 'batchPut');
    },

    async get(key, attributes) {
      const projection = attributes?.length
        ? { ProjectionExpression: attributes.map((_, i) => `#p${i}`).join(', '), ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#p${i}`, a])) }
        : {};
      const out = await client.send(new GetItemCommand({ TableName, Key: toItem(key), ConsistentRead: true, ...projection }));
      return out.Item ? unmarshall(out.Item) : undefined;
    },

    put(row, label, condition) {
      const Item = toItem(row);
      const bytes = itemSize(Item);
      if (bytes > MAX_ITEM_BYTES) throw new ItemTooLargeError(label.caseRef, label.what, bytes, MAX_ITEM_BYTES);
      return conditional(() =>
        client.send(
          new PutItemCommand({
            TableName,
            Item,
            ...(condition ? { ConditionExpression: condition.expression, ...names(condition.names), ...values(condition.values) } : {}),
          }),
        ),
      );
    },

    update(key, change, condition) {
      const attributeNames: Record<string, string> = { ...condition?.names };
      const attributeValues: Row = { ...condition?.values };
      const set = Object.entries(change.set).map(([name, value], i) => {
        attributeNames[`#s${i}`] = name;
        attributeValues[`:s${i}`] = value;
        return `#s${i} = :s${i}`;
      });
      const remove = (change.remove ?? []).map((name, i) => {
        attributeNames[`#r${i}`] = name;
        return `#r${i}`;
      });
      return conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(key),
            UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ...(condition ? { ConditionExpression: condition.expression } : {}),
            ...names(attributeNames),
            ...values(attributeValues),
          }),
        ),
      );
    },

    async increment(key, counter, set) {
      // ADD and no condition: the cheapest counting write (DynamoDB Local and dynalite parse every expression).
      const out = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(key),
          UpdateExpression: `ADD #counter :one${Object.keys(set).length ? ` SET ${Object.keys(set).map((_, i) => `#s${i} = :s${i}`).join(', ')}` : ''}`,
          ...names({ '#counter': counter, ...Object.fromEntries(Object.keys(set).map((name, i) => [`#s${i}`, name])) }),
          ...values({ ':one': 1, ...Object.fromEntries(Object.values(set).map((value, i) => [`:s${i}`, value])) }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.[counter]?.N ?? Number.NaN);
    },

    delete(key, condition) {
      return conditional(() =>
        client.send(
          new DeleteItemCommand({
            TableName,
            Key: toItem(key),
            ...(condition ? { ConditionExpression: condition.expression, ...names(condition.names), ...values(condition.values) } : {}),
          }),
        ),
      );
    },

    query,

    partition(pk, o = {}, limit) {
      const names: Record<string, string> = { '#pk': ATTR.pk };
      const values: Row = { ':pk': pk };
      let condition = '#pk = :pk';
      if (o.prefix !== undefined) {
        condition += ' AND begins_with(#sk, :prefix)';
        names['#sk'] = ATTR.sk;
        values[':prefix'] = o.prefix;
      }
      if (o.keysOnly) Object.assign(names, { '#sk': ATTR.sk, '#key': 'key' });
      return query(
        {
          condition,
          names,
          values,
          ...(o.keysOnly ? { projection: '#pk, #sk, #key' } : {}),
          ...(o.newestFirst ? { newestFirst: true } : {}),
          consistent: true,
        },
        limit,
      );
    },

    batchDelete(keys) {
      return writeBatches(keys.map((key) => ({ DeleteRequest: { Key: toItem(keyOf(key)) } })), 'deleteCase');
    },
  };
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

export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

/** Exponential with jitter, at most a second. */
export function backoff(attempt: number): number {
  return Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

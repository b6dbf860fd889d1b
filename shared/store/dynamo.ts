/**
 * The DynamoDB adapter of the case store: one table (its layout: shared/store/table.ts), single-table
 * design, no transactions, no Scan. One adapter per port (shared/store/dynamo/), one codec per kind
 * of item (dynamo/items.ts), all through one table client (dynamo/table-client.ts).
 *
 * The same code runs against AWS, dynalite (local dev) and DynamoDB Local (CI); the CDK stack builds
 * the table from the same `tableDefinition()`.
 */
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient, TableDescription } from '@aws-sdk/client-dynamodb';
import type { CaseStore, CaseSummary, LedgerEntry } from './port.ts';
import { ledgerItem, summaryItem } from './dynamo/items.ts';
import { INDEX, tableDefinition } from './table.ts';
import { createCaseIndex } from './dynamo/case-index.ts';
import { createCaseRemoval } from './dynamo/case-removal.ts';
import { createCommitLog } from './dynamo/commit-log.ts';
import { createHeldMailbox } from './dynamo/held-mail.ts';
import { createKeyRegistry } from './dynamo/keys.ts';
import { createLedger } from './dynamo/ledger.ts';
import { createRateCounters } from './dynamo/rate-counters.ts';
import { createTableClient, errorName, sleep } from './dynamo/table-client.ts';

export { TTL_ATTRIBUTE } from './table.ts';
export { itemSize, MAX_ITEM_BYTES } from './dynamo/table-client.ts';

export interface DynamoCaseStoreOptions {
  /** Created once by the caller (per Lambda container / per process). */
  client: DynamoDBClient;
  tableName: string;
}

export function createDynamoCaseStore({ client, tableName }: DynamoCaseStoreOptions): CaseStore {
  const table = createTableClient(client, tableName);
  return {
    ...createCommitLog(table),
    ...createCaseIndex(table),
    ...createKeyRegistry(table),
    ...createCaseRemoval(table),
    ...createLedger(table),
    ...createHeldMailbox(table),
    ...createRateCounters(table),
  };
}

/**
 * Writes summaries and ledger rows in batches of 25, unconditionally, through the same codecs as
 * the store: for loading a table (benchmarks, imports), never for commands (no lock, no check).
 */
export function createBulkWriter({ client, tableName }: DynamoCaseStoreOptions) {
  const table = createTableClient(client, tableName);
  return {
    summaries: (list: CaseSummary[]) => table.batchPut(list.map((s) => summaryItem.toItem(s))),
    ledger: (book: string, rows: LedgerEntry[]) => table.batchPut(rows.map((r) => ledgerItem.toItem(book, r))),
  };
}

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

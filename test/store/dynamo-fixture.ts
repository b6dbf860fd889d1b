/** Builds a contract fixture (the Dynamo adapter on a fresh table) for a local endpoint. */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoCaseStore, ensureTable } from '../../shared/store/dynamo.ts';
import { localDynamoClient } from '../../shared/store/embedded.ts';
import type { StoreFixture } from './case-store.contract.ts';

/** Records the name of every command sent through `client` (e.g. 'QueryCommand'). */
export function recordCommands(client: DynamoDBClient): string[] {
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  );
  return sent;
}

export async function dynamoFixture(endpoint: string, stopServer: () => Promise<void>): Promise<StoreFixture> {
  const client = localDynamoClient(endpoint);
  const commandsSent = recordCommands(client);
  const tableName = `cases-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return {
    store: createDynamoCaseStore({ client, tableName }),
    commandsSent,
    async close() {
      client.destroy();
      await stopServer();
    },
  };
}

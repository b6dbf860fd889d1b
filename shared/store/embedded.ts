/**
 * Local DynamoDB for development and tests: dynalite (a DynamoDB-compatible server on LevelDB) in this
 * process, bound to 127.0.0.1 only.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export interface EmbeddedDynamo {
  /** e.g. http://127.0.0.1:41234 */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export interface StartDynaliteOptions {
  /** LevelDB directory (created if missing): data survives restarts. In memory when absent. */
  path?: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** How long a new table stays CREATING; dynalite's default is 500 ms, ours 50 ms. */
  createTableMs?: number;
}

export async function startDynalite(options: StartDynaliteOptions = {}): Promise<EmbeddedDynamo> {
  if (options.path !== undefined) mkdirSync(options.path, { recursive: true });
  const server = dynalite({
    ...(options.path === undefined ? {} : { path: options.path }),
    createTableMs: options.createTableMs ?? 50,
    deleteTableMs: 50,
    updateTableMs: 50,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        // dynalite's close waits for pending operations, then closes LevelDB (releasing its lock on `path`).
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of clients would otherwise hold the HTTP server open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** A client for a local endpoint (dynalite or DynamoDB Local): fixed region, fake credentials. */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // Local servers do not throttle; retry only the odd transient socket error, and fail fast otherwise.
    maxAttempts: 3,
  });
}

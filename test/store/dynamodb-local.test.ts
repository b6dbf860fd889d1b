/**
 * The same contract against Amazon's DynamoDB Local (Java). Runs only with DYNAMODB_LOCAL=1 (CI sets it);
 * then a missing Java or jar fails the run instead of skipping it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStoreContract } from './case-store.contract.ts';
import { dynamoFixture } from './dynamo-fixture.ts';
import { locateDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local-server.ts';

const flag = process.env.DYNAMODB_LOCAL;
const enabled = flag !== undefined && flag !== '' && flag !== '0' && flag.toLowerCase() !== 'false';

describe('DynamoDB Local prerequisites', () => {
  it('are reported clearly when missing', () => {
    expect(() => locateDynamoDbLocal({ packageDir: mkdtempSync(join(tmpdir(), 'no-jar-')) })).toThrow(/no DynamoDBLocal\.jar/);
    expect(() => locateDynamoDbLocal({ java: '/nonexistent/bin/java' })).toThrow(/Java cannot be run/);
  });

  it.runIf(enabled)('are present (DYNAMODB_LOCAL is set)', () => {
    expect(() => locateDynamoDbLocal()).not.toThrow();
  });
});

describe.skipIf(!enabled)(enabled ? 'CaseStore on DynamoDB Local' : 'CaseStore on DynamoDB Local (skipped: set DYNAMODB_LOCAL=1 to run)', () => {
  caseStoreContract(
    async () => {
      const server = await startDynamoDbLocal();
      return dynamoFixture(server.endpoint, server.close);
    },
    { setupTimeoutMs: 90_000 },
  );
});

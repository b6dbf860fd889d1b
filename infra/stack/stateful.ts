/**
 * The stateful part of an office: what must outlive any deploy or `cdk destroy`. The case table,
 * the bucket (SES's raw inbound mail under MAIL_PREFIX, and the case blobs under `blobs/`) and the
 * signing-key secret. All three are RETAINed; the table also has deletion protection and
 * point-in-time recovery.
 *
 * Construct ids here are part of the data's identity (they make the logical ids): do not rename.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { tableDefinition, TTL_ATTRIBUTE } from '../../shared/store/table.ts';

/** The SES receipt rule's S3 ObjectKeyPrefix (MAIL_PREFIX). */
export const MAIL_PREFIX = 'inbound/';

/** How long a case may stay open before its blobs could outrun the retention backstop. */
export const CASE_DURATION_ALLOWANCE_DAYS = 365;

export interface StatefulPartProps {
  /** Days after which any object expires: the procedure's retention, as a backstop to the app's own deletion. */
  retentionDays: number;
  /** Days after which SES's raw copies under MAIL_PREFIX expire. */
  inboundMailDays: number;
}

const attributeType = (t: string | undefined): dynamodb.AttributeType => {
  switch (t) {
    case 'S':
      return dynamodb.AttributeType.STRING;
    case 'N':
      return dynamodb.AttributeType.NUMBER;
    case 'B':
      return dynamodb.AttributeType.BINARY;
    default:
      throw new Error(`tableDefinition(): unknown attribute type ${String(t)}`);
  }
};

/**
 * The table's keys and indexes, as CDK props, read from `tableDefinition()` itself (the store's
 * own description of its table), so the stack cannot drift from what the code queries.
 */
export function tableShape() {
  const def = tableDefinition('cdk');
  const type = new Map((def.AttributeDefinitions ?? []).map((a) => [a.AttributeName!, attributeType(a.AttributeType)]));
  const key = (schema: { AttributeName?: string; KeyType?: string }[] | undefined, kind: 'HASH' | 'RANGE') => {
    const name = schema?.find((k) => k.KeyType === kind)?.AttributeName;
    if (!name) return undefined;
    return { name, type: type.get(name)! };
  };
  const partitionKey = key(def.KeySchema, 'HASH');
  if (!partitionKey) throw new Error('tableDefinition(): no partition key');
  const sortKey = key(def.KeySchema, 'RANGE');
  if (def.BillingMode !== 'PAY_PER_REQUEST') throw new Error(`tableDefinition(): expected PAY_PER_REQUEST, got ${def.BillingMode}`);
  const indexes = (def.GlobalSecondaryIndexes ?? []).map((g): dynamodb.GlobalSecondaryIndexProps => {
    const pk = key(g.KeySchema, 'HASH');
    const sk = key(g.KeySchema, 'RANGE');
    const projection = g.Projection?.ProjectionType;
    if (!pk) throw new Error(`tableDefinition(): index ${g.IndexName} has no partition key`);
    if (projection !== 'ALL' && projection !== 'KEYS_ONLY') throw new Error(`tableDefinition(): index ${g.IndexName} projects ${projection}; add it here`);
    return {
      indexName: g.IndexName!,
      partitionKey: pk,
      ...(sk ? { sortKey: sk } : {}),
      projectionType: projection === 'ALL' ? dynamodb.ProjectionType.ALL : dynamodb.ProjectionType.KEYS_ONLY,
    };
  });
  return { partitionKey, ...(sortKey ? { sortKey } : {}), indexes };
}

export class StatefulPart extends Construct {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly signingKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatefulPartProps) {
    super(scope, id);

    const shape = tableShape();
    this.table = new dynamodb.Table(this, 'Cases', {
      partitionKey: shape.partitionKey,
      ...(shape.sortKey ? { sortKey: shape.sortKey } : {}),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Case items carry their backstop expiry (epoch seconds) once the case has closed.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // New commits start the effects function (infra/stack/service/functions.ts), filtered on the new image.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    for (const index of shape.indexes) this.table.addGlobalSecondaryIndex(index);

    this.bucket = new s3.Bucket(this, 'Mail', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Not versioned: what retention deletes must be gone, not kept as a noncurrent version.
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'inbound-mail', prefix: MAIL_PREFIX, expiration: Duration.days(props.inboundMailDays) },
        // A backstop only: the office deletes a case's blobs itself when its retention ends. S3 counts
        // from upload, not from the case's closing, so the rule allows for a case open that long.
        { id: 'retention-backstop', expiration: Duration.days(props.retentionDays + CASE_DURATION_ALLOWANCE_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });

    // `a:<secret>` once the app reads a bare generated value as key `a` (see DEPLOYING.md, rotation).
    this.signingKey = new secretsmanager.Secret(this, 'SigningKey', {
      description: 'HMAC keys for status links, staff sessions and reply addresses ("a:<secret>[,b:<older>]")',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Local stand-ins for the AWS services the deployed functions call, for the bundle test:
 * DynamoDB (Amazon's DynamoDB Local with DYNAMODB_LOCAL=1, as CI runs it; dynalite otherwise),
 * SES (aws-ses-v2-local), S3 (s3rver), and a small HTTP stub for the two services no emulator
 * exists for here: EventBridge Scheduler (its REST API: create, get, update, delete a schedule) and
 * Secrets Manager (GetSecretValue, the signing key).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sesLocalModule from 'aws-ses-v2-local';
import S3rver from 's3rver';
import { ensureTable } from '../../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite } from '../../shared/store/embedded.ts';
import { startDynamoDbLocal } from '../store/dynamodb-local-server.ts';

export interface Schedule {
  Name: string;
  GroupName?: string;
  ScheduleExpression: string;
  Target: { Arn: string; RoleArn: string; Input?: string };
}

export interface SentMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export interface LocalAws {
  /** Which DynamoDB answered: said in the test's name and output. */
  dynamoKind: 'DynamoDB Local' | 'dynalite';
  /** The environment a function gets on AWS, pointed at the local endpoints. */
  env: Record<string, string>;
  schedules: Map<string, Schedule>;
  /** While true, the Scheduler stub refuses every call with a 500 (an outage). */
  schedulerDown: boolean;
  sentMail(): Promise<SentMail[]>;
  putObject(key: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

const REGION = 'eu-west-1';
const TABLE = 'klachtenloket-bundles';
const BUCKET = 'klachtenloket-bundles-data';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:signing-key-AbCdEf';

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

export async function startLocalAws(): Promise<LocalAws> {
  const useDynamoDbLocal = process.env.DYNAMODB_LOCAL === '1';
  const dynamo = useDynamoDbLocal ? await startDynamoDbLocal() : await startDynalite();
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, TABLE);
  client.destroy();

  // A CommonJS package with a default export: the function sits one `default` deeper than its types say.
  type StartSes = (config: { host: string; port: number }) => Promise<Server>;
  const wrapped = (sesLocalModule as unknown as { default: StartSes | { default: StartSes } }).default;
  const sesLocal = typeof wrapped === 'function' ? wrapped : wrapped.default;
  const ses = await sesLocal({ host: '127.0.0.1', port: 0 });
  const sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;

  const s3Dir = mkdtempSync(join(tmpdir(), 'klachtenloket-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port: s3Port } = (await s3.run()) as AddressInfo;
  const s3Url = `http://127.0.0.1:${s3Port}`;

  const signingKey = `a:${randomBytes(32).toString('hex')}`;
  const local: LocalAws = {
    dynamoKind: useDynamoDbLocal ? 'DynamoDB Local' : 'dynalite',
    env: {},
    schedules: new Map(),
    schedulerDown: false,
    async sentMail() {
      const res = await fetch(`${sesUrl}/store`);
      return ((await res.json()) as { emails: SentMail[] }).emails;
    },
    async putObject(key, body) {
      // s3rver keeps objects as files: put it the way SES's S3 action would, through the S3 API.
      const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
      const c = new S3Client({ region: REGION, endpoint: s3Url, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      c.destroy();
    },
    async close() {
      await new Promise<void>((r) => stub.close(() => r()));
      stub.closeAllConnections();
      await new Promise<void>((r) => ses.close(() => r()));
      ses.closeAllConnections?.();
      await s3.close();
      rmSync(s3Dir, { recursive: true, force: true });
      await dynamo.close();
    },
  };

  const stub = createServer((req, res) => void answer(local, signingKey, req, res));
  const stubUrl = await listen(stub);

  local.env = {
    AWS_REGION: REGION,
    // s3rver checks signatures made with its own default credentials; the others take any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3Url,
    AWS_S3_FORCE_PATH_STYLE: 'true',
    AWS_ENDPOINT_URL_SES: sesUrl,
    AWS_ENDPOINT_URL_SCHEDULER: stubUrl,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: stubUrl,
    TABLE_NAME: TABLE,
    BUCKET,
    MAIL_PREFIX: 'inbound/',
    PUBLIC_URL: 'https://klachten.example.nl',
    REPLY_DOMAIN: 'reply.example.nl',
    SES_CONFIGURATION_SET: 'mail',
    SCHEDULE_GROUP: 'klachtenloket-bundles',
    DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:bundles-deadline',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
    DEADLINE_DLQ_ARN: 'arn:aws:sqs:eu-west-1:123456789012:dlq',
    SIGNING_KEY_SECRET_ARN: SECRET_ARN,
    FORM_MIN_FILL_MS: '0',
  };
  return local;
}

async function answer(local: LocalAws, signingKey: string, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const send = (status: number, value: unknown, errorType?: string) => {
    res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
    res.end(JSON.stringify(value));
  };
  const target = req.headers['x-amz-target'];
  if (target === 'secretsmanager.GetSecretValue') {
    const { SecretId } = JSON.parse(body) as { SecretId: string };
    if (SecretId !== SECRET_ARN) return send(400, { __type: 'ResourceNotFoundException', message: 'no such secret' });
    return send(200, { ARN: SECRET_ARN, Name: 'signing-key', SecretString: signingKey, VersionId: 'v1' });
  }
  const url = new URL(req.url ?? '/', 'http://stub');
  const name = /^\/schedules\/([^/]+)$/.exec(url.pathname)?.[1];
  if (!name) return send(404, { Message: `not stubbed: ${req.method} ${url.pathname}` });
  if (local.schedulerDown) return send(500, { Message: 'scheduler outage (stub)' }, 'InternalServerException');
  const key = decodeURIComponent(name);
  const existing = local.schedules.get(key);
  const notFound = () => send(404, { Message: `Schedule ${key} does not exist.` }, 'ResourceNotFoundException');
  switch (req.method) {
    case 'POST':
      if (existing) return send(409, { Message: `Schedule ${key} already exists.` }, 'ConflictException');
      local.schedules.set(key, { ...(JSON.parse(body) as Omit<Schedule, 'Name'>), Name: key });
      return send(200, { ScheduleArn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/x/${key}` });
    case 'PUT':
      if (!existing) return notFound();
      local.schedules.set(key, { ...(JSON.parse(body) as Omit<Schedule, 'Name'>), Name: key });
      return send(200, { ScheduleArn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/x/${key}` });
    case 'GET':
      return existing ? send(200, existing) : notFound();
    case 'DELETE':
      if (!existing) return notFound();
      local.schedules.delete(key);
      return send(200, {});
    default:
      return send(405, { Message: 'method not stubbed' });
  }
}

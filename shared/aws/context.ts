/**
 * The AppContext on AWS: DynamoDB case store and signing keys from Secrets Manager for every function;
 * S3 files, SES mail out and EventBridge Scheduler timers only for the functions that use them (their
 * entry names them, `AwsServices`, so no bundle carries an SDK client its function never calls). Config comes from the Lambda environment (validated, every
 * problem named at once); the procedure, compiled at build time, is bundled with the function (see `loadBundledProcedure`).
 *
 * Per container, once: the SDK clients (module scope, per region) and the signing keys (per secret
 * ARN). A failed secret fetch is not cached, so the next invocation tries again.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import '../edge/zod-locale.ts';
import { jsonLogger, type AppContext, type Logger } from '../app/context.ts';
import { effectsByTableStream } from '../app/effect-runner.ts';
import type { BlobStore } from '../blobs/port.ts';
import { systemClock, type DeadlineScheduler } from '../deadlines/port.ts';
import type { Mailer } from '../mail/message.ts';
import { COMPILED_PROCEDURE_FILE, readCompiledProcedure } from '../procedure/compiled.ts';
import type { LoadedProcedure } from '../procedure/load.ts';
import { createSigner, parseSigningKeys, type SigningKey } from '../security/signer.ts';
import { createDynamoCaseStore } from '../store/dynamo.ts';
import { oncePerRegion } from './per-region.ts';

const required = (pattern?: RegExp, message?: string) => z.string().check(z.trim(), z.minLength(1), ...(pattern ? [z.regex(pattern, message)] : []));
const arn = (service: string) => required(new RegExp(`^arn:aws[a-z-]*:${service}:`), `must be an ARN of ${service}`);
const optionalText = z.optional(z.string().check(z.trim()));

/** Every environment variable the functions read on AWS. */
export const awsEnvSchema = z.object({
  /** Set by Lambda itself. */
  AWS_REGION: required(),
  TABLE_NAME: required(),
  BUCKET: required(),
  /** The SES receipt rule's S3 action ObjectKeyPrefix (e.g. `inbound/`); may be empty when the rule has none. */
  MAIL_PREFIX: z.string(),
  PUBLIC_URL: z.pipe(required(/^https?:\/\/[^/\s]+(\/\S*)?$/, 'must be an http(s) URL'), z.transform((u: string) => u.replace(/\/+$/, ''))),
  REPLY_DOMAIN: required(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain name'),
  /** Optional: without it SES sends with no configuration set (no bounce/complaint event publishing). */
  SES_CONFIGURATION_SET: z.pipe(optionalText, z.transform((v: string | undefined) => v || undefined)),
  SCHEDULE_GROUP: required(),
  DEADLINE_FUNCTION_ARN: arn('lambda'),
  SCHEDULER_ROLE_ARN: arn('iam'),
  DEADLINE_DLQ_ARN: arn('sqs'),
  SIGNING_KEY_SECRET_ARN: arn('secretsmanager'),
  /** Optional, default 3000: a form sent back faster than this after it was shown is a bot. */
  FORM_MIN_FILL_MS: z
    .pipe(optionalText, z.transform((v: string | undefined) => (v ? Number(v) : 3000)))
    .check(z.refine((n: number) => Number.isInteger(n) && n >= 0, 'must be a whole number of milliseconds')),
});

export type AwsConfig = z.output<typeof awsEnvSchema>;

export class AwsConfigError extends Error {
  constructor(
    readonly missing: string[],
    readonly invalid: { name: string; message: string }[],
  ) {
    const parts = [
      ...(missing.length ? [`missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`] : []),
      ...invalid.map((i) => `${i.name} ${i.message}`),
    ];
    super(`invalid Lambda configuration: ${parts.join('; ')}`);
    this.name = 'AwsConfigError';
  }
}

/** Validates the environment; throws an AwsConfigError naming every missing (or empty) and every malformed variable. */
export function readAwsConfig(env: NodeJS.ProcessEnv = process.env): AwsConfig {
  const result = awsEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const missing = new Set<string>();
  const invalid: { name: string; message: string }[] = [];
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '(environment)');
    const value = env[name];
    // Values are never quoted in the message: some are secrets' neighbours, none is needed to fix it.
    if (value === undefined || (value.trim() === '' && name !== 'MAIL_PREFIX')) missing.add(name);
    else invalid.push({ name, message: issue.message });
  }
  throw new AwsConfigError([...missing], invalid);
}

/** The clients every function needs: its cases and its signing keys. */
export interface AwsClients {
  dynamo: DynamoDBClient;
  secrets: SecretsManagerClient;
}

/**
 * The SDK clients, made once per container (and region) and reused by every invocation. Endpoints
 * follow the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables (the bundle test points them at local servers).
 */
export const awsClients = oncePerRegion((region): AwsClients => ({ dynamo: new DynamoDBClient({ region }), secrets: new SecretsManagerClient({ region }) }));

const keysBySecret = new Map<string, Promise<SigningKey[]>>();

/**
 * The signing keys from Secrets Manager (SecretString `a:<secret>[,b:<older secret>]`), fetched once
 * per container. Rotation: containers keep the keys they started with, so add a new key *behind*
 * the current one first (verify-only), let every container restart (a deploy does it), then move
 * it to the front; otherwise a container that still has only the old keys rejects new tokens.
 */
export function signingKeys(client: SecretsManagerClient, secretArn: string): Promise<SigningKey[]> {
  let keys = keysBySecret.get(secretArn);
  if (!keys) {
    keys = (async () => {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      if (typeof out.SecretString !== 'string') throw new Error('the signing key secret has no SecretString (expected "a:<secret>[,b:<older>]")');
      // The secret CloudFormation generates is a bare random string: that is key "a".
      const parsed = parseSigningKeys(out.SecretString.includes(':') ? out.SecretString : `a:${out.SecretString}`);
      if (!parsed.length) throw new Error('the signing key secret is empty (expected "a:<secret>[,b:<older>]")');
      createSigner(parsed); // validates ids and lengths now, with a clear message
      return parsed;
    })();
    keysBySecret.set(secretArn, keys);
    keys.catch(() => keysBySecret.delete(secretArn));
  }
  return keys;
}

/** What the AWS functions need beyond the AppContext: the config, the clients, and SES's raw copies of inbound mail. */
export interface AwsContext extends AppContext {
  aws: { config: AwsConfig; clients: AwsClients; inboundMail: BlobStore };
}

/** S3: the case files (under `blobs/`) and SES's raw copies of inbound mail (under MAIL_PREFIX). */
export type FilesService = (config: AwsConfig) => { blobs: BlobStore; inboundMail: BlobStore };
export type MailService = (config: AwsConfig) => Mailer;
export type TimersService = (config: AwsConfig) => DeadlineScheduler;

/**
 * The AWS services a function's code uses besides DynamoDB and Secrets Manager, named by its entry
 * (functions/*.ts) as its IAM grant allows (GRANTS in infra/stack/grants.ts): files
 * (shared/aws/s3-files.ts, or loaded on first use: s3-files-on-demand.ts), mail (ses-mail.ts),
 * timers (scheduler-timers.ts). One left out is a port that refuses, with a message naming it.
 */
export interface AwsServices {
  files?: FilesService;
  mail?: MailService;
  timers?: TimersService;
}

const notHere = (service: string) => async (): Promise<never> => {
  throw new Error(`this function has no ${service}: its entry (functions/*.ts) names the AWS services it uses, as its IAM grant allows`);
};
const noFiles: BlobStore = { put: notHere('S3 files'), get: notHere('S3 files'), deletePrefix: notHere('S3 files') };

export interface AwsContextOptions {
  /** The procedure, parsed and validated (at build time on AWS, see `loadBundledProcedure`). */
  procedure: LoadedProcedure;
  services: AwsServices;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
}

export async function createAwsContext(o: AwsContextOptions): Promise<AwsContext> {
  const config = readAwsConfig(o.env ?? process.env);
  const { procedure, hash } = o.procedure;
  const clients = awsClients(config.AWS_REGION);
  const keys = await signingKeys(clients.secrets, config.SIGNING_KEY_SECRET_ARN);
  const files = o.services.files?.(config) ?? { blobs: noFiles, inboundMail: noFiles };
  return {
    procedure,
    procedureHash: hash,
    store: createDynamoCaseStore({ client: clients.dynamo, tableName: config.TABLE_NAME }),
    blobs: files.blobs,
    mailer: o.services.mail?.(config) ?? { send: notHere('SES mail') },
    scheduler: o.services.timers?.(config) ?? { schedule: notHere('EventBridge Scheduler timers'), cancel: notHere('EventBridge Scheduler timers') },
    clock: systemClock,
    signer: createSigner(keys),
    publicUrl: config.PUBLIC_URL,
    replyDomain: config.REPLY_DOMAIN,
    log: o.log ?? jsonLogger(),
    effectsAfterAnswer: effectsByTableStream,
    aws: { config, clients, inboundMail: files.inboundMail },
  };
}

/**
 * The procedure bundled with the function: compiled at build time (parsed and validated) and copied
 * next to the bundle as `procedure.json` (infra/stack/bundle-options.ts `writeCompiledProcedure`),
 * so a cold start only parses JSON. `PROCEDURE_FILE` overrides the path; a relative path is taken from
 * the function's root (`LAMBDA_TASK_ROOT`, i.e. /var/task, where the bundle is), else from the working directory.
 */
export function loadBundledProcedure(env: NodeJS.ProcessEnv = process.env): LoadedProcedure {
  const file = env.PROCEDURE_FILE || `./${COMPILED_PROCEDURE_FILE}`;
  const path = isAbsolute(file) ? file : resolve(env.LAMBDA_TASK_ROOT ?? process.cwd(), file);
  return readCompiledProcedure(readFileSync(path, 'utf8'), file);
}

/**
 * A container's context: made on first use, then shared by every invocation. A failed start
 * (a throttled secret fetch, say) is forgotten, so the next invocation tries again instead of
 * failing for the container's whole life.
 */
export function lazyContext<T>(make: () => Promise<T>): () => Promise<T> {
  let ctx: Promise<T> | undefined;
  return () => {
    if (!ctx) {
      const made = make();
      ctx = made;
      made.catch(() => {
        if (ctx === made) ctx = undefined;
      });
    }
    return ctx;
  };
}

/** The context of a deployed function: the bundled procedure, the Lambda environment and the services its entry names. */
export const awsContextFromBundle = (services: AwsServices, env: NodeJS.ProcessEnv = process.env) => createAwsContext({ procedure: loadBundledProcedure(env), env, services });

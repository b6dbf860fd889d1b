import { createSigner } from '../../shared/security/signer.ts';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { COMPILED_PROCEDURE_FILE, serializeProcedure } from '../../shared/procedure/compiled.ts';
import { parseProcedure } from '../../shared/procedure/load.ts';
import { BLOB_PREFIX } from '../../shared/aws/bucket-layout.ts';
import { s3Client, s3Files } from '../../shared/aws/s3-files.ts';
import { s3FilesOnDemand } from '../../shared/aws/s3-files-on-demand.ts';
import { schedulerTimers } from '../../shared/aws/scheduler-timers.ts';
import { sesMail } from '../../shared/aws/ses-mail.ts';
import {
  AwsConfigError,
  awsClients,
  createAwsContext,
  lazyContext,
  loadBundledProcedure,
  readAwsConfig,
} from '../../shared/aws/context.ts';

const secrets = mockClient(SecretsManagerClient);
const s3 = mockClient(S3Client);
const scheduler = mockClient(SchedulerClient);
const ses = mockClient(SESClient);
beforeEach(() => {
  secrets.reset();
  s3.reset();
  scheduler.reset();
  ses.reset();
});

/** Every service, as the sweeper has them (files on demand: see the test of both kinds below). */
const services = { files: s3Files, mail: sesMail, timers: schedulerTimers };

const procedureText = readFileSync('procedures/hss.yaml', 'utf8');
const procedure = parseProcedure(procedureText, 'hss.yaml');
const SECRET = 'a:' + 'x'.repeat(40) + ',b:' + 'y'.repeat(40);
let n = 0;
/** A full, valid environment; each call names its own secret, so the per-container cache does not carry over between tests. */
const env = (over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'klachtenloket-hss',
  BUCKET: 'klachtenloket-hss-data',
  MAIL_PREFIX: 'inbound/',
  PUBLIC_URL: 'https://klachten.hss.example.nl/',
  REPLY_DOMAIN: 'reply.hss.example.nl',
  SES_CONFIGURATION_SET: 'klachtenloket-hss',
  SCHEDULE_GROUP: 'klachtenloket-hss',
  DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:111122223333:function:klachtenloket-hss-deadline',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::111122223333:role/klachtenloket-hss-scheduler',
  DEADLINE_DLQ_ARN: 'arn:aws:sqs:eu-west-1:111122223333:klachtenloket-hss-deadline-dlq',
  SIGNING_KEY_SECRET_ARN: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:klachtenloket-hss-signing-${++n}-AbCdEf`,
  ...over,
});

describe('readAwsConfig', () => {
  it('names every missing (or empty) variable in one error', () => {
    const e = env({ TABLE_NAME: undefined, REPLY_DOMAIN: '', SIGNING_KEY_SECRET_ARN: undefined, MAIL_PREFIX: undefined });
    let error: unknown;
    try {
      readAwsConfig(e);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AwsConfigError);
    const msg = (error as Error).message;
    expect(msg).toContain('missing environment variables:');
    for (const name of ['TABLE_NAME', 'REPLY_DOMAIN', 'SIGNING_KEY_SECRET_ARN', 'MAIL_PREFIX']) expect(msg).toContain(name);
    expect((error as AwsConfigError).missing.sort()).toEqual(['MAIL_PREFIX', 'REPLY_DOMAIN', 'SIGNING_KEY_SECRET_ARN', 'TABLE_NAME']);
    expect(msg).not.toContain('BUCKET');
  });

  it('names an empty environment in full', () => {
    expect(() => readAwsConfig({})).toThrow(
      /TABLE_NAME.*BUCKET.*MAIL_PREFIX.*PUBLIC_URL.*REPLY_DOMAIN.*SCHEDULE_GROUP.*DEADLINE_FUNCTION_ARN.*SCHEDULER_ROLE_ARN.*DEADLINE_DLQ_ARN.*SIGNING_KEY_SECRET_ARN/,
    );
  });

  it('tells malformed values apart from missing ones, without quoting them', () => {
    try {
      readAwsConfig(env({ PUBLIC_URL: 'klachten.example.nl', DEADLINE_DLQ_ARN: 'my-queue', FORM_MIN_FILL_MS: 'soon' }));
      expect.unreachable();
    } catch (e) {
      const err = e as AwsConfigError;
      expect(err.missing).toEqual([]);
      expect(err.invalid.map((i) => i.name).sort()).toEqual(['DEADLINE_DLQ_ARN', 'FORM_MIN_FILL_MS', 'PUBLIC_URL']);
      expect(err.message).toContain('PUBLIC_URL must be an http(s) URL');
      expect(err.message).toContain('DEADLINE_DLQ_ARN must be an ARN of sqs');
      expect(err.message).not.toContain('my-queue');
    }
  });

  it('takes an empty MAIL_PREFIX (an S3 action without prefix), drops the trailing slash of PUBLIC_URL, defaults the optional ones', () => {
    const c = readAwsConfig(env({ MAIL_PREFIX: '', SES_CONFIGURATION_SET: undefined }));
    expect(c.MAIL_PREFIX).toBe('');
    expect(c.PUBLIC_URL).toBe('https://klachten.hss.example.nl');
    expect(c.SES_CONFIGURATION_SET).toBeUndefined();
    expect(c.FORM_MIN_FILL_MS).toBe(3000);
  });
});

describe('createAwsContext', () => {
  it('throws the configuration error before calling AWS', async () => {
    await expect(createAwsContext({ procedure, services, env: env({ BUCKET: undefined }) })).rejects.toThrow(/missing environment variable: BUCKET/);
    expect(secrets.calls()).toHaveLength(0);
  });

  it('fetches the signing keys once per container and creates the clients once', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET });
    const e = env();
    const first = await createAwsContext({ procedure, services, env: e });
    const second = await createAwsContext({ procedure, services, env: e });
    const calls = secrets.commandCalls(GetSecretValueCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({ SecretId: e.SIGNING_KEY_SECRET_ARN });

    expect(second.aws.clients).toBe(first.aws.clients);
    expect(second.aws.clients.dynamo).toBe(first.aws.clients.dynamo);
    expect(awsClients('eu-west-1')).toBe(first.aws.clients);
    expect(s3Client('eu-west-1')).toBe(s3Client('eu-west-1'));
    expect(await s3Client('eu-west-1').config.region()).toBe('eu-west-1');
    // Both sign alike, with the first key of the secret; the second key still verifies.
    const token = first.signer.sign('status', 'HSS-2026-ABCDE');
    expect(token[0]).toBe('a');
    expect(second.signer.verify('status', 'HSS-2026-ABCDE', token)).toBe(true);
  });

  it('does not keep a failed secret fetch: the next invocation tries again', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'Secrets Manager can’t find the specified secret.', $metadata: {} }))
      .resolves({ SecretString: SECRET });
    const e = env();
    await expect(createAwsContext({ procedure, services, env: e })).rejects.toThrow(/can’t find/);
    await expect(createAwsContext({ procedure, services, env: e })).resolves.toBeDefined();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('takes the bare random string CloudFormation generates as key "a"', async () => {
    const generated = 'Zq3'.repeat(22);
    secrets.on(GetSecretValueCommand).resolves({ SecretString: generated });
    const ctx = await createAwsContext({ procedure, services, env: env({ SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:generated' }) });
    const token = ctx.signer.sign('status', 'HSS-2026-ABCDE');
    expect(token[0]).toBe('a');
    expect(createSigner([{ id: 'a', secret: generated }]).verify('status', 'HSS-2026-ABCDE', token)).toBe(true);
  });

  it('refuses a secret that is not a usable key list, without echoing it', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'a:short' });
    await expect(createAwsContext({ procedure, services, env: env() })).rejects.toThrow('a signing key secret needs at least 32 characters');
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2]) });
    await expect(createAwsContext({ procedure, services, env: env() })).rejects.toThrow(/no SecretString/);
  });

  it('wires config into the adapters: procedure, URLs, blobs under blobs/, SES configuration set, schedules', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET });
    s3.on(PutObjectCommand).resolves({});
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'x' });
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const e = env();
    const ctx = await createAwsContext({ procedure, services, env: e });
    expect(ctx.procedure.id).toBe('hss');
    expect(ctx.procedureHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ctx.publicUrl).toBe('https://klachten.hss.example.nl');
    expect(ctx.replyDomain).toBe('reply.hss.example.nl');

    await ctx.blobs.put('mail/x.eml', Buffer.from('x'), 'message/rfc822');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'klachtenloket-hss-data', Key: `${BLOB_PREFIX}mail/x.eml` });

    await ctx.mailer.send({ messageId: '<m@reply.hss.example.nl>', from: { email: 'klachten@hss.example.nl' }, to: [{ email: 'jan@example.nl' }], subject: 's', text: 't', html: '<p>t</p>', headers: {} });
    expect(ses.commandCalls(SendRawEmailCommand)[0]!.args[0].input.ConfigurationSetName).toBe('klachtenloket-hss');

    await ctx.scheduler.schedule({ caseRef: 'HSS-2026-ABCDE', instance: 't1', action: 'expire' }, '2030-01-01T00:00:00Z');
    const schedule = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(schedule.GroupName).toBe('klachtenloket-hss');
    expect(schedule.Target).toMatchObject({ Arn: e.DEADLINE_FUNCTION_ARN, RoleArn: e.SCHEDULER_ROLE_ARN, DeadLetterConfig: { Arn: e.DEADLINE_DLQ_ARN } });
  });

  it('loads S3 on first use where files are a rare path: the same keys, and SES’s copies under MAIL_PREFIX', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET });
    s3.on(PutObjectCommand).resolves({});
    const ctx = await createAwsContext({ procedure, services: { files: s3FilesOnDemand }, env: env() });
    expect(s3.calls()).toHaveLength(0);
    await ctx.blobs.put('cases/HSS-2026-ABCDE/letters/L1.json', Buffer.from('{}'), 'application/json');
    await ctx.aws.inboundMail.put('abc', Buffer.from('x'), 'message/rfc822');
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([`${BLOB_PREFIX}cases/HSS-2026-ABCDE/letters/L1.json`, 'inbound/abc']);
  });

  it('a service a function does not name is a port that refuses, saying which', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET });
    const ctx = await createAwsContext({ procedure, services: {}, env: env() });
    await expect(ctx.blobs.get('x')).rejects.toThrow(/this function has no S3 files/);
    await expect(ctx.mailer.send({ messageId: '<m@x>', from: { email: 'a@b.nl' }, to: [{ email: 'c@d.nl' }], subject: 's', text: 't', html: '', headers: {} })).rejects.toThrow(/no SES mail/);
    await expect(ctx.scheduler.cancel({ caseRef: 'HSS-2026-ABCDE', instance: 't1', action: 'expire' })).rejects.toThrow(/no EventBridge Scheduler timers/);
    expect(s3.calls().length + ses.calls().length + scheduler.calls().length).toBe(0);
  });
});

describe('loadBundledProcedure and lazyContext', () => {
  it('reads the compiled procedure.json from the function root, or PROCEDURE_FILE, and refuses anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    writeFileSync(join(dir, COMPILED_PROCEDURE_FILE), serializeProcedure(procedure));
    writeFileSync(join(dir, 'other.json'), serializeProcedure({ ...procedure, hash: 'other' }));
    writeFileSync(join(dir, 'procedure.yaml'), procedureText);
    // What was validated at build time arrives as it was: JSON keeps every value the schema produces.
    expect(loadBundledProcedure({ LAMBDA_TASK_ROOT: dir })).toEqual(procedure);
    expect(loadBundledProcedure({ LAMBDA_TASK_ROOT: dir, PROCEDURE_FILE: 'other.json' }).hash).toBe('other');
    expect(loadBundledProcedure({ PROCEDURE_FILE: join(dir, 'other.json') }).hash).toBe('other');
    expect(() => loadBundledProcedure({ LAMBDA_TASK_ROOT: dir, PROCEDURE_FILE: 'procedure.yaml' })).toThrow(/procedure\.yaml is not JSON/);
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ hash: 'x', procedure: {} }));
    expect(() => loadBundledProcedure({ LAMBDA_TASK_ROOT: dir, PROCEDURE_FILE: 'old.json' })).toThrow(/not a compiled procedure/);
    expect(() => loadBundledProcedure({ LAMBDA_TASK_ROOT: join(dir, 'nope') })).toThrow(/ENOENT/);
  });

  it('makes the context once, and again only after a failed start', async () => {
    let made = 0;
    let fail = true;
    const get = lazyContext(async () => {
      made++;
      if (fail) throw new Error('throttled');
      return { made };
    });
    await expect(get()).rejects.toThrow('throttled');
    fail = false;
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(made).toBe(2);
  });
});

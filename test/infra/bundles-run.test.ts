/**
 * The bundles that would be deployed, run before they ship. Every function is built exactly as the
 * stack builds it (esbuild with infra/stack/bundle-options.ts, the compiled procedure.json beside
 * it), loaded in a fresh Node process of its own, and driven with the events AWS sends (API Gateway
 * HTTP API v2, SES receipt with the message in S3, EventBridge Scheduler's target input, the
 * sweeper's scheduled events) against local services (see local-aws.ts). A complaint filed through
 * the public bundle, a reply delivered through the inbound bundle, a term fired through the
 * deadline bundle and a sweep all run end to end; the staff bundle reads the result.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePublicAssets } from '../../infra/stack/public-assets.ts';
import { writeSideFiles } from '../../infra/stack/side-files.ts';
import { esbuildOptions, FUNCTION_ENTRIES, FUNCTION_KEYS, PROJECT_ROOT, writeCompiledProcedure, type FunctionKey } from '../../infra/stack/bundle-options.ts';
import type { ApiEvent, ApiResult } from '../../shared/http/api.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { sesEvent } from '../support/aws-events.ts';
import { pdfText } from '../support/pdf-text.ts';
import { startLocalAws, type LocalAws, type Schedule } from './local-aws.ts';
import { STREAM_GRACE_MS } from '../../functions/sweeper.ts';
import { createDynamoCaseStore } from '../../shared/store/dynamo.ts';
import { localDynamoClient } from '../../shared/store/embedded.ts';

const DAY_MS = 24 * 3600 * 1000;
/** The deadline bundle's process runs this far ahead, so the terms of a complaint filed now are due there. */
const DEADLINE_CLOCK_OFFSET_MS = 70 * DAY_MS;
const DYNAMO = process.env.DYNAMODB_LOCAL === '1' ? 'DynamoDB Local' : 'dynalite';

interface Running {
  child: ChildProcess;
  invoke(event: unknown): Promise<any>;
}

/** A bundle in a fresh Node process (test/infra/bundle-driver.mjs), invoked over IPC one event at a time. */
async function run(file: string, env: Record<string, string>): Promise<Running> {
  const child = fork(join(PROJECT_ROOT, 'test/infra/bundle-driver.mjs'), [pathToFileURL(file).href], {
    env: { PATH: process.env.PATH ?? '', ...env },
    // As Lambda runs them (NODE_OPTIONS in the stack), without the test runner's loaders.
    execArgv: ['--enable-source-maps', '--no-warnings'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ready = new Promise<string>((resolveReady, rejectReady) => {
    child.once('exit', (code) => rejectReady(new Error(`${file} exited (${code}) before it was ready:\n${output}`)));
    child.on('message', (m: { ready?: string; id?: string; result?: unknown; error?: string }) => {
      if (m.ready !== undefined) return resolveReady(m.ready);
      const w = waiting.get(m.id!);
      waiting.delete(m.id!);
      if (m.error !== undefined) w?.reject(new Error(`${m.error}\n--- function output ---\n${output}`));
      else w?.resolve(m.result);
    });
  });
  expect(await ready).toBe('function');
  return {
    child,
    invoke: (event) =>
      new Promise((res, rej) => {
        const id = randomUUID();
        waiting.set(id, { resolve: res, reject: rej });
        child.send({ id, event });
      }),
  };
}

/** An API Gateway HTTP API (payload format 2.0) request, as the public and staff routes receive it. */
function apiEvent(method: string, path: string, o: { body?: unknown; query?: Record<string, string>; token?: string } = {}): ApiEvent {
  const query = new URLSearchParams(o.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: {
      host: 'klachten.example.nl',
      'accept-language': 'nl-NL,nl;q=0.9',
      'user-agent': 'bundle-test',
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
    },
    ...(o.query ? { queryStringParameters: o.query } : {}),
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      timeEpoch: Date.now(),
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'bundle-test' },
    },
  } as ApiEvent;
}

/** EventBridge's event for a scheduled rule (the sweeper's five-minute run). */
const scheduledEvent = () => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: new Date().toISOString(),
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/bundles-sweeper'],
  detail: {},
});

const complaint = (email: string) => ({
  name: 'Jan Jansen',
  email,
  topic: 'advies',
  description: 'Ik kreeg verkeerd advies over mijn aanvraag.',
  submissionId: randomUUID(),
});

describe(`the deployable bundles, each in a fresh Node process (DynamoDB: ${DYNAMO}; SES: aws-ses-v2-local; S3: s3rver; Scheduler and Secrets Manager: HTTP stub)`, () => {
  let dir: string;
  let aws: LocalAws;
  const fns = {} as Record<FunctionKey, Running>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klachtenloket-bundles-'));
    const procedure = loadProcedureFile(resolve(PROJECT_ROOT, 'procedures/hss.yaml'));
    aws = await startLocalAws();
    console.log(`bundle test: DynamoDB is ${aws.dynamoKind}${aws.dynamoKind === 'dynalite' ? ' (set DYNAMODB_LOCAL=1 with Java 17 for Amazon\'s DynamoDB Local, as CI does)' : ''}`);
    // Built once per run, all six together (as `cdk synth` would), then each started in its own process.
    await Promise.all(
      FUNCTION_KEYS.map(async (key) => {
        const out = join(dir, key, 'index.mjs');
        await build(esbuildOptions(resolve(PROJECT_ROOT, FUNCTION_ENTRIES[key]), out));
        writeCompiledProcedure(procedure, join(dir, key));
        if (key === 'public') writePublicAssets(procedure.procedure, join(dir, key));
        writeSideFiles(key, join(dir, key));
      }),
    );
    for (const key of FUNCTION_KEYS) {
      fns[key] = await run(join(dir, key, 'index.mjs'), {
        ...aws.env,
        LAMBDA_TASK_ROOT: join(dir, key),
        PROCEDURE_FILE: 'procedure.json',
        ...(key === 'deadline' ? { CLOCK_OFFSET_MS: String(DEADLINE_CLOCK_OFFSET_MS) } : {}),
        // The sweeper leaves the newest commits to the effects function: its clock is past that grace.
        ...(key === 'sweeper' ? { CLOCK_OFFSET_MS: String(STREAM_GRACE_MS + 60_000) } : {}),
      });
    }
  }, 180_000);

  afterAll(async () => {
    for (const f of Object.values(fns)) f.child.kill();
    await aws?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /**
   * The table's stream as the effects function's filter lets it through (INSERTs of commits that
   * still have effects): records of the commits now pending, handed to the effects bundle.
   */
  const streamToEffects = async () => {
    const client = localDynamoClient(aws.env.AWS_ENDPOINT_URL_DYNAMODB!);
    try {
      const pending = await createDynamoCaseStore({ client, tableName: aws.env.TABLE_NAME! }).pendingCommits();
      const Records = pending.map(({ caseRef, seq }, i) => ({
        eventName: 'INSERT',
        dynamodb: { Keys: { pk: { S: `CASE#${caseRef}` }, sk: { S: `C#${String(seq).padStart(10, '0')}` } }, SequenceNumber: String(i + 1) },
      }));
      expect(await fns.effects.invoke({ Records })).toEqual({ batchItemFailures: [] });
    } finally {
      client.destroy();
    }
  };

  /** A JSON client's intake: a form token from GET /api/form-token, sent back with the complaint. */
  const file = async (email: string) => {
    const token = JSON.parse(((await fns.public.invoke(apiEvent('GET', '/api/form-token'))) as ApiResult).body!) as { formToken: string; submissionId: string };
    return (await fns.public.invoke(apiEvent('POST', '/api/complaints', { body: { ...complaint(email), ...token } }))) as ApiResult;
  };

  const mailTo = async (address: string) => (await aws.sentMail()).filter((m) => m.destination.to.some((t) => t.includes(address)));

  let reference: string;
  let replyTo: string;
  let sessionToken: string;

  it('public: files a complaint (API Gateway v2) — stored, receipt sent by SES, terms scheduled', async () => {
    const result = await file('jan@example.nl');
    expect(result.statusCode, result.body).toBe(201);
    const body = JSON.parse(result.body!) as { reference: string; statusUrl: string };
    expect(body.reference).toMatch(/^HSS-\d{4}-[2-9A-Z]{5}$/);
    reference = body.reference;
    // Answered after the commit alone: the receipt and the timers come from the effects function.
    expect(await mailTo('jan@example.nl')).toHaveLength(0);
    await streamToEffects();

    const receipts = await mailTo('jan@example.nl');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.body.text).toContain(reference);
    replyTo = receipts[0]!.replyTo[0]!;
    expect(replyTo).toMatch(/@reply\.example\.nl>?$/);

    const schedules = [...aws.schedules.values()];
    expect(schedules.length).toBeGreaterThan(0);
    for (const s of schedules) expect(JSON.parse(s.Target.Input!)).toMatchObject({ caseRef: reference });

    // The status page through the same bundle, with the token from the status link.
    const status = new URL(body.statusUrl);
    const page = (await fns.public.invoke(apiEvent('GET', status.pathname, { query: Object.fromEntries(status.searchParams) }))) as ApiResult;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(reference);
  });

  it('public: serves the regeling with the procedure diagram drawn at build time (no Mermaid renderer in the bundle)', async () => {
    const result = (await fns.public.invoke(apiEvent('GET', '/regeling'))) as ApiResult;
    expect(result.statusCode, result.body).toBe(200);
    expect(result.body).toMatch(/<svg[\s>]/);
    expect(result.body).toContain('</svg>');
  });

  it('inbound: a reply to the receipt, stored in S3 by the SES rule, lands on the case and goes to the handler', async () => {
    const address = /<?([^<>\s]+@[^<>\s]+)>?$/.exec(replyTo)![1]!;
    const messageId = `bundle${randomUUID().replace(/-/g, '')}`;
    const raw = [
      'From: Jan Jansen <jan@example.nl>',
      `To: ${address}`,
      'Subject: Re: uw klacht',
      `Message-ID: <${messageId}@example.nl>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Ik heb nog een vraag over mijn klacht: wanneer hoor ik iets?',
      '',
    ].join('\r\n');
    const before = (await aws.sentMail()).length;
    await aws.putObject(`${aws.env.MAIL_PREFIX}${messageId}`, Buffer.from(raw));
    await fns.inbound.invoke(sesEvent({ messageId, from: 'jan@example.nl', to: address, subject: 'Re: uw klacht' }));
    await streamToEffects();
    const forwarded = (await aws.sentMail()).slice(before);
    expect(forwarded.length).toBeGreaterThan(0);
    expect(forwarded.some((m) => (m.body.text ?? '').includes('wanneer hoor ik iets'))).toBe(true);
  });

  it('staff: signs in with the e-mailed link and sees the reply on the case', async () => {
    const email = 'medewerker@hss.example.nl';
    const login = (await fns.staff.invoke(apiEvent('POST', '/api/staff/login', { body: { email } }))) as ApiResult;
    expect(login.statusCode).toBeLessThan(300);
    const link = (await mailTo(email)).map((m) => /https?:\/\/\S+\/staff\/login\?token=([^\s"<>]+)/.exec(m.body.text ?? '')).find(Boolean);
    expect(link, 'a sign-in link in the staff mail').toBeTruthy();
    const session = (await fns.staff.invoke(apiEvent('POST', '/api/staff/session', { body: { token: decodeURIComponent(link![1]!) } }))) as ApiResult;
    expect(session.statusCode, session.body).toBe(200);
    sessionToken = (JSON.parse(session.body!) as { sessionToken: string }).sessionToken;
    const view = (await fns.staff.invoke(apiEvent('GET', `/api/staff/cases/${reference}`, { token: sessionToken }))) as ApiResult;
    expect(view.statusCode, view.body).toBe(200);
    expect(view.body).toContain('wanneer hoor ik iets');
  });

  it('staff: a complaint by phone without e-mail becomes a letter, downloaded as a PDF (pdfkit and its fonts beside the bundle)', async () => {
    const filed = (await fns.staff.invoke(
      apiEvent('POST', '/api/staff/complaints', {
        token: sessionToken,
        body: { channel: 'phone', name: 'Riet Post', address: 'Dorpsstraat 1\n1234 AB Ergens', topic: 'bejegening', description: 'Onvriendelijk te woord gestaan.' },
      }),
    )) as ApiResult;
    expect(filed.statusCode, filed.body).toBe(201);
    const ref = (JSON.parse(filed.body!) as { reference: string }).reference;
    await streamToEffects();
    const pdf = (await fns.staff.invoke(apiEvent('GET', `/api/staff/letters/${ref}/L1.pdf`, { token: sessionToken }))) as ApiResult;
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers?.['content-type']).toBe('application/pdf');
    expect(pdf.isBase64Encoded).toBe(true);
    const bytes = Buffer.from(pdf.body!, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(bytes)).toContain(ref);
  });

  it('deadline: the Scheduler fires a term with the target input it was given', async () => {
    const schedules = [...aws.schedules.values()].filter((s) => JSON.parse(s.Target.Input!).caseRef === reference);
    // The earliest schedule first: its term is surely still open.
    const byDue = (s: Schedule) => s.ScheduleExpression.replace(/^at\((.*)\)$/, '$1');
    const first = schedules.sort((a, b) => byDue(a).localeCompare(byDue(b)))[0]!;
    expect(first.ScheduleExpression).toMatch(/^at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\)$/);
    expect(first.Target.Arn).toBe(aws.env.DEADLINE_FUNCTION_ARN);
    const before = (await aws.sentMail()).length;
    const result = (await fns.deadline.invoke(JSON.parse(first.Target.Input!))) as { outcome: string };
    expect(result.outcome).toBe('applied');
    await streamToEffects();
    // A reminder or an overdue alert went to the staff.
    expect((await aws.sentMail()).length).toBeGreaterThan(before);
    // The same timer again (Scheduler delivers at least once) changes nothing.
    expect(((await fns.deadline.invoke(JSON.parse(first.Target.Input!))) as { outcome: string }).outcome).toBe('nothing-due');
  });

  it('sweeper: carries out the effects an outage left undone (scheduled event), then the daily run', async () => {
    aws.schedulerDown = true;
    const filed = await file('piet@example.nl');
    await streamToEffects();
    aws.schedulerDown = false;
    // The complaint is kept and answered even though its timers could not be made.
    expect(filed.statusCode, filed.body).toBe(201);
    const ref = (JSON.parse(filed.body!) as { reference: string }).reference;
    const timersOf = () => [...aws.schedules.values()].filter((s) => JSON.parse(s.Target.Input!).caseRef === ref);
    expect(timersOf()).toEqual([]);

    const swept = (await fns.sweeper.invoke(scheduledEvent())) as { commits: number; failed: number };
    expect(swept.failed).toBe(0);
    expect(swept.commits).toBeGreaterThan(0);
    expect(timersOf().length).toBeGreaterThan(0);

    const daily = (await fns.sweeper.invoke({ reconcile: true })) as { failed: number; terms: number };
    expect(daily.failed).toBe(0);
    expect(daily.terms).toBeGreaterThan(0);
  });
});

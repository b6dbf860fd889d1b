/**
 * Intake throughput of the local office against its own storage floor.
 *
 *   npm run bench                              # 5 s per measurement, 5 runs, concurrency 1 and 8
 *   BENCH_SECONDS=10 BENCH_RUNS=3 npm run bench
 *   BENCH_CONCURRENCY=1,4,16 npm run bench
 *
 * First it counts, with a middleware on the office's DynamoDB client, the calls one web intake
 * makes before its answer and those its effects make after it (the effects runner), and the write
 * units of a complaint's whole life (intake, acknowledge, decide, close) as dynalite reports them
 * (ReturnConsumedCapacity: the table's units; index writes are not counted by dynalite).
 *
 * Intake: autocannon sends `POST /api/complaints` (JSON, a valid HSS complaint, a fresh
 * `submissionId` per request, with a form token made for it as `GET /api/form-token` makes them; that
 * GET and its one counting write are not the intake path and are counted apart above) to a local office (in-memory dynalite, minFillMs 0, no ticker).
 * Baseline: a bare `PutItem` loop with the same concurrency and duration against an embedded
 * in-memory dynalite started the same way (`startDynalite`, same table definition), writing the
 * commit item a web intake writes (captured, then under a new key each time): the storage floor of
 * one intake. Every measurement gets a fresh server, so runs are independent;
 * the table reports medians over the runs.
 */
import { randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import { startLocalOffice, type LocalOffice } from '../infra/local/office.ts';
import { formTokenAt } from '../shared/http/public-routes.ts';
import { BULK_LIMITS, withFormToken } from '../test/support/http.ts';
import { ensureTable, itemSize } from '../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite } from '../shared/store/embedded.ts';

const SECONDS = positiveInt('BENCH_SECONDS', 5);
const RUNS = positiveInt('BENCH_RUNS', 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map((s) => Number(s.trim()));
if (CONCURRENCY.some((c) => !Number.isSafeInteger(c) || c < 1)) throw new Error(`BENCH_CONCURRENCY must be a comma-separated list of positive integers, got ${process.env.BENCH_CONCURRENCY}`);
const PROCEDURE = fileURLToPath(new URL('../procedures/hss.yaml', import.meta.url));
const TABLE = 'bench';

// Every HTTP request this process serves: the office's, and dynalite's (those carry `x-amz-target`).
let dynamoInFlight = 0;
let lastDynamoCall = 0;
dc.subscribe('http.server.request.start', (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string') return;
  dynamoInFlight++;
  lastDynamoCall = performance.now();
  response.once('close', () => dynamoInFlight--);
});

/**
 * autocannon stops with requests in flight and drops their sockets, but their handlers run on; closing the
 * office under them would close dynalite under them. An intake handler is always waiting on DynamoDB or
 * about to call it, so "no DynamoDB call for a while" means every handler has finished.
 */
async function drained(quietMs = 300, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (dynamoInFlight > 0 || performance.now() - lastDynamoCall < quietMs) {
    if (Date.now() > until) throw new Error(`intake still busy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** A realistic web complaint: every HSS field filled in. */
function complaint(submissionId: string) {
  return {
    submissionId,
    lang: 'nl',
    name: 'Bench Klager',
    email: 'bench@example.nl',
    phone: '020 123 45 67',
    topic: 'bejegening',
    employeeName: 'Medewerker X',
    description:
      'Ik heb op 20 februari gebeld over mijn aanvraag. De medewerker was kortaf, gaf onjuiste informatie over de termijnen en beloofde terug te bellen, wat niet is gebeurd. ' +
      'Ook na een tweede e-mail kreeg ik geen antwoord. Ik wil graag dat dit wordt uitgezocht.',
    desiredSolution: 'Een gesprek met de leidinggevende en een excuus.',
  };
}

interface Measurement {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  non2xx: number;
}

/**
 * `effects: 'alongside'`: the office's queue carries out intake's effects in the same process while
 * the load runs (the local office as it is). `'after'`: they are held until the run is over and
 * then carried out (and checked): the answer path alone, as on AWS, where the effects function
 * runs them in another process.
 */
async function measureIntake(connections: number, effects: 'alongside' | 'after'): Promise<Measurement> {
  const office = await startLocalOffice({ procedurePath: PROCEDURE, port: 0, minFillMs: 0, tickSeconds: 0, limits: BULK_LIMITS });
  const queue = office.ctx.effectsAfterAnswer!;
  const held: Parameters<typeof queue.enqueue>[] = [];
  if (effects === 'after') office.ctx.effectsAfterAnswer = { every: false, enqueue: (...args) => void held.push(args) };
  try {
    // The office listens on 127.0.0.1; `localhost` may resolve to ::1 first.
    const url = office.url.replace('//localhost:', '//127.0.0.1:');
    const prefix = randomBytes(6).toString('hex');
    let n = 0;
    const tokenBase = Date.now();
    const result = await autocannon({
      url: `${url}/api/complaints`,
      connections,
      pipelining: 1,
      duration: SECONDS,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          // A JSON client sends back a form token from GET /api/form-token; minted here (one per
          // request, each at its own instant) so the load is intake alone.
          setupRequest: (req) => {
            const submissionId = `bench-${prefix}-${++n}`;
            return { ...req, body: JSON.stringify({ ...complaint(submissionId), formToken: formTokenAt(office.ctx.signer, tokenBase - n, submissionId) }) };
          },
        },
      ],
    });
    await drained();
    for (const args of held) queue.enqueue(...args);
    // Every 2xx must have filed a complaint: its receipt is in the outbox once the effects queue is done.
    await office.idle();
    const receipts = office.outbox.messages.filter((m) => m.to.some((a) => a.email === 'bench@example.nl')).length;
    const missing = Math.max(0, result['2xx'] - receipts);
    if (missing) console.error(`  ${missing} accepted complaint(s) without a receipt`);
    return {
      perSecond: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      errors: result.errors + result.timeouts + missing,
      non2xx: result.non2xx,
    };
  } finally {
    await office.close();
  }
}

/** Counts the calls (by command) and the write units of one DynamoDB client, from `start()` on. */
function countDynamo(client: DynamoDBClient) {
  let calls = new Map<string, number>();
  let writeUnits = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = context.commandName?.replace(/Command$/, '') ?? 'unknown';
      calls.set(op, (calls.get(op) ?? 0) + 1);
      const input = args.input as { ReturnConsumedCapacity?: string };
      const writes = WRITES.has(op);
      if (writes) input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (writes) {
        const used = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
        for (const c of [used ?? []].flat()) writeUnits += c.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCountCalls' },
  );
  return {
    start() {
      calls = new Map();
      writeUnits = 0;
    },
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    byOp: () => [...calls].sort((a, b) => b[1] - a[1]),
    writeUnits: () => writeUnits,
  };
}
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

const perOp = (ops: [string, number][], n: number) => ops.map(([k, c]) => `${k} ${fmt(c / n)}`).join(', ');

/**
 * DynamoDB calls of one web intake before its answer, and of its effects after it, over a few
 * sequential requests. The office holds effects back a moment (effectsDelayMs) so that none of
 * them runs before the answer has been counted.
 */
async function callsPerIntake(): Promise<string[]> {
  const office = await startLocalOffice({ procedurePath: PROCEDURE, port: 0, minFillMs: 0, tickSeconds: 0, effectsDelayMs: 300, limits: BULK_LIMITS });
  const counter = countDynamo(office.dynamo);
  captureCommit(office.dynamo);
  try {
    const url = office.url.replace('//localhost:', '//127.0.0.1:');
    let tokenCalls = 0;
    let tokenOps = new Map<string, number>();
    const post = async (id: string) => {
      counter.start();
      const body = JSON.stringify(await withFormToken(url, complaint(id)));
      tokenCalls += counter.total(); // the token's GET, counted apart from intake
      for (const [k, c] of counter.byOp()) tokenOps.set(k, (tokenOps.get(k) ?? 0) + c);
      counter.start();
      const res = await fetch(`${url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.text();
      if (res.status !== 201) throw new Error(`probe intake answered ${res.status}`);
    };
    await post('probe-warmup-1');
    await office.idle();
    tokenCalls = 0;
    tokenOps = new Map();
    const n = 10;
    let answer = 0;
    let after = 0;
    const answerOps = new Map<string, number>();
    const afterOps = new Map<string, number>();
    const add = (into: Map<string, number>) => counter.byOp().forEach(([k, c]) => into.set(k, (into.get(k) ?? 0) + c));
    for (let i = 0; i < n; i++) {
      await post(`probe-${i}-${randomBytes(4).toString('hex')}`);
      answer += counter.total();
      add(answerOps);
      counter.start();
      await office.idle();
      after += counter.total();
      add(afterOps);
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
    return [
      `${fmt(tokenCalls / n)} DynamoDB calls per form token, where the client is counted (${perOp(sorted(tokenOps), n)})`,
      `${fmt(answer / n)} DynamoDB calls per web intake before its answer (${perOp(sorted(answerOps), n)})`,
      `${fmt(after / n)} more after the answer, by the effects runner (${perOp(sorted(afterOps), n)})`,
      await lifeOfAComplaint(office, url, counter),
    ];
  } finally {
    await office.close();
  }
}

/** Write units of a complaint's whole life: web intake, acknowledge, the duties before a decision, decide (which closes it in HSS), close; effects included. */
async function lifeOfAComplaint(office: LocalOffice, url: string, counter: ReturnType<typeof countDynamo>): Promise<string> {
  const json = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  // Signing in is not part of the complaint's life: before counting.
  const email = 'directie@hss.example.nl';
  await json('POST', '/api/staff/login', { email });
  await office.idle();
  const link = [...office.outbox.messages].reverse().find((m) => m.to[0]!.email === email)!.text;
  const token = decodeURIComponent(/login\?token=([^\s"]+)/.exec(link)![1]!);
  const session = String((await json('POST', '/api/staff/session', { token })).body.sessionToken);

  counter.start();
  const steps: string[] = [];
  const filed = await json('POST', '/api/complaints', await withFormToken(url, complaint(`life-${randomBytes(4).toString('hex')}`)));
  const ref = String(filed.body.reference);
  await office.idle();
  steps.push(`intake ${fmt(counter.writeUnits(), 0)}`);
  const act = async (name: string, action: Record<string, unknown>) => {
    const before = counter.writeUnits();
    const r = await json('POST', `/api/staff/cases/${ref}/actions`, action, session);
    await office.idle();
    steps.push(r.status === 200 ? `${name} ${fmt(counter.writeUnits() - before, 0)}` : `${name} refused (${r.status}: ${String((r.body as { message?: unknown }).message ?? r.body.error ?? '')})`);
    return r;
  };
  await act('acknowledge', { type: 'acknowledge' });
  // The duties before a decision (Awb 9:9, 9:10): the copy to the person complained about handed over, the hearing waived.
  const detail = await json('GET', `/api/staff/cases/${ref}`, undefined, session);
  for (const d of (detail.body.duties as { duty: string; state: string; party?: string }[]).filter((d) => d.state === 'due' && (d.duty === 'copy' || d.duty === 'hearing')))
    await act(d.duty === 'copy' ? 'record-copy' : 'waive-hearing', d.duty === 'copy' ? { type: 'record-copy', party: d.party, how: 'hand' } : { type: 'waive-hearing', party: d.party, reason: 'declined' });
  const decided = await act('decide', { type: 'decide', outcome: 'gegrond', motivation: 'Het advies was onjuist.', measures: 'Uitleg aan het team.' });
  if ((decided.body as { status?: string }).status !== 'closed') await act('close', { type: 'close', reason: 'Afgehandeld.' });
  else steps.push('close 0 (decide closed it)');
  return `a complaint's life: ${fmt(counter.writeUnits(), 0)} write units (table; ${steps.join(', ')})`;
}

/**
 * The baseline writes what intake writes: the commit item of a real web intake (captured from the
 * office's client in `callsPerIntake`), each time under a new key, to a table with the same indexes.
 */
let commitItem: Record<string, AttributeValue> | undefined;
function captureCommit(client: DynamoDBClient) {
  client.middlewareStack.add(
    (next) => async (args) => {
      const item = (args.input as { Item?: Record<string, AttributeValue> }).Item;
      if (item?.type?.S === 'commit' && item.seq?.N === '1') commitItem ??= structuredClone(item);
      return next(args);
    },
    { step: 'initialize', name: 'benchCaptureCommit' },
  );
}
function baselineItem(i: number, prefix: string): Record<string, AttributeValue> {
  if (!commitItem) throw new Error('no commit item captured');
  return { ...commitItem, pk: { S: `CASE#BENCH-${prefix}-${i}` }, caseRef: { S: `BENCH-${prefix}-${i}` } };
}

async function measurePutItem(concurrency: number): Promise<Measurement> {
  const dynamo = await startDynalite();
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await ensureTable(client, TABLE);
    const prefix = randomBytes(6).toString('hex');
    const latencies: number[] = [];
    let errors = 0;
    let i = 0;
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await client.send(new PutItemCommand({ TableName: TABLE, Item: baselineItem(++i, prefix) }));
            latencies.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ok: latencies.length, errors, non2xx: 0 };
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** A table row: medians of the runs, and the ratio to the PutItem baseline measured alongside. */
function row(c: number, effects: string, intake: Measurement[], put: Measurement[]): string[] {
  const ips = median(intake.map((m) => m.perSecond));
  const pps = median(put.map((m) => m.perSecond));
  return [
    String(c),
    effects,
    fmt(ips),
    fmt(median(intake.map((m) => m.p50))),
    fmt(median(intake.map((m) => m.p99))),
    fmt(pps),
    fmt(median(put.map((m) => m.p50)), 2),
    fmt(ips / pps, 3),
    String(intake.reduce((s, m) => s + m.errors, 0) + put.reduce((s, m) => s + m.errors, 0)),
    String(intake.reduce((s, m) => s + m.non2xx, 0)),
  ];
}

async function main() {
  const total = CONCURRENCY.length * RUNS * 3 * SECONDS;
  console.log(`intake bench: ${SECONDS} s per measurement, ${RUNS} run(s), concurrency ${CONCURRENCY.join(', ')} — about ${Math.ceil(total / 60)} min`);
  for (const line of await callsPerIntake()) console.log(line);
  console.log(`baseline: PutItem of a web intake's own commit item (${itemSize(baselineItem(1, 'x'.repeat(12)))} bytes, with its pending-index entry); node ${process.version}`);
  const rows: string[][] = [];
  let failures = 0;
  for (const c of CONCURRENCY) {
    const intake = { alongside: [] as Measurement[], after: [] as Measurement[] };
    const put: Measurement[] = [];
    for (let r = 1; r <= RUNS; r++) {
      for (const mode of ['alongside', 'after'] as const) {
        const a = await measureIntake(c, mode);
        intake[mode].push(a);
        console.log(`  c=${c} run ${r}/${RUNS} intake, effects ${mode.padEnd(9)}: ${fmt(a.perSecond)} req/s, p50 ${fmt(a.p50)} ms, p99 ${fmt(a.p99)} ms, 2xx ${a.ok}, errors ${a.errors}, non-2xx ${a.non2xx}`);
      }
      const b = await measurePutItem(c);
      put.push(b);
      console.log(`  c=${c} run ${r}/${RUNS} PutItem: ${fmt(b.perSecond)} /s, p50 ${fmt(b.p50, 2)} ms, p99 ${fmt(b.p99, 2)} ms, ok ${b.ok}, errors ${b.errors}`);
    }
    for (const mode of ['alongside', 'after'] as const) rows.push(row(c, mode, intake[mode], put));
    failures += rows.slice(-2).reduce((sum, r) => sum + Number(r.at(-2)) + Number(r.at(-1)), 0);
  }
  const head = ['concurrency', 'effects', 'intake req/s', 'p50 ms', 'p99 ms', 'PutItem/s', 'PutItem p50 ms', 'ratio intake/PutItem', 'errors', 'non-2xx'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((x, i) => x.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`\nmedians of ${RUNS} run(s) × ${SECONDS} s`);
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  if (failures) {
    console.error(`\n${failures} error(s)/non-2xx response(s): the numbers above are not trustworthy`);
    process.exitCode = 1;
  }
}

await main();

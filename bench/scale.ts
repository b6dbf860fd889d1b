/**
 * Does the staff list and the quarterly report cost follow the table or the work? Both are timed
 * per request on a table of 1,000 and one of 100,000 stored cases (90 % closed).
 *
 *   npm run bench:scale
 *   BENCH_RUNS=9 BENCH_SIZES=1000,10000,100000 npm run bench:scale
 *
 * Each size gets a fresh embedded in-memory dynalite, loaded in bulk through the store adapter
 * (`createBulkWriter`: the store's own item codecs, BatchWriteItem; not the HTTP path, which would
 * take hours at 100,000). The cases arrive at a steady 1 a day, going back from the benchmark's
 * "now" (1,000 cases cover the report's five quarters; 100,000 reach back 274 years): a larger table is a longer history, with the
 * same work per quarter. Every tenth case is still running (open, to complete or decided, its
 * term due 6 weeks after receipt); the rest are closed, with their anonymous register row filed.
 *
 * Timed, after one warm-up: the first page of the staff list as the director sees it (default
 * sort, 25 cases, with the counts per status, which a process recounts at most every 30 s per
 * staff member), the inventory report of the last completed quarter (with its four quarters
 * before), and, apart, the counting itself (it follows the running cases). Prints the medians and
 * the ratio 100,000 : 1,000.
 */
import { fileURLToPath } from 'node:url';
import { COUNTS_FRESH_MS, countNow, listCases } from '../shared/app/case-list.ts';
import type { AppContext } from '../shared/app/context.ts';
import { buildReport } from '../shared/app/reports/build.ts';
import { loadProcedureFile } from '../shared/procedure/load.ts';
import { parsePeriod } from '../shared/reports/periods.ts';
import { REGISTER_BOOK, type RegisterFigures } from '../shared/reports/figures.ts';
import { staffMember } from '../shared/staff/auth.ts';
import { createBulkWriter, createDynamoCaseStore, ensureTable } from '../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite } from '../shared/store/embedded.ts';
import type { CaseSummary, LedgerEntry } from '../shared/store/port.ts';

const RUNS = positiveInt('BENCH_RUNS', 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map((s) => Number(s.trim()));
if (SIZES.some((n) => !Number.isSafeInteger(n) || n < 10)) throw new Error(`BENCH_SIZES must be integers of at least 10, got ${process.env.BENCH_SIZES}`);
const NOW = '2026-11-29T09:00:00.000Z';
const QUARTER = parsePeriod('2026-Q3')!;
const PER_DAY = 1;
const DAY = 86_400_000;
const { procedure, hash } = loadProcedureFile(fileURLToPath(new URL('../procedures/hss.yaml', import.meta.url)));
const director = staffMember(procedure, 'directie@hss.example.nl')!;
const RUNNING = ['open', 'open', 'open', 'to-complete', 'decided'] as const;

/** Case `i`: received i days before now; every tenth still running. */
function caseOf(i: number): { summary: CaseSummary; row?: LedgerEntry } {
  const received = new Date(Date.parse(NOW) - Math.floor((i * DAY) / PER_DAY) - 3_600_000);
  const receivedAt = received.toISOString();
  const receivedOn = receivedAt.slice(0, 10);
  const caseRef = `HSS-${receivedAt.slice(0, 4)}-${String(i).padStart(6, '0')}`;
  const running = i % 10 === 0;
  const closedAt = new Date(received.getTime() + 30 * DAY).toISOString();
  const summary: CaseSummary = {
    caseRef,
    procedureId: procedure.id,
    status: running ? RUNNING[(i / 10) % RUNNING.length]! : 'closed',
    stage: 'directie',
    receivedAt,
    nextDueAt: running ? new Date(received.getTime() + 42 * DAY).toISOString() : new Date(Date.parse(closedAt) + 730 * DAY).toISOString(),
    updatedAt: receivedAt,
    seq: running ? 3 : 8,
    data: {
      channel: i % 3 ? 'web' : 'email',
      topic: 'advies',
      name: `Klager ${i}`,
      handler: 'directie@hss.example.nl',
      ...(running ? { nextTerm: 'standpunt', nextLastDay: new Date(received.getTime() + 42 * DAY).toISOString().slice(0, 10) } : {}),
      admissibility: 'not-needed',
      concerned: [],
    },
  };
  if (running) return { summary };
  const figures: RegisterFigures = {
    v: 1,
    receivedOn,
    closedOn: closedAt.slice(0, 10),
    channel: summary.data.channel as string,
    topic: 'advies',
    status: 'closed',
    outcome: i % 2 ? 'gegrond' : 'ongegrond',
    stage: 'directie',
    stages: 1,
    days: 30,
    terms: [{ stage: 'directie', term: 'standpunt', result: i % 7 ? 'met' : 'missed', extended: false }],
    escalations: 0,
    measures: false,
    late: false,
  };
  return { summary, row: { id: `r${i}`, on: figures.closedOn, data: { ...figures } } };
}

async function measure(size: number): Promise<{ list: number; counts: number; report: number; loadSeconds: number }> {
  const dynamo = await startDynalite();
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await ensureTable(client, 'bench');
    const bulk = createBulkWriter({ client, tableName: 'bench' });
    const t0 = performance.now();
    const CHUNK = 500;
    const chunks: number[] = [];
    for (let i = 0; i < size; i += CHUNK) chunks.push(i);
    // A few chunks at once: dynalite is one process, more would only queue.
    for (let c = 0; c < chunks.length; c += 4) {
      await Promise.all(
        chunks.slice(c, c + 4).map(async (start) => {
          const cases = Array.from({ length: Math.min(CHUNK, size - start) }, (_, k) => caseOf(start + k));
          await bulk.summaries(cases.map((x) => x.summary));
          await bulk.ledger(REGISTER_BOOK, cases.flatMap((x) => (x.row ? [x.row] : [])));
        }),
      );
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const ctx = { procedure, procedureHash: hash, store: createDynamoCaseStore({ client, tableName: 'bench' }), clock: { now: () => NOW } } as unknown as AppContext;
    const firstPage = async () => {
      const page = await listCases(ctx, director, { sort: 'due', limit: 25 });
      if (page.cases.length !== 25 || !page.next) throw new Error('the first page is not full');
    };
    const report = async () => {
      const r = await buildReport(ctx, QUARTER);
      if (r.figures.received.total === 0) throw new Error('the quarter has no cases');
    };
    const counts = async () => {
      await countNow(ctx, director);
    };
    return { list: await median(firstPage), counts: await median(counts), report: await median(report), loadSeconds };
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

async function median(run: () => Promise<void>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

const results: { size: number; list: number; counts: number; report: number; loadSeconds: number }[] = [];
for (const size of SIZES) {
  const r = await measure(size);
  results.push({ size, ...r });
  console.log(`${size.toLocaleString('en')} cases loaded in ${r.loadSeconds.toFixed(1)} s: list first page ${r.list.toFixed(1)} ms, counts per status ${r.counts.toFixed(1)} ms, quarterly report ${r.report.toFixed(1)} ms (medians of ${RUNS})`);
}
const [small, large] = [results[0]!, results.at(-1)!];
console.log('');
console.log(`| stored cases (90 % closed) | staff list, first page | quarterly report | counting per status (once per ${COUNTS_FRESH_MS / 1000} s per staff member) |`);
console.log(`|---|---|---|---|`);
for (const r of results) console.log(`| ${r.size.toLocaleString('en')} | ${r.list.toFixed(1)} ms | ${r.report.toFixed(1)} ms | ${r.counts.toFixed(1)} ms |`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
console.log(`| ratio ${large.size.toLocaleString('en')} : ${small.size.toLocaleString('en')} | ${ratio(large.list, small.list)} | ${ratio(large.report, small.report)} | ${ratio(large.counts, small.counts)} |`);
const within = large.list / small.list <= 1.5 && large.report / small.report <= 1.5;
console.log(within ? 'Within 1.5×: the cost follows the work, not the table.' : 'NOT within 1.5×.');

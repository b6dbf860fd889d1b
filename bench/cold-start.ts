/**
 * Cold start, the part we control: how long each function's bundle takes to load (module scope)
 * in a fresh Node process, against a baseline bundle that only creates the same five AWS SDK
 * clients. Bundled with esbuild exactly as the stack does (infra/stack/bundle-options.ts).
 *
 *   npm run bench:cold [-- --runs 7]
 *
 * Each run is a new `node` process that imports the bundle and prints the time the import took
 * (`performance.now()` around `await import()`), with dummy environment variables; the handlers
 * make their context lazily on the first invocation, so nothing here talks to AWS. Runs are
 * interleaved across bundles so drift hits all alike. Reported: the median, and the ratio to the
 * baseline; once plain and once with `--enable-source-maps`, which the functions run with.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_BUDGET_BYTES, esbuildOptions, FUNCTION_ENTRIES, FUNCTION_KEYS, PROJECT_ROOT, writeCompiledProcedure, type FunctionKey } from '../infra/stack/bundle-options.ts';
import { SIDE_FILES, writeSideFiles } from '../infra/stack/side-files.ts';
import { loadProcedureFile } from '../shared/procedure/load.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Number(runsArg > 0 ? process.argv[runsArg + 1] : (process.env.RUNS ?? 7));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a whole number ≥ 1');

const DUMMY_ENV: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'dummy',
  TABLE_NAME: 'cases',
  BUCKET: 'bucket',
  MAIL_PREFIX: 'inbound/',
  PUBLIC_URL: 'https://klachten.example.nl',
  REPLY_DOMAIN: 'reply.example.nl',
  SES_CONFIGURATION_SET: 'mail',
  SCHEDULE_GROUP: 'deadlines',
  DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:bench-deadline',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
  DEADLINE_DLQ_ARN: 'arn:aws:sqs:eu-west-1:123456789012:dlq',
  SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-AbCdEf',
  PROCEDURE_FILE: 'procedure.json',
};

/** What every function pays anyway: the five SDK clients, made at module scope. */
const BASELINE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
const region = process.env.AWS_REGION;
export const clients = [new DynamoDBClient({ region }), new S3Client({ region }), new SESClient({ region }), new SchedulerClient({ region }), new SecretsManagerClient({ region })];
export const handler = async () => clients.length;
`;

type Name = 'baseline' | FunctionKey;

async function bundleAll(dir: string): Promise<Map<Name, string>> {
  const files = new Map<Name, string>();
  const baseline = join(dir, 'baseline', 'index.mjs');
  const { entryPoints: _unused, ...options } = esbuildOptions('', baseline);
  await build({ ...options, stdin: { contents: BASELINE, resolveDir: PROJECT_ROOT, sourcefile: 'baseline.ts', loader: 'ts' } });
  files.set('baseline', baseline);
  const procedure = loadProcedureFile(resolve(PROJECT_ROOT, 'procedures/hss.yaml'));
  for (const key of FUNCTION_KEYS) {
    const out = join(dir, key, 'index.mjs');
    await build(esbuildOptions(resolve(PROJECT_ROOT, FUNCTION_ENTRIES[key]), out));
    writeCompiledProcedure(procedure, join(dir, key));
    // Beside the bundle, as the stack ships them; not loaded here (only first use loads them).
    writeSideFiles(key, join(dir, key));
    files.set(key, out);
  }
  return files;
}

/** The import of `file` in a fresh process; with `after`, the import of `after` once `file` is loaded (a side file's first use). */
function loadTimeMs(file: string, sourceMaps: boolean, after?: string): number {
  const url = (f: string) => JSON.stringify(pathToFileURL(f).href);
  const script = after
    ? `await import(${url(file)}); const t = performance.now(); await import(${url(after)}); console.log(performance.now() - t);`
    : `const t = performance.now(); await import(${url(file)}); console.log(performance.now() - t);`;
  // --no-warnings: the SDK warns once per process when Node is older than it likes (this machine has Node 20).
  const out = execFileSync(process.execPath, ['--no-warnings', ...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...DUMMY_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const ms = Number(out.trim().split('\n').pop());
  if (!Number.isFinite(ms)) throw new Error(`no timing from ${file}: ${out}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'klachtenloket-cold-'));
  try {
    const t0 = performance.now();
    const files = await bundleAll(dir);
    console.log(`bundled ${files.size} bundles in ${(performance.now() - t0).toFixed(0)} ms (esbuild, as the stack); node ${process.version}, ${RUNS} runs each\n`);
    const names = [...files.keys()];
    const times = new Map<string, number[]>(names.flatMap((n) => [[`${n}:plain`, []], [`${n}:maps`, []]] as [string, number[]][]));
    // One warm-up import per bundle (file cache), not counted.
    for (const n of names) loadTimeMs(files.get(n)!, false);
    for (let run = 0; run < RUNS; run++) {
      for (const n of names) {
        times.get(`${n}:plain`)!.push(loadTimeMs(files.get(n)!, false));
        times.get(`${n}:maps`)!.push(loadTimeMs(files.get(n)!, true));
      }
    }
    const base = { plain: median(times.get('baseline:plain')!), maps: median(times.get('baseline:maps')!) };
    const rows = names.map((n) => {
      const plain = median(times.get(`${n}:plain`)!);
      const maps = median(times.get(`${n}:maps`)!);
      const size = statSync(files.get(n)!).size;
      const budget = n === 'baseline' ? undefined : BUNDLE_BUDGET_BYTES[n];
      return {
        bundle: n,
        KiB: (size / 1024).toFixed(0),
        'budget KiB': budget ? (budget / 1024).toFixed(0) : '-',
        'load ms (median)': plain.toFixed(1),
        'x baseline': (plain / base.plain).toFixed(2),
        'with source maps ms': maps.toFixed(1),
        'x baseline (maps)': (maps / base.maps).toFixed(2),
      };
    });
    console.table(rows);
    const header = Object.keys(rows[0]!);
    console.log(['', ...header, ''].join(' | ').trim());
    console.log(['', ...header.map(() => '---'), ''].join(' | ').trim());
    for (const r of rows) console.log(['', ...header.map((h) => String(r[h as keyof typeof r])), ''].join(' | ').trim());
    // What the first use of a side file costs, once per container: its import after the bundle (staff's, with source maps as deployed).
    console.log('');
    for (const s of SIDE_FILES) {
      const side = join(dir, 'staff', s.file);
      const ms = median(Array.from({ length: RUNS }, () => loadTimeMs(files.get('staff')!, true, side)));
      console.log(`${s.file} beside ${s.functions.join(', ')}: ${(statSync(side).size / 1024).toFixed(0)} KiB, loaded on first use: ${ms.toFixed(1)} ms (median, after the staff bundle, with source maps)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * The one infra test that bundles: NodejsFunction with the local esbuild (no Docker), as
 * `cdk synth`/`cdk deploy` does. Each function's bundle stays within its size budget, never
 * contains date-holidays, carries the ESM require banner and the procedure file, and loads in a
 * fresh Node process (module scope must not need AWS: the context is made on first invocation).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_SYSTEM_CSS_FILE } from '../../shared/web/stylesheet.ts';
import { PDF_FUNCTIONS } from '../../infra/stack/pdf-fonts.ts';
import { S3_ON_DEMAND_FUNCTIONS } from '../../infra/stack/side-files.ts';
import { GRANTS } from '../../infra/stack/grants.ts';
import { BUNDLE_BUDGET_BYTES, ESM_REQUIRE_BANNER, FORBIDDEN_IN_BUNDLES, FUNCTION_KEYS, PDFKIT_FILE, PROJECT_ROOT, S3_FILE } from '../../infra/stack/bundle-options.ts';
import { COMPILED_PROCEDURE_FILE, readCompiledProcedure } from '../../shared/procedure/compiled.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import type { OfficeStack } from '../../infra/stack/office-stack.ts';
import { logicalId, makeApp, removeOutdirs, resourcesOf } from './support.ts';

const PROCEDURE = 'procedures/hss.yaml';

/** Dummy values: module scope must not read them, but a bundle that did should not throw on absence. */
const DUMMY_ENV = {
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'cases',
  BUCKET: 'bucket',
  MAIL_PREFIX: 'inbound/',
  PUBLIC_URL: 'https://klachten.example.nl',
  REPLY_DOMAIN: 'reply.example.nl',
  SCHEDULE_GROUP: 'deadlines',
  DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:x-deadline',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
  DEADLINE_DLQ_ARN: 'arn:aws:sqs:eu-west-1:123456789012:dlq',
  SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-AbCdEf',
};

describe('bundling (local esbuild)', () => {
  let stack: OfficeStack;
  let assetDir: (key: (typeof FUNCTION_KEYS)[number]) => string;

  beforeAll(() => {
    const made = makeApp([{ procedure: PROCEDURE }], { bundle: true });
    stack = made.stacks[0]!;
    const resources = resourcesOf(Template.fromStack(stack));
    assetDir = (key) => {
      const code = resources[logicalId(stack, stack.service.functions[key])]!.Properties!.Code as { S3Key: string };
      return join(made.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    };
  }, 180_000);
  afterAll(removeOutdirs);

  it.each(FUNCTION_KEYS)('%s: within budget, no date-holidays, ESM banner, source map, the compiled procedure.json', (key) => {
    const dir = assetDir(key);
    const bundle = join(dir, 'index.mjs');
    const size = statSync(bundle).size;
    console.log(`bundle ${key}: ${(size / 1024).toFixed(0)} KiB of ${(BUNDLE_BUDGET_BYTES[key] / 1024).toFixed(0)} KiB budget`);
    expect(size).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES[key]);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    // The source map lists every input file: none may come from a forbidden package.
    const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.length).toBeGreaterThan(10);
    for (const pkg of FORBIDDEN_IN_BUNDLES) {
      expect(map.sources.filter((s) => s.includes(`node_modules/${pkg}/`))).toEqual([]);
      expect(code).not.toContain(`node_modules/${pkg}`);
    }
    // The AWS SDK is bundled, not taken from the runtime.
    expect(map.sources.some((s) => s.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
    expect(readCompiledProcedure(readFileSync(join(dir, COMPILED_PROCEDURE_FILE), 'utf8'))).toEqual(loadProcedureFile(join(PROJECT_ROOT, PROCEDURE)));
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    // The public function serves the pages' stylesheet from its bundle (no CDN); the others need none.
    expect(existsSync(join(dir, DESIGN_SYSTEM_CSS_FILE))).toBe(key === 'public');
    if (key === 'public') expect(readFileSync(join(dir, DESIGN_SYSTEM_CSS_FILE), 'utf8')).toContain('.utrecht-button');
  });

  it.each(FUNCTION_KEYS)('%s: pdfkit never in the bundle; a function that makes PDFs has it beside, with its font metrics', (key) => {
    const dir = assetDir(key);
    const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    // Used only for a letter's PDF, yet parsed at every cold start if it were inlined.
    expect(map.sources.filter((s) => s.includes('node_modules/pdfkit/'))).toEqual([]);
    // A function whose code asks for pdfkit's file must ship it, or a PDF download would fail.
    if (readFileSync(join(dir, 'index.mjs'), 'utf8').includes(PDFKIT_FILE)) expect(PDF_FUNCTIONS).toContain(key);
    expect(existsSync(join(dir, PDFKIT_FILE))).toBe(PDF_FUNCTIONS.includes(key));
    expect(existsSync(join(dir, 'standard-fonts', 'Helvetica.cjs'))).toBe(PDF_FUNCTIONS.includes(key));
    if (!PDF_FUNCTIONS.includes(key)) return;
    const pdfkitMap = JSON.parse(readFileSync(join(dir, `${PDFKIT_FILE}.map`), 'utf8')) as { sources: string[] };
    expect(pdfkitMap.sources.some((s) => s.includes('node_modules/pdfkit/'))).toBe(true);
    for (const pkg of FORBIDDEN_IN_BUNDLES) expect(pdfkitMap.sources.filter((s) => s.includes(`node_modules/${pkg}/`))).toEqual([]);
    // As pdfkit asks for the fonts: a require made for its own file's URL.
    const url = pathToFileURL(join(dir, PDFKIT_FILE)).href;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; console.log(createRequire(${JSON.stringify(url)})('#standard-fonts/HelveticaBold').name);`], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('Helvetica-Bold');
  });

  it.each(FUNCTION_KEYS)('%s: the S3 client is in the bundle only where every invocation reads S3; elsewhere beside it, loaded on first use', (key) => {
    const dir = assetDir(key);
    const onDemand = S3_ON_DEMAND_FUNCTIONS.includes(key);
    const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    const usesFiles = GRANTS[key].blobs.length > 0 || GRANTS[key].readsInboundMail;
    expect(map.sources.some((s) => s.includes('node_modules/@aws-sdk/client-s3/'))).toBe(usesFiles && !onDemand);
    // A function whose code asks for the S3 file must ship it, or its first file would fail.
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8').includes(S3_FILE)).toBe(onDemand);
    expect(existsSync(join(dir, S3_FILE))).toBe(onDemand);
    if (!onDemand) return;
    const s3Map = JSON.parse(readFileSync(join(dir, `${S3_FILE}.map`), 'utf8')) as { sources: string[] };
    expect(s3Map.sources.some((s) => s.includes('node_modules/@aws-sdk/client-s3/'))).toBe(true);
    // Only the store and the client: no case store, no procedure, no texts.
    expect(s3Map.sources.filter((s) => s.includes('shared/') && !/shared\/(aws\/(s3-files|bucket-layout|per-region)|blobs\/s3)\.ts$/.test(s))).toEqual([]);
    const url = pathToFileURL(join(dir, S3_FILE)).href;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); console.log(typeof m.s3Files, await m.s3Client('eu-west-1').config.region());`], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('function eu-west-1');
  });

  it.each(FUNCTION_KEYS)('%s: loads in a fresh Node process and exports a handler', (key) => {
    const url = pathToFileURL(join(assetDir(key), 'index.mjs')).href;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`], {
      env: { PATH: process.env.PATH, ...DUMMY_ENV },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out.trim()).toBe('function');
  });
});

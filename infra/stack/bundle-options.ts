/**
 * How every Lambda function is bundled: one place, used by the CDK stack (NodejsFunction's esbuild
 * options) and by `bench/cold-start.ts` (esbuild's API), so the benchmark measures what is deployed.
 * Kept free of aws-cdk-lib imports: the benchmark should not pay for loading the CDK.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_PROCEDURE_FILE, serializeProcedure } from '../../shared/procedure/compiled.ts';
import type { LoadedProcedure } from '../../shared/procedure/load.ts';

/** The repository root (where package.json, functions/ and procedures/ are). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One Lambda function per job: its entry point (relative to the project root) and its exported handler. */
export const FUNCTION_ENTRIES = {
  public: 'functions/public.ts',
  staff: 'functions/staff.ts',
  inbound: 'functions/inbound-mail.ts',
  deadline: 'functions/deadline.ts',
  sweeper: 'functions/sweeper.ts',
  effects: 'functions/effects.ts',
} as const;

export type FunctionKey = keyof typeof FUNCTION_ENTRIES;
export const FUNCTION_KEYS = Object.keys(FUNCTION_ENTRIES) as FunctionKey[];

/**
 * ESM bundles need a real `require` for the CommonJS code esbuild leaves as dynamic requires
 * (e.g. `require("stream")` in CommonJS packages): without it the bundle throws "Dynamic require of stream is
 * not supported" at load.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * pdfkit's own file beside the bundle of a function that makes PDFs (infra/stack/pdf-fonts.ts): loaded
 * only when a PDF is made (shared/mail/pdfkit.ts), so it is not parsed at every cold start.
 */
export const PDFKIT_FILE = 'pdfkit.mjs';

/**
 * The S3 client and the case files' store, a file beside the bundle of a function where files are a
 * rare path (infra/stack/side-files.ts), loaded on first use (shared/aws/s3-files-on-demand.ts).
 */
export const S3_FILE = 's3.mjs';

/** The Lambda runtime's Node.js major version (the stack uses Runtime.NODEJS_22_X). */
export const NODE_TARGET = 'node22';

/**
 * The esbuild settings, as NodejsFunction knows them (minify, keepNames, sourceMap, format esm,
 * mainFields, banner; the AWS SDK is bundled, not taken from the runtime) and as esbuild's API
 * knows them (`esbuildOptions`).
 */
export const BUNDLE = {
  minify: true,
  /**
   * Not kept (NodejsFunction's default): esbuild would wrap every function and class in a naming
   * call run at load (`npm run bench:cold`: about a tenth of the inbound function's load). What is
   * logged is `e.name`, which our errors and the SDK's set themselves; nothing reads `constructor.name`
   * but messages and checks of built-in types.
   */
  keepNames: false,
  /** External `.map` files next to the bundle; Lambda gets NODE_OPTIONS=--enable-source-maps. */
  sourceMap: true,
  /** The map's `sourcesContent` would double its size and is not needed to map stack traces. */
  sourcesContent: false,
  /** Prefer packages' ES module builds (smaller, tree-shakable), e.g. the AWS SDK's dist-es. */
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: NODE_TARGET,
  /** Packages replaced by a stand-in: fontkit (with brotli), which pdfkit needs only for embedded fonts (infra/stack/fontkit-stub.ts). */
  alias: { fontkit: join(PROJECT_ROOT, 'infra/stack/fontkit-stub.ts') },
  /** Where the bundle finds pdfkit (shared/mail/pdfkit.ts) and S3 (shared/aws/s3-files-on-demand.ts); esbuild then leaves them out. */
  define: { 'import.meta.pdfkitFile': JSON.stringify(`./${PDFKIT_FILE}`), 'import.meta.s3File': JSON.stringify(`./${S3_FILE}`) },
} as const;

/**
 * Bundle size budgets, on the minified `index.mjs` (the `.map` beside it is read at load too, with
 * --enable-source-maps: `npm run bench:cold` measured +10-20 ms). Set from the sizes of 29 November 2026
 * (@aws-sdk 3.1169, zod/mini 4.6, postal-mime 4.0), once each function carried only the SDK clients it
 * calls (functions/*.ts `services`): public 595 KiB, staff 712, inbound 987, deadline 556, sweeper 591,
 * effects 575; DynamoDB and Secrets Manager alone are 335 KiB. Not counted: the side files loaded
 * on first use (infra/stack/side-files.ts: pdfkit 153 KiB, S3 421 KiB). The budgets leave about 20%
 * headroom: load time follows size (`npm run bench:cold`), so growing past one should be a decision,
 * not an accident.
 */
export const BUNDLE_BUDGET_BYTES: Record<FunctionKey, number> = {
  public: 720 * 1024,
  staff: 860 * 1024,
  inbound: 1190 * 1024,
  deadline: 670 * 1024,
  sweeper: 710 * 1024,
  effects: 690 * 1024,
};

/**
 * Packages that must never be in a bundle (date-holidays: ≈1.4 MB, the calendar uses a generated
 * table; beautiful-mermaid: the regeling's diagram is drawn at build time, infra/stack/public-assets.ts;
 * fontkit and its brotli: replaced by BUNDLE.alias).
 */
export const FORBIDDEN_IN_BUNDLES = ['date-holidays', 'beautiful-mermaid', 'fontkit', 'brotli'];

/** The same settings for esbuild's `build()` (what NodejsFunction passes on its command line). */
export function esbuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    keepNames: BUNDLE.keepNames,
    sourcemap: BUNDLE.sourceMap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    alias: { ...BUNDLE.alias },
    define: { ...BUNDLE.define },
    metafile: true,
    logLevel: 'warning' as const,
  };
}

/**
 * How the procedure reaches a bundle: parsed and validated at build time (synth reads it with
 * loadProcedureFile), written as `procedure.json` into `dir` (the stack copies it next to each bundle; the functions read it with
 * a JSON.parse, see shared/procedure/compiled.ts). An invalid procedure fails the build, not a cold start.
 */
export function writeCompiledProcedure(loaded: LoadedProcedure, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, COMPILED_PROCEDURE_FILE);
  writeFileSync(out, serializeProcedure(loaded));
  return out;
}

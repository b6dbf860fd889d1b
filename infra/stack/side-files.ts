/**
 * Files shipped beside a function's bundle and loaded only on first use, so that a cold start does
 * not parse them: pdfkit where letters are made into PDFs (infra/stack/pdf-fonts.ts), and the S3
 * client where files are a rare path (shared/aws/s3-files-on-demand.ts). The stack writes them at
 * synth (service/functions.ts); the bundle tests and `npm run bench:cold` do the same. A bundle whose
 * code names a side file must have it beside it (test/infra/bundle.test.ts).
 */
import { buildSync } from 'esbuild';
import { join, resolve } from 'node:path';
import { esbuildOptions, PDFKIT_FILE, PROJECT_ROOT, S3_FILE, type FunctionKey } from './bundle-options.ts';
import { PDF_FUNCTIONS, writePdfKit } from './pdf-fonts.ts';

/** The functions whose entry takes S3 on first use (functions/*.ts `services.files`): all but inbound, which reads every message from S3. */
export const S3_ON_DEMAND_FUNCTIONS: readonly FunctionKey[] = ['public', 'staff', 'sweeper', 'effects'];

/** Writes S3_FILE (with its source map): shared/aws/s3-files.ts bundled alone, with the same settings as the functions. */
export function writeS3File(dir: string): void {
  buildSync(esbuildOptions(resolve(PROJECT_ROOT, 'shared/aws/s3-files.ts'), join(dir, S3_FILE)));
}

export const SIDE_FILES: readonly { file: string; functions: readonly FunctionKey[]; write: (dir: string) => void }[] = [
  { file: PDFKIT_FILE, functions: PDF_FUNCTIONS, write: writePdfKit },
  { file: S3_FILE, functions: S3_ON_DEMAND_FUNCTIONS, write: writeS3File },
];

/** Whether a function ships any side file. */
export const hasSideFiles = (key: FunctionKey) => SIDE_FILES.some((s) => s.functions.includes(key));

/** Writes every side file of function `key` into `dir` (its bundle's directory, or one copied into it). */
export function writeSideFiles(key: FunctionKey, dir: string): void {
  for (const s of SIDE_FILES) if (s.functions.includes(key)) s.write(dir);
}

/**
 * pdfkit for the functions that make PDFs, shipped beside their bundle rather than in it.
 *
 * pdfkit itself: its own file (PDFKIT_FILE), bundled with the same esbuild settings as the functions
 * (fontkit stubbed), loaded by shared/mail/pdfkit.ts only when a PDF is made, so cold start does not
 * parse it.
 *
 * Its built-in fonts' metrics (Helvetica): pdfkit's Node build loads them at run time with
 * `createRequire(import.meta.url)('#standard-fonts/Helvetica')`, a package `imports` specifier that
 * esbuild cannot see and Node resolves from the package.json nearest to the file. So beside it go
 * pdfkit's CommonJS font files and a package.json that maps the specifier to them, the same mapping
 * as pdfkit's own. The stack writes all this at synth (service/functions.ts); the bundle tests and
 * `npm run bench:cold` do the same.
 */
import { cpSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { esbuildOptions, PDFKIT_FILE, PROJECT_ROOT, type FunctionKey } from './bundle-options.ts';

/** The functions that render a PDF: staff (letters by post). The regeling's PDF is made by `npm run procedure -- publish`, not on AWS. */
export const PDF_FUNCTIONS: readonly FunctionKey[] = ['staff'];

/** Writes PDFKIT_FILE (with its source map), package.json and standard-fonts/ into `dir` (the bundle's directory, or one copied into it). */
export function writePdfKit(dir: string): void {
  const { entryPoints: _none, ...options } = esbuildOptions('', join(dir, PDFKIT_FILE));
  buildSync({ ...options, stdin: { contents: "export { default } from 'pdfkit';", resolveDir: PROJECT_ROOT, sourcefile: 'pdfkit-entry.ts', loader: 'ts' } });
  const fonts = dirname(createRequire(import.meta.url).resolve('pdfkit/standard-fonts/Helvetica'));
  cpSync(fonts, join(dir, 'standard-fonts'), { recursive: true, filter: (f) => f.endsWith('.cjs') || statSync(f).isDirectory() });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, imports: { '#standard-fonts/*': './standard-fonts/*.cjs' } }, null, 2)}\n`);
}

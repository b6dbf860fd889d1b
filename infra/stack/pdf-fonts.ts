/**
 * The metrics of pdfkit's built-in fonts (Helvetica), shipped next to the bundles that make PDFs.
 * pdfkit's Node build loads them at run time with `createRequire(import.meta.url)('#standard-fonts/Helvetica')`:
 * a package `imports` specifier that esbuild cannot see and Node resolves from the package.json
 * nearest to the bundle. So such a bundle gets pdfkit's CommonJS font files and a package.json that
 * maps the specifier to them, the same mapping as pdfkit's own. Read only when a PDF is made, so
 * cold start does not change. The stack copies them (service/functions.ts); the bundle tests do the same.
 */
import { cpSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FunctionKey } from './bundle-options.ts';

/** The functions that render a PDF: staff (letters by post). The regeling's PDF is made by `npm run procedure -- publish`, not on AWS. */
export const PDF_FUNCTIONS: readonly FunctionKey[] = ['staff'];

/** Writes package.json and standard-fonts/ into `dir` (the bundle's directory, or one copied into it). */
export function writePdfFonts(dir: string): void {
  const fonts = dirname(createRequire(import.meta.url).resolve('pdfkit/standard-fonts/Helvetica'));
  cpSync(fonts, join(dir, 'standard-fonts'), { recursive: true, filter: (f) => f.endsWith('.cjs') || statSync(f).isDirectory() });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, imports: { '#standard-fonts/*': './standard-fonts/*.cjs' } }, null, 2)}\n`);
}

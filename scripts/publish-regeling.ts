/**
 * `npm run procedure -- publish <file> [--out dir] [--site url]`: the klachtenregeling made from a
 * procedure file, as regeling.nl.html, regeling.en.html and regeling.nl.pdf in `dir` (default:
 * the current directory). `--site` is the office's address, so the form link works off-site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { procedureSvg } from '../shared/web/diagram-svg.ts';
import { regelingPdf } from '../shared/web/regeling-pdf.ts';
import { regelingDocument, regelingPage } from '../shared/web/regeling.ts';
import type { Procedure } from '../shared/procedure/schema.ts';
import { LANGS } from '../shared/procedure/text.ts';
import { withLang } from '../shared/web/layout.ts';

/** Writes the three files and returns their paths. */
export async function publishRegeling(p: Procedure, outDir: string, site?: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const svg = procedureSvg(p);
  const written: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    const path = join(outDir, name);
    writeFileSync(path, data);
    written.push(path);
  };
  for (const lang of LANGS) {
    const formHref = site ? new URL(withLang('/', lang), site).toString() : withLang('/', lang);
    write(`regeling.${lang}.html`, regelingPage(p, lang, svg, { formHref, otherLangHref: `regeling.${lang === 'nl' ? 'en' : 'nl'}.html` }));
  }
  const nlSite = site ? new URL(withLang('/', 'nl'), site).toString() : undefined;
  write('regeling.nl.pdf', await regelingPdf(regelingDocument(p, 'nl', nlSite ? { formHref: nlSite } : {})));
  return written;
}

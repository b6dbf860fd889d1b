/**
 * What the public function serves from next to its bundle, made at build time: the NL Design
 * System CSS, and the procedure diagram drawn as SVG (so the Lambda loads no Mermaid renderer).
 * The stack copies them into the bundle (service/functions.ts); the bundle test does the same.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { cachedProcedureSvg } from '../../shared/web/diagram-svg.ts';
import { REGELING_DIAGRAM_FILE } from '../../shared/web/regeling.ts';
import { writeDesignSystemCss } from '../design-system-css.ts';

/** Writes the public function's files into `dir`; returns their paths (no diagram when it cannot be drawn safely). */
export function writePublicAssets(procedure: Procedure, dir: string): string[] {
  const files = [writeDesignSystemCss(dir)];
  const svg = cachedProcedureSvg(procedure);
  if (svg !== undefined) {
    const diagram = join(dir, REGELING_DIAGRAM_FILE);
    writeFileSync(diagram, svg);
    files.push(diagram);
  }
  return files;
}

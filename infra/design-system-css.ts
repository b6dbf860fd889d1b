/**
 * The NL Design System CSS from node_modules, in one string: the local office serves it, and the
 * stack writes it next to the public function's bundle (functions/public.ts reads it there).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DESIGN_SYSTEM_CSS_FILE, DESIGN_SYSTEM_FILES } from '../shared/web/stylesheet.ts';

const require = createRequire(import.meta.url);

let cached: string | undefined;
export function designSystemCss(): string {
  cached ??= DESIGN_SYSTEM_FILES.map((f) => readFileSync(require.resolve(f), 'utf8')).join('\n');
  return cached;
}

export function writeDesignSystemCss(dir: string): string {
  const out = join(dir, DESIGN_SYSTEM_CSS_FILE);
  writeFileSync(out, designSystemCss());
  return out;
}

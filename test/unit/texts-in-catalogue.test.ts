import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every text a person reads lives in the typed catalogue (shared/procedure/texts.ts and its JSON area
 * files in texts/); code reads it in the reader's language with `text()`. This guard finds the two ways
 * words used to slip back in: an inline `{ nl: '…', en: '…' }` pair and a `lang === 'nl' ?` choice.
 * No source file is exempt: the catalogue's texts are data (.json), which this guard does not read.
 */
const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['shared', 'functions', 'infra'];

const INLINE_PAIR = /\{\s*nl\s*:\s*['"`]/;
const LANG_CHOICE = /\blang\s*===?\s*['"]nl['"]/;

/** The lines of a source text that carry words outside the catalogue, as `line: text`. */
export function inlineWords(source: string): string[] {
  return source.split('\n').flatMap((line, i) => (INLINE_PAIR.test(line) || LANG_CHOICE.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'cdk.out') return [];
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('texts live in the catalogue', () => {
  it('finds a planted inline pair and a planted language choice (so the guard can fail)', () => {
    const planted = [
      "const title = { nl: 'Klachten', en: 'Complaints' };",
      "const ok = 1;",
      "const word = lang === 'nl' ? 'Klacht' : 'Complaint';",
      "const other = o.lang === \"nl\" ? a : b;",
    ].join('\n');
    expect(inlineWords(planted)).toEqual([
      "1: const title = { nl: 'Klachten', en: 'Complaints' };",
      "3: const word = lang === 'nl' ? 'Klacht' : 'Complaint';",
      '4: const other = o.lang === "nl" ? a : b;',
    ]);
  });

  it('has no inline nl/en pair or lang === "nl" in any .ts file of shared/, functions/ or infra/', () => {
    const files = SCANNED.flatMap((dir) => tsFiles(join(ROOT, dir))).map((path) => relative(ROOT, path).split('\\').join('/'));
    expect(files).toContain('shared/web/staff.ts');
    expect(files).toContain('shared/procedure/texts.ts');
    const found = files.flatMap((path) => inlineWords(readFileSync(join(ROOT, path), 'utf8')).map((hit) => `${path}:${hit}`));
    expect(found).toEqual([]);
  });
});

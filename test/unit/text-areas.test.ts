import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { text } from '../../shared/procedure/text.ts';
import { TEXT_KEYS } from '../../shared/procedure/texts.ts';
import { procedurePath } from '../support/engine-harness.ts';

/**
 * The catalogue's areas are JSON (shared/procedure/texts/*.json), spread into DEFAULT_TEXTS. What the
 * compiler checked when they were TypeScript, and what a spread hides, is checked here: no key twice
 * (in one area or across areas), every entry only nl, en and je with words in them, and the same
 * `{placeholders}` in each language, so no language leaves a value out or shows a `{name}` unfilled.
 */
const AREAS = join(import.meta.dirname, '../../shared/procedure/texts');
const CATALOGUE = join(import.meta.dirname, '../../shared/procedure/texts.ts');
const LANGS = ['nl', 'en', 'je'];
const PLACEHOLDER = /\{(\w+)\}/g; // as text.ts's fill() finds them

const placeholders = (s: string) => [...new Set(Array.from(s.matchAll(PLACEHOLDER), (m) => m[1]))].sort().join(' ') || 'none';

function entryProblems(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return ['not a { nl, en, je? } object'];
  const texts = entry as Record<string, unknown>;
  const problems = Object.keys(texts).filter((lang) => !LANGS.includes(lang)).map((lang) => `"${lang}" is not nl, en or je`);
  for (const lang of LANGS) {
    const value = texts[lang];
    if (lang === 'je' && value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') problems.push(`no ${lang} text`);
  }
  if (typeof texts.nl !== 'string') return problems;
  const nl = placeholders(texts.nl);
  for (const lang of ['en', 'je']) {
    const value = texts[lang];
    if (typeof value === 'string' && placeholders(value) !== nl) problems.push(`placeholders: nl ${nl}, ${lang} ${placeholders(value)}`);
  }
  return problems;
}

/** What is wrong in the area files (file name → its text), as `file: key: problem`. */
export function areaProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  const areaOf = new Map<string, string>();
  for (const [file, source] of Object.entries(files)) {
    const area = JSON.parse(source) as Record<string, unknown>;
    // JSON.parse keeps the last of a key written twice; written out again, the file differs.
    if (source !== `${JSON.stringify(area, null, 2)}\n`) problems.push(`${file}: a key twice, or not written as JSON.stringify(area, null, 2)`);
    for (const [key, entry] of Object.entries(area)) {
      const first = areaOf.get(key);
      if (first) problems.push(`${file}: ${key}: also in ${first}`);
      else areaOf.set(key, file);
      problems.push(...entryProblems(entry).map((problem) => `${file}: ${key}: ${problem}`));
    }
  }
  return problems;
}

const write = (area: object) => `${JSON.stringify(area, null, 2)}\n`;

describe('the catalogue areas (texts/*.json)', () => {
  it('finds planted problems (so the checks can fail)', () => {
    const files = {
      'a.json': write({
        'x.ok': { nl: 'Klacht {reference}', en: 'Complaint {reference}', je: 'Je klacht {reference}' },
        'x.enLeavesOut': { nl: 'Hallo {name}', en: 'Hello' },
        'x.jeAdds': { nl: 'Klacht', en: 'Complaint', je: 'Je klacht {reference}' },
        'x.shape': { nl: '', en: 'Empty', nll: 'typo' },
      }),
      'b.json': write({ 'x.ok': { nl: 'Klacht {reference}', en: 'Complaint {reference}' } }),
      'c.json': '{\n  "y.twice": { "nl": "Een", "en": "One" },\n  "y.twice": { "nl": "Twee", "en": "Two" }\n}\n',
    };
    expect(areaProblems(files)).toEqual([
      'a.json: x.enLeavesOut: placeholders: nl name, en none',
      'a.json: x.jeAdds: placeholders: nl none, je reference',
      'a.json: x.shape: "nll" is not nl, en or je',
      'a.json: x.shape: no nl text',
      'b.json: x.ok: also in a.json',
      'c.json: a key twice, or not written as JSON.stringify(area, null, 2)',
    ]);
  });

  const names = readdirSync(AREAS).sort();
  const files = Object.fromEntries(names.map((name) => [name, readFileSync(join(AREAS, name), 'utf8')]));

  it('has no key twice, only nl/en/je with words, and the same placeholders in every language', () => {
    expect(areaProblems(files)).toEqual([]);
  });

  it('holds only JSON areas, each imported by texts.ts, all of whose keys reach the catalogue', () => {
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !name.endsWith('.json'))).toEqual([]);
    const imported = Array.from(readFileSync(CATALOGUE, 'utf8').matchAll(/from '\.\/texts\/([\w-]+\.json)' with \{ type: 'json' \}/g), (m) => m[1]);
    expect(imported.sort()).toEqual(names);
    const keys = Object.values(files).flatMap((source) => Object.keys(JSON.parse(source) as object));
    expect([...TEXT_KEYS].sort()).toEqual(keys.sort());
  });
});

describe('text() over the JSON catalogue', () => {
  const hss = loadProcedureFile(procedurePath('hss')).procedure;
  const je = loadProcedureFile(procedurePath('ben-in-de-buurt')).procedure;
  const blh = loadProcedureFile(procedurePath('buro-leerlingenhulp')).procedure;

  it('gives the Dutch, the je-form where the procedure addresses the reader with je, and the English', () => {
    expect(text(hss, 'receipt.subject', 'nl', { reference: 'K-1' })).toBe('Ontvangstbevestiging van uw klacht K-1');
    expect(text(je, 'receipt.subject', 'nl', { reference: 'K-1' })).toBe('Ontvangstbevestiging van je klacht K-1');
    expect(text(je, 'receipt.subject', 'en', { reference: 'K-1' })).toBe('We received your complaint K-1');
  });

  it("prefers the procedure file's own text under texts:", () => {
    expect(text(hss, 'refusal.anonymous', 'nl', { organisation: 'HSS' })).toBe('HSS neemt geen anonieme klachten in behandeling. Vul uw naam in.');
    expect(text(blh, 'refusal.anonymous', 'nl', { organisation: 'BLH' })).toBe(
      'BLH neemt geen anonieme klachten in behandeling, omdat wij de situatie dan niet goed kunnen onderzoeken. Vul uw naam in.',
    );
  });

  it('takes only keys of the catalogue: another is a type error (tsc checks the directive) and has no text', () => {
    // @ts-expect-error 'no.such.key' is not a TextKey
    expect(() => text(hss, 'no.such.key', 'nl')).toThrow(TypeError);
  });
});

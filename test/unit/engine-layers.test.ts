/**
 * The direction of dependencies around the case engine: the domain (calendar, procedure, engine)
 * imports nothing above it, presentation imports no application, edge or adapter code, and the
 * engine holds no words (its refusals are codes, read from the text catalogue at the edge).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const folders = readdirSync(shared, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const files = (folder: string) =>
  readdirSync(join(shared, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(shared, folder, f));

/** The shared/ folders a folder's files import from (other than itself). */
function importsOf(folder: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of files(folder)) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
      const target = relative(shared, join(file, '..', spec!)).split('/')[0]!;
      if (target !== folder && folders.includes(target)) (out[target] ??= []).push(relative(shared, file));
    }
  }
  return out;
}

const ALLOWED: Record<string, string[]> = {
  calendar: [],
  procedure: ['calendar'],
  engine: ['calendar', 'procedure'],
  'procedure-tools': ['calendar', 'procedure', 'engine', 'presentation'],
  presentation: ['calendar', 'procedure', 'engine'],
};

describe('one direction of dependencies', () => {
  for (const [folder, allowed] of Object.entries(ALLOWED))
    it(`shared/${folder} imports only from ${allowed.join(', ') || 'itself'}`, () => {
      const wrong = Object.fromEntries(Object.entries(importsOf(folder)).filter(([target]) => !allowed.includes(target)));
      expect(wrong).toEqual({});
    });

  it('mail imports neither the application nor the web pages', () => {
    expect(Object.keys(importsOf('mail')).filter((t) => ['app', 'web', 'http'].includes(t))).toEqual([]);
  });

  it('the engine holds no words: no sentences, no { nl, en } texts', () => {
    for (const file of files('engine')) {
      const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      expect(source.match(/\bnl: ['"`]|['"`][A-Z][a-z]+ [^'"`\n]*[.?!]['"`]/g), relative(shared, file)).toBeNull();
    }
  });
});

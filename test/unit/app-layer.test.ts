/**
 * The application layer's shape, read from its imports: no file imports itself back through
 * others, no use case speaks HTTP, web pages or an AWS SDK, and the policy (domain) side imports
 * no application code. (The project-wide rules are dependency-cruiser's; this guards the layer.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]!).map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : s));

const app = files('shared/app');
const policy = files('shared/policy');

describe('the application layer', () => {
  it('has no import cycle', () => {
    const graph = new Map(app.map((f) => [f, importsOf(f).filter((i) => i.startsWith('shared/app/'))]));
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (path.includes(f)) return void cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
      for (const next of graph.get(f) ?? []) visit(next, [...path, f]);
    };
    for (const f of app) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('imports no HTTP, web or SDK code, and answers with refusal codes, never statuses', () => {
    const bad = app.flatMap((f) => importsOf(f).filter((i) => /^shared\/(http|web|aws)\/|^@aws-sdk\//.test(i)).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
    const statuses = app.filter((f) => /status:\s*(400|403|404|409)\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(statuses).toEqual([]);
  });

  it('keeps one use case per file under use-cases/', () => {
    const many = files('shared/app/use-cases').filter((f) => (readFileSync(join(ROOT, f), 'utf8').match(/^export async function /gm) ?? []).length > 1);
    expect(many).toEqual([]);
  });

  it('has pure policy: shared/policy imports no application, store adapter or SDK code', () => {
    const bad = policy.flatMap((f) => importsOf(f).filter((i) => /^shared\/(app|http|web|aws|store\/dynamo)|^@aws-sdk\//.test(i)).map((i) => `${f} → ${i}`));
    expect(policy.length).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
});

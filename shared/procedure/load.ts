import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { procedureSchema, type Procedure } from './schema.ts';

export interface ProcedureProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

export class InvalidProcedureError extends Error {
  constructor(readonly problems: ProcedureProblem[]) {
    super(`invalid procedure file:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidProcedureError';
  }
}

export const formatProblem = (p: ProcedureProblem) => `${p.file}:${p.line}: ${p.path || '(file)'}: ${p.message}`;

export interface LoadedProcedure {
  procedure: Procedure;
  /** sha256 of the file's bytes: each case records the procedure it started under. */
  hash: string;
}

/** Parses and validates a procedure file's text; every problem is listed with its line. */
export function parseProcedure(text: string, file = 'procedure.yaml'): LoadedProcedure {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);

  const syntax = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineOf(e.pos[0]),
    path: '',
    message: e.message.split('\n')[0] ?? e.message,
  }));
  if (syntax.length) throw new InvalidProcedureError(syntax);

  // reportInput: tells a missing value ("required") from a value of the wrong type ("expected …").
  const result = procedureSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    throw new InvalidProcedureError(
      result.error.issues.map(closest).map((issue) => ({
        file,
        line: lineOf(nodeOffset(doc, issue)),
        path: issue.path.join('.'),
        message: describe(issue),
      })),
    );
  }
  return { procedure: result.data, hash: createHash('sha256').update(text).digest('hex') };
}

export function loadProcedureFile(path: string): LoadedProcedure {
  return parseProcedure(readFileSync(path, 'utf8'), path);
}

/** The offset of the deepest node on the issue's path that exists in the file. */
function nodeOffset(doc: Document, issue: z.core.$ZodIssue): number | undefined {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  // An unknown key points at the key itself, not its parent map.
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(path, true);
    if (isNode(parent) && 'items' in parent) {
      const pair = (parent.items as { key: unknown }[]).find(
        (p) => isNode(p.key) && issue.keys.includes(String((p.key as { value?: unknown }).value)),
      );
      if (pair && isNode(pair.key)) return pair.key.range?.[0];
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node)) return node.range?.[0];
  }
  return undefined;
}

/**
 * A union's problem, told as the problem of its closest alternative (the one whose type matches the
 * value: `6 wks` is a string, so the shorthand's message, not "expected object"), at its full path.
 */
function closest(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  const matching = issue.errors.find((alt) => alt[0] && !(alt[0].code === 'invalid_type' && alt[0].path.length === 0));
  const inner = matching?.[0];
  return inner ? closest({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue) : issue;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `required (${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      // No alternative has the value's type (see `closest`): list the types that would do.
      const expected = [...new Set(issue.errors.flatMap((e) => (e[0]?.code === 'invalid_type' ? [e[0].expected] : [])))];
      return expected.length ? `expected ${expected.join(' or ')}` : issue.message;
    }
    default:
      return issue.message;
  }
}

/**
 * The staff list's query string, checked at the edge (zod): filters, search, sort, page size and
 * the opaque cursor (base64url JSON of a position in one sort order). A bad value is a 400 naming
 * its field.
 */
import { z } from 'zod';
import { DEFAULT_LIMIT, LIST_SORTS, MAX_LIMIT, type CaseListQuery, type ListCursor } from '../app/case-list.ts';
import { LIST_STATUSES } from '../app/staff-views.ts';
import type { Procedure } from '../procedure/schema.ts';

/** Positions are the store's sort keys: instants, references, `#` between them (and a bound past every key). */
const POSITION = /^[\w:.#+\-\uffff]{1,200}$/u;

const cursorSchema = z.union([
  z.strictObject({ s: z.enum(LIST_SORTS), a: z.string().regex(POSITION) }),
  z.strictObject({ s: z.enum(LIST_SORTS), b: z.string().regex(POSITION) }),
]);

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify('after' in c ? { s: c.sort, a: c.after } : { s: c.sort, b: c.before }), 'utf8').toString('base64url');
}

function decodeCursor(value: string): ListCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return 'a' in parsed.data ? { sort: parsed.data.s, after: parsed.data.a } : { sort: parsed.data.s, before: parsed.data.b };
}

/** An empty field of the GET form is no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const flag = optional(z.enum(['true', 'on', '1', 'false']).transform((v) => v !== 'false'));

function querySchema(p: Procedure) {
  return z.object({
    status: optional(z.enum(LIST_STATUSES)),
    stage: optional(z.enum(p.stages.map((s) => s.id) as [string, ...string[]])),
    handler: optional(z.email().max(254).transform((v) => v.toLowerCase())),
    overdue: flag,
    mine: flag,
    q: optional(z.string().trim().min(1).max(100)),
    sort: optional(z.enum(LIST_SORTS)).transform((v) => v ?? 'due'),
    limit: optional(z.coerce.number().int().min(1).max(MAX_LIMIT)).transform((v) => v ?? DEFAULT_LIMIT),
    cursor: optional(z.string().transform((v, ctx) => decodeCursor(v) ?? (ctx.addIssue({ code: 'custom', message: 'unknown cursor' }), z.NEVER))),
  });
}

export type QueryErrors = { field: string; message: string }[];

export function parseCaseListQuery(p: Procedure, params: Record<string, string | undefined> | undefined): { ok: true; query: CaseListQuery } | { ok: false; errors: QueryErrors } {
  const parsed = querySchema(p).safeParse(params ?? {});
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'query'), message: i.message })) };
  const { q, cursor, ...rest } = parsed.data;
  const query: CaseListQuery = { sort: rest.sort, limit: rest.limit };
  if (rest.status) query.status = rest.status;
  if (rest.stage) query.stage = rest.stage;
  if (rest.handler) query.handler = rest.handler;
  if (rest.overdue) query.overdue = true;
  if (rest.mine) query.mine = true;
  if (q) query.search = q;
  if (cursor) query.cursor = cursor;
  return { ok: true, query };
}

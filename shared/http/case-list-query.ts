/**
 * The staff list's query string, checked at the edge (zod): filters, search, sort, page size and
 * the opaque cursor (base64url JSON of a position in one sort order). A bad value is a 400 naming
 * its field.
 */
import * as z from 'zod/mini';
import '../edge/zod-locale.ts';
import { DEFAULT_LIMIT, LIST_SORTS, MAX_LIMIT, type CaseListQuery, type ListCursor } from '../app/case-list.ts';
import { LIST_STATUSES } from '../app/staff-views.ts';
import type { Procedure } from '../procedure/schema.ts';

/** Positions are the store's sort keys: instants, references, `#` between them (and a bound past every key). */
const POSITION = /^[\w:.#+\-\uffff]{1,200}$/u;

const cursorSchema = z.union([
  z.strictObject({ s: z.enum(LIST_SORTS), a: z.string().check(z.regex(POSITION)) }),
  z.strictObject({ s: z.enum(LIST_SORTS), b: z.string().check(z.regex(POSITION)) }),
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

const flag = z.optional(z.enum(['true', 'on', '1', 'false']));

function querySchema(p: Procedure) {
  return z.object({
    status: z.optional(z.enum(LIST_STATUSES)),
    stage: z.optional(z.enum(p.stages.map((s) => s.id) as [string, ...string[]])),
    handler: z.optional(z.email().check(z.maxLength(254))),
    overdue: flag,
    mine: flag,
    q: z.optional(z.string().check(z.maxLength(100))),
    sort: z.optional(z.enum(LIST_SORTS)),
    limit: z.optional(z.string().check(z.refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_LIMIT, `a whole number from 1 to ${MAX_LIMIT}`))),
    cursor: z.optional(z.string().check(z.refine((v) => decodeCursor(v) !== undefined, 'unknown cursor'))),
  });
}

export type QueryErrors = { field: string; message: string }[];

export function parseCaseListQuery(p: Procedure, params: Record<string, string | undefined> | undefined): { ok: true; query: CaseListQuery } | { ok: false; errors: QueryErrors } {
  // An empty field of the GET form is no filter.
  const given = Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = querySchema(p).safeParse(given);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'query'), message: i.message })) };
  const { q, cursor, ...rest } = parsed.data;
  const query: CaseListQuery = { sort: rest.sort ?? 'due', limit: rest.limit ? Number(rest.limit) : DEFAULT_LIMIT };
  if (rest.status) query.status = rest.status;
  if (rest.stage) query.stage = rest.stage;
  if (rest.handler) query.handler = rest.handler.toLowerCase();
  if (rest.overdue && rest.overdue !== 'false') query.overdue = true;
  if (rest.mine && rest.mine !== 'false') query.mine = true;
  if (q?.trim()) query.search = q.trim();
  if (cursor) query.cursor = decodeCursor(cursor)!;
  return { ok: true, query };
}

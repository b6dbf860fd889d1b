/**
 * The staff case list: one page at a time through the store's indexes (keyset paging, so a page
 * costs the same whatever the table holds), filtered, searched and sorted, with counts per status.
 * A case never shows to a staff member it names as concerned.
 */
import type { AppContext } from './context.ts';
import { LIST_STATUSES, listItem, type CaseListItem } from './staff-views.ts';
import type { StaffMember } from '../staff/auth.ts';
import type { Lang } from '../procedure/text.ts';
import type { CaseSummary, PositionedSummary, SummaryOrder } from '../store/port.ts';

export type ListStatus = (typeof LIST_STATUSES)[number];
export const LIST_SORTS = ['due', 'received', 'reference'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** Where a page starts: strictly after (`next`) or before (`previous`) a position in the sort's order. */
export type ListCursor = { sort: ListSort; after: string } | { sort: ListSort; before: string };

export interface CaseListQuery {
  status?: ListStatus;
  stage?: string;
  /** A handler's e-mail address. */
  handler?: string;
  overdue?: boolean;
  mine?: boolean;
  /** A (part of a) reference, or (part of) the complainant's name. */
  search?: string;
  sort: ListSort;
  limit: number;
  cursor?: ListCursor;
}

export interface CaseListPage {
  cases: CaseListItem[];
  /** Cases per status this staff member may see (filters aside), at most `COUNTS_FRESH_MS` old. */
  counts: Record<ListStatus, number>;
  next?: ListCursor;
  previous?: ListCursor;
}

/** How many summaries one request reads at most while filtering; past it the page ends early (a `next` still follows). */
const READ_BUDGET = 2_000;
const CHUNK = 100;

export async function listCases(ctx: AppContext, me: StaffMember, q: CaseListQuery, lang: Lang = 'nl'): Promise<CaseListPage> {
  const now = ctx.clock.now();
  const statuses = q.status ? [q.status] : [...LIST_STATUSES];
  const keep = matcher(ctx, me, q, now);
  const [page, counts] = await Promise.all([
    q.sort === 'reference' ? byReference(ctx, statuses, q, keep) : byIndex(ctx, statuses, q, keep, now),
    countsFor(ctx, me),
  ]);
  return { ...page, cases: page.found.map((s) => listItem(ctx.procedure, s, now, lang)), counts };
}

interface Found {
  found: CaseSummary[];
  next?: ListCursor;
  previous?: ListCursor;
}

/**
 * Counting reads every running case (DynamoDB keeps no count), so a process counts at most once per
 * `COUNTS_FRESH_MS` for each staff member and store: a page costs the same however many cases run,
 * and its counts are at most that old.
 */
export const COUNTS_FRESH_MS = 30_000;
const counted = new WeakMap<object, Map<string, { at: number; counts: Promise<Record<ListStatus, number>> }>>();

export function countsFor(ctx: AppContext, me: StaffMember, wallNow = Date.now()): Promise<Record<ListStatus, number>> {
  const mine = counted.get(ctx.store) ?? new Map();
  counted.set(ctx.store, mine);
  const known = mine.get(me.email);
  if (known && wallNow - known.at < COUNTS_FRESH_MS) return known.counts;
  const counts = countNow(ctx, me);
  mine.set(me.email, { at: wallNow, counts });
  counts.catch(() => mine.delete(me.email));
  return counts;
}

export const countNow = async (ctx: AppContext, me: StaffMember) =>
  Object.fromEntries(await Promise.all(LIST_STATUSES.map(async (status) => [status, await ctx.store.countSummaries({ status, exceptConcerned: me.email })]))) as Record<ListStatus, number>;

/** What a summary must be to be on this list for this staff member. */
function matcher(ctx: AppContext, me: StaffMember, q: CaseListQuery, now: string): (s: CaseSummary) => boolean {
  const needle = q.search ? fold(q.search) : '';
  return (s) => {
    if (((s.data.concerned as string[] | undefined) ?? []).includes(me.email)) return false;
    if (q.stage && s.stage !== q.stage) return false;
    if (q.handler && s.data.handler !== q.handler) return false;
    if (q.mine && s.data.handler !== me.email) return false;
    if (q.overdue && !(s.nextDueAt && s.data.nextTerm && s.nextDueAt <= now)) return false;
    if (needle && !fold(s.caseRef).includes(needle) && !fold(typeof s.data.name === 'string' ? s.data.name : '').includes(needle)) return false;
    return true;
  };
}

/** Lower case, accents and punctuation gone: "Élise  de Vries" and "elise de vries" match, so do "hss 2026" and "HSS-2026". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The due and received orders walk the index of each status from the cursor and merge them by
 * position (positions compare alike across statuses). Due: most urgent first; received: newest first.
 */
async function byIndex(ctx: AppContext, statuses: string[], q: CaseListQuery, keep: (s: CaseSummary) => boolean, now: string): Promise<Found> {
  const order: SummaryOrder = q.sort === 'received' ? 'received' : 'due';
  const cursor = q.cursor?.sort === q.sort ? q.cursor : undefined;
  const back = cursor !== undefined && 'before' in cursor;
  // The list runs down the index for `due`, up it for `received` (newest first); a page back the other way.
  const forward = (order === 'due') !== back;
  const from = cursor && ('after' in cursor ? cursor.after : cursor.before);
  const streams = statuses.map((status) => stream(ctx, status, order, forward, from));
  // Due order: the overdue cases are where the index starts; past `now` none follows.
  const overdueEnd = q.overdue && order === 'due' && forward ? `${new Date(now).toISOString()}#~` : undefined;
  const found: PositionedSummary[] = [];
  let read = 0;
  let last = from;
  let more = false;
  for (let item = await nextOfMerge(streams, forward); item && !(overdueEnd && item.position > overdueEnd); item = await nextOfMerge(streams, forward)) {
    if (found.length === q.limit || read === READ_BUDGET) {
      more = true;
      break;
    }
    read++;
    last = item.position;
    if (keep(item.summary)) found.push(item);
  }
  const page = (before: string | undefined, after: string | undefined): Found => ({
    found: found.map((f) => f.summary),
    ...(after !== undefined ? { next: { sort: q.sort, after } } : {}),
    ...(before !== undefined ? { previous: { sort: q.sort, before } } : {}),
  });
  if (!back) return page(cursor ? found[0]?.position ?? last : undefined, more ? last : undefined);
  // Nothing left before the cursor (the cases there went away): the first page.
  if (found.length === 0) return byIndex(ctx, statuses, { ...q, cursor: undefined }, keep, now);
  found.reverse();
  return page(more ? found[0]!.position : undefined, found.at(-1)!.position);
}

interface Stream {
  buffer: PositionedSummary[];
  next: () => Promise<PositionedSummary[]>;
  done: boolean;
}

/** A status's summaries from a position on, read a chunk at a time. */
function stream(ctx: AppContext, status: string, order: SummaryOrder, forward: boolean, from: string | undefined): Stream {
  let position = from;
  const s: Stream = {
    buffer: [],
    done: false,
    async next() {
      // Backwards from the very end: before a position that sorts after every real one.
      const range = forward ? (position === undefined ? {} : { after: position }) : { before: position ?? '\uffff' };
      const page = await ctx.store.pageSummaries({ status, order, limit: CHUNK, ...range });
      if (page.length < CHUNK) s.done = true;
      position = page.at(-1)?.position ?? position;
      return page;
    },
  };
  return s;
}

/** The next summary of all streams together, in list order. */
async function nextOfMerge(streams: Stream[], forward: boolean): Promise<PositionedSummary | undefined> {
  await Promise.all(streams.map(async (s) => {
    if (s.buffer.length === 0 && !s.done) s.buffer.push(...(await s.next()));
  }));
  let best: Stream | undefined;
  for (const s of streams) {
    const head = s.buffer[0];
    if (!head) continue;
    if (!best || (forward ? head.position < best.buffer[0]!.position : head.position > best.buffer[0]!.position)) best = s;
  }
  return best?.buffer.shift();
}

/** By reference: there is no index in that order, so the statuses are read whole (cost follows the open cases) and sorted. */
async function byReference(ctx: AppContext, statuses: string[], q: CaseListQuery, keep: (s: CaseSummary) => boolean): Promise<Found> {
  const all = (await Promise.all(statuses.map((status) => ctx.store.pageSummaries({ status, order: 'due' }))))
    .flat()
    .map((x) => x.summary)
    .filter(keep)
    .sort((a, b) => a.caseRef.localeCompare(b.caseRef));
  const cursor = q.cursor?.sort === 'reference' ? q.cursor : undefined;
  let start = 0;
  if (cursor && 'after' in cursor) start = all.findIndex((s) => s.caseRef > cursor.after);
  if (cursor && 'before' in cursor) {
    const end = all.findIndex((s) => s.caseRef >= cursor.before);
    start = Math.max(0, (end === -1 ? all.length : end) - q.limit);
  }
  if (start === -1) start = all.length;
  const found = all.slice(start, start + q.limit);
  const more = start + q.limit < all.length;
  return {
    found,
    ...(more ? { next: { sort: 'reference' as const, after: found.at(-1)!.caseRef } } : {}),
    ...(start > 0 && found[0] ? { previous: { sort: 'reference' as const, before: found[0].caseRef } } : {}),
  };
}

/**
 * One codec per kind of item (see shared/store/table.ts for the layout): where it lives (`key`),
 * what is stored (`toItem`) and what is read back (`fromItem`). Values are plain (marshalled by the
 * table client). The shapes are the stored data's: change them only with a migration.
 */
import type { CaseSummary, Commit, HeldMail, LedgerEntry, StoredEffect, SummaryOrder } from '../port.ts';
import { ATTR, ITEM_KIND, KEY_PART, LETTERS_PARTITION, NO_DUE_SENTINEL, PENDING_PARTITION, TTL_ATTRIBUTE } from '../table.ts';
import type { Row } from './table-client.ts';

const pad10 = (n: number) => String(n).padStart(10, '0');
const casePk = (caseRef: string) => KEY_PART.case + caseRef;

export const commitItem = {
  key: (caseRef: string, seq: number): Row => ({ [ATTR.pk]: casePk(caseRef), [ATTR.sk]: KEY_PART.commit + pad10(seq) }),
  toItem(commit: Commit): Row {
    return {
      ...commitItem.key(commit.caseRef, commit.seq),
      type: ITEM_KIND.commit,
      caseRef: commit.caseRef,
      seq: commit.seq,
      at: commit.at,
      events: JSON.stringify(commit.events),
      effects: JSON.stringify(commit.effects),
      ver: 0,
      prevHash: commit.prevHash,
      hash: commit.hash,
      expiresAt: commit.expiresAt,
      ...(commit.expiresAt !== undefined ? ttl(commit.expiresAt) : {}),
      ...pendingMarker(commit),
    };
  },
  fromItem(item: Row): Commit {
    const optional = (name: 'prevHash' | 'hash' | 'expiresAt') => (item[name] === undefined ? {} : { [name]: str(item, name) });
    return {
      caseRef: str(item, 'caseRef'),
      seq: num(item, 'seq'),
      at: str(item, 'at'),
      events: JSON.parse(str(item, 'events')) as unknown[],
      effects: JSON.parse(str(item, 'effects')) as StoredEffect[],
      ...optional('prevHash'),
      ...optional('hash'),
      ...optional('expiresAt'),
    };
  },
  /** The commit a pending-index entry (keys only) stands for. */
  refOf: (item: Row) => ({ caseRef: str(item, ATTR.pk).slice(KEY_PART.case.length), seq: Number.parseInt(str(item, ATTR.sk).slice(KEY_PART.commit.length), 10) }),
};

/**
 * The pending index's attributes of a commit: none when every effect is done or parked. Otherwise sorted by
 * fewest failed attempts first, then oldest, so a few effects that keep failing cannot hide newer
 * work from `pendingCommits(limit)`.
 */
export function pendingMarker(commit: Commit): Row {
  const open = commit.effects.filter((e) => !e.done && !e.parked);
  if (open.length === 0) return {};
  const attempts = Math.min(open.reduce((sum, e) => sum + e.attempts, 0), 999_999);
  return { [ATTR.pendingPk]: PENDING_PARTITION, [ATTR.pendingSk]: `${String(attempts).padStart(6, '0')}#${commit.at}#${pad10(commit.seq)}#${commit.caseRef}` };
}

export const summaryItem = {
  key: (caseRef: string): Row => ({ [ATTR.pk]: casePk(caseRef), [ATTR.sk]: KEY_PART.summary }),
  toItem(summary: CaseSummary): Row {
    return {
      ...summaryItem.key(summary.caseRef),
      type: ITEM_KIND.summary,
      summary: JSON.stringify(summary),
      ...(summary.seq !== undefined ? { seq: summary.seq } : {}),
      [ATTR.statusPk]: statusPartition(summary.status),
      [ATTR.dueSk]: summaryPosition(summary, 'due'),
      [ATTR.receivedSk]: summaryPosition(summary, 'received'),
      concerned: concernedOf(summary),
      // In the letters index only while letters wait: the put replaces the item, so posting the last one takes it out.
      ...(Number(summary.data.letters) > 0 ? { [ATTR.lettersPk]: LETTERS_PARTITION } : {}),
      ...(summary.expiresAt !== undefined ? ttl(summary.expiresAt) : {}),
    };
  },
  fromItem: (item: Row) => JSON.parse(str(item, 'summary')) as CaseSummary,
};

/** Where a summary sorts in an index: its sort key there (positions of different statuses compare alike). */
export function summaryPosition(summary: CaseSummary, order: SummaryOrder): string {
  const received = `${normalizeInstant(summary.receivedAt)}#${summary.caseRef}`;
  if (order === 'received') return received;
  return `${summary.nextDueAt === undefined ? NO_DUE_SENTINEL : normalizeInstant(summary.nextDueAt)}#${received}`;
}

/** Staff the case is about, as a top-level list (a count's filter reads it); never empty, DynamoDB-wise. */
const concernedOf = (summary: CaseSummary): string[] => {
  const list = summary.data.concerned;
  return ['-', ...(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [])];
};

export const statusPartition = (status: string) => KEY_PART.status + status;

/** A claimed key (or a value set once): `caseRef` holds the value either way. */
export const keyItem = {
  key: (key: string): Row => ({ [ATTR.pk]: KEY_PART.key + key, [ATTR.sk]: KEY_PART.keySk }),
  toItem: (key: string, value: string): Row => ({ ...keyItem.key(key), type: ITEM_KIND.key, key, caseRef: value }),
  valueOf: (item: Row | undefined): string | undefined => (item === undefined ? undefined : str(item, 'caseRef')),
};

/** A case's back-reference to a key it claimed, so removing the case can release the key. */
export const keyRefItem = {
  key: (caseRef: string, key: string): Row => ({ [ATTR.pk]: casePk(caseRef), [ATTR.sk]: KEY_PART.keyRef + key }),
  toItem: (caseRef: string, key: string): Row => ({ ...keyRefItem.key(caseRef, key), type: ITEM_KIND.keyRef, key }),
  is: (item: Row) => str(item, ATTR.sk).startsWith(KEY_PART.keyRef),
  keyOf: (item: Row) => str(item, 'key'),
};

export const deletedMarkItem = {
  key: (caseRef: string): Row => ({ [ATTR.pk]: casePk(caseRef), [ATTR.sk]: KEY_PART.deleted }),
  toItem: (caseRef: string, at: string): Row => ({ ...deletedMarkItem.key(caseRef), type: ITEM_KIND.deleted, at }),
  is: (item: Row) => item[ATTR.sk] === KEY_PART.deleted,
};

/** The items of a case's partition: commits (and the deletion mark) under `C#`, key back-references under `KEYREF#`. */
export const casePartition = { pk: casePk, commits: KEY_PART.commit, keyRefs: KEY_PART.keyRef, isSummary: (item: Row) => item[ATTR.sk] === KEY_PART.summary };

export const ledgerItem = {
  partition: (book: string, year: string) => `${KEY_PART.ledger}${book}#${year}`,
  toItem: (book: string, entry: LedgerEntry): Row => ({
    [ATTR.pk]: ledgerItem.partition(book, entry.on.slice(0, 4)),
    [ATTR.sk]: `${entry.on}#${entry.id}`,
    type: ITEM_KIND.ledger,
    data: JSON.stringify(entry.data),
  }),
  fromItem(item: Row): LedgerEntry {
    const sk = str(item, ATTR.sk);
    const i = sk.indexOf('#');
    return { on: sk.slice(0, i), id: sk.slice(i + 1), data: JSON.parse(str(item, 'data')) as Record<string, unknown> };
  },
};

/** A held mail, in the one partition listed newest first. */
export const heldItem = {
  partition: KEY_PART.hold,
  key: (entry: Pick<HeldMail, 'id' | 'at'>): Row => ({ [ATTR.pk]: KEY_PART.hold, [ATTR.sk]: `${normalizeInstant(entry.at)}#${entry.id}` }),
  toItem: (entry: HeldMail): Row => ({ ...heldItem.key(entry), held: JSON.stringify(entry) }),
  fromItem: (item: Row) => JSON.parse(str(item, 'held')) as HeldMail,
};

/** Where a held mail is filed (its `at`), under its id: so it is read by key, not searched for. */
export const heldByIdItem = {
  key: (id: string): Row => ({ [ATTR.pk]: KEY_PART.heldById + id, [ATTR.sk]: KEY_PART.heldSk }),
  toItem: (entry: Pick<HeldMail, 'id' | 'at'>): Row => ({ ...heldByIdItem.key(entry.id), at: entry.at }),
  atOf: (item: Row) => str(item, 'at'),
};

/** `{ttl: epoch seconds}` for an instant, or nothing when it is not one. */
export function ttl(expiresAt: string): Row {
  const ms = Date.parse(expiresAt);
  return Number.isNaN(ms) ? {} : { [TTL_ATTRIBUTE]: Math.floor(ms / 1000) };
}

/** ISO instants sort as strings only in one canonical form (UTC, milliseconds). */
export function normalizeInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function str(item: Row, name: string): string {
  const value = item[name];
  if (typeof value !== 'string') throw new Error(`store item ${String(item[ATTR.pk])}/${String(item[ATTR.sk])} lacks string attribute ${name}`);
  return value;
}

export function num(item: Row, name: string): number {
  const value = item[name];
  if (typeof value !== 'number') throw new Error(`store item ${String(item[ATTR.pk])}/${String(item[ATTR.sk])} lacks number attribute ${name}`);
  return value;
}

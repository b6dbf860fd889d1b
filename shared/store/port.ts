/**
 * The case store's ports, one per job (CommitLog, CaseIndex, KeyRegistry, CaseRemoval, Ledger,
 * HeldMailbox) and `CaseStore`, all of them. A case is a sequence of commits; each commit is one
 * accepted command: its events and the effects still to carry out. Events and effects are opaque
 * JSON here.
 */
export interface Commit {
  caseRef: string;
  /** 1-based; commit N+1 may only be written when commit N exists (the optimistic lock). */
  seq: number;
  /** ISO instant the command was accepted (engine time, not wall time). */
  at: string;
  events: unknown[];
  effects: StoredEffect[];
  /** The audit chain: the previous commit's `hash` (64 zeros for the first), and this commit's (see shared/policy/audit-chain.ts). */
  prevHash?: string;
  hash?: string;
  /** ISO instant after which the backing store may delete the item by itself (DynamoDB TTL): a backstop to retention. */
  expiresAt?: string;
}

export interface StoredEffect {
  /** Unique and deterministic: `${caseRef}:${seq}:${index}`. Carrying out the same id twice is harmless. */
  id: string;
  effect: unknown;
  done: boolean;
  attempts: number;
  lastError?: string;
  /** Given up: it can never succeed (or failed too often); no longer pending, shown to staff instead. */
  parked?: boolean;
}

/** `park`: stop retrying this effect. */
export type EffectOutcome = { ok: true } | { ok: false; error: string; park?: boolean };

/** A projection of a case for lists and reports; rebuilt from commits at any time. */
export interface CaseSummary {
  caseRef: string;
  procedureId: string;
  status: string;
  stage: string;
  receivedAt: string;
  /**
   * Earliest open term's due instant, for "overdue first" lists; for a case that has ended, the
   * instant its retention ends (when it is to be deleted); absent otherwise.
   */
  nextDueAt?: string;
  updatedAt: string;
  /** The commit it projects: a summary is only replaced by one of the same or a later commit. */
  seq?: number;
  /** Extra projected fields (no free text, no personal data beyond what staff lists need). */
  data: Record<string, unknown>;
  /** As `Commit.expiresAt`: the backstop deletion of the summary item. */
  expiresAt?: string;
}

/**
 * A row of an anonymous book that outlives the cases it counts (the register's figures, the
 * privacy counters): no reference, no personal data, no free text. Filed by the year of `on`.
 */
export interface LedgerEntry {
  /** Unique within the book; writing the same id and `on` again replaces the row (idempotent). */
  id: string;
  /** The Amsterdam date the row belongs to (YYYY-MM-DD). */
  on: string;
  data: Record<string, unknown>;
}

export class ConflictError extends Error {
  constructor(readonly caseRef: string, readonly seq: number) {
    super(`case ${caseRef} already has commit ${seq}`);
    this.name = 'ConflictError';
  }
}

/** The cases' history: commits appended under an optimistic lock, and the effects they still owe. */
export interface CommitLog {
  /** Writes commit `seq`; throws ConflictError if that seq exists already. */
  append(commit: Commit): Promise<void>;
  /**
   * All commits of a case in order, or [] when there is none. Consistent read. A case marked
   * deleted (`markDeleted`) loads as [] unless `includeDeleted` (only retention's own clean-up).
   */
  load(caseRef: string, options?: { includeDeleted?: boolean }): Promise<Commit[]>;
  /** Commits that still have effects not done (a sparse index; no scan). */
  pendingCommits(limit?: number): Promise<Pick<Commit, 'caseRef' | 'seq'>[]>;
  /** Marks one effect of a commit done (or records a failed attempt); clears the pending marker when all are done. */
  settleEffect(caseRef: string, seq: number, effectId: string, outcome: EffectOutcome): Promise<void>;
  /** Several effects of one commit at once (one read and one conditional write). */
  settleEffects(caseRef: string, seq: number, outcomes: { effectId: string; outcome: EffectOutcome }[]): Promise<void>;
}

/** The projections for lists and reports: one summary per case, listed by status. */
export interface CaseIndex {
  putSummary(summary: CaseSummary): Promise<void>;
  getSummary(caseRef: string): Promise<CaseSummary | undefined>;
  /**
   * Summaries by status, through an index (no scan), most urgent (`nextDueAt` earliest) first.
   * `dueBefore`: only those whose `nextDueAt` is at or before this instant.
   */
  listSummaries(query: { status: string; limit?: number; dueBefore?: string }): Promise<CaseSummary[]>;
  /**
   * A status's summaries in one index order (`due`: most urgent first; `received`: oldest first),
   * each with its `position` there: positions are opaque, unique, and compare as strings in that
   * order across statuses. `after`: only positions strictly after it; `before`: only those strictly
   * before it, nearest first (a page back); `from`/`to`: inclusive bounds.
   */
  pageSummaries(query: SummaryPageQuery): Promise<PositionedSummary[]>;
  /** How many summaries a status has, leaving out those that name `exceptConcerned` (a staff member) as concerned. */
  countSummaries(query: { status: string; exceptConcerned?: string }): Promise<number>;
  /**
   * Summaries of the cases with letters waiting to be posted (`data.letters` > 0), oldest received
   * first, through a sparse index (no scan), leaving out those that name `exceptConcerned` as concerned.
   */
  listWithLetters(query: { limit?: number; exceptConcerned?: string }): Promise<CaseSummary[]>;
}

export type SummaryOrder = 'due' | 'received';

export interface SummaryPageQuery {
  status: string;
  order: SummaryOrder;
  limit?: number;
  after?: string;
  before?: string;
  from?: string;
  to?: string;
}

export interface PositionedSummary {
  summary: CaseSummary;
  position: string;
}

/** Keys bound once: idempotent intake (a submission to its case) and values set once. */
export interface KeyRegistry {
  /**
   * Binds a key (e.g. a submissionId) to a case once: returns the caseRef bound first.
   * Used for idempotent intake.
   */
  claimKey(key: string, caseRef: string, options?: { backReference?: boolean }): Promise<{ caseRef: string; fresh: boolean }>;
  /**
   * The case's back-reference to a key it claimed, so removing the case releases the key: written
   * by `claimKey` first, or (`backReference: false`) later by this, as an effect of the case's commit.
   */
  addKeyReference(caseRef: string, key: string): Promise<void>;
  /** Unbinds a key from a case that could not be created (its new reference was taken): only if still bound to it. */
  releaseKey(key: string, caseRef: string): Promise<void>;
  /** The value a key is bound to (by `claimKey` or `setOnce`), if any. */
  readKey(key: string): Promise<string | undefined>;
  /** Binds a key to a value once (no case attached): returns the value bound first. */
  setOnce(key: string, value: string): Promise<string>;
  /** The keys `claimKey` bound to this case (e.g. `submission:…`). */
  caseKeys(caseRef: string): Promise<string[]>;
}

/** Removing a case when its retention ends or on request: every item of it, and the keys bound to it. */
export interface CaseRemoval {
  /** Removes every item of a case (retention). */
  deleteCase(caseRef: string): Promise<void>;
  /**
   * Marks a case deleted in one write: from then on `load` returns [] (every read sees it gone at
   * once) while its items are removed. `deleteCase` removes the mark too.
   */
  markDeleted(caseRef: string, at: string): Promise<void>;
  /** Sets the backstop expiry (DynamoDB TTL) on every item of a case and the keys bound to it. */
  setExpiry(caseRef: string, expiresAt: string): Promise<void>;
}

/** Anonymous books that outlive the cases they count. */
export interface Ledger {
  /** Writes a row of an anonymous book (`register`, `privacy`); idempotent by id and date. */
  putLedger(book: string, entry: LedgerEntry): Promise<void>;
  /** The rows of a book for one year, by date. */
  listLedger(book: string, year: string): Promise<LedgerEntry[]>;
}

/** Mail that could not be matched or trusted, kept for staff to review: never dropped. */
export interface HeldMailbox {
  /** Holds a mail once: false when one with this id is held already (a redelivery), which is kept as it was. */
  hold(entry: HeldMail): Promise<boolean>;
  /** One held mail by its id (one read by key), if it is still held. */
  getHeld(id: string): Promise<HeldMail | undefined>;
  /** Held mail, newest first. */
  listHeld(limit?: number): Promise<HeldMail[]>;
  /** A page of held mail, newest (or oldest) first; `after` is the `next` of the page before. */
  pageHeld(query: { limit: number; after?: string; oldestFirst?: boolean }): Promise<{ items: HeldMail[]; next?: string }>;
  /** Notes that a staff member has seen these (listed or opened them). */
  markHeldSeen(entries: HeldMail[]): Promise<void>;
  /** How many held mails no staff member has seen yet. */
  countUnseenHeld(): Promise<number>;
  /** Removes a held mail once staff dealt with it. */
  releaseHeld(entry: Pick<HeldMail, 'id' | 'at'>): Promise<void>;
}

/** Request counters shared by every container (rate limits): one per key and fixed window, gone after it. */
export interface RateCounters {
  /**
   * Counts one request for `key` in the window `[start, end)` (epoch ms): true while at most `limit`
   * were counted there, this one included; false over the limit. One write; the counter expires by
   * itself after its window (TTL).
   */
  countRequest(key: string, window: { start: number; end: number }, limit: number): Promise<boolean>;
}

/** The whole store, as the application context carries it; a use case needs only some of its ports. */
export interface CaseStore extends CommitLog, CaseIndex, KeyRegistry, CaseRemoval, Ledger, HeldMailbox, RateCounters {}

export interface HeldMail {
  id: string;
  at: string;
  /** Why it is held: unmatched, untrusted sender, forged token, noise, rate-limited ... */
  reason: string;
  sender?: string;
  subject: string;
  /** The new text of the mail (quoted history stripped), for staff to judge and to attach. */
  text?: string;
  /** Blob key of the raw message. */
  blob: string;
  /** The case it seemed to belong to, if any: staff who may not see that case do not see this mail. */
  caseRef?: string;
  /** A staff member has listed or opened it (an unseen one is never purged silently). */
  seen?: boolean;
}

/**
 * A commit or summary too large for one store item (DynamoDB's hard limit is 400 KB; adapters
 * refuse well before that). Callers should treat it as a rejected command, not retry it.
 */
export class ItemTooLargeError extends Error {
  constructor(readonly caseRef: string, readonly what: string, readonly bytes: number, readonly maxBytes: number) {
    super(`${what} of case ${caseRef} is ${bytes} bytes, above the store's limit of ${maxBytes} bytes`);
    this.name = 'ItemTooLargeError';
  }
}

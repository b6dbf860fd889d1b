/**
 * Retention: a case is deleted, every item, stored mail and attachment and pending timer, once the
 * procedure's `retention.afterClose` has passed since it closed (or was withdrawn); or at once when
 * staff carry out a complainant's request to erase (AVG art. 17). Its anonymous figures stay in the
 * register, and the deletion itself is counted anonymously.
 *
 * Deleted means gone from every read at once: the first write is a deletion mark that makes every
 * load of the case return nothing, the second takes its summary out of every list (status
 * `purged`); then the blobs, the timers and the items go. An interrupted purge keeps its mark and
 * its `purged` summary and is finished by the next sweep.
 *
 * Who purges: the office itself (`retentionSweep`, run by the sweeper and by the local office's
 * clock), finding due cases through the status index: a closed case's summary carries its purge
 * instant as `nextDueAt`. Backstops: DynamoDB TTL on every item of the case (set when it closes,
 * some days after the purge instant) and the bucket's lifecycle rule.
 */
import { amsterdamDate, termEnd } from '../calendar/index.ts';
import type { CaseEvent, CaseState, Effect } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { PRIVACY_BOOK, REGISTER_BOOK, registerFigures, type PrivacyKind, type RegisterFigures } from '../reports/figures.ts';
import type { StaffMember } from '../staff/auth.ts';
import { fromCommits, loadCase } from './cases.ts';
import type { AppContext } from './context.ts';
import { purgeHeld } from './held-mail.ts';

/** DynamoDB TTL deletes a case's items this long after its purge instant, should the office not have. */
export const BACKSTOP_DAYS = 7;
/** The summary status of a case being purged (in no list; the sweep finishes it). */
export const PURGED_STATUS = 'purged';

/** Effects the office adds to the commit that ends a case, besides the engine's. */
export type OfficeEffect =
  | Effect
  /** Write the case's anonymous figures to the register. */
  | { kind: 'register'; figures: RegisterFigures }
  /** Set the backstop expiry on every item of the case. */
  | { kind: 'expire-items'; at: string };

export const ended = (s: CaseState) => s.status === 'closed' || s.status === 'withdrawn';

/** When an ended case is to be deleted: the end of the retention term counted from its closing date (Amsterdam). */
export function purgeAt(p: Procedure, s: CaseState): string | undefined {
  if (!ended(s) || !s.closedAt) return undefined;
  return termEnd(amsterdamDate(s.closedAt), p.retention.afterClose, { ...p.calendar, rollForward: false }).dueAt;
}

export const backstopAt = (purge: string) => new Date(Date.parse(purge) + BACKSTOP_DAYS * 86_400_000).toISOString();

/** The commit that ends a case also files its figures and sets its items' expiry. */
export function closingEffects(p: Procedure, before: CaseState | undefined, after: CaseState): OfficeEffect[] {
  if (!ended(after) || (before && ended(before))) return [];
  const purge = purgeAt(p, after);
  return [{ kind: 'register', figures: registerFigures(p, after) }, ...(purge ? [{ kind: 'expire-items' as const, at: backstopAt(purge) }] : [])];
}

/** One register row per case, under an id that does not reveal the reference. */
export async function writeRegister(ctx: AppContext, ref: string, figures: RegisterFigures): Promise<void> {
  await ctx.store.putLedger(REGISTER_BOOK, { id: ctx.signer.sign('register', ref), on: figures.closedOn, data: { ...figures } });
}

/** Counts a deletion or an access request, anonymously (a date, a kind, at most a reason code). */
export async function recordPrivacy(ctx: AppContext, kind: PrivacyKind, ref: string, at = ctx.clock.now(), extra: Record<string, string> = {}): Promise<void> {
  // A purge or erasure counts once per case; every access request counts.
  const id = ctx.signer.sign('privacy', kind === 'access' ? `${ref}\n${kind}\n${at}` : `${ref}\n${kind}`);
  await ctx.store.putLedger(PRIVACY_BOOK, { id, on: amsterdamDate(at), data: { kind, ...extra } });
}

export type PurgeReason = 'retention' | 'erasure';

/**
 * Deletes a case. For `retention` only an ended case whose retention has passed (checked again
 * here); `erasure` at any time. `resume`: finish a purge that was interrupted (its instant and
 * reason as they were first written). Idempotent.
 */
export async function purgeCase(
  ctx: AppContext,
  ref: string,
  reason: PurgeReason,
  opts: { resume?: { at: string }; grounds?: string } = {},
): Promise<'purged' | 'not-due' | 'gone'> {
  const at = opts.resume?.at ?? ctx.clock.now();
  const found = fromCommits(await ctx.store.load(ref, { includeDeleted: true }));
  if (!found) {
    // Nothing left to read: clear what remains (a summary, a mark).
    await ctx.store.deleteCase(ref);
    return 'gone';
  }
  const s = found.state;
  if (!opts.resume && reason === 'retention') {
    const due = purgeAt(ctx.procedure, s);
    if (!due || due > at) return 'not-due';
  }
  // 1. Gone from every read at once.
  await ctx.store.markDeleted(ref, at);
  await ctx.store.putSummary({ caseRef: ref, procedureId: s.procedureId, status: PURGED_STATUS, stage: s.stage, receivedAt: s.receivedAt, updatedAt: at, data: { purge: reason, at, ...(opts.grounds ? { grounds: opts.grounds } : {}) } });
  // 2. The figures outlive the case (the register row is the one written at closing, or, erased
  //    before it ended, one that counts it as received and erased); the deletion is counted.
  await writeRegister(ctx, ref, registerFigures(ctx.procedure, s, ended(s) ? undefined : amsterdamDate(at)));
  await recordPrivacy(ctx, reason === 'retention' ? 'purged' : 'erased', ref, at, opts.grounds ? { grounds: opts.grounds } : {});
  // 3. Stored mail and attachments.
  for (const key of blobKeys(ref, found.events, await ctx.store.caseKeys(ref))) await ctx.blobs.deletePrefix(key);
  // 4. Timers still set.
  for (const t of Object.values(s.openTerms)) {
    await ctx.scheduler.cancel({ caseRef: ref, instance: t.instance, action: 'expire' });
    await ctx.scheduler.cancel({ caseRef: ref, instance: t.instance, action: 'remind' });
  }
  // 5. Every item (the mark and the summary last).
  await ctx.store.deleteCase(ref);
  ctx.log.info('case purged', { ref, reason });
  return 'purged';
}

/** The case's own folder and the raw mails its events refer to (and the one a mailed complaint came in). */
export function blobKeys(ref: string, events: CaseEvent[], claimedKeys: string[]): string[] {
  const keys = new Set<string>([`cases/${ref}/`]);
  for (const e of events) {
    if (e.type !== 'message-received') continue;
    if (e.blob) keys.add(e.blob);
    for (const a of e.attachments) if (a.key) keys.add(a.key);
  }
  for (const k of claimedKeys) {
    const m = /^submission:mail-([0-9a-f]{32})$/.exec(k);
    if (m) keys.add(`mail/${m[1]}.eml`);
  }
  // Never a broad prefix: only this case's folder and single mail files.
  return [...keys].filter((k) => k.startsWith(`cases/${ref}/`) || /^mail\/[0-9a-f]{32}\.eml$/.test(k));
}

/** Grounds for erasure (AVG art. 17 lid 1), recorded as a code with the anonymous count. */
export const ERASURE_GROUNDS = ['verzoek-betrokkene', 'onrechtmatig', 'wettelijke-plicht'] as const;
export type ErasureGrounds = (typeof ERASURE_GROUNDS)[number];

/** Staff who handle cases in some stage may carry out an erasure request. */
export const mayErase = (p: Procedure, me: StaffMember) => p.stages.some((s) => me.roles.includes(s.handler));

export type EraseResult = { ok: true } | { ok: false; status: 400 | 403 | 404; field?: string; message: { nl: string; en: string } };

/** A complainant's request to erase their data, carried out by staff: the case is purged now. */
export async function eraseCase(ctx: AppContext, ref: string, me: StaffMember, input: { grounds?: unknown; confirm?: unknown }): Promise<EraseResult> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return { ok: false, status: 404, message: { nl: 'Niet gevonden.', en: 'Not found.' } };
  if (!mayErase(ctx.procedure, me)) return { ok: false, status: 403, message: { nl: 'Alleen behandelaars kunnen gegevens wissen.', en: 'Only handlers can erase data.' } };
  const grounds = ERASURE_GROUNDS.find((g) => g === input.grounds);
  if (!grounds) return { ok: false, status: 400, field: 'grounds', message: { nl: `Kies de grond: ${ERASURE_GROUNDS.join(', ')}.`, en: `Choose the grounds: ${ERASURE_GROUNDS.join(', ')}.` } };
  if (typeof input.confirm !== 'string' || input.confirm.trim().toUpperCase() !== ref)
    return { ok: false, status: 400, field: 'confirm', message: { nl: 'Typ het kenmerk van de klacht ter bevestiging.', en: 'Type the reference of the complaint to confirm.' } };
  await purgeCase(ctx, ref, 'erasure', { grounds });
  return { ok: true };
}

/**
 * Deletes every case whose retention has passed, and finishes interrupted purges. Index queries
 * only (no scan), a bounded number per run.
 */
export async function retentionSweep(ctx: AppContext, limit = 100): Promise<{ purged: number; failed: number }> {
  const now = ctx.clock.now();
  let purged = 0;
  let failed = 0;
  const run = async (ref: string, reason: PurgeReason, resume?: { at: string; grounds?: string }) => {
    try {
      const opts = resume ? { resume: { at: resume.at }, ...(resume.grounds ? { grounds: resume.grounds } : {}) } : {};
      if ((await purgeCase(ctx, ref, reason, opts)) === 'purged') purged++;
    } catch (e) {
      failed++;
      ctx.log.error('purge failed', { ref, error: e instanceof Error ? e.name : 'unknown' });
    }
  };
  for (const s of await ctx.store.listSummaries({ status: PURGED_STATUS, limit })) {
    await run(s.caseRef, s.data.purge === 'erasure' ? 'erasure' : 'retention', {
      at: typeof s.data.at === 'string' ? s.data.at : s.updatedAt,
      ...(typeof s.data.grounds === 'string' ? { grounds: s.data.grounds } : {}),
    });
  }
  for (const status of ['closed', 'withdrawn']) {
    for (const s of await ctx.store.listSummaries({ status, dueBefore: now, limit })) await run(s.caseRef, 'retention');
  }
  await purgeHeld(ctx);
  if (purged || failed) ctx.log.info('retention', { purged, failed });
  return { purged, failed };
}

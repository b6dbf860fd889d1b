/**
 * Retention, as policy: when an ended case is to be deleted, what the commit that ends it adds,
 * and which blobs are the case's. The deletion itself is shared/app/purge-case.ts.
 */
import { amsterdamDate, termEnd } from '../calendar/index.ts';
import type { CaseEvent, CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { registerFigures } from '../reports/figures.ts';
import { belongsToCase, caseFolder, rawMailOfSubmission } from '../blobs/keys.ts';
import type { OfficeEffect } from './office-effects.ts';

/** DynamoDB TTL deletes a case's items this long after its purge instant, should the office not have. */
export const BACKSTOP_DAYS = 7;
/** The summary status of a case being purged (in no list; the sweep finishes it). */
export const PURGED_STATUS = 'purged';
/** Held mail carries a sender's address: it is kept this long for staff to review, then deleted. */
export const HELD_RETENTION_DAYS = 90;

export type PurgeReason = 'retention' | 'erasure';

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

/** The case's own folder and the raw mails its events refer to (and the one a mailed complaint came in). */
export function blobKeys(ref: string, events: CaseEvent[], claimedKeys: string[]): string[] {
  const keys = new Set<string>([caseFolder(ref)]);
  for (const e of events) {
    if (e.type !== 'message-received') continue;
    if (e.blob) keys.add(e.blob);
    for (const a of e.attachments) if (a.key) keys.add(a.key);
  }
  for (const k of claimedKeys) {
    const raw = k.startsWith('submission:') ? rawMailOfSubmission(k.slice('submission:'.length)) : undefined;
    if (raw) keys.add(raw);
  }
  return [...keys].filter((k) => belongsToCase(ref, k));
}

/** Grounds for erasure (AVG art. 17 lid 1), recorded as a code with the anonymous count. */
export const ERASURE_GROUNDS = ['verzoek-betrokkene', 'onrechtmatig', 'wettelijke-plicht'] as const;
export type ErasureGrounds = (typeof ERASURE_GROUNDS)[number];

/** Staff who handle cases in some stage may carry out an erasure request. */
export const mayErase = (p: Procedure, me: { roles: string[] }) => p.stages.some((s) => me.roles.includes(s.handler));

import type { CaseState } from '../engine/types.ts';
import { backstopAt, purgeAt } from '../policy/retention.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { CaseSummary } from '../store/port.ts';

/**
 * The list projection: no free text, just what a staff list and the reports need (the complainant's
 * name is the one personal detail: staff search by it). An ended case's
 * next due instant is its purge (retention), so the sweep finds due cases through the status index.
 */
export function summarise(s: CaseState, now: string, p?: Procedure, seq?: number): CaseSummary {
  const next = Object.values(s.openTerms).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  const purge = p ? purgeAt(p, s) : undefined;
  const nextDueAt = next?.dueAt ?? purge;
  const waiting = s.letters.filter((l) => !l.postedOn).length;
  return {
    caseRef: s.reference,
    procedureId: s.procedureId,
    status: s.status,
    stage: s.stage,
    receivedAt: s.receivedAt,
    ...(nextDueAt ? { nextDueAt } : {}),
    ...(purge ? { expiresAt: backstopAt(purge) } : {}),
    updatedAt: now,
    // The commit it projects: an older commit's projection, retried late, never replaces it.
    ...(seq !== undefined ? { seq } : {}),
    data: {
      channel: s.channel,
      ...(s.fields.topic ? { topic: s.fields.topic } : {}),
      // The complainant's name: staff find a case by it (the list's search and its "Klager" column).
      ...(s.fields.name ? { name: s.fields.name } : {}),
      ...(s.handler ? { handler: s.handler } : {}),
      ...(next ? { nextTerm: next.termId, nextLastDay: next.lastDay } : {}),
      admissibility: s.admissibility,
      // Staff named in the complaint: they never see it in a list.
      concerned: s.concerned,
      // Letters still to post: the workspace's list of letters finds the cases that have some.
      ...(waiting ? { letters: waiting } : {}),
    },
  };
}

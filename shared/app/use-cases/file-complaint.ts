import { amsterdamDate } from '../../calendar/index.ts';
import { handle } from '../../engine/engine.ts';
import type { Actor } from '../../engine/types.ts';
import type { Channel } from '../../procedure/schema.ts';
import type { Lang } from '../../procedure/text.ts';
import { append, buildCommit, carryOut, loadCase } from '../pipeline.ts';
import type { AppContext } from '../context.ts';
import type { OfficeEffect } from '../../policy/office-effects.ts';
import { newReference, referenceFromBytes } from '../../policy/reference.ts';
import type { Result } from '../result.ts';

export type IntakeResult = Result<{ reference: string; repeated: boolean }>;

/** What a submission id may look like (the form makes UUIDs; a JSON client may choose its own). */
export const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Files a new complaint. A repeated `submissionId` returns the first complaint and creates
 * nothing new (a double click, a retried request, a back-button resubmit).
 *
 * The short path, decided once: the engine runs once, and before the answer the store sees one
 * write, the commit, a conditional put that fails if its reference is taken (so no read first). A
 * web submission's reference follows from its `submissionId` (`submissionReference`), so that put is
 * also its idempotency claim: a repeat lands on the same reference and finds its first commit there.
 * Other channels, and a web submission whose reference another case holds, claim the id first (a
 * second write) and draw a reference. Everything a later read can rebuild or that can wait (the list
 * summary, the receipt, the timers) is an effect of the commit, carried out after the answer by the
 * effects runner, with the sweeper as the backstop.
 */
export async function fileComplaint(
  ctx: AppContext,
  input: { fields: Record<string, unknown>; channel: Channel; lang: Lang; actor: Actor },
): Promise<IntakeResult> {
  const now = ctx.clock.now();
  const fields = Object.fromEntries(
    Object.entries(input.fields).filter(([k, v]) => k !== 'submissionId' && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => [k, String(v)]),
  );
  const submissionId = typeof input.fields.submissionId === 'string' ? input.fields.submissionId : undefined;
  if (submissionId !== undefined && !SUBMISSION_ID.test(submissionId)) {
    return { ok: false, refusal: { code: 'invalid', reason: 'fields', fields: [{ field: 'submissionId', reason: 'submission-id' }] } };
  }
  const key = submissionId && `submission:${submissionId}`;
  const decide = (reference: string) =>
    handle(ctx.procedure, undefined, { type: 'submit', actor: input.actor, reference, channel: input.channel, lang: input.lang, fields, procedureHash: ctx.procedureHash }, now);
  const year = amsterdamDate(now).slice(0, 4);
  const own = (k: string): OfficeEffect[] => [{ kind: 'key-reference', key: k }];
  const filed = async (reference: string, decided: Extract<ReturnType<typeof decide>, { ok: true }>, k?: string): Promise<boolean> => {
    const commit = buildCommit(ctx, reference, undefined, decided, now, k ? own(k) : []);
    if (!(await append(ctx, commit))) return false;
    ctx.log.info('command', { ref: reference, type: 'submit', seq: 1, events: decided.events.length, effects: commit.effects.length });
    await carryOut(ctx, commit, decided.state, true);
    return true;
  };

  if (key && input.channel === 'web') {
    // A form filed late on 31 December and sent again in January: its reference has last year's number.
    if (year !== amsterdamDate(new Date(Date.parse(now) - REPEAT_WINDOW_MS)).slice(0, 4)) {
      const earlier = submissionReference(ctx, submissionId, String(Number(year) - 1));
      if (await isRepeatAt(ctx, earlier, key)) return { ok: true, reference: earlier, repeated: true };
    }
    const reference = submissionReference(ctx, submissionId, year);
    const decided = decide(reference);
    if (!decided.ok) return decided;
    if (await filed(reference, decided, key)) return { ok: true, reference, repeated: false };
    if (await isRepeatAt(ctx, reference, key)) return { ok: true, reference, repeated: true };
    // Another case holds this reference (a drawn one, or another submission's): claim and draw below.
  }

  for (let attempt = 0; attempt < 5; attempt++) {
    const drawn = newReference(ctx.procedure, year);
    // Decided before anything is stored: a refused complaint claims no submissionId.
    let decided = decide(drawn);
    if (!decided.ok) return decided;
    let reference = drawn;
    if (key) {
      // One write: the case's back-reference to the key is an effect of its commit (below).
      const claim = await ctx.store.claimKey(key, reference, { backReference: false });
      if (!claim.fresh) {
        if (await loadCase(ctx, claim.caseRef)) return { ok: true, reference: claim.caseRef, repeated: true };
        // Claimed by an attempt that stopped before its commit: finish it under that reference.
        reference = claim.caseRef;
        decided = decide(reference);
        if (!decided.ok) return decided;
      }
    }
    if (await filed(reference, decided, key || undefined)) return { ok: true, reference, repeated: false };
    // The reference is taken: by a repeat of this submission that raced us to it (the same fields),
    // or, rarely, by another complaint whose random reference collided with ours: then our claim
    // is released and we draw again.
    if (!key) continue;
    const existing = await loadCase(ctx, reference);
    if (existing && sameFields(existing.state.fields, decided.state.fields)) return { ok: true, reference, repeated: true };
    await ctx.store.releaseKey(key, reference);
  }
  throw new Error('could not allocate a case reference');
}

/** How long after filing a repeat of a web submission is still recognised across the turn of the year. */
const REPEAT_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * The reference a web submission files under: a keyed hash of its id (no one can steer it to a
 * reference of their choosing) in this year's series. A repeat finds the same one.
 */
export function submissionReference(ctx: Pick<AppContext, 'procedure' | 'signer'>, submissionId: string, year: string): string {
  return referenceFromBytes(ctx.procedure, year, Buffer.from(ctx.signer.sign('submission-reference', submissionId).slice(1), 'base64url'));
}

/** Whether the case at `reference` was filed by this submission: its first commit names the key. */
async function isRepeatAt(ctx: AppContext, reference: string, key: string): Promise<boolean> {
  const first = (await ctx.store.load(reference))[0];
  return !!first && first.seq === 1 && first.effects.some((e) => (e.effect as { kind?: string; key?: string }).kind === 'key-reference' && (e.effect as { key?: string }).key === key);
}

const sameFields = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

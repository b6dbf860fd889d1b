import { amsterdamDate } from '../../calendar/index.ts';
import { handle } from '../../engine/engine.ts';
import type { Actor } from '../../engine/types.ts';
import type { Channel } from '../../procedure/schema.ts';
import type { Lang } from '../../procedure/text.ts';
import { execute, loadCase } from '../pipeline.ts';
import type { AppContext } from '../context.ts';
import { newReference } from '../../policy/reference.ts';
import type { Result } from '../result.ts';

export type IntakeResult = Result<{ reference: string; repeated: boolean }>;

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Files a new complaint. A repeated `submissionId` returns the first complaint and creates
 * nothing new (a double click, a retried request, a back-button resubmit).
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
  const command = (reference: string) =>
    ({ type: 'submit', actor: input.actor, reference, channel: input.channel, lang: input.lang, fields, procedureHash: ctx.procedureHash }) as const;

  // Decide first without storing anything: a refused complaint claims no submissionId.
  const dry = handle(ctx.procedure, undefined, command('DRY-RUN'), now);
  if (!dry.ok) return dry;

  for (let attempt = 0; attempt < 5; attempt++) {
    let reference = newReference(ctx.procedure, amsterdamDate(now).slice(0, 4));
    if (await loadCase(ctx, reference)) continue; // a collision of random references: draw again
    if (submissionId) {
      const claim = await ctx.store.claimKey(`submission:${submissionId}`, reference);
      if (!claim.fresh && (await loadCase(ctx, claim.caseRef))) return { ok: true, reference: claim.caseRef, repeated: true };
      reference = claim.caseRef;
    }
    const result = await execute(ctx, reference, command(reference), { now });
    if (result.ok) return { ok: true, reference, repeated: false };
    if (result.refusal.code !== 'conflict' && result.refusal.reason !== 'exists') return result;
    if (submissionId) return { ok: true, reference, repeated: true };
  }
  throw new Error('could not allocate a case reference');
}

import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { findHeld } from '../held-mail.ts';
import { execute, loadCase } from '../pipeline.ts';
import { refused, type Result } from '../result.ts';

export const HELD_NOT_FOUND = refused({ code: 'not-found', reason: 'held-not-found' });
const CASE_NOT_FOUND = refused({ code: 'not-found', reason: 'case-not-found' });

/**
 * A staff member decides a held mail belongs to a case (e.g. the complainant wrote from another
 * address): it lands on the timeline as the complainant's message and goes to the handler. Only a
 * handler of that case may do this; the engine checks. A case about this staff member is one they
 * do not know of.
 */
export async function attachHeld(ctx: AppContext, me: StaffMember, id: string, caseRef: string): Promise<Result<{ caseRef: string }>> {
  const found = await loadCase(ctx, caseRef);
  if (!found || found.state.concerned.includes(me.email)) return CASE_NOT_FOUND;
  const held = await findHeld(ctx, me, id);
  if (!held) return HELD_NOT_FOUND;
  const result = await execute(ctx, caseRef, {
    type: 'receive-message',
    actor: { kind: 'staff', email: me.email },
    party: 'complainant',
    sender: held.sender ?? '',
    subject: held.subject,
    text: held.text ?? '',
    blob: held.blob,
    attachments: [],
  });
  if (!result.ok) return result;
  await ctx.store.releaseHeld(held);
  ctx.log.info('held mail attached', { ref: caseRef });
  return { ok: true, caseRef };
}

import { ERASURE_GROUNDS, mayErase } from '../../policy/retention.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { loadCase } from '../pipeline.ts';
import { purgeCase } from '../purge-case.ts';
import { invalid, NOT_FOUND, refused, type Result } from '../result.ts';


/** A complainant's request to erase their data (AVG art. 17), carried out by staff: the case is purged now. */
export async function eraseCase(ctx: AppContext, ref: string, me: StaffMember, input: { grounds?: unknown; confirm?: unknown }): Promise<Result> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return NOT_FOUND;
  if (!mayErase(ctx.procedure, me)) return refused({ code: 'forbidden', reason: 'erase-not-handler' });
  const grounds = ERASURE_GROUNDS.find((g) => g === input.grounds);
  if (!grounds) return invalid('erase', [{ field: 'grounds', reason: 'choose-grounds', params: { allowed: [...ERASURE_GROUNDS] } }]);
  if (typeof input.confirm !== 'string' || input.confirm.trim().toUpperCase() !== ref)
    return invalid('erase', [{ field: 'confirm', reason: 'confirm-reference' }]);
  await purgeCase(ctx, ref, 'erasure', { grounds });
  return { ok: true };
}

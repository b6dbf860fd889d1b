import { ERASURE_GROUNDS, mayErase } from '../../policy/retention.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { loadCase } from '../pipeline.ts';
import { purgeCase } from '../purge-case.ts';
import { NOT_FOUND, refused, type Result } from '../result.ts';

const invalid = (field: string, message: { nl: string; en: string }) => refused('invalid', field, message, [{ field, message }]);

/** A complainant's request to erase their data (AVG art. 17), carried out by staff: the case is purged now. */
export async function eraseCase(ctx: AppContext, ref: string, me: StaffMember, input: { grounds?: unknown; confirm?: unknown }): Promise<Result> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return NOT_FOUND;
  if (!mayErase(ctx.procedure, me)) return refused('forbidden', 'forbidden', { nl: 'Alleen behandelaars kunnen gegevens wissen.', en: 'Only handlers can erase data.' });
  const grounds = ERASURE_GROUNDS.find((g) => g === input.grounds);
  if (!grounds) return invalid('grounds', { nl: `Kies de grond: ${ERASURE_GROUNDS.join(', ')}.`, en: `Choose the grounds: ${ERASURE_GROUNDS.join(', ')}.` });
  if (typeof input.confirm !== 'string' || input.confirm.trim().toUpperCase() !== ref)
    return invalid('confirm', { nl: 'Typ het kenmerk van de klacht ter bevestiging.', en: 'Type the reference of the complaint to confirm.' });
  await purgeCase(ctx, ref, 'erasure', { grounds });
  return { ok: true };
}

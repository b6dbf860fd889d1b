import { parseAction } from '../../staff/actions.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { execute, loadCase } from '../pipeline.ts';
import { invalid, NOT_FOUND, type Result } from '../result.ts';

/**
 * A staff action on a case (acknowledge, assign, decide, …), as sent by a form or the JSON API. With
 * `expectedSeq` it is refused as a conflict when the case changed since the staff member looked.
 */
export async function actOnCase(ctx: AppContext, me: StaffMember, ref: string, body: Record<string, unknown>): Promise<Result> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return NOT_FOUND;
  const parsed = parseAction(body, { kind: 'staff', email: me.email });
  if (!parsed.ok) return invalid('action', parsed.errors);
  const result = await execute(ctx, ref, parsed.command, parsed.expectedSeq === undefined ? {} : { expectedSeq: parsed.expectedSeq });
  return result.ok ? { ok: true } : result;
}

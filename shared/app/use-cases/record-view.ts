import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { execute } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';

/**
 * Records that a staff member opened a case, before they see it. The engine refuses the view for
 * an unknown case or one about this person, so this also answers "may they see it".
 */
export async function recordView(ctx: AppContext, me: StaffMember, ref: string): Promise<Result> {
  const r = await execute(ctx, ref, { type: 'record-view', actor: { kind: 'staff', email: me.email } });
  return r.ok ? { ok: true } : NOT_FOUND;
}

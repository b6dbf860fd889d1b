import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { execute, loadCase } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';

/** Staff posted a letter on `on`: an event on the case, from which terms that wait for the letter count. */
export async function markLetterPosted(ctx: AppContext, me: StaffMember, ref: string, letter: string, on: unknown): Promise<Result> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email)) return NOT_FOUND;
  const r = await execute(ctx, ref, { type: 'mark-letter-posted', actor: { kind: 'staff', email: me.email }, letter, on: typeof on === 'string' ? on.trim() : '' });
  return r.ok ? { ok: true } : r;
}

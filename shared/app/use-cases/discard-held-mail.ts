import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { findHeld, removeHeld } from '../held-mail.ts';
import type { Result } from '../result.ts';
import { HELD_NOT_FOUND } from './attach-held-mail.ts';

/** Staff judged a held mail not to belong anywhere (spam, a stray): it and its raw copy are deleted. */
export async function discardHeld(ctx: AppContext, me: StaffMember, id: string): Promise<Result> {
  const held = await findHeld(ctx, me, id);
  if (!held) return HELD_NOT_FOUND;
  await removeHeld(ctx, held);
  ctx.log.info('held mail discarded');
  return { ok: true };
}

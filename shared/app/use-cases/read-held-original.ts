import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { findHeld } from '../held-mail.ts';
import { NOT_FOUND } from '../result.ts';
import type { Original } from './read-original.ts';

/** The raw copy of a held mail. */
export async function readHeldOriginal(ctx: AppContext, me: StaffMember, id: string): Promise<Original> {
  const held = await findHeld(ctx, me, id);
  const body = held && (await ctx.blobs.get(held.blob));
  return body ? { ok: true, body, attachment: false } : NOT_FOUND;
}


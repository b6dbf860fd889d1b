import type { StaffMember } from '../staff/auth.ts';
import type { HeldMail } from '../store/port.ts';
import type { AppContext } from './context.ts';
import { loadCase } from './pipeline.ts';

/**
 * A held mail as this staff member may see it: one tied to a case follows that case's visibility,
 * so a mail about a staff member never reaches them through the holding list.
 */
export async function findHeld(ctx: AppContext, me: StaffMember, id: string): Promise<HeldMail | undefined> {
  const held = await ctx.store.getHeld(id);
  return held && (await maySee(ctx, me, held)) ? held : undefined;
}

export async function maySee(ctx: AppContext, me: StaffMember, held: HeldMail): Promise<boolean> {
  if (!held.caseRef) return true;
  const found = await loadCase(ctx, held.caseRef);
  return !found || !found.state.concerned.includes(me.email.toLowerCase());
}

/** Deletes a held mail and its raw copy, unless a case holds the same mail. */
export async function removeHeld(ctx: AppContext, held: HeldMail) {
  // The raw copy may also be on a case (the same mail matched later): then the case keeps it.
  const onCase = held.caseRef ? (await loadCase(ctx, held.caseRef))?.state.inboundBlobs.includes(held.blob) : false;
  if (!onCase) await ctx.blobs.deletePrefix(held.blob);
  await ctx.store.releaseHeld(held);
}

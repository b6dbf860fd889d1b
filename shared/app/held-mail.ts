import type { HeldMail } from '../store/port.ts';
import type { AppContext } from './context.ts';
import { loadCase } from './pipeline.ts';

/** Held mail (mail that matched no case or could not be trusted), for the use cases that act on it. */
export const findHeld = (ctx: AppContext, id: string) => ctx.store.getHeld(id);

/** Deletes a held mail and its raw copy, unless a case holds the same mail. */
export async function removeHeld(ctx: AppContext, held: HeldMail) {
  // The raw copy may also be on a case (the same mail matched later): then the case keeps it.
  const onCase = held.caseRef ? (await loadCase(ctx, held.caseRef))?.state.inboundBlobs.includes(held.blob) : false;
  if (!onCase) await ctx.blobs.deletePrefix(held.blob);
  await ctx.store.releaseHeld(held);
}

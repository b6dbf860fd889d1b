import type { StaffMember } from '../../staff/auth.ts';
import type { HeldMail } from '../../store/port.ts';
import type { AppContext } from '../context.ts';
import { maySee } from '../held-mail.ts';

export const HELD_PAGE = 50;

export interface HeldList {
  held: HeldMail[];
  /** The cursor of the next page, if there is one. */
  next?: string;
  /** Held mail no staff member has seen yet, on any page. */
  unseen: number;
}

/**
 * The holding list for staff to review, a page at a time, so no flood of mail pushes one out of
 * view. Mail tied to a case this staff member may not see is left out. What is shown counts as seen.
 */
export async function listHeld(ctx: AppContext, me: StaffMember, after?: string): Promise<HeldList> {
  const page = await ctx.store.pageHeld({ limit: HELD_PAGE, ...(after ? { after } : {}) });
  const held: HeldMail[] = [];
  for (const h of page.items) if (await maySee(ctx, me, h)) held.push(h);
  await ctx.store.markHeldSeen(held);
  return { held, ...(page.next ? { next: page.next } : {}), unseen: await ctx.store.countUnseenHeld() };
}

/** For the workspace: how many held mails no staff member has seen. */
export const countUnseenHeld = (ctx: AppContext) => ctx.store.countUnseenHeld();

import type { AppContext } from '../context.ts';

/** The held mail list for staff to review. */
export const listHeld = (ctx: AppContext) => ctx.store.listHeld(200);

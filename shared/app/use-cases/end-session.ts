import type { AppContext } from '../context.ts';
import { revokedKey } from './current-session.ts';

/** Logout: the session is revoked in the store, so its token stops working as bearer and as cookie. */
export async function endSession(ctx: AppContext, session: { email: string; id: string }): Promise<void> {
  await ctx.store.setOnce(revokedKey(session.id), session.email);
}

import { readSession } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';

const revokedKey = (id: string) => `session-revoked:${id}`;

/** The signed-in staff address of a session token, unless it expired, is forged or was ended at logout. */
export async function currentSession(ctx: AppContext, token: string | undefined, nowMs: number): Promise<{ email: string; id: string } | undefined> {
  const claims = readSession(ctx.signer, token, nowMs);
  if (!claims || (await ctx.store.readKey(revokedKey(claims.id))) !== undefined) return undefined;
  return claims;
}

/** Logout: the session is revoked in the store, so its token stops working as bearer and as cookie. */
export async function endSession(ctx: AppContext, session: { email: string; id: string }): Promise<void> {
  await ctx.store.setOnce(revokedKey(session.id), session.email);
}

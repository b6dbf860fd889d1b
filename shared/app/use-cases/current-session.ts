import { readSession } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';

/** The store key marking a session ended at logout. */
export const revokedKey = (id: string) => `session-revoked:${id}`;

/** The signed-in staff address of a session token, unless it expired, is forged or was ended at logout. */
export async function currentSession(ctx: AppContext, token: string | undefined, nowMs: number): Promise<{ email: string; id: string } | undefined> {
  const claims = readSession(ctx.signer, token, nowMs);
  if (!claims || (await ctx.store.readKey(revokedKey(claims.id))) !== undefined) return undefined;
  return claims;
}

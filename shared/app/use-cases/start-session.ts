import { readLoginToken, sessionToken, staffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';

/**
 * Exchanges a sign-in token for a session token, once; undefined for an expired, used or forged
 * one. The link expires by the office clock; the session lasts a working day of `nowMs` (the wall clock).
 */
export async function startSession(ctx: AppContext, token: unknown, nowMs: number): Promise<string | undefined> {
  const login = readLoginToken(ctx.signer, typeof token === 'string' ? token : undefined, Date.parse(ctx.clock.now()));
  if (!login || !staffMember(ctx.procedure, login.email)) return undefined;
  const claim = await ctx.store.claimKey(`login:${login.nonce}`, login.email);
  return claim.fresh ? sessionToken(ctx.signer, login.email, nowMs) : undefined;
}

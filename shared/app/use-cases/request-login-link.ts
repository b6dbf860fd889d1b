import { loginMail } from '../../mail/login-mail.ts';
import { loginToken, staffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';

/**
 * Staff sign in by a link mailed to them. Unknown addresses get the same answer and no mail: the
 * answer reveals nothing. The link expires by the office clock, like every other term of the office.
 */
export async function requestLoginLink(ctx: AppContext, email: string): Promise<void> {
  const nowMs = Date.parse(ctx.clock.now());
  const member = staffMember(ctx.procedure, email);
  if (!member) return;
  const token = loginToken(ctx.signer, member.email, nowMs);
  const link = `${ctx.publicUrl}/staff/login?token=${encodeURIComponent(token)}`;
  await ctx.mailer.send(loginMail(ctx.procedure, { to: { email: member.email, name: member.name }, link, token, nowMs, replyDomain: ctx.replyDomain }));
  ctx.log.info('login link sent');
}

import type { StaffMember } from '../../staff/auth.ts';
import type { Lang } from '../../procedure/text.ts';
import type { AppContext } from '../context.ts';
import { refused } from '../result.ts';
import { fileComplaint, type IntakeResult } from './file-complaint.ts';

const STAFF_CHANNELS = ['phone', 'in-person', 'letter', 'email'] as const;

/** A staff member enters a complaint that came in by phone, in person, by letter or by mail. */
export async function enterComplaint(ctx: AppContext, me: StaffMember, body: Record<string, unknown>, lang: Lang): Promise<IntakeResult> {
  const channel = STAFF_CHANNELS.find((c) => c === body.channel);
  if (!channel)
    return refused({ code: 'invalid', reason: 'channel', params: { missing: true }, fields: [{ field: 'channel', reason: 'channel', params: { allowed: [...STAFF_CHANNELS] } }] });
  const { channel: _c, csrf: _x, ...fields } = body;
  return fileComplaint(ctx, { fields, channel, lang, actor: { kind: 'staff', email: me.email } });
}

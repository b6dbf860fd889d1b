import { isAttachmentKey } from '../../blobs/keys.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { loadCase } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';

export type Original = Result<{ body: Buffer; attachment: boolean }>;

/** The full original of a mail or attachment on a case's timeline: only blobs this case refers to. */
export async function readOriginal(ctx: AppContext, me: StaffMember, ref: string, key: string): Promise<Original> {
  const found = await loadCase(ctx, ref);
  const belongs =
    found &&
    !found.state.concerned.includes(me.email) &&
    found.events.some((ev) => ev.type === 'message-received' && (ev.blob === key || ev.attachments.some((a) => a.key === key)));
  const body = belongs ? await ctx.blobs.get(key) : undefined;
  return body ? { ok: true, body, attachment: isAttachmentKey(key) } : NOT_FOUND;
}


import { attachmentHashOf } from '../../blobs/keys.ts';
import { copyAttachmentSubject } from '../../mail/compose.ts';
import { REFERENCE_PATTERN } from '../../policy/reference.ts';
import type { AppContext } from '../context.ts';
import { complaintAttachments, stillConcerned } from './read-copy.ts';

/**
 * One attachment of the complaint, for the person complained about (Awb 9:9: a copy "with its
 * attachments"): the link is signed for this case, this address and this attachment, and opens
 * only an attachment the complainant sent on this case; undefined otherwise, whatever was wrong.
 */
export async function readCopyAttachment(
  ctx: AppContext,
  ref: string,
  q: { to?: string | undefined; hash?: string | undefined; token?: string | undefined },
): Promise<{ body: Buffer; name: string } | undefined> {
  const { to, hash, token } = q;
  if (!to || !hash || !REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('copy-attachment', copyAttachmentSubject(ref, to, hash), token)) return undefined;
  const found = await stillConcerned(ctx, ref, to);
  const attachment = found && complaintAttachments(found.events).find((a) => a.key && attachmentHashOf(a.key) === hash);
  const body = attachment?.key ? await ctx.blobs.get(attachment.key) : undefined;
  return body && attachment ? { body, name: attachment.name } : undefined;
}


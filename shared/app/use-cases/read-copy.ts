import { copyAddress } from '../../engine/duties.ts';
import type { CaseEvent, StoredAttachment } from '../../engine/types.ts';
import { copySubject } from '../../mail/compose.ts';
import { REFERENCE_PATTERN } from '../../policy/reference.ts';
import type { AppContext } from '../context.ts';
import { loadCase, type LoadedCase } from '../pipeline.ts';

/**
 * The case behind the link in a person complained about's copy of the complaint (Awb 9:9): only
 * while that address is still the address of a person complained about on the case; undefined for
 * an unknown case, a wrong token or a corrected address alike.
 */
export async function caseOfCopyLink(ctx: AppContext, ref: string, to: string | undefined, token: string | undefined): Promise<LoadedCase | undefined> {
  if (!to || !REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('copy', copySubject(ref, to), token)) return undefined;
  return stillConcerned(ctx, ref, to);
}

/** The attachments the complainant sent with the complaint (and later), as the copy lists them; kept ones have a key. */
export const complaintAttachments = (events: readonly CaseEvent[]): StoredAttachment[] =>
  events.flatMap((e) => (e.type === 'message-received' && e.party === 'complainant' && !e.noise ? e.attachments : []));

/** The case, while `to` is still the address of a person complained about on it. */
export const stillConcerned = async (ctx: AppContext, ref: string, to: string): Promise<LoadedCase | undefined> => {
  const found = await loadCase(ctx, ref);
  const still = found?.state.parties.some((x) => x.role === 'complained-about' && copyAddress(x)?.toLowerCase() === to.toLowerCase());
  return still ? found : undefined;
};

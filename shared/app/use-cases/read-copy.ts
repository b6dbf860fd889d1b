import { copyAddress } from '../../engine/duties.ts';
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
  const found = await loadCase(ctx, ref);
  const still = found?.state.parties.some((x) => x.role === 'complained-about' && copyAddress(x)?.toLowerCase() === to.toLowerCase());
  return still ? found : undefined;
}

import { REFERENCE_PATTERN } from '../../policy/reference.ts';
import type { AppContext } from '../context.ts';
import { loadCase, type LoadedCase } from '../pipeline.ts';

/** The case behind a complainant's status link; undefined for an unknown case or a wrong token alike. */
export async function caseOfStatusLink(ctx: AppContext, ref: string, token: string | undefined): Promise<LoadedCase | undefined> {
  if (!REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('status', ref, token)) return undefined;
  return loadCase(ctx, ref);
}

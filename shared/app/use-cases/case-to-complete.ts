import { REFERENCE_PATTERN } from '../../policy/reference.ts';
import type { AppContext } from '../context.ts';
import { loadCase, type LoadedCase } from '../pipeline.ts';

/** A case that arrived by e-mail and waits for the complainant to complete it through the form (its link signed for it). */
export async function caseToComplete(ctx: AppContext, ref: unknown, token: unknown): Promise<LoadedCase | undefined> {
  if (typeof ref !== 'string' || !REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('complete', ref, String(token ?? ''))) return undefined;
  const found = await loadCase(ctx, ref);
  return found?.state.status === 'to-complete' ? found : undefined;
}

import type { AppContext } from '../context.ts';
import { execute } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';
import { caseToComplete } from './case-to-complete.ts';

/** The complainant completes a case that came in by e-mail, with the form's fields. */
export async function completeComplaint(ctx: AppContext, ref: unknown, token: unknown, fields: Record<string, string>): Promise<Result<{ reference: string }>> {
  const found = await caseToComplete(ctx, ref, token);
  if (!found) return NOT_FOUND;
  const reference = found.state.reference;
  const result = await execute(ctx, reference, { type: 'complete', actor: { kind: 'complainant' }, fields });
  return result.ok ? { ok: true, reference } : result;
}

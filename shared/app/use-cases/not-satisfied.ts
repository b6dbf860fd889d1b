import type { AppContext } from '../context.ts';
import { execute } from '../pipeline.ts';
import { invalid, NOT_FOUND, type Result } from '../result.ts';
import { caseOfStatusLink } from './read-status.ts';

/** As long as a staff member's reason for passing a case on (the status page's field says so too). */
export const MAX_REASON = 2000;

/**
 * The complainant's "Niet tevreden?" from their status page: a request to take the complaint to
 * the next stage, counted at this moment (its arrival). The status link's token is the credential.
 */
export async function notSatisfied(ctx: AppContext, ref: string, token: string | undefined, reason: string): Promise<Result> {
  if (!(await caseOfStatusLink(ctx, ref, token))) return NOT_FOUND;
  if (reason.length > MAX_REASON) return invalid('action', [{ field: 'reason', reason: 'text-too-long' }]);
  const result = await execute(ctx, ref, { type: 'escalate', actor: { kind: 'complainant' }, reason });
  return result.ok ? { ok: true } : result;
}

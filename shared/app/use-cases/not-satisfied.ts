import type { AppContext } from '../context.ts';
import { execute } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';
import { caseOfStatusLink } from './read-status.ts';

/**
 * The complainant's "Niet tevreden?" from their status page: a request to take the complaint to
 * the next stage, counted at this moment (its arrival). The status link's token is the credential.
 */
export async function notSatisfied(ctx: AppContext, ref: string, token: string | undefined, reason: string): Promise<Result> {
  if (!(await caseOfStatusLink(ctx, ref, token))) return NOT_FOUND;
  const result = await execute(ctx, ref, { type: 'escalate', actor: { kind: 'complainant' }, reason });
  return result.ok ? { ok: true } : result;
}

import type { DeadlinePayload } from '../../deadlines/port.ts';
import { execute, type ExecuteResult } from '../pipeline.ts';
import type { AppContext } from '../context.ts';

/**
 * A deadline fired (EventBridge Scheduler on AWS, the local timer locally). The engine decides
 * whether the term is still open; a late, repeated or stale timer changes nothing.
 */
export async function onDeadline(ctx: AppContext, payload: DeadlinePayload): Promise<ExecuteResult> {
  return execute(ctx, payload.caseRef, {
    type: payload.action === 'expire' ? 'expire-term' : 'remind-term',
    actor: { kind: 'system' },
    instance: payload.instance,
  });
}

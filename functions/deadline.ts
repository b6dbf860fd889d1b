/**
 * EventBridge Scheduler → a deadline. Each one-time schedule's target Input is the DeadlinePayload
 * as JSON (shared/deadlines/eventbridge.ts), and the Lambda receives that Input as its event.
 * A payload that is not one is refused with an error naming what is wrong (it then ends up where
 * failed invocations go); the engine decides whether a valid one still matters (a late, repeated
 * or stale timer changes nothing).
 */
import * as z from 'zod/mini';
import '../shared/edge/zod-locale.ts';
import type { AppContext } from '../shared/app/context.ts';
import { onDeadline } from '../shared/app/use-cases/fire-deadline.ts';
import type { ExecuteResult } from '../shared/app/pipeline.ts';
import { awsContextFromBundle, lazyContext, type AwsServices } from '../shared/aws/context.ts';
import type { DeadlinePayload } from '../shared/deadlines/port.ts';

export const deadlinePayloadSchema = z.object({
  caseRef: z.string().check(z.minLength(1)),
  instance: z.string().check(z.minLength(1)),
  action: z.enum(['expire', 'remind']),
}) satisfies z.ZodMiniType<DeadlinePayload>;

export function parseDeadlinePayload(event: unknown): DeadlinePayload {
  // A schedule made by hand in the console may carry its Input as a JSON string.
  let value = event;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error('invalid deadline payload: not JSON');
    }
  }
  const result = deadlinePayloadSchema.safeParse(value);
  if (!result.success) {
    throw new Error(`invalid deadline payload: ${result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

export function createDeadlineFunction(context: () => Promise<AppContext>): (event: unknown) => Promise<{ outcome: string }> {
  return async (event) => {
    const payload = parseDeadlinePayload(event);
    const ctx = await context();
    const result: ExecuteResult = await onDeadline(ctx, payload);
    const conflict = !result.ok && result.refusal.code === 'conflict';
    const outcome = result.ok ? (result.events.length ? 'applied' : 'nothing-due') : conflict ? 'conflict' : `refused:${result.refusal.reason}`;
    ctx.log.info('deadline', { ref: payload.caseRef, instance: payload.instance, action: payload.action, outcome });
    // Five conflicting writes in a row: let the invocation fail so it is retried.
    if (conflict) throw new Error(`deadline ${payload.action} ${payload.instance} of ${payload.caseRef}: kept conflicting`);
    return { outcome };
  };
}

/** A term that passes only commits: its mail and timers are the effects function's. */
export const services: AwsServices = {};

// Created once per container, on the first timer (see shared/aws/context.ts).
const context = lazyContext(() => awsContextFromBundle(services));

export const handler = createDeadlineFunction(context);

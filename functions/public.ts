/**
 * API Gateway HTTP API (payload format 2.0) → the public side: the form, intake, the status page.
 * The same handler serves the local office (infra/local/office.ts).
 */
import type { AppContext } from '../shared/app/context.ts';
import { awsContextFromBundle, lazyContext, type AwsContext } from '../shared/aws/context.ts';
import { json, type ApiEvent, type ApiHandler, type ApiResult } from '../shared/http/api.ts';
import { createPublicHandler } from '../shared/http/public-routes.ts';

/** The handler for a context; errors become a plain 500 and are logged by kind and place, never by message (it may quote what a user sent). */
export function createPublicFunction(context: () => Promise<AppContext & { aws?: AwsContext['aws'] }>): (event: ApiEvent) => Promise<ApiResult> {
  const handlers = new WeakMap<AppContext, ApiHandler>();
  return async (event) => {
    const ctx = await context();
    let handle = handlers.get(ctx);
    if (!handle) {
      handle = createPublicHandler(ctx, { minFillMs: ctx.aws?.config.FORM_MIN_FILL_MS ?? 3000 });
      handlers.set(ctx, handle);
    }
    try {
      return await handle(event);
    } catch (e) {
      ctx.log.error('request failed', {
        error: e instanceof Error ? e.name : 'unknown',
        at: e instanceof Error ? e.stack?.split('\n')[1]?.trim() : undefined,
        requestId: event.requestContext?.requestId,
      });
      return json(500, { error: 'internal', message: 'Er ging iets mis. Probeer het later opnieuw.' });
    }
  };
}

// Created once per container, on the first request (see shared/aws/context.ts: the procedure file
// is read from next to the bundle, the signing keys from Secrets Manager).
const context = lazyContext(() => awsContextFromBundle());

export const handler = createPublicFunction(context);

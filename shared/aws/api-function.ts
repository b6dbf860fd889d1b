import type { AppContext } from '../app/context.ts';
import { json, type ApiEvent, type ApiHandler, type ApiResult } from '../http/api.ts';

/**
 * A Lambda handler for API Gateway (payload 2.0) around a route handler made once per context.
 * Errors become a plain 500 and are logged by kind and place, never by message (it may quote what a user sent).
 */
export function createApiFunction<C extends AppContext>(context: () => Promise<C>, make: (ctx: C) => ApiHandler): (event: ApiEvent) => Promise<ApiResult> {
  const handlers = new WeakMap<C, ApiHandler>();
  return async (event) => {
    const ctx = await context();
    let handle = handlers.get(ctx);
    if (!handle) handlers.set(ctx, (handle = make(ctx)));
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

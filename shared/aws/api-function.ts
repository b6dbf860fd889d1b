import type { AppContext } from '../app/context.ts';
import type { ApiEvent, ApiHandler, ApiResult } from '../http/api.ts';
import { withBoundary } from '../http/boundary.ts';

/** A Lambda handler for API Gateway (payload 2.0) around a route handler made once per context, inside the one error boundary. */
export function createApiFunction<C extends AppContext>(context: () => Promise<C>, make: (ctx: C) => ApiHandler): (event: ApiEvent) => Promise<ApiResult> {
  const handlers = new WeakMap<C, ApiHandler>();
  return async (event) => {
    const ctx = await context();
    let handle = handlers.get(ctx);
    if (!handle) handlers.set(ctx, (handle = withBoundary(make(ctx), () => ctx.log, { logRequests: true })));
    return handle(event);
  };
}

import type { Logger } from '../app/context.ts';
import { BodyError, json, type ApiEvent, type ApiHandler } from './api.ts';

/** The plain 500: it says nothing about what went wrong. */
export const internalError = () => json(500, { error: 'internal', message: 'Er ging iets mis. Probeer het later opnieuw.' });

/**
 * The one error boundary around every route handler, on Lambda and locally: a body that cannot be
 * read is the sender's error (400/413/415); anything else becomes a plain 500. One log line per
 * request, with its request id, method, path (never the query: it carries tokens), status and
 * time; a failure is that line at error level, naming the error's kind and place, never its
 * message (it may quote what a user sent).
 */
export function withBoundary(handle: ApiHandler, log: () => Logger, opts: { logRequests?: boolean } = {}): ApiHandler {
  return async (event: ApiEvent) => {
    const started = performance.now();
    const line = (status: number) => ({
      requestId: event.requestContext?.requestId,
      method: event.requestContext?.http?.method,
      path: event.rawPath,
      status,
      ms: Math.round(performance.now() - started),
    });
    try {
      const result = await handle(event).catch((e: unknown) => {
        if (e instanceof BodyError) return json(e.status, { errors: [{ field: 'body', message: e.message }] });
        throw e;
      });
      if (opts.logRequests) log().info('request', line(result.statusCode));
      return result;
    } catch (e) {
      log().error('request failed', { error: e instanceof Error ? e.name : 'unknown', at: e instanceof Error ? e.stack?.split('\n')[1]?.trim() : undefined, ...line(500) });
      return internalError();
    }
  };
}

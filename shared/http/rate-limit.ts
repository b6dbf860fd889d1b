/**
 * A fixed-window counter per key, in memory: per Lambda container on AWS (where API Gateway's
 * throttling is the shared limit), for the whole office locally. Bounded: the oldest windows are
 * dropped first, so a flood of keys cannot grow it without end.
 */
export interface RateLimiter {
  /** Counts one request for `key`; refused with the seconds until the window ends when over the limit. */
  take(key: string): { ok: true } | { ok: false; retryAfterS: number };
}

const MAX_KEYS = 10_000;

export function fixedWindow(limit: number, windowMs: number, now: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        windows.delete(key);
        if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value!);
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      if (w.count >= limit) return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.start + windowMs - t) / 1000)) };
      w.count++;
      return { ok: true };
    },
  };
}

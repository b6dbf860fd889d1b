/**
 * Rate limiters. `storedWindow` counts in the store (RateCounters) in fixed windows aligned to the
 * clock, so every Lambda container (and every local instance on one table) counts in the same
 * item: the limit holds across containers. Keys are signed before they are stored, so the table
 * never holds a client's IP address or a requested e-mail address. `tokenBucket` is API Gateway's
 * throttling algorithm in memory, for the local office (one process: its memory is global).
 */
import type { Signer } from '../security/signer.ts';
import type { RateCounters } from '../store/port.ts';
import type { Bucket, Window } from './limits.ts';

export type Verdict = { ok: true } | { ok: false; retryAfterS: number };

export interface RateLimiter {
  /** Counts one request for `key`; refused with the seconds to wait when over the limit. */
  take(key: string): Promise<Verdict>;
}

export function storedWindow(counters: RateCounters, signer: Signer, name: string, w: Window, now: () => number): RateLimiter {
  const ms = w.windowS * 1000;
  return {
    async take(key) {
      const t = now();
      const start = Math.floor(t / ms) * ms;
      if (await counters.countRequest(`${name}#${signer.sign('rate-limit', key)}`, { start, end: start + ms }, w.limit)) return { ok: true };
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((start + ms - t) / 1000)) };
    },
  };
}

/** One bucket for every key: `burstLimit` tokens, refilled at `rateLimit` per second. */
export function tokenBucket(b: Bucket, now: () => number): RateLimiter {
  let tokens = b.burstLimit;
  let last = now();
  return {
    async take() {
      const t = now();
      tokens = Math.min(b.burstLimit, tokens + ((t - last) / 1000) * b.rateLimit);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / b.rateLimit)) };
    },
  };
}

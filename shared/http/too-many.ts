/** How a refused request is answered: 429, `Retry-After` in seconds, and a sentence saying what to do. */
import { text, type Lang } from '../procedure/text.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { TextKey } from '../procedure/texts.ts';
import { json, type ApiResult } from './api.ts';

export const retryAfterHeader = (seconds: number) => ({ 'retry-after': String(seconds) });

/** The limit's sentence with the wait in words ("een minuut", "10 minuten") and the complaints address. */
export function tooManyMessage(p: Procedure, key: TextKey, lang: Lang, retryAfterS: number): string {
  const wait = retryAfterS <= 60 ? text(p, 'limits.waitSeconds', lang) : text(p, 'limits.waitMinutes', lang, { minutes: Math.ceil(retryAfterS / 60) });
  return text(p, key, lang, { wait, email: p.organisation.email });
}

export const tooManyJson = (p: Procedure, key: TextKey, lang: Lang, retryAfterS: number): ApiResult =>
  json(429, { error: 'too-many-requests', message: tooManyMessage(p, key, lang, retryAfterS) }, retryAfterHeader(retryAfterS));

import type { AppRefusal } from '../app/result.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import { refusalErrors, refusalText } from '../presentation/refusal.ts';
import { json, type ApiResult } from './api.ts';

/** The one mapping from refusal codes to HTTP statuses. */
const STATUS: Record<AppRefusal['code'], number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'not-allowed': 422,
};

export const refusalStatus = (r: Pick<AppRefusal, 'code'>) => STATUS[r.code];

/** A refusal as JSON: `400 {errors: [{field, message}]}` for invalid input, else `{error: reason, message[, field]}`. */
export const refusalJson = (r: AppRefusal, lang: Lang, p: Procedure): ApiResult =>
  r.code === 'invalid'
    ? json(400, { errors: refusalErrors(r, lang, p) })
    : json(refusalStatus(r), { error: r.reason, message: refusalText(r, lang, p), ...(r.fields?.[0] ? { field: r.fields[0].field } : {}) });

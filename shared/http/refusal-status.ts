import type { AppRefusal } from '../app/result.ts';
import type { Lang } from '../procedure/text.ts';
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

/** A refusal as JSON: `400 {errors: [{field, message}]}` for invalid input, else `{error: reason, message}`. */
export const refusalJson = (r: AppRefusal, lang: Lang): ApiResult =>
  r.code === 'invalid'
    ? json(400, { errors: (r.fields ?? [{ field: 'body', message: r.message }]).map((f) => ({ field: f.field, message: f.message[lang] })) })
    : json(refusalStatus(r), { error: r.reason, message: r.message[lang] });

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

/** An invalid input's problems, field by field, in the reader's language (the whole body when none is named). */
export const fieldErrors = (r: AppRefusal, lang: Lang) => (r.fields ?? [{ field: 'body', message: r.message }]).map((f) => ({ field: f.field, message: f.message[lang] }));

/** A refusal as JSON: `400 {errors: [{field, message}]}` for invalid input, else `{error: reason, message[, field]}`. */
export const refusalJson = (r: AppRefusal, lang: Lang): ApiResult =>
  r.code === 'invalid'
    ? json(400, { errors: fieldErrors(r, lang) })
    : json(refusalStatus(r), { error: r.reason, message: r.message[lang], ...(r.fields?.[0] ? { field: r.fields[0].field } : {}) });

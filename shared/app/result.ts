import type { Refusal } from '../engine/types.ts';

type Text = { nl: string; en: string };

/**
 * Why a use case did not do what was asked: the engine's refusal codes, plus `not-found` (no such
 * case or item, or one this person may not know of) and `conflict` (it changed meanwhile). The
 * edges map codes to statuses (shared/http/refusal-status.ts); use cases never speak HTTP.
 */
export interface AppRefusal extends Omit<Refusal, 'code'> {
  code: Refusal['code'] | 'not-found' | 'conflict';
}

/** Every use case answers with this one shape. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; refusal: AppRefusal };

export const refused = (code: AppRefusal['code'], reason: string, message: Text, fields?: AppRefusal['fields']): { ok: false; refusal: AppRefusal } => ({
  ok: false,
  refusal: { code, reason, message, ...(fields ? { fields } : {}) },
});

export const NOT_FOUND = refused('not-found', 'not-found', { nl: 'Niet gevonden.', en: 'Not found.' });
export const CONFLICT = refused('conflict', 'conflict', { nl: 'De klacht is intussen gewijzigd; probeer het opnieuw.', en: 'The case changed meanwhile; try again.' });

import type { FieldRefusal, Refusal, RefusalBody } from '../engine/refusal.ts';

/** `not-found`: no such case or item, or one this person may not know of; `conflict`: it changed meanwhile. */
export type AppCode = Refusal['code'] | 'not-found' | 'conflict';

/**
 * Why a use case did not do what was asked: the engine's refusal codes and reasons, with two more
 * classes. The edges map codes to statuses (shared/http/refusal-status.ts) and reasons to sentences
 * (shared/presentation/refusal.ts); use cases never speak HTTP and hold no sentences.
 */
export type AppRefusal = RefusalBody & { code: AppCode };

/** Every use case answers with this one shape. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; refusal: AppRefusal };

export const refused = (refusal: AppRefusal): { ok: false; refusal: AppRefusal } => ({ ok: false, refusal });

/** An invalid input, field by field. */
export const invalid = (reason: 'action' | 'erase' | 'held-action' | 'channel', fields: FieldRefusal[]) =>
  refused({ code: 'invalid', reason, fields } as AppRefusal);

export const NOT_FOUND = refused({ code: 'not-found', reason: 'not-found' });
export const CONFLICT = refused({ code: 'conflict', reason: 'conflict' });

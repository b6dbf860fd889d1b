/**
 * Every text a complainant or staff member reads that an organisation may want to change.
 * A procedure file overrides any key under `texts:`; `{placeholders}` are filled in when used.
 *
 * The catalogue is split by area in `texts/`; each area is one object, spread here.
 */
import { MAIL_TEXTS } from './texts/mail.ts';
import { PAGE_TEXTS } from './texts/pages.ts';
import { REFUSAL_TEXTS } from './texts/refusals.ts';
import { LETTER_TEXTS } from './texts/letters.ts';

export const DEFAULT_TEXTS = {
  ...MAIL_TEXTS,
  ...PAGE_TEXTS,
  ...REFUSAL_TEXTS,
  ...LETTER_TEXTS,
} as const satisfies Record<string, { nl: string; en: string }>;

export type TextKey = keyof typeof DEFAULT_TEXTS;
export const TEXT_KEYS = Object.keys(DEFAULT_TEXTS) as [TextKey, ...TextKey[]];

/**
 * Every text a complainant or staff member reads that an organisation may want to change.
 * A procedure file overrides any key under `texts:`; `{placeholders}` are filled in when used.
 *
 * The catalogue is split by area in `texts/`; each area is one object, spread here.
 */
import { MAIL_TEXTS } from './texts/mail.ts';
import { PAGE_TEXTS } from './texts/pages.ts';
import { REFUSAL_TEXTS } from './texts/refusals.ts';
import { STAFF_TEXTS } from './texts/staff.ts';
import { REPORT_TEXTS } from './texts/reports.ts';
import { HTTP_TEXTS } from './texts/http.ts';
import { REGELING_TEXTS } from './texts/regeling.ts';
import { FORM_FIELD_TEXTS } from './texts/form-fields.ts';

export const DEFAULT_TEXTS = {
  ...MAIL_TEXTS,
  ...PAGE_TEXTS,
  ...REFUSAL_TEXTS,
  ...STAFF_TEXTS,
  ...REPORT_TEXTS,
  ...HTTP_TEXTS,
  ...REGELING_TEXTS,
  ...FORM_FIELD_TEXTS,
} as const satisfies Record<string, { nl: string; en: string }>;

export type TextKey = keyof typeof DEFAULT_TEXTS;
export const TEXT_KEYS = Object.keys(DEFAULT_TEXTS) as [TextKey, ...TextKey[]];

/**
 * Every text a complainant or staff member reads that an organisation may want to change.
 * A procedure file overrides any key under `texts:`; `{placeholders}` are filled in when used.
 *
 * The catalogue is split by area in `texts/`; each area is one object, spread here.
 */
import { ARRIVAL_TEXTS } from './texts/arrival.ts';
import { MAIL_TEXTS } from './texts/mail.ts';
import { PAGE_TEXTS } from './texts/pages.ts';
import { REFUSAL_TEXTS } from './texts/refusals.ts';
import { STAFF_TEXTS } from './texts/staff.ts';
import { REPORT_TEXTS } from './texts/reports.ts';
import { HTTP_TEXTS } from './texts/http.ts';
import { REGELING_TEXTS } from './texts/regeling.ts';
import { DUTY_TEXTS } from './texts/duties.ts';
import { LIMIT_TEXTS } from './texts/limits.ts';
import { CASE_LIST_TEXTS } from './texts/case-list.ts';
import { LETTER_TEXTS } from './texts/letters.ts';
import { FORM_FIELD_TEXTS } from './texts/form-fields.ts';

export const DEFAULT_TEXTS = {
  ...MAIL_TEXTS,
  ...PAGE_TEXTS,
  ...REFUSAL_TEXTS,
  ...STAFF_TEXTS,
  ...REPORT_TEXTS,
  ...HTTP_TEXTS,
  ...REGELING_TEXTS,
  ...DUTY_TEXTS,
  ...ARRIVAL_TEXTS,
  ...LIMIT_TEXTS,
  ...CASE_LIST_TEXTS,
  ...LETTER_TEXTS,
  ...FORM_FIELD_TEXTS,
} as const satisfies Record<string, CatalogueText>;

/** A text in Dutch and English; `je`: the Dutch for procedures that address the reader with "je" (`addressForm: je`). */
export type CatalogueText = { nl: string; en: string; je?: string };

export type TextKey = keyof typeof DEFAULT_TEXTS;
export const TEXT_KEYS = Object.keys(DEFAULT_TEXTS) as [TextKey, ...TextKey[]];

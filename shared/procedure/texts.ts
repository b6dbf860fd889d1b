/**
 * Every text a complainant or staff member reads that an organisation may want to change.
 * A procedure file overrides any key under `texts:`; `{placeholders}` are filled in when used.
 *
 * The catalogue is split by area in `texts/*.json` (data, no code: one object per area, keys
 * prefixed by what they are for); each area is spread here. test/unit/text-areas.test.ts checks
 * what a spread cannot: no key in two areas, only nl/en/je, the same placeholders in each language.
 */
/** Texts of the mails to complainants, persons complained about and staff (shared/mail/compose.ts), their parts, the decision's verdict and next step. `escalated.*`: the reason recorded in the case file; `refusal.anonymous` gives none, a procedure gives its own regeling's under `texts:`. */
import MAIL_TEXTS from './texts/mail.json' with { type: 'json' };
/** Texts of the complainant's timeline, status page and confirmation (presentation/present.ts, web/status.ts). */
import PAGE_TEXTS from './texts/pages.json' with { type: 'json' };
/** Why a command was refused (engine/refusal.ts), field errors, labels of values a staff command needs, the form, closing words. */
import REFUSAL_TEXTS from './texts/refusals.json' with { type: 'json' };
/** Words of the staff workspace (web/staff.ts, app/staff-views.ts): sign-in, held mail, the case page, new complaints, parties, urgency, one line per event. */
import STAFF_TEXTS from './texts/staff.json' with { type: 'json' };
/** Words of the register, the reports and the dossier (web/reports.ts, app/reports/build.ts). */
import REPORT_TEXTS from './texts/reports.json' with { type: 'json' };
/** Words the HTTP edge answers with itself: not-found pages, expired forms, bot checks, bad periods (shared/http, web/layout.ts). */
import HTTP_TEXTS from './texts/http.json' with { type: 'json' };
/** The words of the published klachtenregeling (plain Dutch, B1, and English), web/regeling.ts and regeling-pdf.ts. */
import REGELING_TEXTS from './texts/regeling.json' with { type: 'json' };
/** Texts of the Awb 9 duties: the checklist on the case page (web/duties.ts), its forms, the hearing and extension mails, the copy's page and its attachments (web/concerned-copy.ts, mail/compose.ts), and their refusals. */
import DUTY_TEXTS from './texts/duties.json' with { type: 'json' };
/**
 * Texts of requests that count from their arrival: the late-request refusal, the checks of the
 * arrival time staff enter (web/request-arrival.ts), consent to an extension with its arrival, the reopened case on the timeline, and the
 * status page's "Niet tevreden?" form (web/appeal-form.ts).
 */
import ARRIVAL_TEXTS from './texts/arrival.json' with { type: 'json' };
/** Texts of the rate limits and the bot check (shared/http/public-routes.ts, staff-routes.ts, infra/local). */
import LIMIT_TEXTS from './texts/limits.json' with { type: 'json' };
/** Texts of the staff case list (web/case-list.ts): written for staff, Dutch first. */
import CASE_LIST_TEXTS from './texts/case-list.json' with { type: 'json' };
/** Letters by post: complaints from people without e-mail, the letters (`letter.appealWithin`: a decision by post counts the appeal window from the day it is posted), marking one posted, the workspace's list of letters to send. */
import LETTER_TEXTS from './texts/letters.json' with { type: 'json' };
/** The standard intake fields' labels and hints (procedure/fields.ts; a procedure's own field label wins), the form's own words (web/form.ts), each language by its own name. */
import FORM_FIELD_TEXTS from './texts/form-fields.json' with { type: 'json' };

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

import { formatDate } from '../calendar/index.ts';
import type { FieldRefusal, MissingField, Refusal, RefusalBody, RefusalReason } from '../engine/refusal.ts';
import { staffFields } from '../procedure/fields.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { capitalise } from './present.ts';
import { dutyLabel } from './duties.ts';

/** Reasons whose sentence needs more than its own catalogue text. */
type Composed = 'anonymous' | 'excluded-topic' | 'outside-window' | 'duty-open' | `missing-${MissingField}`;

/** Every other reason has a text `refusal.<reason>`: a reason without one does not compile. */
const key = (reason: Exclude<RefusalReason, Composed>): TextKey => `refusal.${reason}`;

const organisation = (p: Procedure) => p.organisation.shortName ?? p.organisation.name;
const list = (xs: readonly string[]) => xs.join(', ');

/** "… Questions? Contact …": added where the complainant may want to ask about a refusal. */
function elsewhere(p: Procedure, lang: Lang): string {
  const contact = [p.organisation.email, p.organisation.phone].filter(Boolean).join(', ');
  return ' ' + text(p, 'refusal.elsewhere', lang, { organisation: organisation(p), contact });
}

function excludedTopic(p: Procedure, topic: string, lang: Lang): string {
  const t = p.intake.excludedTopics.find((x) => x.value === topic);
  return `${text(p, 'refusal.topic', lang, { topic: t?.label[lang] ?? topic })} ${t?.explanation[lang] ?? ''}`;
}

/** A late complaint's refusal, its dates in words. */
const windowText = (p: Procedure, d: { eventDate: string; lastDay: string }, lang: Lang) =>
  text(p, 'refusal.window', lang, { eventDate: formatDate(d.eventDate, lang), lastDay: formatDate(d.lastDay, lang), organisation: organisation(p) });

/** The refusal as one sentence in the reader's language (an engine refusal, or a use case's: only the reason counts). */
export function refusalText(r: RefusalBody, lang: Lang, p: Procedure): string {
  switch (r.reason) {
    case 'anonymous':
      return text(p, 'refusal.anonymous', lang, { organisation: organisation(p) });
    case 'excluded-topic':
      return excludedTopic(p, r.params.topic, lang) + elsewhere(p, lang);
    case 'outside-window':
      return windowText(p, r.params, lang) + elsewhere(p, lang);
    case 'not-handler':
      return text(p, key(r.reason), lang, { role: p.roles[r.params.role]?.name[lang] ?? r.params.role });
    case 'advisory':
      return text(p, key(r.reason), lang, { stage: capitalise(p.stages.find((s) => s.id === r.params.stage)?.name[lang] ?? r.params.stage) });
    case 'signatures':
      return text(p, key(r.reason), lang, { unsigned: list(r.params.unsigned) });
    case 'outcome':
      return text(p, key(r.reason), lang, { allowed: list(r.params.allowed) });
    case 'until':
    case 'consent-needed':
    case 'consent-needed-late':
      return text(p, key(r.reason), lang, r.params);
    case 'duty-open':
      return text(p, 'refusal.duty-open', lang, { duty: dutyLabel(p, r.params, lang) });
    case 'request-late':
      return text(p, key(r.reason), lang, { lastDay: formatDate(r.params.lastDay, lang), receivedOn: formatDate(r.params.receivedOn, lang) });
    case 'channel':
      return text(p, r.params?.missing ? 'refusal.channel-missing' : 'refusal.channel', lang);
    default:
      if ('params' in r && r.params && 'label' in r.params) return fieldText({ field: '', reason: 'missing', params: r.params }, lang, p);
      return text(p, key(r.reason as Exclude<RefusalReason, Composed>), lang);
  }
}

/** One field's error as a sentence in the reader's language. */
export function fieldText(f: FieldRefusal, lang: Lang, p: Procedure): string {
  switch (f.reason) {
    case 'required':
    case 'date-format':
    case 'future': {
      // The staff form's fields: the form's, and the postal address staff may add.
      const label = staffFields(p).find((x) => x.key === f.field)?.label[lang] ?? f.field;
      return text(p, `field.${f.reason}`, lang, { label });
    }
    case 'missing':
      return text(p, 'field.required', lang, { label: text(p, `label.${f.params.label}`, lang) });
    case 'anonymous':
      return text(p, 'refusal.anonymous', lang, { organisation: organisation(p) });
    case 'excluded-topic':
      return excludedTopic(p, f.params.topic, lang);
    case 'outside-window':
      return windowText(p, f.params, lang);
    case 'missing-attendees':
      return text(p, 'refusal.missing-attendees', lang);
    case 'outcome':
      return text(p, 'field.choose-from', lang, { options: list(f.params.allowed) });
    case 'channel':
      return text(p, 'field.choose-from', lang, { options: list(f.params.allowed) });
    case 'possible-stages':
      return text(p, 'field.possible-stages', lang, { possible: list(f.params.possible) || text(p, 'word.none', lang) });
    case 'choose-action':
    case 'choose-grounds':
      return text(p, `field.${f.reason}`, lang, { allowed: list(f.params.allowed) });
    case 'too-long':
    case 'until':
      return text(p, `field.${f.reason}`, lang, f.params);
    default:
      return text(p, `field.${f.reason}`, lang);
  }
}

/** The field errors of a refusal as the API and the forms show them. */
export const fieldTexts = (r: Pick<Refusal, 'fields'>, lang: Lang, p: Procedure) => (r.fields ?? []).map((f) => ({ field: f.field, message: fieldText(f, lang, p) }));

/** The field errors, or else the refusal itself as an error of the whole `body` (a 400 response). */
export const refusalErrors = (r: RefusalBody, lang: Lang, p: Procedure) =>
  r.fields ? fieldTexts(r, lang, p) : [{ field: 'body', message: refusalText(r, lang, p) }];

/** A refusal as one line above a form: its field errors, or else its sentence. */
export const refusalSummary = (r: RefusalBody, lang: Lang, p: Procedure) =>
  r.fields?.length ? fieldTexts(r, lang, p).map((f) => `${f.field}: ${f.message}`).join(' ') : refusalText(r, lang, p);

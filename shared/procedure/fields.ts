// zod/mini: this runs in every function; the full zod would cost each cold start ≈ 0.4 s (npm run bench:cold).
import * as z from 'zod/mini';
import type { FieldDef, Procedure } from './schema.ts';
import { isSaneYear } from '../calendar/sane-years.ts';
import { isMailableAddress } from './mail-address.ts';
import type { LocalText } from './schema.ts';
import { DEFAULT_TEXTS } from './texts.ts';

type FieldType = NonNullable<FieldDef['type']>;

/** Labels and types of the standard intake fields; a procedure file may override the label. */
const STANDARD: Record<string, { type: FieldType; label: LocalText; hint?: LocalText; maxLength: number }> = {
  name: { type: 'text', label: DEFAULT_TEXTS['field.name.label'], maxLength: 200 },
  email: {
    type: 'email',
    label: DEFAULT_TEXTS['field.email.label'],
    hint: DEFAULT_TEXTS['field.email.hint'],
    maxLength: 254,
  },
  phone: { type: 'tel', label: DEFAULT_TEXTS['field.phone.label'], maxLength: 40 },
  address: { type: 'textarea', label: DEFAULT_TEXTS['field.address.label'], maxLength: 500 },
  eventDate: {
    type: 'date',
    label: DEFAULT_TEXTS['field.eventDate.label'],
    hint: DEFAULT_TEXTS['field.eventDate.hint'],
    maxLength: 10,
  },
  description: {
    type: 'textarea',
    label: DEFAULT_TEXTS['field.description.label'],
    hint: DEFAULT_TEXTS['field.description.hint'],
    maxLength: 10000,
  },
  desiredSolution: {
    type: 'textarea',
    label: DEFAULT_TEXTS['field.desiredSolution.label'],
    maxLength: 5000,
  },
  employeeName: {
    type: 'text',
    label: DEFAULT_TEXTS['field.employeeName.label'],
    maxLength: 200,
  },
  childName: { type: 'text', label: DEFAULT_TEXTS['field.childName.label'], maxLength: 200 },
  topic: { type: 'select', label: DEFAULT_TEXTS['field.topic.label'], maxLength: 40 },
};

export interface ResolvedField {
  key: string;
  type: FieldType;
  required: boolean;
  label: LocalText;
  hint?: LocalText;
  options?: { value: string; label: LocalText }[];
  maxLength: number;
}

/** The procedure's intake fields with standard labels and types filled in. */
export function resolveFields(p: Procedure): ResolvedField[] {
  return p.intake.fields
    .filter((f) => f.key !== 'submissionId')
    .map((f) => {
      const std = STANDARD[f.key];
      const hint = f.hint ?? std?.hint;
      const options =
        f.key === 'topic' ? [...p.intake.topics, ...p.intake.excludedTopics.map(({ value, label }) => ({ value, label }))] : f.options;
      return {
        key: f.key,
        type: f.type ?? std?.type ?? 'text',
        // Without anonymous complaints a name is required, whatever the field list says.
        required: f.required || (f.key === 'name' && !p.intake.anonymous),
        label: f.label ?? std?.label ?? { nl: f.key, en: f.key },
        ...(hint ? { hint } : {}),
        ...(options ? { options } : {}),
        maxLength: f.maxLength ?? std?.maxLength ?? 2000,
      };
    });
}

/**
 * The fields staff fill in for a complaint that came in by phone, letter or in person: the e-mail
 * address is optional and a postal address can be given (where the procedure's form asks for none),
 * so someone without e-mail can complain; `validateFields` then wants one of the two.
 */
export function staffFields(p: Procedure): ResolvedField[] {
  const fields = resolveFields(p).map((f) => (f.key === 'email' ? { ...f, required: false } : f));
  if (!fields.some((f) => f.key === 'address')) {
    const { type, label, maxLength } = STANDARD.address!;
    fields.splice(fields.findIndex((f) => f.key === 'email') + 1, 0, { key: 'address', type, label, maxLength, required: false });
  }
  return fields;
}

/** A field that was not filled in right, as a code; the words come from the text catalogue (`field.*`). */
export type FieldError =
  | { field: string; reason: 'required' | 'email' | 'date-format' | 'future' | 'option' | 'checkbox'; params?: undefined }
  /** Neither an e-mail nor a postal address (staff entry, see `staffFields`). */
  | { field: string; reason: 'contact'; params?: undefined }
  | { field: string; reason: 'too-long'; params: { max: number } };

/** Accepts YYYY-MM-DD (the date input) and D-M-YYYY (typed by hand) of a sane year; returns YYYY-MM-DD or undefined. */
export function normaliseDate(input: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input) ?? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(input);
  if (!m) return undefined;
  const [y, mo, d] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  if (!isSaneYear(Number(y))) return undefined;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** The string checks of a field (made once per procedure: building zod schemas costs more than running them). */
const baseSchema = (f: ResolvedField) =>
  z.string().check(z.trim(), z.maxLength(f.maxLength, { error: 'too-long' }), ...(f.required ? [z.minLength(1, { error: 'required' })] : []));

/** What the field's type asks of a trimmed, non-empty value: the value to keep, or the problem. */
function typeCheck(f: ResolvedField, v: string, today: string): { value: string } | { issue: FieldError['reason'] } {
  if (f.type === 'email' && !(EMAIL.safeParse(v).success && isMailableAddress(v))) return { issue: 'email' };
  if (f.type === 'date') {
    const d = normaliseDate(v);
    return !d ? { issue: 'date-format' } : d > today ? { issue: 'future' } : { value: d };
  }
  if (f.type === 'select' && !f.options?.some((o) => o.value === v)) return { issue: 'option' };
  if (f.type === 'checkbox' && !['ja', 'on', 'true'].includes(v)) return { issue: 'checkbox' };
  return { value: f.type === 'checkbox' ? 'ja' : v };
}

type CheckedField = { field: ResolvedField; base: ReturnType<typeof baseSchema> };
const checkedFields = { public: new WeakMap<Procedure['intake']['fields'], CheckedField[]>(), staff: new WeakMap<Procedure['intake']['fields'], CheckedField[]>() };
/** The fields with their schemas, built once per procedure (intake is the hot path). */
const fieldsToCheck = (p: Procedure, byStaff: boolean) => {
  const cache = byStaff ? checkedFields.staff : checkedFields.public;
  let list = cache.get(p.intake.fields);
  if (!list) {
    list = (byStaff ? staffFields(p) : resolveFields(p)).map((field) => ({ field, base: baseSchema(field) }));
    cache.set(p.intake.fields, list);
  }
  return list;
};

const EMAIL = z.email();

/**
 * Validates submitted values against the procedure's fields. Unknown keys are ignored; missing
 * optional fields are left out. `today` is the Amsterdam date of receipt (for "not in the future").
 * `byStaff`: a complaint staff enter (`staffFields`), which needs an e-mail or a postal address.
 */
export function validateFields(
  p: Procedure,
  input: Record<string, unknown>,
  today: string,
  byStaff = false,
): { ok: true; fields: Record<string, string> } | { ok: false; errors: FieldError[] } {
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const { field: f, base } of fieldsToCheck(p, byStaff)) {
    const raw = input[f.key];
    const value = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : String(raw);
    const r = base.safeParse(typeof raw === 'object' && raw !== null ? undefined : value);
    if (!r.success) {
      const code = r.error.issues[0]?.message;
      errors.push(code === 'too-long' ? { field: f.key, reason: code, params: { max: f.maxLength } } : { field: f.key, reason: 'required' });
      continue;
    }
    if (r.data === '') continue;
    const typed = typeCheck(f, r.data, today);
    if ('value' in typed) fields[f.key] = typed.value;
    else errors.push({ field: f.key, reason: typed.issue as Exclude<FieldError['reason'], 'too-long'> });
  }
  if (byStaff && !fields.email && !fields.address && !errors.some((e) => e.field === 'email' || e.field === 'address')) errors.push({ field: 'address', reason: 'contact' });
  return errors.length ? { ok: false, errors } : { ok: true, fields };
}

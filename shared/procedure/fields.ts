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

/** A field that was not filled in right, as a code; the words come from the text catalogue (`field.*`). */
export type FieldError =
  | { field: string; reason: 'required' | 'email' | 'date-format' | 'future' | 'option' | 'checkbox'; params?: undefined }
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

function fieldSchema(f: ResolvedField, today: string) {
  const checks = [z.trim(), z.maxLength(f.maxLength, { error: 'too-long' }), ...(f.required ? [z.minLength(1, { error: 'required' })] : [])];
  return z.pipe(
    z.string().check(...checks),
    z.transform((v: string, ctx) => {
      const issue = (message: string) => ctx.issues.push({ code: 'custom', message, input: v });
      if (v === '') return v;
      if (f.type === 'email' && !(EMAIL.safeParse(v).success && isMailableAddress(v))) issue('email');
      if (f.type === 'date') {
        const d = normaliseDate(v);
        if (!d) issue('date-format');
        else if (d > today) issue('future');
        return d ?? v;
      }
      if (f.type === 'select' && !f.options?.some((o) => o.value === v)) issue('option');
      if (f.type === 'checkbox' && !['ja', 'on', 'true'].includes(v)) issue('checkbox');
      return f.type === 'checkbox' ? 'ja' : v;
    }),
  );
}

const EMAIL = z.email();

/**
 * Validates submitted values against the procedure's fields. Unknown keys are ignored; missing
 * optional fields are left out. `today` is the Amsterdam date of receipt (for "not in the future").
 */
export function validateFields(
  p: Procedure,
  input: Record<string, unknown>,
  today: string,
): { ok: true; fields: Record<string, string> } | { ok: false; errors: FieldError[] } {
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const f of resolveFields(p)) {
    const raw = input[f.key];
    const value = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : String(raw);
    const r = fieldSchema(f, today).safeParse(typeof raw === 'object' && raw !== null ? undefined : value);
    if (r.success) {
      if (r.data !== '') fields[f.key] = r.data;
    } else {
      const code = r.error.issues[0]?.message;
      errors.push(
        code === 'too-long'
          ? { field: f.key, reason: code, params: { max: f.maxLength } }
          : { field: f.key, reason: code === 'email' || code === 'date-format' || code === 'future' || code === 'option' || code === 'checkbox' ? code : 'required' },
      );
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, fields };
}

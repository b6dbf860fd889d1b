import { z } from 'zod';
import { HOLIDAY_SETS, TERM_UNITS, type Duration } from '../calendar/types.ts';
import { TEXT_KEYS } from './texts.ts';
import { AA_TEXT_CONTRAST, contrastRatio } from './contrast.ts';

/** Lower-case ids used as keys and in URLs, schedule names and stack names. */
const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lower-case letters, digits and dashes, starting with a letter (at most 40)');

/** A text in Dutch and (optionally) English; a plain string is Dutch and serves English too. */
export const localText = z
  .union([z.string().min(1), z.object({ nl: z.string().min(1), en: z.string().min(1).optional() }).strict()])
  .transform((t) => (typeof t === 'string' ? { nl: t, en: t } : { nl: t.nl, en: t.en ?? t.nl }));
export type LocalText = z.output<typeof localText>;

/** An organisation's wording of a catalogue text: as `localText`, with an optional `je` form of the Dutch. */
const catalogueText = z
  .union([z.string().min(1), z.object({ nl: z.string().min(1), en: z.string().min(1).optional(), je: z.string().min(1).optional() }).strict()])
  .transform((t) => (typeof t === 'string' ? { nl: t, en: t } : { nl: t.nl, en: t.en ?? t.nl, ...(t.je ? { je: t.je } : {}) }));

/** `{amount: 6, unit: weeks}` or the shorthand `6 weeks` / `7 workingDays`. */
export const duration = z.union([
  z.object({ amount: z.number().int().positive().max(1000), unit: z.enum(TERM_UNITS) }).strict(),
  z
    .string()
    .regex(new RegExp(`^\\d{1,4} (${TERM_UNITS.join('|')})$`), `write a term as "<number> <unit>", unit one of ${TERM_UNITS.join(', ')}`)
    .transform((s): Duration => {
      const [amount, unit] = s.split(' ');
      return { amount: Number(amount), unit: unit as Duration['unit'] };
    }),
]);

const email = z.email('not a valid e-mail address');
const isoDate = z.iso.date('write a date as YYYY-MM-DD');

/** Where a rule comes from: the organisation's own text, or a legal default where it is silent. */
const provenance = {
  /** e.g. "Klachtenregeling art. 6" or "Awb 9:11 lid 1". */
  basis: z.string().min(1).optional(),
  /** true: the organisation's text names no such term; this is the legal default, shown as such. */
  default: z.boolean().default(false),
};

/** The moments a term can be measured from. */
export const MOMENTS = ['received', 'acknowledged', 'stageStarted', 'responseRequested', 'decisionSent'] as const;
export type Moment = (typeof MOMENTS)[number];

/** What can meet (satisfy) a term. */
export const MET_BY = ['acknowledged', 'assigned', 'conversationRecorded', 'responseRecorded', 'decided', 'appealed'] as const;
export type MetBy = (typeof MET_BY)[number];

const termAction = z.discriminatedUnion('do', [
  /** Move the case to another stage and tell the complainant. */
  z.object({ do: z.literal('escalate'), to: id }).strict(),
  /** Send the complainant a notice (a text key from `texts`, e.g. a delay notice). */
  z.object({ do: z.literal('notify-complainant'), text: z.string().min(1) }).strict(),
  /** Close the case (e.g. when an appeal window passes unused). */
  z.object({ do: z.literal('close') }).strict(),
]);
export type TermAction = z.output<typeof termAction>;

export const termSchema = z
  .object({
    id,
    label: localText,
    length: duration,
    from: z.enum(MOMENTS),
    metBy: z.array(z.enum(MET_BY)).min(1),
    /** Staff may extend this term (see `extension`). */
    extendable: z.boolean().default(false),
    /** Remind the handler this long before the term ends. */
    remindBefore: duration.optional(),
    /** Every term that passes unmet alerts the stage's handler unless this is false. */
    alertHandler: z.boolean().default(true),
    onExpiry: z.array(termAction).default([]),
    ...provenance,
  })
  .strict();
export type Term = z.output<typeof termSchema>;

export const STAGE_KINDS = ['mediation', 'handling', 'advice'] as const;

/** Duties before a decision that a stage may declare not applicable (see engine/duties.ts). */
export const STAGE_DUTIES = ['copy', 'hearing'] as const;
export type StageDuty = (typeof STAGE_DUTIES)[number];
/**
 * What a decision letter says about going further (Awb 9:12): the body, how to reach it, and the
 * term if the regeling names one (the stage's `appeal.window` is the term of an appeal within the
 * organisation). Or, after the last step, `final`: why there is no further step.
 */
const nextStepSchema = z.union([
  z.object({ body: localText, contact: localText, term: duration.optional(), ...provenance }).strict(),
  z.object({ final: localText, basis: provenance.basis }).strict(),
]);
export type NextStep = z.output<typeof nextStepSchema>;

const stageSchema = z
  .object({
    id,
    name: localText,
    description: localText.optional(),
    /** The role whose members handle the case in this stage. */
    handler: id,
    kind: z.enum(STAGE_KINDS).default('handling'),
    /** Outcome ids a decision in this stage may have (default: the four legal outcomes; mediation: resolved / not resolved). */
    outcomes: z.array(id).min(1).optional(),
    terms: z.array(termSchema).default([]),
    /** Stages staff may escalate to from here (with a reason). */
    escalateTo: z.array(id).default([]),
    /** Advice stages: the stage that takes the binding decision after the advice. */
    advisesTo: id.optional(),
    /** Advice stages: whether the committee may also rule itself (a binding decision), besides advising. */
    decides: z.boolean().default(false),
    /** Send the person complained about a copy of the complaint when the stage starts (Awb 9:9). */
    informConcerned: z.boolean().default(false),
    /**
     * Awb 9 duties that do not apply in this stage because the regeling differs (e.g. no hearing in
     * mediation: the conversation is the mediation itself), with where that comes from.
     */
    duties: z
      .object({ notApplicable: z.array(z.enum(STAGE_DUTIES)).default([]), ...provenance })
      .strict()
      .default({ notApplicable: [], default: false }),
    /** Send the complainant an update on every step in this stage (e.g. a committee's secretary). */
    keepComplainantInformed: z.boolean().default(false),
    conversation: z
      .object({
        /** `all-present`: a conversation record needs the signature of every attendee. */
        signatures: z.enum(['none', 'all-present']).default('none'),
      })
      .strict()
      .default({ signatures: 'none' }),
    /** What the complainant may do after a decision in this stage, and for how long. */
    appeal: z
      .object({
        to: id,
        window: duration,
        from: z.literal('decisionSent').default('decisionSent'),
        requiresMotivation: z.boolean().default(false),
        /** Only after these outcomes (default: any). */
        after: z.array(id).min(1).optional(),
        label: localText,
        ...provenance,
      })
      .strict()
      .optional(),
    /** The next body the decision letter names (an id from `nextBodies`). */
    nextBody: id.optional(),
    /** Who handles the case in this stage, as the letters say it ("de klachtenbemiddelaar"), where `name` does not read as a handler. */
    handledBy: localText.optional(),
    /** Where the complainant can go after a decision in this stage (Awb 9:12): see nextStepSchema. */
    nextStep: nextStepSchema.optional(),
  })
  .strict();
export type Stage = z.output<typeof stageSchema>;

/** Standard intake field keys; organisation-specific fields add their own keys. */
export const STANDARD_FIELDS = [
  'name',
  'email',
  'phone',
  'address',
  'eventDate',
  'description',
  'desiredSolution',
  'employeeName',
  'childName',
  'topic',
  'submissionId',
] as const;
export const FIELD_TYPES = ['text', 'textarea', 'email', 'tel', 'date', 'select', 'checkbox'] as const;

const fieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'use a camelCase key'),
    type: z.enum(FIELD_TYPES).optional(),
    required: z.boolean().default(false),
    label: localText.optional(),
    hint: localText.optional(),
    options: z.array(z.object({ value: id, label: localText }).strict()).optional(),
    maxLength: z.number().int().positive().max(20000).optional(),
  })
  .strict();
export type FieldDef = z.output<typeof fieldSchema>;

const roleSchema = z
  .object({
    name: localText,
    members: z.array(z.object({ name: z.string().min(1), email }).strict()).default([]),
  })
  .strict();

import { DEFAULT_OUTCOMES, MEDIATION_OUTCOMES } from './outcomes.ts';
export { DEFAULT_OUTCOMES, MEDIATION_OUTCOMES };

const hexColour = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'write a colour as #rrggbb');
const PAGE_BACKGROUND = '#ffffff';

const themeSchema = z
  .object({
    /** Buttons, the page header band and links. */
    primaryColor: hexColour.optional(),
    /** Text on the primary colour (buttons, header); white unless set. */
    primaryTextColor: hexColour.default('#ffffff'),
    /** A CSS font-family list, e.g. `"Fira Sans", Arial, sans-serif` (the font must be installed or served by the office). */
    fontFamily: z
      .string()
      .regex(/^[A-Za-z0-9 ,'"-]{1,200}$/, 'write a font-family list with letters, digits, spaces, commas, quotes and dashes')
      .optional(),
    /** The logo in the page header: an https URL or a data:image URI (png, jpeg, svg, webp). */
    logo: z
      .string()
      .regex(/^(https:\/\/[^\s"'<>]+|data:image\/(png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/=]+)$/, 'give an https:// URL or a data:image/...;base64 URI')
      .optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    // The pairs the pages draw: text on the primary colour, and the primary colour (links) on the page.
    const pairs: { path: string; fg: string; bg: string; what: string }[] = [];
    if (t.primaryColor) {
      pairs.push({ path: 'primaryTextColor', fg: t.primaryTextColor, bg: t.primaryColor, what: `text ${t.primaryTextColor} on primaryColor ${t.primaryColor}` });
      pairs.push({ path: 'primaryColor', fg: t.primaryColor, bg: PAGE_BACKGROUND, what: `primaryColor ${t.primaryColor} (links) on the white page` });
    }
    for (const p of pairs) {
      const ratio = contrastRatio(p.fg, p.bg);
      if (ratio < AA_TEXT_CONTRAST)
        ctx.addIssue({ code: 'custom', path: [p.path], message: `contrast too low: ${p.what} is ${ratio.toFixed(2)}:1, WCAG AA needs at least ${AA_TEXT_CONTRAST}:1` });
    }
  });
export type Theme = z.output<typeof themeSchema>;

export const CHANNELS = ['web', 'email', 'phone', 'in-person', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const procedureSchema = z
  .object({
    id,
    organisation: z
      .object({
        name: z.string().min(1),
        shortName: z.string().min(1).optional(),
        website: z.url().optional(),
        phone: z.string().min(1).optional(),
        /** The complaints address: mail to it opens a case, receipts come from it. */
        email,
        address: z.string().min(1).optional(),
        /** Where operational alarms go (failed mail, dead letters). */
        adminEmail: email.optional(),
        /** The organisation's privacy statement (linked from the published regeling). */
        privacy: z.url().optional(),
        /** The organisation's look on its pages: a few NL Design System tokens over the neutral theme. */
        theme: themeSchema.optional(),
      })
      .strict(),
    /** How the texts address the complainant in Dutch: "u" (default) or "je" (the catalogue's `je` wording). */
    addressForm: z.enum(['u', 'je']).default('u'),
    /** Where the organisation's own text lives (for the record). */
    source: z.string().optional(),
    calendar: z
      .object({
        holidays: z.enum(HOLIDAY_SETS).default('termijnenwet'),
        closingDays: z.array(isoDate).default([]),
        rollForward: z.boolean().default(true),
        /** Days a decree newer than this release set equal to a holiday (Atw art. 3 lid 3). */
        decreedDays: z.array(z.object({ date: isoDate, decree: z.string().min(1) }).strict()).optional(),
      })
      .strict()
      .default({ holidays: 'termijnenwet', closingDays: [], rollForward: true }),
    roles: z.record(id, roleSchema).refine((r) => Object.keys(r).length > 0, 'name at least one role'),
    intake: z
      .object({
        channels: z.array(z.enum(CHANNELS)).min(1),
        fields: z.array(fieldSchema).min(1),
        anonymous: z.boolean(),
        window: z
          .object({
            length: duration,
            /** `refuse`: a late complaint gets a clear refusal; `review`: it becomes a case marked for an admissibility decision. */
            late: z.enum(['refuse', 'review']),
            ...provenance,
          })
          .strict()
          .optional(),
        topics: z.array(z.object({ value: id, label: localText }).strict()).default([]),
        excludedTopics: z
          .array(z.object({ value: id, label: localText, explanation: localText }).strict())
          .default([]),
        /** Which stage a new case starts in; the first matching route wins, else the first stage. */
        routes: z
          .array(z.object({ field: z.string(), in: z.array(z.string()).min(1), stage: id }).strict())
          .default([]),
        /** A role told of every new complaint besides the handlers of its first stage (e.g. the secretary who receives complaints). */
        notify: id.optional(),
      })
      .strict(),
    stages: z.array(stageSchema).min(1),
    outcomes: z
      .record(id, localText)
      .default({}),
    extension: z
      .object({
        allowed: z.boolean().default(true),
        /** The most a term may be extended in all, without the complainant's written consent. */
        max: duration,
        /** How many extensions are allowed without consent. */
        maxWithoutConsent: z.number().int().min(0).default(1),
        ...provenance,
      })
      .strict(),
    nextBodies: z
      .array(
        z
          .object({
            id,
            name: localText,
            kind: z.enum(['committee', 'officer', 'external']),
            url: z.url().optional(),
            contact: z.string().optional(),
            text: localText,
          })
          .strict(),
      )
      .default([]),
    retention: z
      .object({ afterClose: duration, ...provenance })
      .strict(),
    reports: z
      .array(
        z
          .object({
            id,
            kind: z.enum(['inventory', 'yearly', 'anonymous']),
            every: z.enum(['month', 'quarter', 'year']),
            to: z.union([z.object({ role: id }).strict(), z.object({ email }).strict()]),
            label: localText,
            ...provenance,
          })
          .strict(),
      )
      .default([]),
    texts: z.partialRecord(z.enum(TEXT_KEYS), catalogueText).default({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    const stageIds = p.stages.map((s) => s.id);
    const roleIds = Object.keys(p.roles);
    const bodyIds = p.nextBodies.map((b) => b.id);
    const outcomeIds = new Set([...DEFAULT_OUTCOMES, ...MEDIATION_OUTCOMES, ...Object.keys(p.outcomes)]);
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const duplicates = (ids: string[]) => ids.filter((x, i) => ids.indexOf(x) !== i);

    for (const d of duplicates(stageIds)) issue(['stages'], `stage id "${d}" is used twice`);
    for (const d of duplicates(p.intake.fields.map((f) => f.key))) issue(['intake', 'fields'], `field "${d}" is listed twice`);
    if (!p.intake.fields.some((f) => f.key === 'description')) issue(['intake', 'fields'], 'a "description" field is required');
    if (!p.intake.fields.some((f) => f.key === 'email')) issue(['intake', 'fields'], 'an "email" field is required (receipts and replies go there)');
    if (p.intake.window && !p.intake.fields.some((f) => f.key === 'eventDate' && f.required))
      issue(['intake', 'window'], 'an intake window needs a required "eventDate" field');
    if (p.intake.notify && !roleIds.includes(p.intake.notify)) issue(['intake', 'notify'], `no role "${p.intake.notify}"`);
    p.intake.fields.forEach((f, i) => {
      const standard = (STANDARD_FIELDS as readonly string[]).includes(f.key);
      if (!standard && !f.label) issue(['intake', 'fields', i, 'label'], `field "${f.key}" is not a standard field, so it needs a label`);
      if (f.type === 'select' && !f.options?.length && f.key !== 'topic')
        issue(['intake', 'fields', i, 'options'], 'a select field needs options');
    });
    p.intake.routes.forEach((r, i) => {
      if (!stageIds.includes(r.stage)) issue(['intake', 'routes', i, 'stage'], `no stage "${r.stage}"`);
      if (!p.intake.fields.some((f) => f.key === r.field)) issue(['intake', 'routes', i, 'field'], `no intake field "${r.field}"`);
    });
    p.stages.forEach((s, si) => {
      const at = (...rest: (string | number)[]) => ['stages', si, ...rest];
      if (!roleIds.includes(s.handler)) issue(at('handler'), `no role "${s.handler}" (roles: ${roleIds.join(', ')})`);
      for (const t of s.escalateTo) if (!stageIds.includes(t)) issue(at('escalateTo'), `no stage "${t}"`);
      if (s.advisesTo && !stageIds.includes(s.advisesTo)) issue(at('advisesTo'), `no stage "${s.advisesTo}"`);
      if (s.kind === 'advice' && !s.advisesTo) issue(at('advisesTo'), 'an advice stage names the stage that decides after its advice');
      if (s.appeal && !stageIds.includes(s.appeal.to)) issue(at('appeal', 'to'), `no stage "${s.appeal.to}"`);
      s.appeal?.after?.forEach((o, oi) => {
        const allowed: readonly string[] = s.outcomes ?? (s.kind === 'mediation' ? MEDIATION_OUTCOMES : DEFAULT_OUTCOMES);
        if (!allowed.includes(o)) issue(at('appeal', 'after', oi), `"${o}" is not an outcome of this stage (${allowed.join(', ')})`);
      });
      if (s.decides && s.kind !== 'advice') issue(at('decides'), 'only an advice stage needs "decides"');
      if (s.nextBody && !bodyIds.includes(s.nextBody)) issue(at('nextBody'), `no next body "${s.nextBody}"`);
      if (s.nextStep && 'term' in s.nextStep && s.nextStep.term && s.appeal)
        issue(at('nextStep', 'term'), 'this stage has an appeal: its window is the term, so leave out nextStep.term');
      s.outcomes?.forEach((o, oi) => {
        if (!outcomeIds.has(o)) issue(at('outcomes', oi), `unknown outcome "${o}": add it under "outcomes"`);
      });
      for (const d of duplicates(s.terms.map((t) => t.id))) issue(at('terms'), `term id "${d}" is used twice`);
      s.terms.forEach((t, ti) => {
        t.onExpiry.forEach((a, ai) => {
          if (a.do === 'escalate' && !stageIds.includes(a.to)) issue(at('terms', ti, 'onExpiry', ai, 'to'), `no stage "${a.to}"`);
          if (a.do === 'notify-complainant' && !(TEXT_KEYS as readonly string[]).includes(a.text))
            issue(at('terms', ti, 'onExpiry', ai, 'text'), `no text "${a.text}" (texts: ${TEXT_KEYS.join(', ')})`);
        });
        if (t.from === 'responseRequested' && !t.metBy.includes('responseRecorded'))
          issue(at('terms', ti, 'metBy'), 'a term from responseRequested is met by responseRecorded');
      });
    });
    p.reports.forEach((r, i) => {
      if ('role' in r.to && !roleIds.includes(r.to.role)) issue(['reports', i, 'to', 'role'], `no role "${r.to.role}"`);
    });
  });

export type ProcedureInput = z.input<typeof procedureSchema>;
export type Procedure = z.output<typeof procedureSchema>;

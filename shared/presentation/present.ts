import { amsterdamDate, formatDate } from '../calendar/index.ts';
import { resolveFields } from '../procedure/fields.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, textOr, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { stageOf, termDef } from '../engine/terms.ts';
import type { CaseEvent, CaseState, CaseStatus, TermInstance } from '../engine/types.ts';

export const outcomeLabel = (p: Procedure, outcome: string, lang: Lang) =>
  p.outcomes[outcome]?.[lang] ?? textOr(p, `outcome.${outcome}`, lang, outcome);

export const stageName = (p: Procedure, stageId: string, lang: Lang) => stageOf(p, stageId).name[lang];

/** Who handles the case in a stage, as a sentence names them: its `handledBy`, else its name ("de directie"). */
export const handlerPhrase = (p: Procedure, stageId: string, lang: Lang) => {
  const stage = stageOf(p, stageId);
  return (stage.handledBy ?? stage.name)[lang];
};

const VERDICTS = ['gegrond', 'deels-gegrond', 'ongegrond', 'niet-ontvankelijk', 'opgelost', 'niet-opgelost'] as const;

/** The outcome of a decision as a sentence a complainant understands ("Ons oordeel: uw klacht is gegrond. Dat betekent …"). */
export function verdict(p: Procedure, outcome: string, lang: Lang): string {
  const known = VERDICTS.find((v) => v === outcome);
  return known && !p.outcomes[outcome] ? text(p, `verdict.${known}`, lang) : text(p, 'verdict.other', lang, { outcome: outcomeLabel(p, outcome, lang) });
}

/** A case status in words ("In behandeling"); an unknown status as it is. */
export const statusLabel = (p: Procedure, status: string, lang: Lang) =>
  STATUSES.includes(status as CaseStatus) ? text(p, `caseStatus.${status as CaseStatus}`, lang) : status;
const STATUSES: readonly CaseStatus[] = ['to-complete', 'open', 'decided', 'closed', 'withdrawn'];

export interface TermLine {
  instance: string;
  label: string;
  lastDay: string;
  date: string;
  isDefault: boolean;
  basis?: string;
  overdue: boolean;
}

/** The open terms, soonest first, with their labels and dates in a language. */
export function termLines(p: Procedure, s: CaseState, lang: Lang, now?: string): TermLine[] {
  return Object.values(s.openTerms)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((t: TermInstance) => {
      const def = termDef(p, t.stage, t.termId);
      return {
        instance: t.instance,
        label: def.label[lang],
        lastDay: t.lastDay,
        date: formatDate(t.lastDay, lang),
        isDefault: def.default,
        ...(def.basis ? { basis: def.basis } : {}),
        overdue: now !== undefined && t.dueAt <= now,
      };
    });
}

/** The submitted fields as label/value pairs, in form order. */
export function fieldPairs(p: Procedure, s: CaseState, lang: Lang, leaveOut: readonly string[] = []): [string, string][] {
  return resolveFields(p)
    .filter((f) => s.fields[f.key] && !leaveOut.includes(f.key))
    .map((f) => {
      const value = s.fields[f.key]!;
      const option = f.options?.find((o) => o.value === value);
      return [f.label[lang], option ? option.label[lang] : f.type === 'date' ? formatDate(value, lang) : value];
    });
}

/** One line of the complainant's timeline, or undefined for internal events. */
export function describeEvent(p: Procedure, e: CaseEvent, lang: Lang): string | undefined {
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const organisation = p.organisation.shortName ?? p.organisation.name;
  switch (e.type) {
    case 'submitted':
      return t('timeline.submitted');
    case 'completed':
      return t('timeline.completed');
    case 'admitted':
      return t('timeline.admitted');
    case 'stage-started':
      return t('timeline.stageStarted', { stage: stageName(p, e.stage, lang), handler: handlerPhrase(p, e.stage, lang) });
    case 'acknowledged':
      return t('timeline.acknowledged');
    case 'conversation-recorded':
      return t('timeline.conversation', { date: formatDate(e.date, lang) });
    case 'response-requested':
      return t('timeline.responseRequested');
    case 'response-recorded':
      return t('timeline.responseRecorded');
    case 'term-extended':
      return t('timeline.extended', { date: formatDate(e.term.lastDay, lang), reason: e.reason });
    case 'escalated':
      return t('timeline.escalated', { stage: stageName(p, e.to, lang), handler: handlerPhrase(p, e.to, lang) });
    case 'advised':
      return t('timeline.advised', { stage: capitalise(stageName(p, e.stage, lang)), outcome: outcomeLabel(p, e.outcome, lang) });
    case 'decided':
      return t('timeline.decided', { outcome: outcomeLabel(p, e.outcome, lang) });
    case 'withdrawn':
      return t('timeline.withdrawn');
    case 'closed':
      return t('timeline.closed');
    case 'reopened':
      return t('timeline.reopened', { receivedOn: formatDate(amsterdamDate(e.receivedAt), lang), lastDay: formatDate(e.lastDay, lang) });
    case 'message-received':
      // What the person concerned wrote, and mail that is noise, stay internal.
      if (e.noise || e.party === 'concerned') return undefined;
      return e.party === 'complainant' ? t('timeline.yourMessage', { text: e.text }) : t('timeline.messageFrom', { organisation, text: e.text });
    case 'message-sent':
      return t('timeline.messageFrom', { organisation, text: e.text });
    default:
      return undefined;
  }
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function contactLine(p: Procedure): string {
  const o = p.organisation;
  return [o.name, o.email, o.phone, o.address].filter(Boolean).join(' · ');
}

const UNIT_WORDS: Record<string, { nl: [string, string]; en: [string, string] }> = {
  days: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  weeks: { nl: ['week', 'weken'], en: ['week', 'weeks'] },
  months: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  years: { nl: ['jaar', 'jaar'], en: ['year', 'years'] },
  workingDays: { nl: ['werkdag', 'werkdagen'], en: ['working day', 'working days'] },
};

/** "7 werkdagen", "6 weeks". */
export function durationWords(d: { amount: number; unit: string }, lang: Lang): string {
  const w = UNIT_WORDS[d.unit]![lang];
  return `${d.amount} ${d.amount === 1 ? w[0] : w[1]}`;
}

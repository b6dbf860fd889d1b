import { formatDate } from '../calendar/index.ts';
import { resolveFields } from '../procedure/fields.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import { stageOf, termDef } from '../engine/terms.ts';
import type { CaseEvent, CaseState, TermInstance } from '../engine/types.ts';

/** Plain-language words for what the engine records, for complainants and staff. */
const OUTCOMES: Record<string, { nl: string; en: string }> = {
  gegrond: { nl: 'gegrond', en: 'well-founded' },
  'deels-gegrond': { nl: 'deels gegrond', en: 'partly well-founded' },
  ongegrond: { nl: 'ongegrond', en: 'unfounded' },
  'niet-ontvankelijk': { nl: 'niet-ontvankelijk', en: 'inadmissible' },
  opgelost: { nl: 'opgelost', en: 'resolved' },
  'niet-opgelost': { nl: 'niet opgelost', en: 'not resolved' },
};

export const outcomeLabel = (p: Procedure, outcome: string, lang: Lang) =>
  p.outcomes[outcome]?.[lang] ?? OUTCOMES[outcome]?.[lang] ?? outcome;

export const stageName = (p: Procedure, stageId: string, lang: Lang) => stageOf(p, stageId).name[lang];

export const STATUS: Record<CaseState['status'], { nl: string; en: string }> = {
  'to-complete': { nl: 'Wacht op aanvulling', en: 'Waiting to be completed' },
  open: { nl: 'In behandeling', en: 'Being handled' },
  decided: { nl: 'Uitkomst verstuurd', en: 'Outcome sent' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
};

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

export const DEFAULT_MARK = { nl: '(wettelijke standaardtermijn)', en: '(statutory default term)' };

/** The submitted fields as label/value pairs, in form order. */
export function fieldPairs(p: Procedure, s: CaseState, lang: Lang): [string, string][] {
  return resolveFields(p)
    .filter((f) => s.fields[f.key])
    .map((f) => {
      const value = s.fields[f.key]!;
      const option = f.options?.find((o) => o.value === value);
      return [f.label[lang], option ? option.label[lang] : f.type === 'date' ? formatDate(value, lang) : value];
    });
}

/** One line of the complainant's timeline, or undefined for internal events. */
export function describeEvent(p: Procedure, e: CaseEvent, lang: Lang): string | undefined {
  const nl = lang === 'nl';
  switch (e.type) {
    case 'submitted':
      return nl ? 'Uw klacht is ontvangen.' : 'Your complaint was received.';
    case 'completed':
      return nl ? 'U heeft uw klacht aangevuld.' : 'You completed your complaint.';
    case 'admitted':
      return nl ? 'Uw klacht wordt in behandeling genomen, ook al kwam zij na de termijn binnen.' : 'Your complaint will be handled, although it arrived after the term.';
    case 'stage-started':
      return nl ? `Uw klacht wordt behandeld door ${stageName(p, e.stage, lang)}.` : `Your complaint is handled by ${stageName(p, e.stage, lang)}.`;
    case 'acknowledged':
      return nl ? 'De behandeling van uw klacht is bevestigd.' : 'The handling of your complaint was confirmed.';
    case 'conversation-recorded':
      return nl ? `Er is een gesprek gevoerd op ${formatDate(e.date, lang)}; het verslag is vastgelegd.` : `A conversation took place on ${formatDate(e.date, lang)}; it was recorded.`;
    case 'response-requested':
      return nl ? 'Er is een reactie gevraagd aan de betrokkene.' : 'A response was requested from the person concerned.';
    case 'response-recorded':
      return nl ? 'De reactie van de betrokkene is ontvangen.' : 'The response of the person concerned was received.';
    case 'term-extended':
      return nl
        ? `De termijn is verlengd tot ${formatDate(e.term.lastDay, lang)}. Reden: ${e.reason}`
        : `The term was extended to ${formatDate(e.term.lastDay, lang)}. Reason: ${e.reason}`;
    case 'escalated':
      return nl ? `Uw klacht is doorgestuurd naar ${stageName(p, e.to, lang)}.` : `Your complaint was passed on to ${stageName(p, e.to, lang)}.`;
    case 'advised':
      return nl
        ? `${capitalise(stageName(p, e.stage, lang))} heeft advies uitgebracht: ${outcomeLabel(p, e.outcome, lang)}.`
        : `${capitalise(stageName(p, e.stage, lang))} gave its advice: ${outcomeLabel(p, e.outcome, lang)}.`;
    case 'decided':
      return nl ? `Uitkomst: uw klacht is ${outcomeLabel(p, e.outcome, lang)}.` : `Outcome: your complaint is ${outcomeLabel(p, e.outcome, lang)}.`;
    case 'withdrawn':
      return nl ? 'De klacht is ingetrokken.' : 'The complaint was withdrawn.';
    case 'closed':
      return nl ? 'De klacht is afgesloten.' : 'The complaint was closed.';
    case 'message-received':
      // What the person concerned wrote, and mail that is noise, stay internal.
      if (e.noise || e.party === 'concerned') return undefined;
      return e.party === 'complainant' ? `${nl ? 'Uw bericht' : 'Your message'}: ${e.text}` : `${nl ? 'Bericht van' : 'Message from'} ${p.organisation.shortName ?? p.organisation.name}: ${e.text}`;
    case 'message-sent':
      return `${nl ? 'Bericht van' : 'Message from'} ${p.organisation.shortName ?? p.organisation.name}: ${e.text}`;
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

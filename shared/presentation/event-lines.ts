import { outcomeLabel } from './present.ts';
import { partyChange } from './parties.ts';
import { dutyEventLine } from './duties.ts';
import type { CaseEvent, CaseParty } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';

/**
 * The line staff read for an event that the case page's timeline and the printed dossier write
 * alike; undefined for the events each writes its own way.
 */
export function staffEventLine(p: Procedure, e: CaseEvent, lang: Lang, parties: readonly CaseParty[] = []): string | undefined {
  const t = (key: Parameters<typeof text>[1], vars: Record<string, string> = {}) => text(p, key, lang, vars);
  switch (e.type) {
    case 'note-added':
      return t('line.note', { text: e.text });
    case 'party-added':
    case 'party-corrected':
    case 'party-identified':
      return partyChange(p, e, lang);
    case 'assigned':
      return t('line.assigned', { handler: e.handler });
    case 'response-requested':
      return t('line.responseRequested', { from: e.from, question: e.question });
    case 'response-recorded':
      return t('line.responseRecorded', { from: e.from, text: e.text });
    case 'conversation-recorded':
      return t('line.conversation', { date: e.date, attendees: e.attendees.join(', '), signedBy: e.signedBy.join(', ') || '-', summary: e.summary });
    case 'decided':
      return `${t('line.decided', { outcome: outcomeLabel(p, e.outcome, lang), motivation: e.motivation })}${e.measures ? ` ${t('line.measures', { measures: e.measures })}` : ''}`;
    case 'advised':
      return t('line.advised', { outcome: outcomeLabel(p, e.outcome, lang), motivation: e.motivation, recommendation: e.recommendation });
    case 'copy-sent':
    case 'hearing-offered':
    case 'hearing-waived':
      return dutyEventLine(p, e, lang, parties);
    case 'message-sent':
      return t('line.messageSent', { text: e.text });
    default:
      return undefined;
  }
}

import { formatDate } from '../calendar/index.ts';
import type { CaseEvent, CaseState, MailTemplate } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import { stageName } from './present.ts';

/** The subject of each message that can go to a complainant or person complained about by post. */
const SUBJECT: Partial<Record<MailTemplate, TextKey>> = {
  receipt: 'receipt.subject',
  acknowledged: 'acknowledged.subject',
  'concerned-copy': 'concerned.subject',
  'response-request': 'response.subject',
  'conversation-record': 'conversation.subject',
  extension: 'extension.subject',
  delay: 'delay.subject',
  escalated: 'escalated.subject',
  advice: 'advice.subject',
  decision: 'decision.subject',
  withdrawn: 'withdrawn.subject',
  closed: 'closed.subject',
  update: 'update.subject',
  message: 'message.subject',
};

/** What a letter is about, in a line (its subject as the mail would have it). */
export function letterSubject(p: Procedure, s: Pick<CaseState, 'reference' | 'stage'>, template: MailTemplate, lang: Lang): string {
  const key = SUBJECT[template];
  const stage = s.stage ? stageName(p, s.stage, lang) : '';
  return key ? text(p, key, lang, { reference: s.reference, organisation: p.organisation.shortName ?? p.organisation.name, stage }) : template;
}

/** A letter's events on the staff timeline and in the dossier. */
export function letterEventLine(p: Procedure, s: Pick<CaseState, 'reference' | 'stage'>, e: Extract<CaseEvent, { type: 'letter-queued' | 'letter-posted' }>, lang: Lang): string {
  if (e.type === 'letter-posted') return text(p, 'timeline.letterPosted', lang, { letter: e.letter, date: formatDate(e.on, lang) });
  return text(p, 'timeline.letterQueued', lang, { letter: e.letter, name: e.to.name ?? e.to.postal.split('\n')[0]!, subject: letterSubject(p, s, e.template, lang) });
}

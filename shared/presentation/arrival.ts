import { amsterdamDate, formatDate } from '../calendar/index.ts';
import { wallTime } from '../calendar/local-date.ts';
import type { CaseEvent, CaseState } from '../engine/types.ts';
import type { Lang } from '../procedure/text.ts';

/** What staff can enter for a complainant's request (or consent) that arrived earlier (by mail, letter or phone). */
export interface RequestChoices {
  /** The complainant's messages on the timeline, newest first: a request takes its arrival time from one. */
  messages: { at: string; label: string }[];
  /** The complaint can be taken further: to the next stage while open, or an appeal (also once its window closed the case). */
  escalate: boolean;
  withdraw: boolean;
  /** The complainant's consent to a (longer, or late) extension of the term, with when it arrived. */
  extend: boolean;
}

export function requestChoices(s: CaseState, events: CaseEvent[], lang: Lang): RequestChoices {
  const messages = events
    .filter((e): e is Extract<CaseEvent, { type: 'message-received' }> => e.type === 'message-received' && e.party === 'complainant' && !e.noise)
    .reverse()
    .map((e) => ({ at: e.at, label: `${formatDate(amsterdamDate(e.at), lang)} ${wallTime(new Date(e.at)).slice(11, 16)}: ${preview(e.text)}` }));
  return {
    messages,
    escalate: s.status === 'open' || s.status === 'decided' || (s.status === 'closed' && s.closedReason === 'appeal-window-passed'),
    withdraw: s.status === 'open' || s.status === 'decided' || s.status === 'to-complete',
    extend: s.status === 'open',
  };
}

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

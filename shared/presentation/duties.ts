import { formatDate } from '../calendar/index.ts';
import type { Duty, DutyId } from '../engine/duties.ts';
import type { CaseEvent, CaseParty } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';

/** A duty as staff read it: what, towards whom (by name where known), its state, date and reason. */

/** The party as the duty names them: their name, else their role. */
const partyWord = (p: Procedure, lang: Lang, party: { role?: CaseParty['role']; name?: string } | undefined) =>
  party?.name || text(p, party?.role === 'complainant' ? 'duty.party.complainant' : 'duty.party.complained-about', lang);

/** "Kopie van de klacht naar Jan Bakker" — from a duty, or from a refusal's parameters (party id and name). */
export function dutyLabel(p: Procedure, d: { duty: string; party?: string; name?: string }, lang: Lang, parties: readonly CaseParty[] = []): string {
  const party = parties.find((x) => x.id === d.party) ?? (d.party ? { role: d.party === 'complainant' ? ('complainant' as const) : ('complained-about' as const), ...(d.name ? { name: d.name } : {}) } : undefined);
  return text(p, `duty.label.${d.duty as DutyId}`, lang, { party: partyWord(p, lang, party) });
}

export interface DutyLine {
  duty: DutyId;
  party?: string;
  state: Duty['state'];
  label: string;
  stateLabel: string;
  /** The date in words with what it means ("uiterlijk maandag 13 april 2026"), if there is one. */
  when?: string;
  reason?: string;
  basis: string;
}

export function dutyLines(p: Procedure, duties: readonly Duty[], parties: readonly CaseParty[], lang: Lang): DutyLine[] {
  return duties.map((d) => ({
    duty: d.duty,
    ...(d.party ? { party: d.party } : {}),
    state: d.state,
    label: dutyLabel(p, d, lang, parties),
    stateLabel: text(p, `duty.state.${d.state}`, lang),
    ...(d.date ? { when: text(p, `duty.date.${d.state}`, lang, { date: formatDate(d.date, lang) }) } : {}),
    ...(d.reason ? { reason: text(p, `duty.reason.${d.reason}`, lang) } : {}),
    basis: d.basis,
  }));
}

type DutyEvent = Extract<CaseEvent, { type: 'copy-sent' | 'hearing-offered' | 'hearing-waived' }>;

/** A duty's step on the staff timeline and in the dossier (`parties`: to name the party; else its id). */
export function dutyEventLine(p: Procedure, e: DutyEvent, lang: Lang, parties: readonly CaseParty[] = []): string {
  const x = parties.find((y) => y.id === e.party);
  const party = x ? partyWord(p, lang, x) : e.party;
  switch (e.type) {
    case 'copy-sent':
      return text(p, 'duty.event.copy', lang, { party, how: [text(p, `duty.reason.${e.how}`, lang), e.to].filter(Boolean).join(', ') });
    case 'hearing-offered':
      return text(p, 'duty.event.offered', lang, { party, date: formatDate(e.replyBy, lang) });
    case 'hearing-waived':
      return text(p, 'duty.event.waived', lang, { party, reason: text(p, `duty.reason.${e.reason}`, lang) });
  }
}

import type { CaseEvent, CaseParty, PartyRole } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';

export const partyRole = (p: Procedure, role: PartyRole, lang: Lang) => text(p, `party.role.${role}`, lang);

/** Name and contact details on one line, as staff read them. */
export const partyLine = (x: Omit<CaseParty, 'id' | 'role'>) => [x.name, x.email, x.address, x.phone].filter(Boolean).join(', ');

type PartyEvent = Extract<CaseEvent, { type: 'party-added' | 'party-corrected' | 'party-identified' }>;

/** A change to the parties, for the staff timeline and the dossier (never shown to the complainant). */
export function partyChange(p: Procedure, e: PartyEvent, lang: Lang): string {
  switch (e.type) {
    case 'party-added':
      return text(p, 'party.added', lang, { role: partyRole(p, e.party.role, lang), details: partyLine(e.party) });
    case 'party-corrected':
      return text(p, 'party.corrected', lang, { party: e.party, details: partyLine(e.changes) || '-' });
    case 'party-identified':
      return e.staff ? text(p, 'party.identified', lang, { party: e.party, staff: e.staff }) : text(p, 'party.notStaff', lang, { party: e.party });
  }
}

import type { CaseEvent, CaseParty, PartyRole } from '../engine/types.ts';
import type { Lang } from '../procedure/text.ts';

const ROLE: Record<PartyRole, Record<Lang, string>> = {
  complainant: { nl: 'Klager', en: 'Complainant' },
  representative: { nl: 'Vertegenwoordiger van de klager', en: "Complainant's representative" },
  'complained-about': { nl: 'Over wie de klacht gaat', en: 'Complained about' },
};

export const partyRole = (role: PartyRole, lang: Lang) => ROLE[role][lang];

/** Name and contact details on one line, as staff read them. */
export const partyLine = (x: Omit<CaseParty, 'id' | 'role'>) => [x.name, x.email, x.address, x.phone].filter(Boolean).join(', ');

type PartyEvent = Extract<CaseEvent, { type: 'party-added' | 'party-corrected' | 'party-identified' }>;

/** A change to the parties, for the staff timeline and the dossier (never shown to the complainant). */
export function partyChange(e: PartyEvent, lang: Lang): string {
  const nl = lang === 'nl';
  switch (e.type) {
    case 'party-added':
      return `${nl ? 'Betrokkene toegevoegd' : 'Party added'} (${partyRole(e.party.role, lang)}): ${partyLine(e.party)}`;
    case 'party-corrected':
      return `${nl ? 'Gegevens betrokkene' : 'Party details'} ${e.party} ${nl ? 'gecorrigeerd' : 'corrected'}: ${partyLine(e.changes) || '-'}`;
    case 'party-identified':
      return e.staff
        ? `${nl ? 'Betrokkene' : 'Party'} ${e.party} ${nl ? 'vastgesteld als medewerker' : 'identified as staff member'} ${e.staff}`
        : `${nl ? 'Betrokkene' : 'Party'} ${e.party}: ${nl ? 'geen medewerker (correctie)' : 'not a staff member (correction)'}`;
  }
}

import { amsterdamDate } from '../../calendar/index.ts';
import type { CaseState } from '../../engine/types.ts';
import { letterSubject } from '../../presentation/letters.ts';
import type { Lang } from '../../procedure/text.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { loadCase } from '../pipeline.ts';

/** A letter waiting to be posted, as the workspace lists it. */
export interface LetterToPost {
  reference: string;
  letter: string;
  subject: string;
  name?: string;
  postal: string;
  queuedOn: string;
}

/**
 * Letters not yet posted, oldest first; a case about this staff member is not theirs to see, nor its letters.
 * The cases come from the store's letters index: only those with letters waiting, however many cases there are.
 */
export async function listLetters(ctx: AppContext, me: StaffMember, lang: Lang): Promise<LetterToPost[]> {
  const withLetters = await ctx.store.listWithLetters({ exceptConcerned: me.email });
  const cases = await Promise.all(withLetters.map((s) => loadCase(ctx, s.caseRef)));
  return cases
    .flatMap((c) => (c && !c.state.concerned.includes(me.email) ? waitingLetters(ctx, c.state, lang) : []))
    .sort((a, b) => a.queuedOn.localeCompare(b.queuedOn) || a.reference.localeCompare(b.reference));
}

export function waitingLetters(ctx: Pick<AppContext, 'procedure'>, s: CaseState, lang: Lang): LetterToPost[] {
  return s.letters
    .filter((l) => !l.postedOn)
    .map((l) => ({
      reference: s.reference,
      letter: l.id,
      subject: letterSubject(ctx.procedure, s, l.template, lang),
      ...(l.to.name ? { name: l.to.name } : {}),
      postal: l.to.postal,
      queuedOn: amsterdamDate(l.queuedAt),
    }));
}

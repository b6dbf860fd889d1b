import { letterKey } from '../../blobs/keys.ts';
import { letterPdf, type Letter } from '../../mail/letter-pdf.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { loadCase } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';

/** A letter's PDF, for a staff member who may see its case; no `pdf` while the runner has not stored the letter yet. */
export async function readLetter(ctx: AppContext, me: StaffMember, ref: string, letter: string): Promise<Result<{ pdf?: Buffer }>> {
  const found = await loadCase(ctx, ref);
  if (!found || found.state.concerned.includes(me.email) || !found.state.letters.some((l) => l.id === letter)) return NOT_FOUND;
  const stored = await ctx.blobs.get(letterKey(ref, letter));
  if (!stored) return { ok: true };
  return { ok: true, pdf: await letterPdf(ctx.procedure, JSON.parse(stored.toString('utf8')) as Letter) };
}

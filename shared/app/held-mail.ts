import type { StaffMember } from '../staff/auth.ts';
import type { HeldMail } from '../store/port.ts';
import type { Refusal } from '../engine/types.ts';
import { execute, loadCase } from './cases.ts';
import type { AppContext } from './context.ts';

/** Held mail carries a sender's address: it is kept this long for staff to review, then deleted. */
export const HELD_RETENTION_DAYS = 90;

const find = (ctx: AppContext, id: string) => ctx.store.getHeld(id);

export type HeldResult = { ok: true; caseRef?: string } | { ok: false; status: 404 | 409; message: { nl: string; en: string } } | { ok: false; refusal: Refusal };

const notFound = { ok: false as const, status: 404 as const, message: { nl: 'Deze e-mail staat niet (meer) in de wachtrij.', en: 'This mail is not (or no longer) held.' } };

/**
 * A staff member decides a held mail belongs to a case (e.g. the complainant wrote from another
 * address): it lands on the timeline as the complainant's message and goes to the handler. Only a
 * handler of that case may do this; the engine checks.
 */
export async function attachHeld(ctx: AppContext, me: StaffMember, id: string, caseRef: string): Promise<HeldResult> {
  const held = await find(ctx, id);
  if (!held) return notFound;
  if (!(await loadCase(ctx, caseRef))) return { ok: false, status: 404, message: { nl: 'Deze klacht bestaat niet.', en: 'This complaint does not exist.' } };
  const result = await execute(ctx, caseRef, {
    type: 'receive-message',
    actor: { kind: 'staff', email: me.email },
    party: 'complainant',
    sender: held.sender ?? '',
    subject: held.subject,
    text: held.text ?? '',
    blob: held.blob,
    attachments: [],
  });
  if (!result.ok) return 'conflict' in result ? { ok: false, status: 409, message: { nl: 'De klacht is intussen gewijzigd; probeer het opnieuw.', en: 'The case changed meanwhile; try again.' } } : result;
  await ctx.store.releaseHeld(held);
  ctx.log.info('held mail attached', { ref: caseRef });
  return { ok: true, caseRef };
}

/** Staff judged a held mail not to belong anywhere (spam, a stray): it and its raw copy are deleted. */
export async function discardHeld(ctx: AppContext, id: string): Promise<HeldResult> {
  const held = await find(ctx, id);
  if (!held) return notFound;
  await removeHeld(ctx, held);
  ctx.log.info('held mail discarded');
  return { ok: true };
}

async function removeHeld(ctx: AppContext, held: HeldMail) {
  // The raw copy may also be on a case (the same mail matched later): then the case keeps it.
  const onCase = held.caseRef ? (await loadCase(ctx, held.caseRef))?.state.inboundBlobs.includes(held.blob) : false;
  if (!onCase) await ctx.blobs.deletePrefix(held.blob);
  await ctx.store.releaseHeld(held);
}

/** Deletes held mail older than HELD_RETENTION_DAYS (part of the retention run). */
export async function purgeHeld(ctx: AppContext): Promise<number> {
  const before = new Date(Date.parse(ctx.clock.now()) - HELD_RETENTION_DAYS * 86_400_000).toISOString();
  const old = (await ctx.store.listHeld(1000)).filter((h) => h.at < before);
  for (const h of old) await removeHeld(ctx, h);
  if (old.length) ctx.log.info('held mail purged', { count: old.length });
  return old.length;
}

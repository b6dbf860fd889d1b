import { amsterdamDate } from '../calendar/index.ts';
import type { StaffMember } from '../staff/auth.ts';
import type { AppContext } from './context.ts';

const BOOK = 'undeliverable';

/** An effect given up on (parked): kept in a book that staff see, so nothing fails in silence. */
export async function recordUndeliverable(ctx: AppContext, caseRef: string, effectId: string, kind: string): Promise<void> {
  await ctx.store.putLedger(BOOK, { id: effectId, on: amsterdamDate(ctx.clock.now()), data: { caseRef, kind } });
}

export interface Undeliverable {
  reference: string;
  kind: string;
  on: string;
}

/** Parked effects of this year and the last, of cases that still exist and that this staff member may see. */
export async function undeliverable(ctx: AppContext, me: StaffMember): Promise<Undeliverable[]> {
  const year = Number(amsterdamDate(ctx.clock.now()).slice(0, 4));
  const rows = (await Promise.all([year - 1, year].map((y) => ctx.store.listLedger(BOOK, String(y))))).flat();
  const out: Undeliverable[] = [];
  for (const r of rows) {
    const reference = String(r.data.caseRef);
    const summary = await ctx.store.getSummary(reference);
    if (!summary || ((summary.data.concerned as string[] | undefined) ?? []).includes(me.email)) continue;
    out.push({ reference, kind: String(r.data.kind), on: r.on });
  }
  return out;
}

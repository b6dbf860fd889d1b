import { amsterdamDate } from '../calendar/index.ts';
import { PRIVACY_BOOK, REGISTER_BOOK, type PrivacyKind, type RegisterFigures } from '../reports/figures.ts';
import type { AppContext } from './context.ts';

/** One register row per case, under an id that does not reveal the reference. */
export async function writeRegister(ctx: AppContext, ref: string, figures: RegisterFigures): Promise<void> {
  await ctx.store.putLedger(REGISTER_BOOK, { id: ctx.signer.sign('register', ref), on: figures.closedOn, data: { ...figures } });
}

/** Counts a deletion or an access request, anonymously (a date, a kind, at most a reason code). */
export async function recordPrivacy(ctx: AppContext, kind: PrivacyKind, ref: string, at = ctx.clock.now(), extra: Record<string, string> = {}): Promise<void> {
  // A purge or erasure counts once per case; every access request counts.
  const id = ctx.signer.sign('privacy', kind === 'access' ? `${ref}\n${kind}\n${at}` : `${ref}\n${kind}`);
  await ctx.store.putLedger(PRIVACY_BOOK, { id, on: amsterdamDate(at), data: { kind, ...extra } });
}

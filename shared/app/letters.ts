import { letterKey } from '../blobs/keys.ts';
import { amsterdamDate } from '../calendar/index.ts';
import type { CaseState, MailEffect } from '../engine/types.ts';
import { composeLetter } from '../mail/compose.ts';
import type { Letter } from '../mail/letter-pdf.ts';
import type { Commit } from '../store/port.ts';
import type { AppContext } from './context.ts';

/**
 * The letters of a mail effect (its recipients by post), as composed, in the case's folder; the
 * PDF is made from it when staff download it (pdfkit stays out of every function's cold start).
 * The letter itself is on the case since its commit (`letter-queued`); the stored text's key and
 * bytes follow from the commit alone, so a retry writes the same file: one letter, however often.
 */
export async function storeLetters(ctx: AppContext, commit: Commit, effect: MailEffect, state: CaseState): Promise<void> {
  for (const r of effect.to) {
    if (!('postal' in r)) continue;
    const letter: Letter = {
      to: { postal: r.postal, ...(r.name ? { name: r.name } : {}) },
      reference: commit.caseRef,
      date: amsterdamDate(commit.at),
      text: composeLetter(ctx, state, effect),
    };
    await ctx.blobs.put(letterKey(commit.caseRef, r.letter), Buffer.from(JSON.stringify(letter)), 'application/json');
  }
}

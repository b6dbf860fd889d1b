import { createHash } from 'node:crypto';
import type { Party, StoredAttachment } from '../../engine/types.ts';
import { parseInbound, type Envelope, type InboundMail } from '../../mail/inbound.ts';
import { findReplyAddress, verifyReply } from '../../mail/reply-address.ts';
import { caseOfThreadId } from '../../mail/compose.ts';
import { execute, loadCase, type LoadedCase } from '../pipeline.ts';
import type { AppContext } from '../context.ts';
import { attachmentKey, mailSubmissionId, rawMailKey, textKey } from '../../blobs/keys.ts';
import { ItemTooLargeError, type HeldMail } from '../../store/port.ts';
import { fileComplaint } from './file-complaint.ts';

/** SES's spam/virus/SPF/DKIM/DMARC verdicts (on AWS); absent locally, where there are none. */
export interface Verdicts {
  spf?: string;
  dkim?: string;
  dmarc?: string;
  spam?: string;
  virus?: string;
}

export type InboundOutcome =
  | { outcome: 'added'; caseRef: string; party: Party; noise?: string }
  | { outcome: 'new-case'; caseRef: string }
  | { outcome: 'held'; reason: string; caseRef?: string };

/** What we keep of attachments: common document and image types, 10 MB each, 10 a message, 50 a case. */
export const ATTACHMENTS = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 10,
  maxPerCase: 50,
  types: new Set([
    'application/pdf',
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/heic',
    'text/plain',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
  ]),
};

/**
 * One code path for every door mail comes in by (SMTP locally, POST /_local/inbound, SES on AWS).
 * The case is found from the signed reply address only: never from the subject, and never from a
 * thread header (`In-Reply-To`/`References`), which may only suggest a case for the holding list.
 * Whatever cannot be matched, trusted or even read is held for staff, never dropped.
 */
export async function receiveMail(ctx: AppContext, raw: Buffer, envelope: Envelope, verdicts?: Verdicts): Promise<InboundOutcome> {
  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  const blob = rawMailKey(digest);
  await ctx.blobs.put(blob, raw, 'message/rfc822');
  let mail: InboundMail;
  try {
    mail = await parseInbound(raw, envelope, { domains: [ctx.replyDomain] });
  } catch (e) {
    // Past the parser's limits (a thousand MIME parts, a header block over 1 MB): kept as it came, for staff.
    ctx.log.info('mail unreadable', { error: e instanceof Error ? e.name : 'unknown' });
    return holdMail(ctx, { id: digest, reason: 'unreadable', subject: '', blob });
  }
  const sender = mail.from?.email;
  const hold = (reason: string, caseRef?: string) =>
    holdMail(ctx, {
      // One entry per mail: a redelivery (the same Message-ID from the same sender, or the same bytes) adds none.
      id: mail.messageId ? createHash('sha256').update(`${mail.messageId}\n${sender ?? ''}`).digest('hex').slice(0, 32) : digest,
      reason,
      subject: mail.subject,
      text: (mail.stripped || mail.text).slice(0, PREVIEW_CHARS),
      blob,
      ...(sender ? { sender } : {}),
      ...(caseRef ? { caseRef } : {}),
    });

  if (!sender) return hold('no-sender');
  if (verdicts?.virus && verdicts.virus !== 'PASS') return hold('virus');
  if (sender === ctx.procedure.organisation.email.toLowerCase()) return hold('self');

  const match = await findCase(ctx, mail, sender);
  // Noise that fails a check is held as what it is (a bounce, an auto-reply), never answered.
  if ('reason' in match) return hold(mail.noise ?? match.reason, match.caseRef);
  if (!match.found) {
    if (mail.noise) return hold(mail.noise);
    // The complaints address, or its counterpart on the reply domain (where SES receives mail).
    const local = ctx.procedure.organisation.email.split('@')[0]!.toLowerCase();
    const complaintsAddresses = [ctx.procedure.organisation.email.toLowerCase(), `${local}@${ctx.replyDomain.toLowerCase()}`];
    if (!mail.recipients.some((r) => complaintsAddresses.includes(r.toLowerCase()))) return hold('unmatched');
    const created = await newComplaint(ctx, mail, sender, digest);
    return 'reason' in created ? hold(created.reason) : { outcome: 'new-case', caseRef: created.caseRef };
  }

  const { found, party } = match;
  const ref = found.state.reference;
  if (party === 'staff' && verdicts && ![verdicts.spf, verdicts.dkim, verdicts.dmarc].every((v) => v === 'PASS')) return hold('staff-unverified', ref);
  const kept = found.events.reduce((n, e) => n + (e.type === 'message-received' ? e.attachments.filter((a) => a.key).length : 0), 0);
  const attachments = await storeAttachments(ctx, ref, mail, kept);
  // A long text goes whole to the blob store; the case keeps a preview (a store item has a hard size limit).
  const whole = mail.stripped || mail.text;
  const textBlob = whole.length > PREVIEW_CHARS ? textKey(ref, digest) : undefined;
  if (textBlob) await ctx.blobs.put(textBlob, Buffer.from(whole), 'text/plain; charset=utf-8');
  let result: Awaited<ReturnType<typeof execute>>;
  try {
    result = await execute(ctx, ref, {
      type: 'receive-message',
      actor: { kind: 'system' },
      party,
      sender,
      subject: mail.subject.slice(0, SUBJECT_CHARS),
      text: whole.slice(0, PREVIEW_CHARS),
      ...(mail.cut || textBlob ? { cut: true } : {}),
      ...(textBlob ? { textBlob } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      blob,
      attachments,
      ...(mail.noise ? { noise: mail.noise } : {}),
    });
  } catch (e) {
    // Still too large for one item (many attachments with long names, say): held, not lost.
    if (e instanceof ItemTooLargeError) return hold('too-large', ref);
    throw e;
  }
  if (!result.ok) return hold(result.refusal.reason, ref);
  return { outcome: 'added', caseRef: ref, party, ...(mail.noise ? { noise: mail.noise } : {}) };
}

/** How much text and subject a case or held entry keeps in the store; the raw mail (and a long text) is in the blob store. */
const PREVIEW_CHARS = 20_000;
const SUBJECT_CHARS = 1000;

/** Holds a mail for staff, once (see HeldMailbox.hold). */
async function holdMail(ctx: AppContext, entry: Omit<HeldMail, 'at'>): Promise<InboundOutcome> {
  const { reason, caseRef } = entry;
  const added = await ctx.store.hold({ ...entry, subject: entry.subject.slice(0, SUBJECT_CHARS), at: ctx.clock.now() });
  ctx.log.info(added ? 'mail held' : 'held mail delivered again', { reason, ...(caseRef ? { ref: caseRef } : {}) });
  return { outcome: 'held', reason, ...(caseRef ? { caseRef } : {}) };
}

type Match = { found: LoadedCase; party: Party } | { found?: undefined } | { reason: string; caseRef?: string };

async function findCase(ctx: AppContext, mail: InboundMail, sender: string): Promise<Match> {
  const address = findReplyAddress(mail.recipients, ctx.replyDomain);
  if (address) {
    const found = await loadCase(ctx, address.reference);
    if (!found) return { reason: 'unknown-case' };
    // The token is bound to the one it was sent to: another sender (a forward, a forgery) is not trusted.
    if (!verifyReply(ctx.signer, address, sender)) return { reason: 'token-mismatch', caseRef: found.state.reference };
    const party = partyOf(ctx, found, sender);
    return party ? { found, party } : { reason: 'unknown-sender', caseRef: found.state.reference };
  }
  // A thread header is no proof of who wrote: anyone who read a subject line could send one. A mail
  // answering a thread of ours without its signed reply address is held, the case only suggested.
  const threads = [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x);
  const domain = `@${ctx.replyDomain.toLowerCase()}>`;
  if (threads.some((id) => id.toLowerCase().endsWith(domain))) {
    const ref = threads.map((id) => caseOfThreadId(ctx, id)).find((r) => r !== undefined);
    return ref && (await loadCase(ctx, ref)) ? { reason: 'thread-only', caseRef: ref } : { reason: 'thread-unknown' };
  }
  return {};
}

/** The complainant, a staff member who may handle the case, or a person asked for a response. */
function partyOf(ctx: AppContext, found: LoadedCase, sender: string): Party | undefined {
  const s = found.state;
  if (s.parties.some((x) => x.role === 'complainant' && x.email?.toLowerCase() === sender)) return 'complainant';
  if (s.pendingResponses.includes(sender)) return 'concerned';
  const staff = Object.values(ctx.procedure.roles).some((r) => r.members.some((m) => m.email.toLowerCase() === sender));
  return staff && !s.concerned.includes(sender) ? 'staff' : undefined;
}

async function storeAttachments(ctx: AppContext, ref: string, mail: InboundMail, alreadyKept: number): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    const base = { name: a.filename, type: a.contentType, size: a.size };
    const keptSoFar = alreadyKept + out.filter((x) => x.key).length;
    if (i >= ATTACHMENTS.maxCount || keptSoFar >= ATTACHMENTS.maxPerCase) out.push({ ...base, refused: 'too-many' });
    else if (a.size > ATTACHMENTS.maxBytes) out.push({ ...base, refused: 'too-large' });
    else if (!ATTACHMENTS.types.has(a.contentType.toLowerCase())) out.push({ ...base, refused: 'type' });
    else {
      const key = attachmentKey(ref, createHash('sha256').update(a.content).digest('hex').slice(0, 24));
      await ctx.blobs.put(key, a.content, a.contentType);
      out.push({ ...base, key });
    }
  }
  return out;
}

/** Mail to the complaints address that belongs to no case: a new complaint, to be completed through the form. */
async function newComplaint(ctx: AppContext, mail: InboundMail, sender: string, digest: string): Promise<{ caseRef: string } | { reason: string }> {
  const result = await fileComplaint(ctx, {
    channel: 'email',
    lang: 'nl',
    actor: { kind: 'system' },
    fields: {
      email: sender,
      ...(mail.from?.name ? { name: mail.from.name } : {}),
      description: [mail.subject, mail.stripped || mail.text].filter(Boolean).join('\n\n').slice(0, 10_000),
      // The same mail delivered twice makes one case.
      submissionId: mailSubmissionId(digest),
    },
  });
  return result.ok ? { caseRef: result.reference } : { reason: `intake-${result.refusal.reason}` };
}

import type { Signer } from '../security/signer.ts';
import { REFERENCE_IN_MAIL } from '../policy/reference.ts';

const REPLY_ADDRESS = new RegExp(`^[^+@\\s]+\\+(${REFERENCE_IN_MAIL})\\.([a-z0-9]{21})@(.+)$`, 'i');

/**
 * Reply addresses: `<local>+<reference>.<token>@<replyDomain>`, the token signed for this case and
 * this recipient, so a reply is matched to its case without trusting the subject line, and a
 * forwarded mail answered by someone else is not taken as the recipient's.
 */
export function replyAddress(signer: Signer, o: { local: string; replyDomain: string; reference: string; recipient: string }): string {
  const token = signer.sign('reply', `${o.reference.toLowerCase()}:${o.recipient.toLowerCase()}`, 'base32');
  return `${o.local}+${o.reference.toLowerCase()}.${token}@${o.replyDomain}`;
}

export interface ParsedReplyAddress {
  reference: string;
  token: string;
}

/** Finds our reply address among a message's recipients (any case), without verifying it. */
export function findReplyAddress(recipients: string[], replyDomain: string): ParsedReplyAddress | undefined {
  const domain = replyDomain.toLowerCase();
  for (const r of recipients) {
    const m = REPLY_ADDRESS.exec(r.trim());
    if (m && m[3]!.toLowerCase() === domain) return { reference: m[1]!.toUpperCase(), token: m[2]!.toLowerCase() };
  }
  return undefined;
}

/** Whether the token was issued for this case and this sender. */
export const verifyReply = (signer: Signer, parsed: ParsedReplyAddress, sender: string) =>
  signer.verify('reply', `${parsed.reference.toLowerCase()}:${sender.toLowerCase()}`, parsed.token, 'base32');

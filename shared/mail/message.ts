/** A fully composed e-mail, independent of how it is delivered. */
export interface OutgoingMessage {
  /** `<...@domain>`: also the idempotency key of delivery. */
  messageId: string;
  from: { email: string; name?: string };
  to: { email: string; name?: string }[];
  cc?: { email: string; name?: string }[];
  replyTo?: { email: string; name?: string };
  subject: string;
  text: string;
  html: string;
  /** Extra headers, lower-case names (auto-submitted, in-reply-to, references ...). */
  headers: Record<string, string>;
  /** Files sent along (e.g. a report as CSV); the message becomes multipart/mixed. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  /** The file name the recipient sees; only `A-Z a-z 0-9 . _ -` are kept. */
  filename: string;
  /** e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  /** The content: text as it is (`utf-8`, the default), or bytes as base64. */
  content: string;
  encoding?: 'utf-8' | 'base64';
}

/** The bytes of an attachment. */
export const attachmentBytes = (a: MailAttachment): Buffer => Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8');

/** The mail-out port. Sending the same messageId twice must not deliver twice where the adapter can tell. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}

/** A send that can never succeed (an address no mailer takes, a rejected message): retrying is pointless. */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}

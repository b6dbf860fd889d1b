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
}

/** The mail-out port. Sending the same messageId twice must not deliver twice where the adapter can tell. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}

import { appendFileSync, readFileSync } from 'node:fs';
import { attachmentBytes, type Mailer, type OutgoingMessage } from '../../shared/mail/message.ts';
import { cleanAddress } from '../../shared/mail/mime.ts';

/** Mail out, locally: every message is kept (and shown at /_local/outbox); nothing leaves the machine. */
export class LocalOutbox implements Mailer {
  readonly messages: (OutgoingMessage & { sentAt: string })[] = [];
  /** Set to make sending fail, to see that nothing is lost and everything is retried. */
  failing = false;

  constructor(
    private readonly file: string | undefined,
    private readonly now: () => string,
  ) {
    if (file) {
      try {
        for (const line of readFileSync(file, 'utf8').split('\n')) if (line) this.messages.push(JSON.parse(line));
      } catch {
        // no outbox yet
      }
    }
  }

  /** Every file sent along, with the message it came with (reports as CSV, say). */
  attachments(): { messageId: string; to: string[]; subject: string; filename: string; contentType: string; size: number; content: string }[] {
    return this.messages.flatMap((m) =>
      (m.attachments ?? []).map((a) => ({
        messageId: m.messageId,
        to: m.to.map((t) => t.email),
        subject: m.subject,
        filename: a.filename,
        contentType: a.contentType,
        size: attachmentBytes(a).length,
        content: a.content,
      })),
    );
  }

  async send(message: OutgoingMessage) {
    if (this.failing) throw new Error('local mailer is set to fail');
    // The same check as SES's adapter: an address it would refuse is refused here too.
    for (const r of [...message.to, ...(message.cc ?? [])]) cleanAddress(r.email);
    // Idempotent by Message-ID, as a retried effect may send again.
    if (this.messages.some((m) => m.messageId === message.messageId)) return;
    const kept = { ...message, sentAt: this.now() };
    this.messages.push(kept);
    if (this.file) appendFileSync(this.file, JSON.stringify(kept) + '\n');
  }
}

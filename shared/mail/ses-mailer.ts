import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer, OutgoingMessage } from './message.ts';
import { buildMime, cleanAddress } from './mime.ts';

export interface SesMailerOptions {
  client: SESClient;
  /** SES configuration set (event publishing: bounces, complaints, deliveries). */
  configurationSet?: string;
  /** The Date header's clock (SES overwrites the header anyway, see below). */
  now?: () => Date;
}

/**
 * The Mailer port on Amazon SES (v1 API, SendRawEmail), so we control every header.
 *
 * What SES does to our headers (SES Developer Guide, "Amazon SES header fields"):
 *  - "If you provide a Message-ID header, Amazon SES overrides the header with its own value"
 *    (`<...@<region>.amazonses.com>`, the MessageId the API returns plus the region's domain).
 *  - "If you specify a Date header, Amazon SES overrides it with a timestamp ... when Amazon SES
 *    accepted the message."
 * Other headers (In-Reply-To, References, Auto-Submitted ...) are passed on as they are. So our
 * Message-ID never reaches the recipient, and a reply's In-Reply-To names the SES id, not ours.
 * To keep threading on our ids regardless, the message's own Message-ID is added to the end of
 * References (for the receipt, the thread root, that makes `References: <root>`): mail clients
 * copy References into a reply, and every later mail of the case already says In-Reply-To/References
 * `<root>`, so clients thread them under that (phantom) root. Matching a reply to its case must not
 * depend on these headers alone (some clients, e.g. iOS Mail, drop References): the signed reply
 * address does that.
 *
 * Idempotency: SendRawEmail has no idempotency key, so the adapter cannot tell a repeat send;
 * the effects runner settles the effect after a successful send. Throttling, transient and
 * permanent errors (MessageRejected, unverified identity ...) all propagate to the runner.
 */
export function createSesMailer(opts: SesMailerOptions): Mailer {
  const now = opts.now ?? (() => new Date());
  return {
    async send(message: OutgoingMessage): Promise<void> {
      const prepared = withOwnIdInReferences(message);
      const raw = buildMime(prepared, { date: now() });
      const seen = new Set<string>();
      const destinations: string[] = [];
      for (const r of [...message.to, ...(message.cc ?? [])]) {
        const address = cleanAddress(r.email);
        if (seen.has(address.toLowerCase())) continue;
        seen.add(address.toLowerCase());
        destinations.push(address);
      }
      await opts.client.send(
        new SendRawEmailCommand({
          Source: cleanAddress(message.from.email),
          Destinations: destinations,
          RawMessage: { Data: new TextEncoder().encode(raw) },
          ...(opts.configurationSet ? { ConfigurationSetName: opts.configurationSet } : {}),
        }),
      );
    },
  };
}

/** The message with its own Message-ID appended to References (once), since SES replaces the Message-ID header. */
export function withOwnIdInReferences(message: OutgoingMessage): OutgoingMessage {
  const headers = { ...message.headers };
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'references');
  const current = key ? headers[key]!.trim() : '';
  const ids = current ? current.split(/\s+/) : [];
  if (ids.includes(message.messageId.trim())) return message;
  if (key) delete headers[key];
  headers.references = [...ids, message.messageId.trim()].join(' ');
  return { ...message, headers };
}

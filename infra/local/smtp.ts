import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../shared/mail/inbound.ts';

export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

/**
 * The local office's mail door: plain SMTP on 127.0.0.1, no authentication (nothing outside this
 * machine can reach it). Every message goes to the same handler as on AWS.
 */
export async function startSmtp(port: number, deliver: (raw: Buffer, envelope: Envelope) => Promise<unknown>) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MAIL_BYTES,
    logger: false,
    banner: 'klachtenloket (lokaal)',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(Object.assign(new Error(`5.3.4 Message too large: at most ${MAX_MAIL_BYTES / 1024 / 1024} MB`), { responseCode: 552 }));
        const envelope: Envelope = {
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        deliver(Buffer.concat(chunks), envelope).then(
          () => callback(),
          // A temporary failure: the sending server will try again, so nothing is lost.
          () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { describe, it, expect, beforeEach } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { simpleParser } from 'mailparser';
import { createSesMailer, withOwnIdInReferences } from '../../shared/mail/ses-mailer.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';

const ses = mockClient(SESClient);
beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: '0102018f-test-000000' });
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  messageId: '<kl-2026-abcde.mail.2@reply.example.nl>',
  from: { email: 'klachten@example.nl', name: 'Stichting Welzijn' },
  to: [{ email: 'zoe@example.com', name: 'Zoë Müller' }],
  cc: [{ email: 'mentor@example.org', name: 'De Mentor' }, { email: 'ZOE@example.com' }],
  subject: 'Uw klacht — ontvangen',
  text: 'Beste Zoë,\n\nDank u.\n',
  html: '<p>Beste Zoë,</p><p>Dank u.</p>',
  headers: { 'auto-submitted': 'auto-generated', 'in-reply-to': '<kl-2026-abcde@reply.example.nl>', references: '<kl-2026-abcde@reply.example.nl>' },
  ...over,
});

const now = () => new Date('2026-04-07T10:00:00Z');

describe('createSesMailer', () => {
  it('sends SendRawEmail with Source, Destinations (to + cc, deduplicated), configuration set and the MIME bytes', async () => {
    const mailer = createSesMailer({ client: new SESClient({ region: 'eu-west-1' }), configurationSet: 'klachten', now });
    await mailer.send(message());
    const calls = ses.commandCalls(SendRawEmailCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.Source).toBe('klachten@example.nl');
    expect(input.Destinations).toEqual(['zoe@example.com', 'mentor@example.org']);
    expect(input.ConfigurationSetName).toBe('klachten');

    const data = input.RawMessage!.Data!;
    expect(data).toBeInstanceOf(Uint8Array);
    const parsed = await simpleParser(Buffer.from(data));
    expect(parsed.subject).toBe('Uw klacht — ontvangen');
    expect(parsed.messageId).toBe('<kl-2026-abcde.mail.2@reply.example.nl>');
    expect(parsed.inReplyTo).toBe('<kl-2026-abcde@reply.example.nl>');
    // Our own id is kept in References, since SES replaces the Message-ID header.
    expect(parsed.references).toEqual(['<kl-2026-abcde@reply.example.nl>', '<kl-2026-abcde.mail.2@reply.example.nl>']);
    expect(parsed.text).toBe('Beste Zoë,\n\nDank u.\n');
    expect(parsed.html).toBe('<p>Beste Zoë,</p><p>Dank u.</p>');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.date?.toISOString()).toBe('2026-04-07T10:00:00.000Z');
  });

  it('leaves out ConfigurationSetName when none is given', async () => {
    await createSesMailer({ client: new SESClient({ region: 'eu-west-1' }), now }).send(message({ cc: undefined }));
    const input = ses.commandCalls(SendRawEmailCommand)[0]!.args[0].input;
    expect(input.ConfigurationSetName).toBeUndefined();
    expect(input.Destinations).toEqual(['zoe@example.com']);
  });

  it('gives the thread root (the receipt) a References header naming itself', async () => {
    await createSesMailer({ client: new SESClient({ region: 'eu-west-1' }), now }).send(
      message({ messageId: '<kl-2026-abcde@reply.example.nl>', headers: { 'auto-submitted': 'auto-generated' } }),
    );
    const parsed = await simpleParser(Buffer.from(ses.commandCalls(SendRawEmailCommand)[0]!.args[0].input.RawMessage!.Data!));
    expect(parsed.references).toBe('<kl-2026-abcde@reply.example.nl>');
    expect(parsed.inReplyTo).toBeUndefined();
  });

  it('does not repeat an id already in References', () => {
    const m = message({ headers: { references: '<a@x.nl> <kl-2026-abcde.mail.2@reply.example.nl>' } });
    expect(withOwnIdInReferences(m)).toBe(m);
  });

  it('lets throttling and other errors propagate (the effects runner retries)', async () => {
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' }));
    await expect(createSesMailer({ client: new SESClient({ region: 'eu-west-1' }), now }).send(message())).rejects.toThrow(/sending rate/);
  });

  it('refuses an unsafe recipient before calling SES', async () => {
    await expect(
      createSesMailer({ client: new SESClient({ region: 'eu-west-1' }), now }).send(message({ to: [{ email: 'a@b.nl\r\nBcc: evil@x.com' }] })),
    ).rejects.toThrow(/refusing/);
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });
});

/** Events as AWS delivers them to the functions, for the unit tests and the bundle test. */
import type { SesReceiptEvent } from '../../functions/inbound-mail.ts';

/** An SES receipt event as the Lambda action delivers it (SES Developer Guide, "Sample incoming email event"). */
export function sesEvent(o: { messageId: string; from: string; to: string; subject: string; verdicts?: Partial<Record<'spf' | 'dkim' | 'dmarc' | 'spam' | 'virus', string>> }): SesReceiptEvent {
  const v = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', spam: 'PASS', virus: 'PASS', ...o.verdicts };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: '2026-03-02T09:00:00.000Z',
            source: o.from,
            messageId: o.messageId,
            destination: [o.to],
            headersTruncated: false,
            headers: [
              { name: 'Return-Path', value: `<${o.from}>` },
              { name: 'X-SES-Spam-Verdict', value: v.spam },
              { name: 'X-SES-Virus-Verdict', value: v.virus },
              { name: 'From', value: o.from },
              { name: 'To', value: o.to },
              { name: 'Subject', value: o.subject },
            ],
            commonHeaders: { returnPath: o.from, from: [o.from], date: 'Mon, 2 Mar 2026 09:00:00 +0000', to: [o.to], messageId: `<${o.messageId}@example.nl>`, subject: o.subject },
          },
          receipt: {
            timestamp: '2026-03-02T09:00:00.000Z',
            processingTimeMillis: 812,
            recipients: [o.to],
            spamVerdict: { status: v.spam },
            virusVerdict: { status: v.virus },
            spfVerdict: { status: v.spf },
            dkimVerdict: { status: v.dkim },
            dmarcVerdict: { status: v.dmarc },
            action: { type: 'Lambda', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:klachtenloket-hss-inbound', invocationType: 'Event' },
          },
        },
      },
    ],
  };
}

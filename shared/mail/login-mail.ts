import type { Procedure } from '../procedure/schema.ts';
import type { OutgoingMessage } from './message.ts';
import { renderHtml, renderText, type Block } from './render.ts';

/** The sign-in link a staff member asked for (Dutch: the workspace's staff read Dutch). */
export function loginMail(p: Procedure, o: { to: { email: string; name?: string }; link: string; token: string; nowMs: number; replyDomain: string }): OutgoingMessage {
  const subject = `Inloggen bij het klachtenloket van ${p.organisation.shortName ?? p.organisation.name}`;
  const blocks: Block[] = [
    { link: { text: 'Gebruik deze link om in te loggen (15 minuten geldig, één keer te gebruiken):', href: o.link } },
    { p: 'Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.' },
  ];
  return {
    messageId: `<login.${o.token.slice(-12).toLowerCase().replace(/[^a-z0-9]/g, 'x')}.${o.nowMs}@${o.replyDomain}>`,
    from: { email: p.organisation.email, name: p.organisation.name },
    to: [o.to],
    subject,
    text: renderText(blocks),
    html: renderHtml(blocks, 'nl', subject),
    headers: { 'auto-submitted': 'auto-generated', 'x-auto-response-suppress': 'All' },
  };
}

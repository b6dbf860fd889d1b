import type { Procedure } from '../procedure/schema.ts';
import { text } from '../procedure/text.ts';
import type { OutgoingMessage } from './message.ts';
import { renderHtml, renderText, type Block } from './render.ts';

/**
 * Held mail was deleted that no staff member had seen: the organisation is told, so a flood of
 * junk cannot make a genuine mail disappear unnoticed. To the admin address, else to every staff
 * member (Dutch: the workspace's staff read Dutch).
 */
export function heldPurgedMail(p: Procedure, o: { count: number; days: number; at: string; replyDomain: string }): OutgoingMessage {
  const vars = { count: o.count, days: o.days };
  const subject = text(p, 'held-purged.subject', 'nl', vars);
  const blocks: Block[] = [{ p: text(p, 'held-purged.body', 'nl', vars) }];
  const staff = [...new Set(Object.values(p.roles).flatMap((r) => r.members.map((m) => m.email.toLowerCase())))];
  return {
    messageId: `<held-purged.${o.at.replace(/[^0-9]/g, '')}@${o.replyDomain}>`,
    from: { email: p.organisation.email, name: p.organisation.name },
    to: p.organisation.adminEmail ? [{ email: p.organisation.adminEmail }] : staff.map((email) => ({ email })),
    subject,
    text: renderText(blocks),
    html: renderHtml(blocks, 'nl', subject),
    headers: { 'auto-submitted': 'auto-generated', 'x-auto-response-suppress': 'All' },
  };
}

/**
 * Renders the mail effects a `CaseHarness` collected, each with the case state at its own commit,
 * the way the effects runner composes them (shared/mail/compose.ts).
 */
import { composeMail } from '../../shared/mail/compose.ts';
import type { OutgoingMessage } from '../../shared/mail/message.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import type { Lang } from '../../shared/procedure/text.ts';
import { createSigner } from '../../shared/security/signer.ts';
import type { CaseState, MailEffect, MailTemplate } from '../../shared/engine/types.ts';
import type { CaseHarness } from './engine-harness.ts';

export const PUBLIC_URL = 'https://klachten.example.nl';
const signer = createSigner([{ id: 'a', secret: 'een-geheim-van-minstens-32-tekens-lang' }]);
export const mailContext = (procedure: Procedure) => ({ procedure, signer, publicUrl: PUBLIC_URL, replyDomain: 'reply.example.nl' });

export interface Rendered {
  template: MailTemplate;
  lang: Lang;
  state: CaseState;
  message: OutgoingMessage;
}

/** Every mail of the case (or of one template), composed in `lang` (default: the effect's own). */
export function renderMails(h: CaseHarness, opts: { template?: MailTemplate; lang?: Lang; procedure?: Procedure } = {}): Rendered[] {
  const out: Rendered[] = [];
  h.steps.forEach((step, si) => {
    if (!step.result.ok) return;
    step.result.effects.forEach((e, ei) => {
      if (e.kind !== 'mail' || (opts.template && e.template !== opts.template)) return;
      const effect = { ...e, lang: opts.lang ?? e.lang } as MailEffect;
      const state = step.result.ok ? step.result.state : undefined!;
      for (const message of composeMail(mailContext(opts.procedure ?? h.procedure), state, effect, `s${si}.e${ei}`).slice(0, 1))
        out.push({ template: e.template, lang: effect.lang, state, message });
    });
  });
  return out;
}

/** The plain text of the last mail of a template. */
export function lastText(h: CaseHarness, template: MailTemplate, lang?: Lang): string {
  const all = renderMails(h, { template, ...(lang ? { lang } : {}) });
  const last = all[all.length - 1];
  if (!last) throw new Error(`no ${template} mail`);
  return `${last.message.subject}\n\n${last.message.text}`;
}

import type { CaseState, StoredAttachment } from '../engine/types.ts';
import { resolveFields } from '../procedure/fields.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import { fieldPairs } from '../presentation/present.ts';
import { html } from './html.ts';
import { layout } from './layout.ts';

/** The complainant's contact details stay out of the copy: the person complained about reads what the complaint says. */
const CONTACT_FIELDS = new Set(['email', 'phone', 'address']);

/**
 * The page a copy of the complaint links to (Awb 9:9): the complaint as filed, and its attachments,
 * each kept one a download link signed for this reader (`hrefOf`); one not kept by its name only.
 */
export function renderConcernedCopy(p: Procedure, s: CaseState, attachments: readonly StoredAttachment[], hrefOf: (key: string) => string, lang: Lang): string {
  const t = (key: Parameters<typeof text>[1], vars: Record<string, string> = {}) => text(p, key, lang, vars);
  const labels = new Set(resolveFields(p).filter((f) => CONTACT_FIELDS.has(f.key)).map((f) => f.label[lang]));
  const fields = fieldPairs(p, s, lang).filter(([label]) => !labels.has(label));
  return layout(
    p,
    { title: t('copy.title', { reference: s.reference }), lang },
    html`<h1>${t('copy.title', { reference: s.reference })}</h1>
<p>${t('copy.intro')}</p>
<dl>${fields.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${attachments.length ? html`<h2>${t('copy.attachments')}</h2><ul>${attachments.map((a) => html`<li>${a.key ? html`<a href="${hrefOf(a.key)}" download>${a.name}</a>` : a.name}</li>`)}</ul><p>${t('copy.attachmentsDownload')}</p>` : ''}
<p>${t('copy.respond')}</p>`,
  );
}

import { MAX_REASON } from '../app/use-cases/not-satisfied.ts';
import { formatDate } from '../calendar/index.ts';
import type { ComplainantView } from '../presentation/status.ts';
import type { Procedure } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';
import { html, type Html } from './html.ts';

export interface AppealFormState {
  reference: string;
  /** The status link's token: it identifies the complainant. */
  token: string;
  formToken: string;
  submissionId: string;
  reason?: string;
  error?: string;
}

/** The path the status page's "Niet tevreden?" form posts to. */
export const notSatisfiedPath = (reference: string) => `/complaints/${encodeURIComponent(reference)}/niet-tevreden`;

/**
 * The status page's "Niet tevreden?" form while the appeal window is open: the last day in words, a
 * reason, and a plain POST (no script needed) that files the request at the moment it arrives.
 */
export function appealForm(p: Procedure, v: ComplainantView, lang: Lang, st: AppealFormState): Html | '' {
  // The window closed (a post from a page opened earlier): only why the request was refused.
  if (!v.appealUntil) return st.error ? html`<div class="refusal" role="alert" id="niet-tevreden-refused"><p>${st.error}</p></div>` : '';
  const t = (key: Parameters<typeof text>[1], vars: Record<string, string> = {}) => text(p, key, lang, vars);
  return html`<form method="post" action="${notSatisfiedPath(st.reference)}" novalidate accept-charset="utf-8" id="niet-tevreden">
<p>${t('appealForm.intro', { date: formatDate(v.appealUntil, lang) })}</p>
<input type="hidden" name="token" value="${st.token}">
<input type="hidden" name="formToken" value="${st.formToken}">
<input type="hidden" name="submissionId" value="${st.submissionId}">
<input type="hidden" name="lang" value="${lang}">
<div class="field${st.error ? ' invalid' : ''}">
<label for="f-reason">${t('appealForm.reason')}</label>
${st.error ? html`<p class="error" id="f-reason-error" role="alert"><span class="hp">${t('form.error')}:</span> ${st.error}</p>` : ''}
<textarea id="f-reason" name="reason" rows="5" maxlength="${MAX_REASON}" aria-required="true"${st.error ? html` aria-invalid="true" aria-describedby="f-reason-error"` : ''}>${st.reason ?? ''}</textarea>
</div>
<button type="submit" class="utrecht-button utrecht-button--primary-action">${t('appealForm.submit')}</button>
</form>`;
}

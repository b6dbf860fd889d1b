import { capitalise, durationWords } from '../presentation/present.ts';
import { resolveFields, type ResolvedField } from '../procedure/fields.ts';
import type { Procedure } from '../procedure/schema.ts';
import { otherLang, text, type Lang } from '../procedure/text.ts';
import { html, type Html } from './html.ts';
import { layout, withLang } from './layout.ts';

export interface FormState {
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  /** A refusal by the procedure (422), shown above the form with the values kept. */
  refusal?: string;
  submissionId: string;
  formToken: string;
  /** Completing a complaint that arrived by e-mail. */
  complete?: { reference: string; token: string };
}

const T = (p: Procedure, key: 'required' | 'optional' | 'choose' | 'problem' | 'refused' | 'how' | 'yourComplaint' | 'honeypot' | 'yes', lang: Lang) => text(p, `form.word.${key}`, lang);

export function renderForm(p: Procedure, lang: Lang, state: FormState): string {
  const fields = resolveFields(p);
  const errorOf = (key: string) => state.errors.find((e) => e.field === key)?.message;
  const title = `${text(p, 'form.title', lang)}${state.errors.length || state.refusal ? text(p, 'form.errorMark', lang) : ''}`;
  const body = html`
${state.errors.length ? html`<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1" id="error-summary">
<h2 id="summary-title">${T(p, 'problem', lang)}</h2>
<ul>${state.errors.map((e) => html`<li><a href="#f-${e.field}">${e.message}</a></li>`)}</ul>
</div>` : ''}
${state.refusal ? html`<div class="refusal" role="alert" id="refusal"><h2>${T(p, 'refused', lang)}</h2><p>${state.refusal}</p></div>` : ''}
<h1>${text(p, 'form.title', lang)}</h1>
${state.complete ? html`<p class="notice">${text(p, 'form.completeNotice', lang, { reference: state.complete.reference })}</p>` : html`<p>${text(p, 'form.intro', lang, { organisation: p.organisation.shortName ?? p.organisation.name })}</p>`}
${rules(p, lang)}
<form method="post" action="/api/complaints" novalidate accept-charset="utf-8">
<h2>${T(p, 'yourComplaint', lang)}</h2>
<input type="hidden" name="submissionId" value="${state.submissionId}">
<input type="hidden" name="formToken" value="${state.formToken}">
<input type="hidden" name="lang" value="${lang}">
${state.complete ? html`<input type="hidden" name="complete" value="${state.complete.reference}"><input type="hidden" name="completeToken" value="${state.complete.token}">` : ''}
${fields.map((f) => field(p, f, lang, state.values, errorOf(f.key)))}
<div class="hp" aria-hidden="true"><label for="f-website">${T(p, 'honeypot', lang)}</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>
${p.organisation.privacy ? html`<p><a href="${p.organisation.privacy}">${text(p, 'form.privacy', lang)}</a></p>` : ''}
<button type="submit" class="utrecht-button utrecht-button--primary-action">${text(p, 'form.submit', lang)}</button>
</form>`;
  return layout(p, { title, lang, otherLangHref: withLang('/', otherLang(lang)) }, body);
}

function field(p: Procedure, f: ResolvedField, lang: Lang, values: Record<string, string>, error: string | undefined): Html {
  if (f.type === 'date') return memorableDate(p, f, lang, values, error);
  const value = values[f.key] ?? '';
  const id = `f-${f.key}`;
  // aria-required, not required: the server checks (novalidate), and the design system's
  // textarea:invalid would paint an untouched required field red.
  // Long text says its limit in words: the CSP allows no script, so no live counter.
  const count = f.type === 'textarea' && f.maxLength >= 1000;
  const described = [f.hint ? `${id}-hint` : '', count ? `${id}-count` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${f.key}"${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${f.required ? html` aria-required="true"` : ''}`;
  const autocomplete: Record<string, string> = { name: 'name', email: 'email', phone: 'tel', address: 'street-address' };
  let control: Html;
  if (f.type === 'textarea') control = html`<textarea ${common} maxlength="${f.maxLength}" rows="6">${value}</textarea>`;
  else if (f.type === 'select')
    control = html`<select ${common}><option value="">${T(p, 'choose', lang)}</option>${(f.options ?? []).map(
      (o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label[lang]}</option>`,
    )}</select>`;
  else if (f.type === 'checkbox') control = html`<input type="checkbox" ${common} value="ja"${value ? html` checked` : ''}> <span>${T(p, 'yes', lang)}</span>`;
  else
    control = html`<input type="${f.type}" ${common} value="${value}" maxlength="${f.maxLength}"${autocomplete[f.key] ? html` autocomplete="${autocomplete[f.key]}"` : ''}>`;
  return html`<div class="field${error ? ' invalid' : ''}">
<label for="${id}">${f.label[lang]} <span class="req">${f.required ? T(p, 'required', lang) : T(p, 'optional', lang)}</span></label>
${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint[lang]}</p>` : ''}
${count ? html`<p class="hint" id="${id}-count">${text(p, 'form.maxChars', lang, { max: f.maxLength.toLocaleString('nl-NL') })}</p>` : ''}
${errorLine(p, id, lang, error)}
${control}
</div>`;
}

const errorLine = (p: Procedure, id: string, lang: Lang, error: string | undefined) =>
  error ? html`<p class="error" id="${id}-error"><span class="hp">${text(p, 'form.error', lang)}:</span> ${error}</p>` : '';

/** The names of a date's three inputs: `eventDate-dag`, `eventDate-maand`, `eventDate-jaar`. */
const DATE_PARTS = ['dag', 'maand', 'jaar'] as const;
const PART_TEXT = { dag: 'form.date.day', maand: 'form.date.month', jaar: 'form.date.year' } as const;

/** A date as three numeric fields (the memorable-date pattern): no picker, no format to guess. */
function memorableDate(p: Procedure, f: ResolvedField, lang: Lang, values: Record<string, string>, error: string | undefined): Html {
  const id = `f-${f.key}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[f.key] ?? '');
  const fromIso = { dag: iso ? String(Number(iso[3])) : '', maand: iso ? String(Number(iso[2])) : '', jaar: iso?.[1] ?? '' };
  const described = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' invalid' : ''}">
<fieldset class="utrecht-form-fieldset"${described ? html` aria-describedby="${described}"` : ''}>
<legend>${f.label[lang]} <span class="req">${f.required ? T(p, 'required', lang) : T(p, 'optional', lang)}</span></legend>
${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint[lang]}</p>` : ''}
${errorLine(p, id, lang, error)}
<div class="memorable-date">${DATE_PARTS.map((part, i) => {
    // The first input carries the field's id, so the error summary's link lands on it.
    const partId = i === 0 ? id : `${id}-${part}`;
    const value = values[`${f.key}-${part}`] ?? fromIso[part];
    return html`<div class="${part === 'jaar' ? 'year' : ''}"><label for="${partId}">${text(p, PART_TEXT[part], lang)}</label>
<input type="text" id="${partId}" name="${f.key}-${part}" inputmode="numeric" maxlength="${part === 'jaar' ? 4 : 2}" value="${value}"${error ? html` aria-invalid="true"` : ''}></div>`;
  })}</div>
</fieldset>
</div>`;
}

/**
 * A form post sends a date as three parts; the intake takes one value. Filled parts become
 * `D-M-YYYY` (the intake normalises that to YYYY-MM-DD, or names the field in its error).
 */
export function joinDateParts(p: Procedure, fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  for (const f of resolveFields(p).filter((x) => x.type === 'date')) {
    const parts = DATE_PARTS.map((part) => fields[`${f.key}-${part}`]);
    if (parts.every((x) => x === undefined)) continue;
    const [d, m, y] = parts.map((x) => (typeof x === 'string' ? x.trim() : ''));
    out[f.key] = d || m || y ? `${d}-${m}-${y}` : '';
    for (const part of DATE_PARTS) delete out[`${f.key}-${part}`];
  }
  return out;
}

/** The procedure in a few sentences: who handles the complaint, within which terms, what else applies. */
export function rules(p: Procedure, lang: Lang): Html {
  const first = p.stages[0]!;
  const items: Html[] = [];
  items.push(html`<li>${text(p, 'form.rule.receipt', lang)}</li>`);
  items.push(html`<li>${text(p, 'mail.handles', lang, { handler: capitalise(first.name[lang]) })}${first.description ? ' ' + first.description[lang] : ''}</li>`);
  for (const t of first.terms.filter((t) => t.from === 'received'))
    items.push(html`<li>${text(p, 'form.rule.term', lang, { term: t.label[lang], duration: durationWords(t.length, lang) })} ${t.default ? text(p, 'term.defaultMark', lang) : ''}</li>`);
  if (p.intake.window)
    items.push(html`<li>${text(p, 'form.rule.window', lang, { duration: durationWords(p.intake.window.length, lang) })}</li>`);
  if (!p.intake.anonymous) items.push(html`<li>${text(p, 'form.rule.anonymous', lang)}</li>`);
  for (const x of p.intake.excludedTopics) items.push(html`<li>${x.explanation[lang]}</li>`);
  const later = p.stages.slice(1);
  if (later.length)
    items.push(html`<li>${text(p, 'form.rule.later', lang, { stages: later.map((s) => s.name[lang]).join(text(p, 'word.or', lang)) })}</li>`);
  for (const b of p.nextBodies) items.push(html`<li>${b.text[lang]}</li>`);
  items.push(html`<li><a href="${withLang('/regeling', lang)}">${text(p, 'regeling.formLink', lang)}</a></li>`);
  return html`<section class="notice" aria-labelledby="how"><h2 id="how">${T(p, 'how', lang)}</h2><ul>${items}</ul></section>`;
}

import { randomUUID } from 'node:crypto';
import { execute, loadCase } from '../app/cases.ts';
import type { AppContext } from '../app/context.ts';
import { fileComplaint } from '../app/intake.ts';
import { REFERENCE_PATTERN } from '../app/reference.ts';
import { complainantView } from '../presentation/status.ts';
import { fieldTexts, refusalErrors, refusalText } from '../presentation/refusal.ts';
import { statusUrl } from '../mail/compose.ts';
import type { Lang } from '../procedure/text.ts';
import { renderForm } from '../web/form.ts';
import { renderConfirmation, renderStatus } from '../web/status.ts';
import { layout } from '../web/layout.ts';
import { html } from '../web/html.ts';
import { BodyError, json, language, page, query, readFields, redirect, type ApiEvent, type ApiHandler, type ApiResult } from './api.ts';

export interface PublicOptions {
  /** A form sent back faster than this after it was shown is a bot (wall-clock milliseconds). */
  minFillMs: number;
  /** Wall clock for the bot check only; the case engine uses `ctx.clock`. */
  wallClock?: () => number;
}

/** The public side: the form, intake, the complainant's status page. The same function serves Lambda and the local office. */
export function createPublicHandler(ctx: AppContext, options: PublicOptions = { minFillMs: 3000 }): ApiHandler {
  const wall = options.wallClock ?? Date.now;
  const formToken = () => {
    const t = String(wall());
    return `${t}.${ctx.signer.sign('form', t)}`;
  };
  const notFound = (lang: Lang) =>
    page(404, layout(ctx.procedure, { title: lang === 'nl' ? 'Niet gevonden' : 'Not found', lang }, html`<h1>${lang === 'nl' ? 'Pagina niet gevonden' : 'Page not found'}</h1><p>${lang === 'nl' ? 'Controleer de link in uw e-mail.' : 'Check the link in your e-mail.'}</p>`));

  /** The case behind a status link, or undefined for an unknown case or a wrong token alike. */
  const authorised = async (ref: string, token: string | undefined) => {
    if (!REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('status', ref, token)) return undefined;
    return loadCase(ctx, ref);
  };

  const showForm = (status: number, lang: Lang, values: Record<string, string> = {}, errors: { field: string; message: string }[] = [], refusal?: string) => {
    const complete = values.complete && values.completeToken ? { reference: values.complete, token: values.completeToken } : undefined;
    return page(
      status,
      renderForm(ctx.procedure, lang, { values, errors, ...(refusal ? { refusal } : {}), ...(complete ? { complete } : {}), submissionId: values.submissionId || randomUUID(), formToken: formToken() }),
    );
  };

  /** A case that arrived by e-mail and waits for the complainant to complete it through the form. */
  const toComplete = async (ref: unknown, token: unknown) => {
    if (typeof ref !== 'string' || !REFERENCE_PATTERN.test(ref) || !ctx.signer.verify('complete', ref, String(token ?? ''))) return undefined;
    const found = await loadCase(ctx, ref);
    return found?.state.status === 'to-complete' ? found : undefined;
  };

  async function intake(e: ApiEvent): Promise<ApiResult> {
    let body: { fields: Record<string, unknown>; form: boolean };
    try {
      body = readFields(e);
    } catch (err) {
      if (err instanceof BodyError) return json(err.status, { errors: [{ field: 'body', message: err.message }] });
      throw err;
    }
    const lang = language(e, body.fields.lang);
    const values = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    if (body.form) {
      const bot = botCheck(body.fields, lang);
      if (bot) return showForm(400, lang, values, [bot]);
    }
    if (body.fields.complete !== undefined) return completeCase(body, lang, values);
    const result = await fileComplaint(ctx, { fields: body.fields, channel: 'web', lang, actor: { kind: 'complainant' } });
    if (!result.ok) {
      const r = result.refusal;
      if (r.code === 'invalid') {
        const errors = refusalErrors(r, lang, ctx.procedure);
        return body.form ? showForm(400, lang, values, errors) : json(400, { errors });
      }
      const message = refusalText(r, lang, ctx.procedure);
      return body.form ? showForm(422, lang, values, [], message) : json(422, { error: r.reason, message, ...(r.fields?.[0] ? { field: r.fields[0].field } : {}) });
    }
    const url = statusUrl(ctx, result.reference, lang);
    if (body.form) return redirect(`/complaints/${result.reference}/ontvangen?token=${ctx.signer.sign('status', result.reference)}${lang === 'en' ? '&lang=en' : ''}`);
    return json(result.repeated ? 200 : 201, { reference: result.reference, statusUrl: url });
  }

  async function completeCase(body: { fields: Record<string, unknown>; form: boolean }, lang: Lang, values: Record<string, string>): Promise<ApiResult> {
    const found = await toComplete(body.fields.complete, body.fields.completeToken);
    if (!found) return body.form ? notFound(lang) : json(404, { error: 'not-found' });
    const ref = found.state.reference;
    const fields = Object.fromEntries(Object.entries(body.fields).filter(([k, v]) => typeof v === 'string' && !['complete', 'completeToken', 'formToken', 'submissionId', 'lang', 'website'].includes(k))) as Record<string, string>;
    const result = await execute(ctx, ref, { type: 'complete', actor: { kind: 'complainant' }, fields });
    if (!result.ok) {
      if ('conflict' in result) return json(409, { error: 'conflict' });
      const r = result.refusal;
      const errors = fieldTexts(r, lang, ctx.procedure);
      const message = refusalText(r, lang, ctx.procedure);
      if (body.form) return r.code === 'invalid' ? showForm(400, lang, values, errors) : showForm(422, lang, values, [], message);
      return r.code === 'invalid' ? json(400, { errors }) : json(422, { error: r.reason, message });
    }
    if (body.form) return redirect(`/complaints/${ref}/ontvangen?token=${ctx.signer.sign('status', ref)}${lang === 'en' ? '&lang=en' : ''}`);
    return json(200, { reference: ref, statusUrl: statusUrl(ctx, ref, lang) });
  }

  function botCheck(fields: Record<string, unknown>, lang: Lang): { field: string; message: string } | undefined {
    const again = lang === 'nl' ? 'Controleer uw gegevens en verstuur het formulier opnieuw.' : 'Check your details and send the form again.';
    if (typeof fields.website === 'string' && fields.website !== '') return { field: 'form', message: again };
    const [t, sig] = String(fields.formToken ?? '').split('.');
    if (!t || !ctx.signer.verify('form', t, sig)) return { field: 'form', message: again };
    if (wall() - Number(t) < options.minFillMs)
      return { field: 'form', message: lang === 'nl' ? 'Het formulier werd erg snel verstuurd. Controleer uw gegevens en verstuur het opnieuw.' : 'The form was sent very quickly. Check your details and send it again.' };
    return undefined;
  }

  return async (e) => {
    const method = e.requestContext.http.method;
    const path = e.rawPath;
    const lang = language(e);
    if (path === '/' && method === 'GET') {
      if (query(e, 'complete') === undefined) return showForm(200, lang);
      const found = await toComplete(query(e, 'complete'), query(e, 'token'));
      if (!found) return notFound(lang);
      return showForm(200, lang, { ...found.state.fields, complete: found.state.reference, completeToken: query(e, 'token') ?? '' });
    }
    if (path === '/api/complaints' && method === 'POST') return intake(e);

    const m = /^\/(api\/)?complaints\/([^/]+)(\/ontvangen)?$/.exec(path);
    if (m && method === 'GET') {
      const [, api, ref, confirmation] = m as unknown as [string, string | undefined, string, string | undefined];
      const found = await authorised(ref, query(e, 'token'));
      if (!found) return api ? json(404, { error: 'not-found' }) : notFound(lang);
      const view = complainantView(ctx.procedure, found.state, found.events, lang, ctx.clock.now());
      if (api) return json(200, view);
      const self = `${path}?token=${query(e, 'token')}`;
      if (confirmation) return page(200, renderConfirmation(ctx.procedure, found.state, view, lang, `/complaints/${ref}?token=${query(e, 'token')}${lang === 'en' ? '&lang=en' : ''}`, self));
      return page(200, renderStatus(ctx.procedure, view, lang, self));
    }
    return path.startsWith('/api/') ? json(404, { error: 'not-found' }) : notFound(lang);
  };
}

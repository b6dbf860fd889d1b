import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import type { Signer } from '../security/signer.ts';
import { caseToComplete } from '../app/use-cases/case-to-complete.ts';
import { completeComplaint } from '../app/use-cases/complete-complaint.ts';
import { fileComplaint, SUBMISSION_ID } from '../app/use-cases/file-complaint.ts';
import { caseOfStatusLink } from '../app/use-cases/read-status.ts';
import { caseOfCopyLink, complaintAttachments } from '../app/use-cases/read-copy.ts';
import { readCopyAttachment } from '../app/use-cases/read-copy-attachment.ts';
import { attachmentHashOf } from '../blobs/keys.ts';
import { renderConcernedCopy } from '../web/concerned-copy.ts';
import { notSatisfied } from '../app/use-cases/not-satisfied.ts';
import type { LoadedCase } from '../app/pipeline.ts';
import { appealForm } from '../web/appeal-form.ts';
import { complainantView } from '../presentation/status.ts';
import { refusalErrors, refusalText } from '../presentation/refusal.ts';
import { copyAttachmentPath, statusUrl } from '../mail/compose.ts';
import { text, type Lang } from '../procedure/text.ts';
import { joinDateParts, renderForm } from '../web/form.ts';
import { regelingPage } from '../web/regeling.ts';
import { renderConfirmation, renderStatus } from '../web/status.ts';
import { layout } from '../web/layout.ts';
import { html } from '../web/html.ts';
import type { AppRefusal } from '../app/result.ts';
import { refusalJson, refusalStatus } from './refusal-status.ts';
import { allowImageOrigin, download, json, language, page, query, readFields, redirect, type ApiEvent, type ApiHandler, type ApiResult } from './api.ts';
import { STYLESHEET_PATH, stylesheet } from '../web/stylesheet.ts';
import { LIMITS, type Window } from './limits.ts';
import { storedWindow, type RateLimiter } from './rate-limit.ts';
import { retryAfterHeader, tooManyJson, tooManyMessage } from './too-many.ts';

export interface PublicOptions {
  /** A form sent back faster than this after it was shown is a bot (wall-clock milliseconds). */
  minFillMs: number;
  /** Wall clock for the bot check only; the case engine uses `ctx.clock`. */
  wallClock?: () => number;
  /** The procedure diagram as a safe SVG for /regeling; passed in so the drawing library stays out of the Lambda bundle. */
  regelingDiagram?: () => string | undefined;
  /** The NL Design System CSS (read from node_modules locally, from next to the bundle on AWS); served at STYLESHEET_PATH. */
  designSystemCss?: () => string;
  /** Form tokens per client address, counted in the store (every container counts together); default LIMITS. */
  intakePerClient?: Window;
  /** Intake from all clients together, where no API Gateway throttles it (the local office). */
  intakeThrottle?: RateLimiter;
}

/**
 * A form token: the wall-clock instant it was made (for the minimum fill time) and the submission it
 * was made for, signed. Bound to its submission, it serves one complaint without a write of its own:
 * that submission files under one reference (file-complaint.ts), so a second use finds the first.
 * Intake's tokens are rationed per client where they are made (see `issue`), so intake itself waits
 * for nothing but its commit. `purpose`: the status page's "Niet tevreden?" form has tokens of its own,
 * which cannot file a complaint.
 */
export const formTokenAt = (signer: Signer, wallMs: number, submissionId: string, purpose: FormPurpose = 'form') =>
  `${wallMs}.${signer.sign(purpose, `${wallMs}.${submissionId}`)}`;
type FormPurpose = 'form' | 'appeal-form';
type FieldError = { field: string; message: string };

/** How long a form token serves: a form left open overnight still files; after that the form comes back with what was typed. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3600_000;

/** What a form carries: a submission id and a token made for it. */
interface Ticket {
  submissionId: string;
  formToken: string;
}

/** The public side: the form, intake, the complainant's status page. The same function serves Lambda and the local office. */
export function createPublicHandler(ctx: AppContext, options: PublicOptions = { minFillMs: 3000 }): ApiHandler {
  const wall = options.wallClock ?? Date.now;
  const perClient = storedWindow(ctx.store, ctx.signer, 'intake-client', options.intakePerClient ?? LIMITS.intakePerClient, wall);
  const ticketFor = (purpose: FormPurpose, submissionId: string = randomUUID()): Ticket => ({ submissionId, formToken: formTokenAt(ctx.signer, wall(), submissionId, purpose) });
  /** Whether a token still serves this submission: made by us for it, for this purpose, and not too old. */
  const serves = (token: unknown, submissionId: unknown, purpose: FormPurpose) => {
    const [t, sig] = String(token ?? '').split('.');
    if (!t || typeof submissionId !== 'string' || !submissionId || !ctx.signer.verify(purpose, `${t}.${submissionId}`, sig)) return false;
    return wall() - Number(t) <= FORM_TOKEN_MAX_AGE_MS;
  };

  /**
   * A new intake token for this client, counted against its limit (each token files one complaint):
   * the one write the form page and GET /api/form-token make, so that intake needs none.
   */
  async function issue(e: ApiEvent, submissionId?: string): Promise<{ ticket: Ticket } | { retryAfterS: number }> {
    const verdict = await perClient.take(e.requestContext.http.sourceIp);
    return verdict.ok ? { ticket: ticketFor('form', submissionId) } : verdict;
  }

  /** The form, with a token counted for this client, or (over the limit) with a form that says when it can be sent. */
  async function freshForm(e: ApiEvent, lang: Lang, values: Record<string, string> = {}, errors: FieldError[] = [], status = 200): Promise<ApiResult> {
    const issued = await issue(e, values.submissionId || undefined);
    if ('ticket' in issued) return showForm(status, lang, values, issued.ticket, errors);
    const limit = { field: 'form', message: tooManyMessage(ctx.procedure, 'limits.formsPerClient', lang, issued.retryAfterS) };
    const shown = showForm(429, lang, values, { submissionId: values.submissionId || randomUUID(), formToken: '' }, [limit]);
    return { ...shown, headers: { ...shown.headers, ...retryAfterHeader(issued.retryAfterS) } };
  }

  /** The form again after a problem: with the token it brought if that still serves, else with a new one (counted). */
  const formAgain = async (e: ApiEvent, status: number, lang: Lang, values: Record<string, string>, errors: FieldError[], refusal?: string): Promise<ApiResult> =>
    serves(values.formToken, values.submissionId, 'form')
      ? showForm(status, lang, values, { submissionId: values.submissionId!, formToken: values.formToken! }, errors, refusal)
      : freshForm(e, lang, values, errors, status);
  const notFound = (lang: Lang) =>
    page(404, layout(ctx.procedure, { title: text(ctx.procedure, 'http.notFound.title', lang), lang }, html`<h1>${text(ctx.procedure, 'http.notFound.heading', lang)}</h1><p>${text(ctx.procedure, 'http.notFound.body', lang)}</p>`));

  const showForm = (status: number, lang: Lang, values: Record<string, string>, ticket: Ticket, errors: FieldError[] = [], refusal?: string) => {
    const complete = values.complete && values.completeToken ? { reference: values.complete, token: values.completeToken } : undefined;
    return page(status, renderForm(ctx.procedure, lang, { values, errors, ...(refusal ? { refusal } : {}), ...(complete ? { complete } : {}), ...ticket }));
  };

  async function intake(e: ApiEvent): Promise<ApiResult> {
    const body = readFields(e);
    const lang = language(e, body.fields.lang);
    const values = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const busy = await intakeBusy(e, lang, body.form, values);
    if (busy) return busy;
    // Every intake goes through the bot check: the form, and JSON clients with a token from GET /api/form-token.
    const bot = await botCheck(body.fields, lang, body.form, 'form');
    if (bot) return body.form ? formAgain(e, 400, lang, values, [bot]) : json(400, { errors: [bot] });
    if (body.form) body.fields = joinDateParts(ctx.procedure, body.fields);
    if (body.fields.complete !== undefined) return completeCase(e, body, lang, values);
    const result = await fileComplaint(ctx, { fields: body.fields, channel: 'web', lang, actor: { kind: 'complainant' } });
    return result.ok ? received(result.reference, lang, body.form, result.repeated ? 200 : 201) : refusal(e, result.refusal, lang, body.form, values);
  }

  /** All clients together (locally; API Gateway on AWS): 429 with Retry-After; the form keeps what was filled in. */
  async function intakeBusy(e: ApiEvent, lang: Lang, form: boolean, values: Record<string, string>): Promise<ApiResult | undefined> {
    const verdict = (await options.intakeThrottle?.take('')) ?? { ok: true };
    if (verdict.ok) return undefined;
    if (!form) return tooManyJson(ctx.procedure, 'limits.intakeBusy', lang, verdict.retryAfterS);
    const shown = await formAgain(e, 429, lang, values, [{ field: 'form', message: tooManyMessage(ctx.procedure, 'limits.intakeBusy', lang, verdict.retryAfterS) }]);
    return { ...shown, headers: { ...shown.headers, ...retryAfterHeader(verdict.retryAfterS) } };
  }

  async function completeCase(e: ApiEvent, body: { fields: Record<string, unknown>; form: boolean }, lang: Lang, values: Record<string, string>): Promise<ApiResult> {
    const fields = Object.fromEntries(Object.entries(body.fields).filter(([k, v]) => typeof v === 'string' && !['complete', 'completeToken', 'formToken', 'submissionId', 'lang', 'website'].includes(k))) as Record<string, string>;
    const result = await completeComplaint(ctx, body.fields.complete, body.fields.completeToken, fields);
    if (result.ok) return received(result.reference, lang, body.form, 200);
    return body.form && result.refusal.code === 'not-found' ? notFound(lang) : refusal(e, result.refusal, lang, body.form, values);
  }

  /** Filed: the form goes on to the confirmation page; JSON gets the reference and the status link. */
  const received = (ref: string, lang: Lang, form: boolean, status: number) =>
    form ? redirect(`/complaints/${ref}/ontvangen?token=${ctx.signer.sign('status', ref)}${lang === 'en' ? '&lang=en' : ''}`) : json(status, { reference: ref, statusUrl: statusUrl(ctx, ref, lang) });

  /** Refused: the form again with the problems (a conflict is answered as JSON either way), or the refusal as JSON. */
  const refusal = async (e: ApiEvent, r: AppRefusal, lang: Lang, form: boolean, values: Record<string, string>) => {
    if (!form || r.code === 'conflict') return refusalJson(r, lang, ctx.procedure);
    return r.code === 'invalid' ? formAgain(e, 400, lang, values, refusalErrors(r, lang, ctx.procedure)) : formAgain(e, refusalStatus(r), lang, values, [], refusalText(r, lang, ctx.procedure));
  };

  /**
   * The honeypot, the form token and the minimum fill time. An intake token needs no write for its
   * single use (its submission files once, see formTokenAt); the appeal form's token is claimed.
   */
  async function botCheck(fields: Record<string, unknown>, lang: Lang, form: boolean, purpose: FormPurpose): Promise<FieldError | undefined> {
    // A JSON client is told how to get a token; the form's reader, to send the form again.
    const again = form ? text(ctx.procedure, 'limits.formAgain', lang) : text(ctx.procedure, 'limits.formTokenJson', lang);
    if (typeof fields.website === 'string' && fields.website !== '') return { field: 'form', message: again };
    if (!serves(fields.formToken, fields.submissionId, purpose)) return { field: 'form', message: again };
    const [t, sig] = String(fields.formToken).split('.') as [string, string];
    if (wall() - Number(t) < options.minFillMs)
      return { field: 'form', message: text(ctx.procedure, 'limits.formTooFast', lang, { seconds: Math.ceil(options.minFillMs / 1000) }) };
    // A resend of the same submission (after an error or a double click) keeps working.
    const submission = String(fields.submissionId);
    if (purpose === 'appeal-form' && (await ctx.store.setOnce(`form-token:${sig}`, submission)) !== submission) return { field: 'form', message: again };
    return undefined;
  }

  /** The status page, with the "Niet tevreden?" form while the appeal window is open. */
  const statusPage = (status: number, found: LoadedCase, ref: string, token: string, lang: Lang, form: { reason?: string; error?: string } = {}) => {
    const view = complainantView(ctx.procedure, found.state, found.events, lang, ctx.clock.now());
    const self = `/complaints/${ref}?token=${token}`;
    return page(status, renderStatus(ctx.procedure, view, lang, self, appealForm(ctx.procedure, view, lang, { reference: ref, token, ...ticketFor('appeal-form'), ...form })));
  };

  /** "Niet tevreden?" from the status page: filed at the moment it arrives; then the status page again, showing it. */
  async function notSatisfiedRequest(e: ApiEvent, ref: string): Promise<ApiResult> {
    const body = readFields(e);
    const lang = language(e, body.fields.lang);
    const token = typeof body.fields.token === 'string' ? body.fields.token : undefined;
    const reason = typeof body.fields.reason === 'string' ? body.fields.reason : '';
    const found = await caseOfStatusLink(ctx, ref, token);
    if (!found || !token) return body.form ? notFound(lang) : json(404, { error: 'not-found' });
    // A form needs the form token (a page of ours sent it); a JSON client is held to the status token alone.
    const bot = body.form ? await botCheck(body.fields, lang, true, 'appeal-form') : undefined;
    if (bot) return statusPage(400, found, ref, token, lang, { reason, error: bot.message });
    const result = await notSatisfied(ctx, ref, token, reason);
    if (result.ok) return body.form ? redirect(`/complaints/${ref}?token=${encodeURIComponent(token)}${lang === 'en' ? '&lang=en' : ''}`) : json(200, { reference: ref });
    if (!body.form) return refusalJson(result.refusal, lang, ctx.procedure);
    const again = (await caseOfStatusLink(ctx, ref, token)) ?? found;
    return statusPage(refusalStatus(result.refusal), again, ref, token, lang, { reason, error: refusalErrors(result.refusal, lang, ctx.procedure).map((f) => f.message).join(' ') });
  }

  let css: string | undefined;
  const serveStylesheet = (): ApiResult => {
    if (!options.designSystemCss) return json(404, { error: 'not-found' });
    css ??= stylesheet(options.designSystemCss(), ctx.procedure);
    return { statusCode: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }, body: css };
  };

  return allowImageOrigin(async (e) => {
    const method = e.requestContext.http.method;
    const path = e.rawPath;
    const lang = language(e);
    if (path === '/' && method === 'GET') {
      if (query(e, 'complete') === undefined) return freshForm(e, lang);
      const found = await caseToComplete(ctx, query(e, 'complete'), query(e, 'token'));
      if (!found) return notFound(lang);
      return freshForm(e, lang, { ...found.state.fields, complete: found.state.reference, completeToken: query(e, 'token') ?? '' });
    }
    if (path === '/api/complaints' && method === 'POST') return intake(e);
    // What the form carries, for JSON clients: a submission id (theirs, if they name one) and a token made for it, to send back with the complaint.
    if (path === '/api/form-token' && method === 'GET') {
      const own = query(e, 'submissionId');
      if (own !== undefined && !SUBMISSION_ID.test(own)) return refusalJson({ code: 'invalid', reason: 'fields', fields: [{ field: 'submissionId', reason: 'submission-id' }] }, lang, ctx.procedure);
      const issued = await issue(e, own);
      if (!('ticket' in issued)) return tooManyJson(ctx.procedure, 'limits.formsPerClient', lang, issued.retryAfterS);
      return json(200, { ...issued.ticket, minFillMs: options.minFillMs });
    }
    if (path === STYLESHEET_PATH && method === 'GET') return serveStylesheet();
    if (path === '/regeling' && method === 'GET') return page(200, regelingPage(ctx.procedure, lang, options.regelingDiagram?.()));

    const copy = /^\/complaints\/([^/]+)\/kopie$/.exec(path);
    if (copy && method === 'GET') {
      const [ref, to] = [copy[1]!, query(e, 'to') ?? ''];
      const found = await caseOfCopyLink(ctx, ref, to, query(e, 'token'));
      const hrefOf = (key: string) => copyAttachmentPath(ctx, ref, to, attachmentHashOf(key));
      return found ? page(200, renderConcernedCopy(ctx.procedure, found.state, complaintAttachments(found.events), hrefOf, lang)) : notFound(lang);
    }
    const copied = /^\/complaints\/([^/]+)\/kopie\/bijlage$/.exec(path);
    if (copied && method === 'GET') {
      const found = await readCopyAttachment(ctx, copied[1]!, { to: query(e, 'to'), hash: query(e, 'a'), token: query(e, 'token') });
      return found ? download(found.body, found.name) : notFound(lang);
    }
    const m = /^\/(api\/)?complaints\/([^/]+)(\/ontvangen)?$/.exec(path);
    if (m && method === 'GET') {
      const [, api, ref, confirmation] = m as unknown as [string, string | undefined, string, string | undefined];
      const found = await caseOfStatusLink(ctx, ref, query(e, 'token'));
      if (!found) return api ? json(404, { error: 'not-found' }) : notFound(lang);
      const view = complainantView(ctx.procedure, found.state, found.events, lang, ctx.clock.now());
      if (api) return json(200, view);
      const self = `${path}?token=${query(e, 'token')}`;
      if (confirmation) return page(200, renderConfirmation(ctx.procedure, found.state, view, lang, `/complaints/${ref}?token=${query(e, 'token')}${lang === 'en' ? '&lang=en' : ''}`, self));
      return statusPage(200, found, ref, query(e, 'token') ?? '', lang);
    }
    const appeal = /^\/complaints\/([^/]+)\/niet-tevreden$/.exec(path);
    if (appeal && method === 'POST') return notSatisfiedRequest(e, appeal[1]!);
    return path.startsWith('/api/') ? json(404, { error: 'not-found' }) : notFound(lang);
  }, ctx.procedure.organisation.theme?.logo);
}

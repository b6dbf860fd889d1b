/**
 * The staff side: sign-in by e-mailed link, the JSON API (`/api/staff…`) and the workspace pages
 * (`/staff…`). One route table serves both: a row names its path under each (either may be
 * absent) and answers in the form asked for. Same function on Lambda and locally.
 */
import type { AppContext } from '../app/context.ts';
import type { AppRefusal } from '../app/result.ts';
import { actOnCase } from '../app/use-cases/act-on-case.ts';
import { attachHeld } from '../app/use-cases/attach-held-mail.ts';
import { discardHeld } from '../app/use-cases/discard-held-mail.ts';
import { enterComplaint } from '../app/use-cases/enter-complaint.ts';
import { eraseCase } from '../app/use-cases/erase-case.ts';
import { exportCase } from '../app/use-cases/export-audit.ts';
import { countUnseenHeld, listHeld } from '../app/use-cases/list-held.ts';
import { readHeldOriginal } from '../app/use-cases/read-held-original.ts';
import { readOriginal, type Original } from '../app/use-cases/read-original.ts';
import { recordView } from '../app/use-cases/record-view.ts';
import { requestLoginLink } from '../app/use-cases/request-login-link.ts';
import { currentSession } from '../app/use-cases/current-session.ts';
import { endSession } from '../app/use-cases/end-session.ts';
import { startSession } from '../app/use-cases/start-session.ts';
import { amsterdamDate, isSaneYear, SANE_YEARS } from '../calendar/index.ts';
import { verifyExport } from '../policy/audit-chain.ts';
import { REFERENCE_PATTERN } from '../policy/reference.ts';
import { text, type Lang } from '../procedure/text.ts';
import { buildReport, labels, reportCsv, reportFileName, type Report, type ReportKind } from '../app/reports/build.ts';
import { lastCompleted, parsePeriod } from '../reports/periods.ts';
import { buildRegister, registerCsv } from '../app/reports/register.ts';
import { csrfToken, SESSION_COOKIE, SESSION_TTL_MS, staffMember, type StaffMember } from '../staff/auth.ts';
import { caseDetail } from '../app/staff-views.ts';
import { listCases, type CaseListQuery } from '../app/case-list.ts';
import { encodeCursor, parseCaseListQuery } from './case-list-query.ts';
import { renderCaseListPage } from '../web/case-list.ts';
import { undeliverable } from '../app/undeliverable.ts';
import { renderDossier, renderRegister, renderReport, renderReportsIndex } from '../web/reports.ts';
import { listLetters } from '../app/use-cases/list-letters.ts';
import { markLetterPosted } from '../app/use-cases/mark-letter-posted.ts';
import { readLetter } from '../app/use-cases/read-letter.ts';
import { renderLetters } from '../web/letters.ts';
import { renderCasePage, renderHeld, renderLogin, renderLoginSent, renderNewComplaint, renderSignIn } from '../web/staff.ts';
import { allowImageOrigin, header, json, language, page, query, readFields, redirect, type ApiEvent, type ApiHandler, type ApiResult } from './api.ts';
import { refusalSummary } from '../presentation/refusal.ts';
import { refusalJson, refusalStatus } from './refusal-status.ts';
import { matchPath } from './router.ts';
import { storedWindow } from './rate-limit.ts';
import { LIMITS, type Limits } from './limits.ts';
import { retryAfterHeader, tooManyMessage } from './too-many.ts';

/** One request as a route sees it. `api`: answer JSON; else a workspace page. */
interface StaffRequest {
  e: ApiEvent;
  api: boolean;
  lang: Lang;
  params: Record<string, string>;
  /** The body's fields (read on first use for the API; already read, for the CSRF check, for pages). */
  fields: () => Record<string, unknown>;
  /** Set for every route but sign-in. */
  me: StaffMember;
  csrf: string;
  /** The session the request came with (set with `me`). */
  session: { email: string; id: string };
}

interface StaffRoute {
  method: 'GET' | 'POST';
  /** The path under `/api/staff` (JSON); absent: no JSON form. */
  api?: string;
  /** The path under `/staff` (a page); absent: no page. */
  page?: string;
  /** Reachable without a session (signing in). */
  open?: true;
  handle: (r: StaffRequest) => Promise<ApiResult> | ApiResult;
}

export interface StaffOptions {
  wallClock?: () => number;
  /**
   * Work to do after the answer is sent (the sign-in mail, so that known and unknown addresses
   * answer alike). Absent (Lambda, which cannot work after answering): awaited before answering.
   */
  afterAnswer?: (work: Promise<void>) => void;
  /** Sign-in requests per address asked for (known or not) and per client address; default LIMITS. */
  limits?: Pick<Limits, 'signInPerAddress' | 'signInPerClient'>;
}

export function createStaffHandler(ctx: AppContext, options: StaffOptions = {}): ApiHandler {
  const wall = options.wallClock ?? Date.now;
  // Counted in the store, so every container (every Lambda, every local instance on the table) counts together.
  const limits = options.limits ?? LIMITS;
  const perAddress = storedWindow(ctx.store, ctx.signer, 'sign-in-address', limits.signInPerAddress, wall);
  const perClient = storedWindow(ctx.store, ctx.signer, 'sign-in-client', limits.signInPerClient, wall);
  const p = ctx.procedure;

  const sessionOf = async (e: ApiEvent) => {
    const bearer = /^Bearer (.+)$/.exec(header(e, 'authorization') ?? '')?.[1];
    const cookie = e.cookies?.map((c) => c.split('=')).find(([k]) => k === SESSION_COOKIE)?.slice(1).join('=');
    const token = bearer ?? cookie;
    const session = await currentSession(ctx, token, wall());
    const member = session && staffMember(p, session.email);
    return member && token ? { token, member, session, viaCookie: !bearer } : undefined;
  };
  const cookie = (token: string) => `${SESSION_COOKIE}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`;

  // Pages a route falls back on.
  /** The case list (`/staff`, `/api/staff/cases`): a bad query string is a 400 naming its fields (the page then shows the list unfiltered). */
  async function caseListResult(r: StaffRequest): Promise<ApiResult> {
    const parsed = parseCaseListQuery(p, r.e.queryStringParameters);
    if (!parsed.ok && r.api) return json(400, { errors: parsed.errors });
    const q: CaseListQuery = parsed.ok ? parsed.query : { sort: 'due', limit: 25 };
    const [list, unseenHeld, stuck] = await Promise.all([listCases(ctx, r.me, q, r.lang), countUnseenHeld(ctx), undeliverable(ctx, r.me)]);
    const next = list.next && encodeCursor(list.next);
    const previous = list.previous && encodeCursor(list.previous);
    if (r.api) return json(200, { cases: list.cases, counts: list.counts, ...(next ? { next } : {}), ...(previous ? { previous } : {}), unseenHeld, undeliverable: stuck });
    const view = { page: list, query: q, unseenHeld, stuck, ...(next ? { next } : {}), ...(previous ? { previous } : {}), ...(parsed.ok ? {} : { errors: parsed.errors.map((e) => e.field) }) };
    return page(parsed.ok ? 200 : 400, renderCaseListPage(p, r.lang, r.me, r.csrf, view));
  }
  /** Not found (or not for this staff member): the list page without cases, as 404. */
  const emptyList = (r: StaffRequest) => page(404, renderCaseListPage(p, r.lang, r.me, r.csrf, { page: { cases: [] }, query: { sort: 'due', limit: 25 }, unseenHeld: 0, stuck: [] }));
  const reportsIndex = (r: StaffRequest, status = 200) => page(status, renderReportsIndex(p, r.lang, r.me, r.csrf, ctx.clock.now()));
  const heldPage = async (r: StaffRequest, status: number, notice: { error?: string; done?: string }) => page(status, renderHeld(p, r.lang, r.me, r.csrf, await listHeld(ctx, r.me, query(r.e, 'after')), notice));

  const file = (name: string, type: string, body: string): ApiResult => ({
    statusCode: 200,
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body,
  });

  const REPORT_KINDS: readonly ReportKind[] = ['inventory', 'yearly', 'anonymous'];
  /** `/reports/{period}?report=<procedure report id>&kind=`; undefined for an unknown period or report. */
  async function report(e: ApiEvent, periodId: string, lang: Lang): Promise<Report | undefined> {
    const period = parsePeriod(periodId);
    const id = query(e, 'report');
    const named = id ? p.reports.find((r) => r.id === id) : undefined;
    if (!period || (id && !named)) return undefined;
    const kind = REPORT_KINDS.find((k) => k === query(e, 'kind'));
    return buildReport(ctx, period, { ...(named ? { report: named } : {}), ...(kind ? { kind } : {}), lang });
  }

  const saneYears = (lang: Lang) => text(p, 'http.year.sane', lang, SANE_YEARS);
  const yearOf = (e: ApiEvent) => {
    const y = query(e, 'year') ?? amsterdamDate(ctx.clock.now()).slice(0, 4);
    return /^\d{4}$/.test(y) && isSaneYear(Number(y)) ? y : undefined;
  };

  /** `{action: 'attach', caseRef}` puts a held mail on a case as the complainant's; `{action: 'discard'}` deletes it. */
  async function actOnHeld(r: StaffRequest) {
    const body = r.fields();
    if (body.action === 'discard') return discardHeld(ctx, r.me, r.params.id!);
    const ref = typeof body.caseRef === 'string' ? body.caseRef.trim().toUpperCase() : '';
    if (body.action !== 'attach' || !REFERENCE_PATTERN.test(ref))
      return {
        ok: false as const,
        refusal: { code: 'invalid', reason: 'held-action', fields: [{ field: body.action === 'attach' ? 'caseRef' : 'action', reason: 'case-ref' }] } satisfies AppRefusal,
      };
    return attachHeld(ctx, r.me, r.params.id!, ref);
  }

  /** A stored mail or attachment: as plain text or a download, never rendered as HTML. */
  const rawBlob = (r: StaffRequest, o: Original): ApiResult =>
    o.ok
      ? {
          statusCode: 200,
          headers: {
            'content-type': o.attachment ? 'application/octet-stream' : 'text/plain; charset=utf-8',
            ...(o.attachment ? { 'content-disposition': 'attachment' } : {}),
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
            'content-security-policy': "default-src 'none'",
          },
          body: o.body.toString('base64'),
          isBase64Encoded: true,
        }
      : emptyList(r);

  const ROUTES: StaffRoute[] = [
    { method: 'GET', page: '/login', open: true, handle: (r) => page(200, renderSignIn(p, r.lang, query(r.e, 'token') ?? '')) },
    {
      method: 'POST',
      api: '/login',
      page: '/login',
      open: true,
      async handle(r) {
        const email = r.fields().email;
        if (typeof email !== 'string' || !email.includes('@')) {
          const message = text(p, 'http.signIn.emailMissing', r.lang);
          return r.api ? json(400, { errors: [{ field: 'email', message }] }) : page(400, renderLogin(p, r.lang, message));
        }
        const byClient = await perClient.take(r.e.requestContext.http.sourceIp);
        const limited = byClient.ok ? await perAddress.take(email.trim().toLowerCase()) : byClient;
        if (!limited.ok) {
          const message = tooManyMessage(p, 'limits.signIn', r.lang, limited.retryAfterS);
          const headers = retryAfterHeader(limited.retryAfterS);
          return r.api ? json(429, { error: 'too-many-requests', message }, headers) : page(429, renderLogin(p, r.lang, message), headers);
        }
        const sending = requestLoginLink(ctx, email).catch((e: unknown) => ctx.log.error('login link failed', { error: e instanceof Error ? e.name : 'unknown' }));
        if (options.afterAnswer) options.afterAnswer(sending);
        else await sending;
        return r.api
          ? json(202, { message: text(p, 'http.signIn.sent', r.lang) })
          : page(200, renderLoginSent(p, r.lang));
      },
    },
    {
      method: 'POST',
      api: '/session',
      page: '/session',
      open: true,
      async handle(r) {
        const session = await startSession(ctx, r.fields().token, wall());
        if (!session)
          return r.api
            ? json(401, { error: 'invalid-token', message: text(p, 'http.signIn.expired', r.lang) })
            : page(401, renderLogin(p, r.lang, text(p, 'http.signIn.expiredAskNew', r.lang)));
        return { ...(r.api ? json(200, { sessionToken: session }) : redirect('/staff')), cookies: [cookie(session)] };
      },
    },
    {
      method: 'POST',
      api: '/logout',
      page: '/logout',
      async handle(r) {
        await endSession(ctx, r.session);
        return { ...(r.api ? { statusCode: 204, headers: { 'cache-control': 'no-store' } } : redirect('/staff')), cookies: [`${SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`] };
      },
    },
    {
      method: 'GET',
      api: '/cases',
      page: '',
      handle: (r) => caseListResult(r),
    },
    {
      method: 'GET',
      api: '/cases/:ref',
      page: '/cases/:ref',
      async handle(r) {
        // The view is recorded first, so the page (and its forms' sequence number) includes it.
        const ref = r.params.ref!;
        const detail = (await recordView(ctx, r.me, ref)).ok ? await caseDetail(ctx, r.me, ref, r.lang) : undefined;
        if (!detail) return r.api ? json(404, { error: 'not-found' }) : emptyList(r);
        return r.api ? json(200, detail) : page(200, renderCasePage(p, r.lang, r.me, r.csrf, detail, query(r.e, 'done') ? { done: query(r.e, 'done')! } : {}));
      },
    },
    {
      method: 'POST',
      api: '/cases/:ref/actions',
      page: '/cases/:ref/actions',
      async handle(r) {
        const ref = r.params.ref!;
        const fields = r.fields();
        const result = await actOnCase(ctx, r.me, ref, fields);
        if (result.ok) return r.api ? json(200, await caseDetail(ctx, r.me, ref, r.lang)) : redirect(`/staff/cases/${ref}?done=${encodeURIComponent(String(fields.type))}`);
        const refusal = result.refusal;
        if (refusal.code === 'not-found') return r.api ? json(404, { error: 'not-found' }) : emptyList(r);
        if (refusal.code === 'conflict') {
          const message = r.api
            ? text(p, 'http.case.changedReload', r.lang)
            : text(p, 'http.case.changedLook', r.lang);
          if (r.api) return json(409, { error: 'conflict', message });
          return page(409, renderCasePage(p, r.lang, r.me, r.csrf, (await caseDetail(ctx, r.me, ref, r.lang))!, { error: message, action: String(fields.type ?? '') }));
        }
        if (r.api) return refusalJson(refusal, r.lang, p);
        const detail = (await caseDetail(ctx, r.me, ref, r.lang))!;
        return page(refusalStatus(refusal), renderCasePage(p, r.lang, r.me, r.csrf, detail, { error: refusalSummary(refusal, r.lang, p), action: String(fields.type ?? '') }));
      },
    },
    {
      method: 'POST',
      api: '/cases/:ref/erase',
      page: '/cases/:ref/erase',
      async handle(r) {
        const ref = r.params.ref!;
        const result = await eraseCase(ctx, ref, r.me, r.fields());
        if (result.ok) return r.api ? json(200, { erased: ref }) : redirect('/staff');
        if (r.api) return refusalJson(result.refusal, r.lang, p);
        const detail = result.refusal.code === 'not-found' ? undefined : await caseDetail(ctx, r.me, ref, r.lang);
        if (!detail) return emptyList(r);
        return page(refusalStatus(result.refusal), renderCasePage(p, r.lang, r.me, r.csrf, detail, { error: refusalSummary(result.refusal, r.lang, p), action: 'erase' }));
      },
    },
    {
      method: 'GET',
      api: '/cases/:ref/export',
      page: '/cases/:ref/dossier',
      async handle(r) {
        // Reading the dossier (or exporting it) is recorded first, so it shows its own reading.
        const ref = r.params.ref!;
        const purpose = r.api ? (query(r.e, 'purpose') === 'access' ? 'access-request' : 'export') : 'dossier';
        const x = await exportCase(ctx, ref, r.me, purpose);
        if (r.api) return x.ok ? json(200, x.export, { 'content-disposition': `attachment; filename="audit-${x.export.reference}.json"` }) : json(404, { error: 'not-found' });
        const detail = x.ok && (await caseDetail(ctx, r.me, ref, r.lang));
        if (!x.ok || !detail) return emptyList(r);
        return page(200, renderDossier(p, r.lang, r.me, r.csrf, x.export, detail, verifyExport(x.export, ctx.signer)));
      },
    },
    { method: 'GET', page: '/cases/:ref/original', handle: async (r) => rawBlob(r, await readOriginal(ctx, r.me, r.params.ref!, query(r.e, 'key') ?? '')) },
    { method: 'GET', page: '/new', handle: (r) => page(200, renderNewComplaint(p, r.lang, r.me, r.csrf, {})) },
    {
      method: 'POST',
      api: '/complaints',
      page: '/new',
      async handle(r) {
        const fields = r.fields();
        const result = await enterComplaint(ctx, r.me, fields, r.lang);
        if (result.ok) return r.api ? json(result.repeated ? 200 : 201, { reference: result.reference }) : redirect(`/staff/cases/${result.reference}`);
        if (r.api) return refusalJson(result.refusal, r.lang, p);
        const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
        return page(refusalStatus(result.refusal), renderNewComplaint(p, r.lang, r.me, r.csrf, values, result.refusal));
      },
    },
    {
      method: 'GET',
      api: '/held',
      page: '/held',
      handle: async (r) => (r.api ? json(200, await listHeld(ctx, r.me, query(r.e, 'after'))) : heldPage(r, 200, query(r.e, 'done') ? { done: query(r.e, 'done')! } : {})),
    },
    {
      method: 'POST',
      api: '/held/:id',
      page: '/held/:id',
      async handle(r) {
        const result = await actOnHeld(r);
        if (result.ok) {
          if (r.api) return json(200, 'caseRef' in result ? { caseRef: result.caseRef } : {});
          return redirect(`/staff/held?done=${r.fields().action === 'attach' ? 'attach' : 'discard'}`);
        }
        return r.api ? refusalJson(result.refusal, r.lang, p) : heldPage(r, refusalStatus(result.refusal), { error: refusalSummary(result.refusal, r.lang, p) });
      },
    },
    { method: 'GET', page: '/held/:id/original', handle: async (r) => rawBlob(r, await readHeldOriginal(ctx, r.me, r.params.id!)) },
    {
      method: 'GET',
      api: '/reports',
      page: '/reports',
      handle(r) {
        if (!r.api) return reportsIndex(r);
        const now = ctx.clock.now();
        return json(200, {
          lastQuarter: lastCompleted(now, 'quarter').id,
          lastYear: lastCompleted(now, 'year').id,
          reports: p.reports.map((x) => ({ id: x.id, kind: x.kind, every: x.every, label: x.label[r.lang], to: 'email' in x.to ? x.to.email : { role: x.to.role }, latest: lastCompleted(now, x.every).id })),
        });
      },
    },
    {
      method: 'GET',
      api: '/reports/:period',
      page: '/reports/:period',
      async handle(r) {
        const year = /^(\d{4})/.exec(r.params.period!)?.[1];
        if (r.api && year && !isSaneYear(Number(year))) return json(400, { errors: [{ field: 'period', message: saneYears(r.lang) }] });
        const rep = await report(r.e, r.params.period!, r.lang);
        if (!r.api) return rep ? page(200, renderReport(p, r.lang, r.me, r.csrf, rep)) : reportsIndex(r, 404);
        if (!rep) return json(404, { error: 'not-found', message: text(p, 'http.period.give', r.lang) });
        return query(r.e, 'format') === 'csv' ? file(reportFileName(rep), 'text/csv; charset=utf-8', reportCsv(rep)) : json(200, rep);
      },
    },
    {
      method: 'GET',
      api: '/register',
      page: '/register',
      async handle(r) {
        const year = yearOf(r.e);
        if (!year) return r.api ? json(400, { errors: [{ field: 'year', message: `${text(p, 'http.year.give', r.lang)} ${saneYears(r.lang)}` }] }) : reportsIndex(r, 404);
        const reg = await buildRegister(ctx, r.me, year, r.lang);
        if (!r.api) return page(200, renderRegister(p, r.lang, r.me, r.csrf, reg, labels(p, r.lang)));
        return query(r.e, 'format') === 'csv' ? file(`klachtenregister-${p.id}-${year}.csv`, 'text/csv; charset=utf-8', registerCsv(p, reg, r.lang)) : json(200, reg);
      },
    },
    {
      method: 'GET',
      api: '/letters',
      page: '/letters',
      async handle(r) {
        const letters = await listLetters(ctx, r.me, r.lang);
        return r.api ? json(200, { letters }) : page(200, renderLetters(p, r.lang, r.me, r.csrf, letters, amsterdamDate(ctx.clock.now()), { done: query(r.e, 'done') === 'posted' }));
      },
    },
    {
      method: 'GET',
      api: '/letters/:ref/:pdf',
      page: '/letters/:ref/:pdf',
      async handle(r) {
        const letter = r.params.pdf!.replace(/\.pdf$/, '');
        const found = await readLetter(ctx, r.me, r.params.ref!, letter);
        if (!found.ok) return r.api ? json(404, { error: 'not-found' }) : emptyList(r);
        if (!found.pdf) return json(409, { error: 'not-ready', message: text(p, 'letters.notReady', r.lang) }, { 'retry-after': '5' });
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${r.params.ref}-${letter}.pdf"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
          body: found.pdf.toString('base64'),
          isBase64Encoded: true,
        };
      },
    },
    {
      method: 'POST',
      api: '/letters/:ref/:letter',
      page: '/letters/:ref/:letter',
      async handle(r) {
        const result = await markLetterPosted(ctx, r.me, r.params.ref!, r.params.letter!, r.fields().on);
        if (result.ok) return r.api ? json(200, { letters: await listLetters(ctx, r.me, r.lang) }) : redirect('/staff/letters?done=posted');
        if (result.refusal.code === 'not-found') return r.api ? json(404, { error: 'not-found' }) : emptyList(r);
        if (r.api) return refusalJson(result.refusal, r.lang, p);
        const letters = await listLetters(ctx, r.me, r.lang);
        return page(refusalStatus(result.refusal), renderLetters(p, r.lang, r.me, r.csrf, letters, amsterdamDate(ctx.clock.now()), { error: refusalSummary(result.refusal, r.lang, p) }));
      },
    },
  ];

  return allowImageOrigin(async (e) => {
    const method = e.requestContext.http.method;
    const api = e.rawPath.startsWith('/api/staff');
    const path = api ? e.rawPath.slice('/api/staff'.length) : e.rawPath === '/staff/' ? '' : e.rawPath.slice('/staff'.length);
    const lang = language(e);
    let params: Record<string, string> | undefined;
    const route = ROUTES.find((r) => r.method === method && (params = matchPath((api ? r.api : r.page) ?? '\0', path)));
    let read: Record<string, unknown> | undefined;
    const fields = () => (read ??= readFields(e).fields);
    const req: StaffRequest = { e, api, lang, params: params ?? {}, fields, me: undefined!, csrf: '', session: undefined! };
    if (route?.open) return route.handle(req);

    const s = await sessionOf(e);
    if (!s) return api ? json(401, { error: 'unauthenticated' }) : page(401, renderLogin(p, lang));
    req.me = s.member;
    req.session = s.session;
    req.csrf = csrfToken(ctx.signer, s.token);
    // A browser sends the cookie along with a cross-site post: such a post must prove it came from
    // our own pages (the session's CSRF token) or, for the JSON API, be one a cross-site form
    // cannot make (a JSON type plus a custom header, which need CORS, which is off).
    if (method === 'POST' && s.viaCookie && !sameSite(e, req.csrf, fields, api)) {
      return api
        ? json(403, { error: 'csrf', message: text(p, 'http.csrf', lang) })
        : page(403, renderLogin(p, lang, text(p, 'http.form.expired', lang)));
    }
    if (route) return route.handle(req);
    return api ? json(404, { error: 'not-found' }) : emptyList(req);
  }, p.organisation.theme?.logo);
}

/** A cookie-authenticated post that a cross-site page could not have made. */
function sameSite(e: ApiEvent, csrf: string, fields: () => Record<string, unknown>, api: boolean): boolean {
  if (header(e, 'x-csrf-token') === csrf) return true;
  const jsonType = (header(e, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
  if (api && jsonType && header(e, 'x-requested-with')) return true;
  return fields().csrf === csrf;
}

export const isStaffPath = (path: string) => path === '/staff' || path.startsWith('/staff/') || path.startsWith('/api/staff');

import { refusalErrors, refusalText } from '../presentation/refusal.ts';
import { amsterdamDate } from '../calendar/index.ts';
import { exportCase, verifyExport } from '../app/audit.ts';
import { execute, loadCase } from '../app/cases.ts';
import type { AppContext } from '../app/context.ts';
import { eraseCase } from '../app/retention.ts';
import { buildReport, labels, reportCsv, reportFileName, type Report, type ReportKind } from '../reports/build.ts';
import { lastCompleted, parsePeriod } from '../reports/periods.ts';
import { buildRegister, registerCsv } from '../reports/register.ts';
import { renderDossier, renderRegister, renderReport, renderReportsIndex } from '../web/reports.ts';
import { fileComplaint } from '../app/intake.ts';
import { REFERENCE_PATTERN } from '../app/reference.ts';
import type { Refusal } from '../engine/types.ts';
import type { Lang } from '../procedure/text.ts';
import { attachHeld, discardHeld, type HeldResult } from '../app/held-mail.ts';
import { parseAction } from '../staff/actions.ts';
import { csrfToken, loginToken, readLoginToken, readSession, SESSION_COOKIE, SESSION_TTL_MS, sessionToken, staffMember, type StaffMember } from '../staff/auth.ts';
import { caseDetail, caseList } from '../staff/views.ts';
import { renderCasePage, renderCaseList, renderHeld, renderLogin, renderLoginSent, renderNewComplaint, renderSignIn } from '../web/staff.ts';
import { BodyError, header, json, language, page, query, readFields, redirect, type ApiEvent, type ApiHandler, type ApiResult } from './api.ts';

const STAFF_CHANNELS = ['phone', 'in-person', 'letter', 'email'] as const;

/** The staff side: sign-in by e-mailed link, the JSON API and the workspace pages. Same function on Lambda and locally. */
export function createStaffHandler(ctx: AppContext, options: { wallClock?: () => number } = {}): ApiHandler {
  const wall = options.wallClock ?? Date.now;
  const p = ctx.procedure;

  const sessionOf = (e: ApiEvent): { token: string; member: StaffMember; viaCookie: boolean } | undefined => {
    const bearer = /^Bearer (.+)$/.exec(header(e, 'authorization') ?? '')?.[1];
    const cookie = e.cookies?.map((c) => c.split('=')).find(([k]) => k === SESSION_COOKIE)?.slice(1).join('=');
    const token = bearer ?? cookie;
    const claims = readSession(ctx.signer, token, wall());
    const member = claims && staffMember(p, claims.email);
    return member && token ? { token, member, viaCookie: !bearer } : undefined;
  };

  async function sendLoginLink(email: string) {
    const member = staffMember(p, email);
    // Unknown addresses get the same answer and no mail: the answer reveals nothing.
    if (!member) return;
    const token = loginToken(ctx.signer, member.email, wall());
    const link = `${ctx.publicUrl}/staff/login?token=${encodeURIComponent(token)}`;
    await ctx.mailer.send({
      messageId: `<login.${token.slice(-12).toLowerCase().replace(/[^a-z0-9]/g, 'x')}.${wall()}@${ctx.replyDomain}>`,
      from: { email: p.organisation.email, name: p.organisation.name },
      to: [{ email: member.email, name: member.name }],
      subject: `Inloggen bij het klachtenloket van ${p.organisation.shortName ?? p.organisation.name}`,
      text: `Gebruik deze link om in te loggen (15 minuten geldig, één keer te gebruiken):\n${link}\n\nHeeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.\n`,
      html: `<p>Gebruik deze link om in te loggen (15 minuten geldig, één keer te gebruiken):</p><p><a href="${link.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">Inloggen</a></p><p>Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.</p>`,
      headers: { 'auto-submitted': 'auto-generated', 'x-auto-response-suppress': 'All' },
    });
    ctx.log.info('login link sent');
  }

  /** Exchanges a sign-in token for a session, once. */
  async function startSession(token: unknown): Promise<string | undefined> {
    const login = readLoginToken(ctx.signer, typeof token === 'string' ? token : undefined, wall());
    if (!login || !staffMember(p, login.email)) return undefined;
    const claim = await ctx.store.claimKey(`login:${login.nonce}`, login.email);
    return claim.fresh ? sessionToken(ctx.signer, login.email, wall()) : undefined;
  }

  const cookie = (token: string) => `${SESSION_COOKIE}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`;
  const refusalStatus = (r: Refusal) => (r.code === 'invalid' ? 400 : r.code === 'forbidden' ? 403 : 422);
  const refusalJson = (r: Refusal, lang: Lang) =>
    r.code === 'invalid'
      ? json(400, { errors: refusalErrors(r, lang, ctx.procedure) })
      : json(refusalStatus(r), { error: r.reason, message: refusalText(r, lang, ctx.procedure) });

  async function act(member: StaffMember, ref: string, body: Record<string, unknown>) {
    const parsed = parseAction(body, { kind: 'staff', email: member.email });
    if (!parsed.ok) return { kind: 'invalid' as const, errors: parsed.errors };
    const result = await execute(ctx, ref, parsed.command, parsed.expectedSeq === undefined ? {} : { expectedSeq: parsed.expectedSeq });
    if (!result.ok) return 'conflict' in result ? { kind: 'conflict' as const } : { kind: 'refused' as const, refusal: result.refusal };
    return { kind: 'ok' as const };
  }

  async function enterComplaint(member: StaffMember, body: Record<string, unknown>, lang: Lang) {
    const channel = STAFF_CHANNELS.find((c) => c === body.channel);
    if (!channel) return { ok: false as const, refusal: { code: 'invalid', reason: 'channel', params: { missing: true }, fields: [{ field: 'channel', reason: 'channel', params: { allowed: [...STAFF_CHANNELS] } }] } satisfies Refusal };
    const { channel: _c, csrf: _x, ...fields } = body;
    return fileComplaint(ctx, { fields, channel, lang, actor: { kind: 'staff', email: member.email } });
  }

  /** `{action: 'attach', caseRef}` puts a held mail on a case as the complainant's; `{action: 'discard'}` deletes it. */
  async function actOnHeld(me: StaffMember, id: string, body: Record<string, unknown>): Promise<HeldResult> {
    if (body.action === 'discard') return discardHeld(ctx, id);
    const ref = typeof body.caseRef === 'string' ? body.caseRef.trim().toUpperCase() : '';
    if (body.action !== 'attach' || !REFERENCE_PATTERN.test(ref))
      return { ok: false, refusal: { code: 'invalid', reason: 'held-action', fields: [{ field: body.action === 'attach' ? 'caseRef' : 'action', reason: 'case-ref' }] } };
    if (!(await caseDetail(ctx, me, ref))) return { ok: false, status: 404, message: { nl: 'Deze klacht bestaat niet.', en: 'This complaint does not exist.' } };
    return attachHeld(ctx, me, id, ref);
  }

  /**
   * Records a staff member's view, then gives the case as they see it. The engine refuses the view
   * for an unknown case or one about this person, so that one load also answers "may they see it".
   */
  const viewed = async (member: StaffMember, ref: string, lang: Lang) => {
    const r = await execute(ctx, ref, { type: 'record-view', actor: { kind: 'staff', email: member.email } });
    return r.ok ? caseDetail(ctx, member, ref, lang) : undefined;
  };

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

  const file = (name: string, type: string, body: string): ApiResult => ({
    statusCode: 200,
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body,
  });

  const yearOf = (e: ApiEvent) => {
    const y = query(e, 'year') ?? amsterdamDate(ctx.clock.now()).slice(0, 4);
    return /^\d{4}$/.test(y) ? y : undefined;
  };

  async function api(e: ApiEvent, path: string, method: string, lang: Lang): Promise<ApiResult> {
    if (path === '/api/staff/login' && method === 'POST') {
      const { fields } = readFields(e);
      if (typeof fields.email !== 'string' || !fields.email.includes('@')) return json(400, { errors: [{ field: 'email', message: lang === 'nl' ? 'Vul uw e-mailadres in.' : 'Enter your e-mail address.' }] });
      await sendLoginLink(fields.email);
      return json(202, { message: lang === 'nl' ? 'Als dit adres bij het klachtenloket hoort, is er een inloglink gestuurd.' : 'If this address belongs to the complaints office, a sign-in link has been sent.' });
    }
    if (path === '/api/staff/session' && method === 'POST') {
      const session = await startSession(readFields(e).fields.token);
      if (!session) return json(401, { error: 'invalid-token', message: lang === 'nl' ? 'Deze link is verlopen of al gebruikt.' : 'This link has expired or was already used.' });
      return { ...json(200, { sessionToken: session }), cookies: [cookie(session)] };
    }
    const s = sessionOf(e);
    if (!s) return json(401, { error: 'unauthenticated' });
    const me = s.member;
    if (path === '/api/staff/cases' && method === 'GET')
      return json(200, { cases: await caseList(ctx, me, { ...(query(e, 'status') ? { status: query(e, 'status')! } : {}), ...(query(e, 'stage') ? { stage: query(e, 'stage')! } : {}), mine: query(e, 'mine') === 'true' }, lang) });
    if (path === '/api/staff/held' && method === 'GET') return json(200, { held: await ctx.store.listHeld(200) });
    const held = /^\/api\/staff\/held\/([a-f0-9]{32})$/.exec(path);
    if (held && method === 'POST') {
      const r = await actOnHeld(me, held[1]!, readFields(e).fields);
      if (r.ok) return json(200, r.caseRef ? { caseRef: r.caseRef } : {});
      return 'refusal' in r ? refusalJson(r.refusal, lang) : json(r.status, { error: r.status === 404 ? 'not-found' : 'conflict', message: r.message[lang] });
    }
    if (path === '/api/staff/reports' && method === 'GET') {
      const now = ctx.clock.now();
      return json(200, {
        lastQuarter: lastCompleted(now, 'quarter').id,
        lastYear: lastCompleted(now, 'year').id,
        reports: p.reports.map((r) => ({ id: r.id, kind: r.kind, every: r.every, label: r.label[lang], to: 'email' in r.to ? r.to.email : { role: r.to.role }, latest: lastCompleted(now, r.every).id })),
      });
    }
    const reportPath = /^\/api\/staff\/reports\/([^/]+)$/.exec(path);
    if (reportPath && method === 'GET') {
      const r = await report(e, reportPath[1]!, lang);
      if (!r) return json(404, { error: 'not-found', message: lang === 'nl' ? 'Geef een periode als 2026, 2026-Q4 of 2026-03 (en een bestaande rapportage).' : 'Give a period like 2026, 2026-Q4 or 2026-03 (and a report that exists).' });
      return query(e, 'format') === 'csv' ? file(reportFileName(r), 'text/csv; charset=utf-8', reportCsv(r)) : json(200, r);
    }
    if (path === '/api/staff/register' && method === 'GET') {
      const year = yearOf(e);
      if (!year) return json(400, { errors: [{ field: 'year', message: lang === 'nl' ? 'Geef een jaar (JJJJ).' : 'Give a year (YYYY).' }] });
      const reg = await buildRegister(ctx, me, year, lang);
      return query(e, 'format') === 'csv' ? file(`klachtenregister-${p.id}-${year}.csv`, 'text/csv; charset=utf-8', registerCsv(p, reg, lang)) : json(200, reg);
    }
    const exportPath = /^\/api\/staff\/cases\/([^/]+)\/export$/.exec(path);
    if (exportPath && REFERENCE_PATTERN.test(exportPath[1]!) && method === 'GET') {
      const purpose = query(e, 'purpose') === 'access' ? 'access-request' : 'export';
      const x = await exportCase(ctx, exportPath[1]!, me, purpose);
      if (!x) return json(404, { error: 'not-found' });
      return json(200, x, { 'content-disposition': `attachment; filename="audit-${x.reference}.json"` });
    }
    const erasePath = /^\/api\/staff\/cases\/([^/]+)\/erase$/.exec(path);
    if (erasePath && REFERENCE_PATTERN.test(erasePath[1]!) && method === 'POST') {
      const r = await eraseCase(ctx, erasePath[1]!, me, readFields(e).fields);
      if (r.ok) return json(200, { erased: erasePath[1] });
      return r.status === 400 ? json(400, { errors: [{ field: r.field ?? 'body', message: r.message[lang] }] }) : json(r.status, { error: r.status === 404 ? 'not-found' : 'forbidden', message: r.message[lang] });
    }
    if (path === '/api/staff/complaints' && method === 'POST') {
      const r = await enterComplaint(me, readFields(e).fields, lang);
      return r.ok ? json(r.repeated ? 200 : 201, { reference: r.reference }) : refusalJson(r.refusal, lang);
    }
    const m = /^\/api\/staff\/cases\/([^/]+)(\/actions)?$/.exec(path);
    if (m && REFERENCE_PATTERN.test(m[1]!)) {
      const ref = m[1]!;
      if (!m[2] && method === 'GET') {
        const detail = await viewed(me, ref, lang);
        return detail ? json(200, detail) : json(404, { error: 'not-found' });
      }
      if (m[2] && method === 'POST') {
        if (!(await caseDetail(ctx, me, ref, lang))) return json(404, { error: 'not-found' });
        const r = await act(me, ref, readFields(e).fields);
        if (r.kind === 'invalid') return json(400, { errors: r.errors.map((x) => ({ field: x.field, message: x.message[lang] })) });
        if (r.kind === 'conflict') return json(409, { error: 'conflict', message: lang === 'nl' ? 'De klacht is intussen gewijzigd. Laad haar opnieuw.' : 'The case changed meanwhile. Reload it.' });
        if (r.kind === 'refused') return refusalJson(r.refusal, lang);
        return json(200, await caseDetail(ctx, me, ref, lang));
      }
    }
    return json(404, { error: 'not-found' });
  }

  async function workspace(e: ApiEvent, path: string, method: string, lang: Lang): Promise<ApiResult> {
    if (path === '/staff/login' && method === 'GET') return page(200, renderSignIn(p, lang, query(e, 'token') ?? ''));
    if (path === '/staff/login' && method === 'POST') {
      const email = readFields(e).fields.email;
      if (typeof email !== 'string' || !email.includes('@')) return page(400, renderLogin(p, lang, lang === 'nl' ? 'Vul uw e-mailadres in.' : 'Enter your e-mail address.'));
      await sendLoginLink(email);
      return page(200, renderLoginSent(p, lang));
    }
    if (path === '/staff/session' && method === 'POST') {
      const session = await startSession(readFields(e).fields.token);
      if (!session) return page(401, renderLogin(p, lang, lang === 'nl' ? 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.' : 'This link has expired or was already used. Ask for a new one.'));
      return { ...redirect('/staff'), cookies: [cookie(session)] };
    }
    const s = sessionOf(e);
    if (!s) return page(401, renderLogin(p, lang));
    const me = s.member;
    const csrf = csrfToken(ctx.signer, s.token);
    if (method === 'POST') {
      const { fields } = readFields(e);
      // Forms sent with the session cookie must carry the session's CSRF token.
      if (s.viaCookie && fields.csrf !== csrf) return page(403, renderLogin(p, lang, lang === 'nl' ? 'Het formulier is verlopen. Probeer het opnieuw.' : 'The form has expired. Try again.'));
      if (path === '/staff/logout') return { ...redirect('/staff'), cookies: [`${SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`] };
      if (path === '/staff/new') {
        const r = await enterComplaint(me, fields, lang);
        if (r.ok) return redirect(`/staff/cases/${r.reference}`);
        const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
        return page(refusalStatus(r.refusal), renderNewComplaint(p, lang, me, csrf, values, r.refusal));
      }
      const erase = /^\/staff\/cases\/([^/]+)\/erase$/.exec(path);
      if (erase && REFERENCE_PATTERN.test(erase[1]!)) {
        const ref = erase[1]!;
        const r = await eraseCase(ctx, ref, me, fields);
        if (r.ok) return redirect('/staff');
        const detail = r.status === 404 ? undefined : await caseDetail(ctx, me, ref, lang);
        if (!detail) return page(404, renderCaseList(p, lang, me, csrf, []));
        return page(r.status, renderCasePage(p, lang, me, csrf, detail, { error: r.message[lang], action: 'erase' }));
      }
      const heldAction = /^\/staff\/held\/([a-f0-9]{32})$/.exec(path);
      if (heldAction) {
        const r = await actOnHeld(me, heldAction[1]!, fields);
        if (r.ok) return redirect(`/staff/held?done=${fields.action === 'attach' ? 'attach' : 'discard'}`);
        const message = 'refusal' in r ? refusalText(r.refusal, lang, p) : r.message[lang];
        return page('refusal' in r ? refusalStatus(r.refusal) : r.status, renderHeld(p, lang, me, csrf, await ctx.store.listHeld(200), { error: message }));
      }
      const m = /^\/staff\/cases\/([^/]+)\/actions$/.exec(path);
      if (m && REFERENCE_PATTERN.test(m[1]!)) {
        const ref = m[1]!;
        if (!(await caseDetail(ctx, me, ref, lang))) return page(404, renderCaseList(p, lang, me, csrf, []));
        const r = await act(me, ref, fields);
        if (r.kind === 'ok') return redirect(`/staff/cases/${ref}?done=${encodeURIComponent(String(fields.type))}`);
        const status = r.kind === 'invalid' ? 400 : r.kind === 'conflict' ? 409 : refusalStatus(r.refusal);
        const message =
          r.kind === 'invalid' ? r.errors.map((x) => `${x.field}: ${x.message[lang]}`).join(' ')
          : r.kind === 'conflict' ? (lang === 'nl' ? 'De klacht is intussen gewijzigd; bekijk haar opnieuw.' : 'The case changed meanwhile; look again.')
          : refusalText(r.refusal, lang, p);
        const detail = (await caseDetail(ctx, me, ref, lang))!;
        return page(status, renderCasePage(p, lang, me, csrf, detail, { error: message, action: String(fields.type ?? '') }));
      }
      return page(404, renderCaseList(p, lang, me, csrf, []));
    }
    if (path === '/staff' || path === '/staff/') return page(200, renderCaseList(p, lang, me, csrf, await caseList(ctx, me, { ...(query(e, 'status') ? { status: query(e, 'status')! } : {}), mine: query(e, 'mine') === 'true' }, lang)));
    if (path === '/staff/held') return page(200, renderHeld(p, lang, me, csrf, await ctx.store.listHeld(200), query(e, 'done') ? { done: query(e, 'done')! } : {}));
    if (path === '/staff/new') return page(200, renderNewComplaint(p, lang, me, csrf, {}));
    if (path === '/staff/reports') return page(200, renderReportsIndex(p, lang, me, csrf, ctx.clock.now()));
    const reportPage = /^\/staff\/reports\/([^/]+)$/.exec(path);
    if (reportPage) {
      const r = await report(e, reportPage[1]!, lang);
      return r ? page(200, renderReport(p, lang, me, csrf, r)) : page(404, renderReportsIndex(p, lang, me, csrf, ctx.clock.now()));
    }
    if (path === '/staff/register') {
      const year = yearOf(e);
      if (!year) return page(404, renderReportsIndex(p, lang, me, csrf, ctx.clock.now()));
      return page(200, renderRegister(p, lang, me, csrf, await buildRegister(ctx, me, year, lang), labels(p, lang)));
    }
    const dossier = /^\/staff\/cases\/([^/]+)\/dossier$/.exec(path);
    if (dossier && REFERENCE_PATTERN.test(dossier[1]!)) {
      // Reading the dossier is recorded first, so it shows its own reading.
      const x = await exportCase(ctx, dossier[1]!, me, 'dossier');
      const detail = x && (await caseDetail(ctx, me, dossier[1]!, lang));
      if (!x || !detail) return page(404, renderCaseList(p, lang, me, csrf, []));
      return page(200, renderDossier(p, lang, me, csrf, x, detail, verifyExport(x, ctx.signer)));
    }
    const m = /^\/staff\/cases\/([^/]+)$/.exec(path);
    if (m && REFERENCE_PATTERN.test(m[1]!)) {
      // The view is recorded first, so the page (and its forms' sequence number) includes it.
      const detail = await viewed(me, m[1]!, lang);
      if (!detail) return page(404, renderCaseList(p, lang, me, csrf, []));
      return page(200, renderCasePage(p, lang, me, csrf, detail, query(e, 'done') ? { done: query(e, 'done')! } : {}));
    }
    const mail = /^\/staff\/cases\/([^/]+)\/original$/.exec(path);
    if (mail && REFERENCE_PATTERN.test(mail[1]!)) {
      // The full original of a mail on the timeline: only blobs this case refers to.
      const found = await loadCase(ctx, mail[1]!);
      const key = query(e, 'key') ?? '';
      const belongs = found && !found.state.concerned.includes(me.email) && found.events.some((ev) => ev.type === 'message-received' && (ev.blob === key || ev.attachments.some((a) => a.key === key)));
      const blob = belongs ? await ctx.blobs.get(key) : undefined;
      return blob ? rawBlob(blob, key.includes('/attachments/')) : page(404, renderCaseList(p, lang, me, csrf, []));
    }
    const heldOriginal = /^\/staff\/held\/([a-f0-9]{32})\/original$/.exec(path);
    if (heldOriginal) {
      const held = (await ctx.store.listHeld(1000)).find((h) => h.id === heldOriginal[1]);
      const blob = held && (await ctx.blobs.get(held.blob));
      return blob ? rawBlob(blob, false) : page(404, renderCaseList(p, lang, me, csrf, []));
    }
    return page(404, renderCaseList(p, lang, me, csrf, []));
  }

  return async (e) => {
    const path = e.rawPath;
    const method = e.requestContext.http.method;
    const lang = language(e);
    try {
      return path.startsWith('/api/staff') ? await api(e, path, method, lang) : await workspace(e, path, method, lang);
    } catch (err) {
      if (err instanceof BodyError) return json(err.status, { errors: [{ field: 'body', message: err.message }] });
      throw err;
    }
  };
}

/** A stored mail or attachment: as plain text or a download, never rendered as HTML. */
function rawBlob(blob: Buffer, download: boolean): ApiResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': download ? 'application/octet-stream' : 'text/plain; charset=utf-8',
      ...(download ? { 'content-disposition': 'attachment' } : {}),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    },
    body: blob.toString('base64'),
    isBase64Encoded: true,
  };
}

export const isStaffPath = (path: string) => path === '/staff' || path.startsWith('/staff/') || path.startsWith('/api/staff');

/**
 * A small client for scenario tests against a running local office, over HTTP only: the public
 * API (file a complaint, the complainant's JSON status), the staff API (sign in through the
 * e-mailed link, act on a case) and the local-only routes (the virtual clock, the outbox).
 *
 * The office is started in memory with a frozen clock; time only moves through `advance`, which
 * fires every deadline due on the way at its own instant. Never sleep in a scenario.
 */
import { fileURLToPath } from 'node:url';
import { jsonLogger, startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import type { ComplainantView } from '../../shared/presentation/status.ts';
import type { CaseDetail } from '../../shared/app/staff-views.ts';
import { BULK_LIMITS, withFormToken } from './http.ts';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** A message in the local outbox, as `GET /_local/outbox` shows it. */
export interface OutboxMail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
  headers: Record<string, string>;
}

/** A timer as `GET /_local/clock` lists it. */
export interface Deadline {
  caseRef: string;
  instance: string;
  action: 'expire' | 'remind';
  at: string;
}

/** A staff action as the staff API takes it: `{ type, ...fields }`. */
export type StaffAction = { type: string } & Record<string, unknown>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }
}

export const procedurePath = (id: string) => fileURLToPath(new URL(`../../procedures/${id}.yaml`, import.meta.url));

export class OfficeClient {
  /** Status tokens of the complaints this client filed (or found in a receipt), by reference. */
  private readonly statusTokens = new Map<string, string>();

  private constructor(
    private readonly office: LocalOffice,
    readonly url: string,
  ) {}

  /**
   * Starts an in-memory office for a procedure in `procedures/`, its clock frozen at `clockStart`.
   * `OFFICE_LOG=1` writes the office's log (requests, commands, errors) to stderr.
   */
  static async start(procedureId: string, clockStart: string): Promise<OfficeClient> {
    const log = process.env.OFFICE_LOG ? { log: jsonLogger((l) => process.stderr.write(l + '\n')), logRequests: true } : {};
    const office = await startLocalOffice({ procedurePath: procedurePath(procedureId), port: 0, clockStart, minFillMs: 0, limits: BULK_LIMITS, ...log });
    return new OfficeClient(office, office.url);
  }

  close(): Promise<void> {
    return this.office.close();
  }

  /** One request; the body as JSON when there is one. */
  async request<T = unknown>(method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, {
      method,
      headers,
      redirect: 'manual',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text) body = JSON.parse(text);
    return { status: res.status, body: body as T };
  }

  // ---- the complainant ----

  /** `POST /api/complaints` as it is: for refusals. */
  async submit(fields: Record<string, unknown>): Promise<HttpResult<Record<string, unknown>>> {
    return this.request('POST', '/api/complaints', { body: await withFormToken(this.url, fields) });
  }

  /** Files a complaint through the public API; it must be accepted (201). */
  async file(fields: Record<string, unknown>): Promise<{ reference: string; statusUrl: string }> {
    const r = await this.submit(fields);
    if (r.status !== 201) throw new HttpError(r.status, r.body, 'filing a complaint');
    const { reference, statusUrl } = r.body as { reference: string; statusUrl: string };
    const token = new URL(statusUrl).searchParams.get('token');
    if (token) this.statusTokens.set(reference, token);
    return { reference, statusUrl };
  }

  /** What the complainant sees: `GET /api/complaints/{ref}?token=` with the token of their status link. */
  async status(ref: string): Promise<ComplainantView> {
    const token = this.statusTokens.get(ref) ?? (await this.tokenFromReceipt(ref));
    const r = await this.request<ComplainantView>('GET', `/api/complaints/${encodeURIComponent(ref)}?token=${encodeURIComponent(token)}`);
    if (r.status !== 200) throw new HttpError(r.status, r.body, `status of ${ref}`);
    return r.body;
  }

  /** A complaint entered by staff: the complainant's status link is in their receipt. */
  private async tokenFromReceipt(ref: string): Promise<string> {
    const pattern = new RegExp(`/complaints/${ref}\\?token=([^\\s"&<]+)`);
    for (const m of await this.outbox()) {
      const token = pattern.exec(m.text)?.[1];
      if (token) {
        this.statusTokens.set(ref, decodeURIComponent(token));
        return decodeURIComponent(token);
      }
    }
    throw new Error(`no status link for ${ref} in the outbox`);
  }

  // ---- staff ----

  /** Signs in as a staff member through the link mailed to them; returns the session token. */
  async signIn(email: string): Promise<string> {
    const before = (await this.outbox()).length;
    const asked = await this.request('POST', '/api/staff/login', { body: { email } });
    if (asked.status !== 202) throw new HttpError(asked.status, asked.body, `sign-in of ${email}`);
    const mail = (await this.outbox())
      .slice(before)
      .reverse()
      .find((m) => m.to.includes(email));
    if (!mail) throw new Error(`no sign-in link was mailed to ${email}`);
    const link = /\/staff\/login\?token=([^\s"<]+)/.exec(mail.text)?.[1];
    if (!link) throw new Error(`no sign-in link in the mail to ${email}`);
    const session = await this.request<{ sessionToken: string }>('POST', '/api/staff/session', { body: { token: decodeURIComponent(link) } });
    if (session.status !== 200) throw new HttpError(session.status, session.body, `session of ${email}`);
    return session.body.sessionToken;
  }

  /** `POST /api/staff/cases/{ref}/actions` as it is: for refusals. */
  tryAct(token: string, ref: string, action: StaffAction): Promise<HttpResult<Record<string, unknown>>> {
    return this.request('POST', `/api/staff/cases/${encodeURIComponent(ref)}/actions`, { token, body: action });
  }

  /** A staff action that must be accepted; returns the case as staff see it afterwards. */
  async act(token: string, ref: string, action: StaffAction): Promise<CaseDetail> {
    const r = await this.tryAct(token, ref, action);
    if (r.status !== 200) throw new HttpError(r.status, r.body, `${action.type} on ${ref}`);
    return r.body as unknown as CaseDetail;
  }

  /**
   * Settles the duties that come before a decision (Awb 9:9, 9:10) for a test about something else:
   * a copy that cannot be mailed is handed over, and every party due a hearing declines it.
   */
  async settleDuties(token: string, ref: string): Promise<void> {
    const open = (await this.staffCase(token, ref)).duties.filter((d) => (d.duty === 'copy' || d.duty === 'hearing') && d.state === 'due');
    for (const d of open)
      await this.act(token, ref, d.duty === 'copy' ? { type: 'record-copy', party: d.party, how: 'hand' } : { type: 'waive-hearing', party: d.party, reason: 'declined' });
  }

  /** The case as staff see it (`GET /api/staff/cases/{ref}`). */
  async staffCase(token: string, ref: string): Promise<CaseDetail> {
    const r = await this.request<CaseDetail>('GET', `/api/staff/cases/${encodeURIComponent(ref)}`, { token });
    if (r.status !== 200) throw new HttpError(r.status, r.body, `case ${ref}`);
    return r.body;
  }

  /** A complaint received by phone, in person or by letter, entered by staff. */
  async enter(token: string, channel: string, fields: Record<string, unknown>): Promise<{ reference: string }> {
    const r = await this.request<{ reference: string }>('POST', '/api/staff/complaints', { token, body: { channel, ...fields } });
    if (r.status !== 201) throw new HttpError(r.status, r.body, 'entering a complaint');
    return r.body;
  }

  // ---- the local office: clock and outbox ----

  /** Moves the virtual clock (`POST /_local/clock`), firing every deadline due on the way. */
  async advance(to: { advanceBy: string } | { advanceTo: string }): Promise<{ now: string; fired: number }> {
    const r = await this.request<{ now: string; fired: number }>('POST', '/_local/clock', { body: to });
    if (r.status !== 200) throw new HttpError(r.status, r.body, `moving the clock ${JSON.stringify(to)}`);
    return r.body;
  }

  /** The clock and every timer still set (`GET /_local/clock`). */
  async clock(): Promise<{ now: string; deadlines: Deadline[] }> {
    const r = await this.request<{ now: string; deadlines: Deadline[] }>('GET', '/_local/clock');
    if (r.status !== 200) throw new HttpError(r.status, r.body, 'the clock');
    return r.body;
  }

  /** The timers of one case, as `action instance @ at`, in due order. */
  async timers(ref: string): Promise<string[]> {
    return (await this.clock()).deadlines.filter((d) => d.caseRef === ref).map((d) => `${d.action} ${d.instance} @ ${d.at}`);
  }

  /** Every mail the office sent (`GET /_local/outbox`), oldest first. */
  async outbox(): Promise<OutboxMail[]> {
    const r = await this.request<OutboxMail[]>('GET', '/_local/outbox');
    if (r.status !== 200) throw new HttpError(r.status, r.body, 'the outbox');
    return r.body;
  }

  /** A mark in the outbox, for `mailSince`. */
  async mark(): Promise<number> {
    return (await this.outbox()).length;
  }

  /** The mails sent since `mark`, optionally only those about one case (its reference in the subject). */
  async mailSince(mark: number, ref?: string): Promise<OutboxMail[]> {
    return (await this.outbox()).slice(mark).filter((m) => !ref || m.subject.includes(ref));
  }
}

/** `recipient: subject` per mail, for compact assertions. */
export const summary = (mails: OutboxMail[]) => mails.map((m) => `${m.to.join(', ')}: ${m.subject}`);

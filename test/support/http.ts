/** Plain HTTP against a local office, and signing in through the e-mailed link, for tests that also hold the office object. */
import type { LocalOffice } from '../../infra/local/office.ts';
import { LIMITS, type Limits } from '../../shared/http/limits.ts';

/** Limits far above what any test sends: for offices whose tests are about something else and file or ask in bulk from one address. */
export const BULK_LIMITS: Limits = {
  api: { rateLimit: 1e6, burstLimit: 1e6 },
  intake: { ...LIMITS.intake, rateLimit: 1e6, burstLimit: 1e6 },
  intakePerClient: { limit: 1e6, windowS: 600 },
  signInPerAddress: { limit: 1e6, windowS: 900 },
  signInPerClient: { limit: 1e6, windowS: 900 },
};

/** What `GET /api/form-token` gives a JSON client: a submission id (the one it names, if any) and a form token made for it. */
export async function formToken(url: string, submissionId?: string): Promise<{ formToken: string; submissionId: string }> {
  const res = await fetch(url + '/api/form-token' + (submissionId === undefined ? '' : `?submissionId=${encodeURIComponent(submissionId)}`));
  if (res.status !== 200) throw new Error(`GET /api/form-token: ${res.status}`);
  return (await res.json()) as { formToken: string; submissionId: string };
}

/** A JSON complaint as a client sends it: with a fresh form token, and its submission id unless the complaint has one. */
export async function withFormToken<T extends object>(url: string, complaint: T): Promise<T & { formToken: string; submissionId: string }> {
  const own = (complaint as { submissionId?: unknown }).submissionId;
  const t = await formToken(url, typeof own === 'string' ? own : undefined);
  return { ...complaint, submissionId: t.submissionId, formToken: t.formToken };
}

const isJsonIntake = (method: string, path: string, opts: CallOptions) =>
  method === 'POST' && path.split('?')[0] === '/api/complaints' && !opts.form && typeof opts.body === 'object' && opts.body !== null && !('formToken' in opts.body);

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: <T = any>() => T;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  cookie?: string;
  form?: boolean;
  headers?: Record<string, string>;
  /** JSON intake gets a form token from GET /api/form-token first, as a client does; `false`: send none. */
  formToken?: false;
}

export async function call(office: LocalOffice, method: string, path: string, opts: CallOptions = {}): Promise<Res> {
  if (opts.formToken !== false && isJsonIntake(method, path, opts)) opts = { ...opts, body: await withFormToken(office.url, opts.body as object) };
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = opts.form ? 'application/x-www-form-urlencoded' : 'application/json';
  const res = await fetch(office.url + path, {
    method,
    headers,
    redirect: 'manual',
    ...(opts.body !== undefined ? { body: opts.form ? new URLSearchParams(opts.body as Record<string, string>).toString() : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  // Intake's effects run after its answer: tests that read the office's objects directly wait for them.
  await office.idle();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** Signs in as a staff member would: ask for the link, take it from the outbox, exchange it for a session. */
export async function signIn(office: LocalOffice, email: string): Promise<string> {
  const asked = await call(office, 'POST', '/api/staff/login', { body: { email } });
  if (asked.status !== 202) throw new Error(`sign-in of ${email}: ${asked.status}`);
  await office.settled(); // the link is mailed after the answer
  const mail = [...office.outbox.messages].reverse().find((m) => m.to[0]!.email === email);
  const token = mail && /login\?token=([^\s"]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-in link was mailed to ${email}`);
  const session = await call(office, 'POST', '/api/staff/session', { body: { token: decodeURIComponent(token) } });
  if (session.status !== 200) throw new Error(`session of ${email}: ${session.status}`);
  return session.json().sessionToken;
}

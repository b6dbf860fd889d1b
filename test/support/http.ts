/** Plain HTTP against a local office, and signing in through the e-mailed link, for tests that also hold the office object. */
import type { LocalOffice } from '../../infra/local/office.ts';

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
}

export async function call(office: LocalOffice, method: string, path: string, opts: CallOptions = {}): Promise<Res> {
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

import { randomBytes } from 'node:crypto';
import type { Procedure } from '../procedure/schema.ts';
import type { Signer } from '../security/signer.ts';

/** A sign-in link works once and for 15 minutes; a session lasts a working day. */
export const LOGIN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 10 * 3_600_000;
export const SESSION_COOKIE = 'staff_session';

export interface StaffMember {
  email: string;
  name: string;
  roles: string[];
}

/** Staff are exactly the people the procedure names in its roles. */
export function staffMember(p: Procedure, email: string): StaffMember | undefined {
  const e = email.trim().toLowerCase();
  const roles = Object.entries(p.roles).filter(([, r]) => r.members.some((m) => m.email.toLowerCase() === e));
  if (!roles.length) return undefined;
  const name = roles[0]![1].members.find((m) => m.email.toLowerCase() === e)!.name;
  return { email: e, name, roles: roles.map(([id]) => id) };
}

interface Claims {
  e: string;
  x: number;
  n?: string;
}

function issue(signer: Signer, purpose: string, claims: Claims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${signer.sign(purpose, payload)}`;
}

function read(signer: Signer, purpose: string, token: string | undefined, nowMs: number): Claims | undefined {
  if (typeof token !== 'string' || token.length > 600) return undefined;
  const [payload, mac] = token.split('.');
  if (!payload || !signer.verify(purpose, payload, mac)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    return typeof claims.e === 'string' && typeof claims.x === 'number' && claims.x > nowMs ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** A signed, short-lived sign-in token; its nonce is claimed once when used. */
export const loginToken = (signer: Signer, email: string, nowMs: number) =>
  issue(signer, 'login', { e: email, x: nowMs + LOGIN_TTL_MS, n: randomBytes(12).toString('base64url') });

export function readLoginToken(signer: Signer, token: string | undefined, nowMs: number): { email: string; nonce: string } | undefined {
  const c = read(signer, 'login', token, nowMs);
  return c?.n ? { email: c.e, nonce: c.n } : undefined;
}

/** A session token names its session (`n`), so that logout can revoke that one session. */
export const sessionToken = (signer: Signer, email: string, nowMs: number) =>
  issue(signer, 'session', { e: email, x: nowMs + SESSION_TTL_MS, n: randomBytes(12).toString('base64url') });

export const readSession = (signer: Signer, token: string | undefined, nowMs: number) => {
  const c = read(signer, 'session', token, nowMs);
  return c?.n ? { email: c.e, id: c.n } : undefined;
};

/** The CSRF token of a session, for forms sent with the session cookie. */
export const csrfToken = (signer: Signer, session: string) => signer.sign('csrf', session);

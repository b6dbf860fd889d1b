/**
 * The audit trail: every commit of a case (its events, staff views included) is chained to the one
 * before by a SHA-256 hash, so a change to history is detectable. A case can be exported as JSON
 * (for a committee, an ombudsman, a supervisor, or a complainant's access request) and checked
 * with `npm run audit -- verify <export.json>`; the export is signed with the office's key, so a
 * history rewritten with fresh hashes fails too where the key is at hand.
 *
 *   hash = sha256(prevHash + canonicalJson({seq, at, events})), prevHash of commit 1 = 64 zeros.
 *
 * canonicalJson: JSON with object keys sorted, no whitespace, undefined left out (as JSON.stringify).
 */
import { createHash } from 'node:crypto';
import type { ViewPurpose } from '../engine/types.ts';
import type { Signer } from '../security/signer.ts';
import type { Commit } from '../store/port.ts';

export const GENESIS = '0'.repeat(64);
export const EXPORT_FORMAT = 'klachtenloket-audit/1';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function commitHash(prevHash: string, c: { seq: number; at: string; events: unknown[] }): string {
  return createHash('sha256').update(prevHash + canonicalJson({ seq: c.seq, at: c.at, events: c.events })).digest('hex');
}

export interface ChainLink {
  seq: number;
  at: string;
  events: unknown[];
  prevHash: string;
  hash: string;
}

/** The commits as chain links: stored hashes as they are; a commit from before the chain existed gets its hash computed. */
export function chainOf(commits: Commit[]): ChainLink[] {
  let prev = GENESIS;
  return commits.map((c) => {
    const prevHash = c.prevHash ?? prev;
    const hash = c.hash ?? commitHash(prevHash, c);
    prev = hash;
    return { seq: c.seq, at: c.at, events: c.events, prevHash, hash };
  });
}

/** The hash the next commit chains to. */
export const headHash = (commits: Commit[]): string => chainOf(commits).at(-1)?.hash ?? GENESIS;

export interface AuditExport {
  format: typeof EXPORT_FORMAT;
  reference: string;
  procedureId: string;
  procedureHash: string;
  exportedAt: string;
  exportedBy: string;
  purpose: ExportPurpose;
  commits: ChainLink[];
  /** The last commit's hash. */
  head: string;
  /** HMAC of `reference \n head` with the office's signing key (`audit` purpose). */
  signature: string;
}

export type ExportPurpose = ViewPurpose;

export const exportSignature = (signer: Signer, reference: string, head: string) => signer.sign('audit', `${reference}\n${head}`);

export interface Verification {
  ok: boolean;
  commits: number;
  head?: string;
  /** The first commit that does not check out, and why. */
  brokenSeq?: number;
  problem?: string;
  /** `valid` / `invalid` when a signer was given, else `unchecked`. */
  signature: 'valid' | 'invalid' | 'unchecked';
}

/** Recomputes the chain of an export: every hash, every link, the head; and the signature when a signer is given. */
export function verifyExport(x: unknown, signer?: Signer): Verification {
  const fail = (problem: string, brokenSeq?: number, commits = 0): Verification => ({ ok: false, commits, problem, signature: 'unchecked', ...(brokenSeq !== undefined ? { brokenSeq } : {}) });
  if (typeof x !== 'object' || x === null) return fail('not an export (expected a JSON object)');
  const e = x as Partial<AuditExport>;
  if (e.format !== EXPORT_FORMAT) return fail(`unknown format ${JSON.stringify(e.format)} (expected ${EXPORT_FORMAT})`);
  if (!Array.isArray(e.commits) || !e.commits.length) return fail('the export holds no commits');
  let prev = GENESIS;
  for (const [i, c] of e.commits.entries()) {
    const seq = i + 1;
    if (c?.seq !== seq) return fail(`commit ${seq} is missing or out of order (found seq ${String(c?.seq)})`, seq, e.commits.length);
    if (typeof c.at !== 'string' || !Array.isArray(c.events)) return fail(`commit ${seq} lacks its time or events`, seq, e.commits.length);
    if (c.prevHash !== prev) return fail(`commit ${seq} does not follow commit ${seq - 1} (prevHash ${String(c.prevHash)}, expected ${prev})`, seq, e.commits.length);
    const hash = commitHash(prev, c);
    if (c.hash !== hash) return fail(`commit ${seq} was changed: its content hashes to ${hash}, the chain says ${String(c.hash)}`, seq, e.commits.length);
    prev = hash;
  }
  const n = e.commits.length;
  if (e.head !== prev) return fail(`the head ${String(e.head)} is not the last commit's hash ${prev}`, n, n);
  const first = e.commits[0]!.events[0] as { type?: string; reference?: string } | undefined;
  if (first?.type !== 'submitted' || first.reference !== e.reference) return fail('commit 1 does not submit this case', 1, n);
  let signature: Verification['signature'] = 'unchecked';
  if (signer) signature = typeof e.reference === 'string' && signer.verify('audit', `${e.reference}\n${prev}`, e.signature) ? 'valid' : 'invalid';
  return { ok: signature !== 'invalid', commits: n, head: prev, signature, ...(signature === 'invalid' ? { problem: 'the signature does not match: not made by this office, or the whole history was rewritten' } : {}) };
}

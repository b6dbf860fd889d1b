/** What the adapter refuses before it writes: the callers' mistakes, named. */
import type { CaseSummary, Commit } from '../port.ts';

const MAX_SEQ = 9_999_999_999;
/** Sort keys are limited to 1024 bytes; `KEYREF#<key>` must fit. */
const MAX_KEY_BYTES = 1000;

export function requireText(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${name} must be a non-empty string`);
}

export function requireSeq(seq: unknown): asserts seq is number {
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new Error(`seq must be an integer from 1 to ${MAX_SEQ}, got ${String(seq)}`);
  }
}

export function requireLimit(operation: string, limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`${operation}: limit must be a positive integer, got ${limit}`);
}

export function requireKey(operation: string, key: unknown): asserts key is string {
  requireText('key', key);
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new Error(`${operation}: key longer than ${MAX_KEY_BYTES} bytes`);
}

export function validateCommit(commit: Commit): void {
  requireText('caseRef', commit.caseRef);
  requireSeq(commit.seq);
  requireText('at', commit.at);
  if (!Array.isArray(commit.events)) throw new Error('commit.events must be an array');
  if (!Array.isArray(commit.effects)) throw new Error('commit.effects must be an array');
  const ids = new Set<string>();
  for (const effect of commit.effects) {
    requireText('effect.id', effect.id);
    if (ids.has(effect.id)) throw new Error(`commit ${commit.seq} of case ${commit.caseRef} has effect ${effect.id} twice`);
    ids.add(effect.id);
  }
}

export function validateSummary(summary: CaseSummary): void {
  requireText('caseRef', summary.caseRef);
  requireText('status', summary.status);
  requireText('receivedAt', summary.receivedAt);
}

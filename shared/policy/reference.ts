import { randomInt } from 'node:crypto';
import type { Procedure } from '../procedure/schema.ts';

// No 0/O, 1/I/L: a reference is read aloud over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A case reference such as `HSS-2026-K7M2Q`: the organisation, the year, 5 random characters (28 million per year). */
export function newReference(p: Procedure, year: string, random: (n: number) => number = randomInt): string {
  const parts = p.id.split('-');
  const prefix = (parts.length > 1 ? parts.map((s) => s[0]).join('') : p.id.slice(0, 4)).toUpperCase();
  let code = '';
  for (let i = 0; i < 5; i++) code += ALPHABET[random(ALPHABET.length)];
  return `${prefix}-${year}-${code}`;
}

/** The reference that `bytes` (at least 5, e.g. a digest) stand for, in the organisation's series for `year`. */
export function referenceFromBytes(p: Procedure, year: string, bytes: Uint8Array): string {
  if (bytes.length < 5) throw new Error('a reference needs 5 bytes');
  let i = 0;
  return newReference(p, year, (n) => bytes[i++]! % n);
}

/** A reference as we write it (links, forms, the workspace). */
export const REFERENCE_PATTERN = /^[A-Z]{1,8}-\d{4}-[2-9A-HJKMNP-Z]{5}$/;

/**
 * A reference inside a mail address or Message-ID, to embed in a larger pattern: mail systems
 * lower-case addresses, so it is matched loosely and the case is then looked up.
 */
export const REFERENCE_IN_MAIL = '[a-z]{1,8}-\\d{4}-[a-z0-9]{5}';

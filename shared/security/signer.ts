import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 tokens for links and reply addresses. Keys are `{id, secret}`; the first signs, all
 * verify, so a key can be rotated by adding a new one in front and dropping the old one later.
 * A token is `<keyId><mac>`. Links use 22 base64url characters (132 bits); mail local parts use
 * 20 lower-case base32 characters (100 bits), because mail systems may change the case of an address.
 */
export interface SigningKey {
  id: string;
  secret: string;
}

export type TokenEncoding = 'base64url' | 'base32';

export interface Signer {
  sign(purpose: string, subject: string, encoding?: TokenEncoding): string;
  verify(purpose: string, subject: string, token: string | undefined, encoding?: TokenEncoding): boolean;
}

const LENGTH: Record<TokenEncoding, number> = { base64url: 22, base32: 20 };
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function createSigner(keys: SigningKey[]): Signer {
  if (!keys.length) throw new Error('at least one signing key is needed');
  for (const k of keys) {
    if (!/^[a-z0-9]$/.test(k.id)) throw new Error('a signing key id is one lower-case letter or digit');
    if (k.secret.length < 32) throw new Error('a signing key secret needs at least 32 characters');
  }
  const mac = (k: SigningKey, purpose: string, subject: string, encoding: TokenEncoding) => {
    const digest = createHmac('sha256', k.secret).update(`${purpose}\n${subject}`).digest();
    return (encoding === 'base32' ? base32(digest) : digest.toString('base64url')).slice(0, LENGTH[encoding]);
  };
  return {
    sign: (purpose, subject, encoding = 'base64url') => keys[0]!.id + mac(keys[0]!, purpose, subject, encoding),
    verify(purpose, subject, token, encoding = 'base64url') {
      if (typeof token !== 'string' || token.length !== LENGTH[encoding] + 1) return false;
      const given = encoding === 'base32' ? token.toLowerCase() : token;
      const key = keys.find((k) => k.id === given[0]);
      if (!key) return false;
      const expected = Buffer.from(mac(key, purpose, subject, encoding));
      const actual = Buffer.from(given.slice(1));
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/** Parses `SIGNING_KEYS` ("a:secret,b:older-secret"). */
export function parseSigningKeys(value: string | undefined): SigningKey[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf(':');
      return { id: s.slice(0, i), secret: s.slice(i + 1) };
    });
}

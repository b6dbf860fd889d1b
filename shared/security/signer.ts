import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 tokens for links and reply addresses. Keys are `{id, secret}`; the first signs, all
 * verify, so a key can be rotated by adding a new one in front and dropping the old one later.
 * A token is `<keyId><mac>`: the key id is one character, the mac 22 base64url characters (132 bits).
 */
export interface SigningKey {
  id: string;
  secret: string;
}

export interface Signer {
  sign(purpose: string, subject: string): string;
  verify(purpose: string, subject: string, token: string | undefined): boolean;
}

const MAC_CHARS = 22;

export function createSigner(keys: SigningKey[]): Signer {
  if (!keys.length) throw new Error('at least one signing key is needed');
  for (const k of keys) {
    if (!/^[a-z0-9]$/.test(k.id)) throw new Error('a signing key id is one lower-case letter or digit');
    if (k.secret.length < 32) throw new Error('a signing key secret needs at least 32 characters');
  }
  const mac = (k: SigningKey, purpose: string, subject: string) =>
    createHmac('sha256', k.secret).update(`${purpose}\n${subject}`).digest('base64url').slice(0, MAC_CHARS);
  return {
    sign: (purpose, subject) => keys[0]!.id + mac(keys[0]!, purpose, subject),
    verify(purpose, subject, token) {
      if (typeof token !== 'string' || token.length !== MAC_CHARS + 1) return false;
      const key = keys.find((k) => k.id === token[0]);
      if (!key) return false;
      const expected = Buffer.from(mac(key, purpose, subject));
      const given = Buffer.from(token.slice(1));
      return given.length === expected.length && timingSafeEqual(given, expected);
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

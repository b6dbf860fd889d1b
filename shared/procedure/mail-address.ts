/**
 * The one rule for an address we send to, shared by intake and the mailer: a plain ASCII
 * `local@domain` (dot-atom local part of at most 64 characters, dotted hostname, 254 in all).
 * An address accepted at intake is one the mailer will take.
 */
const LOCAL_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const ADDRESS_RE = new RegExp(
  `^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`,
);

export const isMailableAddress = (a: string) => a.length <= 254 && a.indexOf('@') <= 64 && ADDRESS_RE.test(a);

/**
 * Where each kind of blob lives: keys are built here and read back here, nowhere else.
 *  - `mail/<digest>.eml`: a raw inbound mail, by the first 32 hex digits of its SHA-256;
 *  - `cases/<ref>/attachments/<hash>`: an attachment kept for a case (the case's own folder);
 *  - `cases/<ref>/texts/<digest>.txt`: the whole text of a mail too long to keep in the case;
 *  - `cases/<ref>/letters/<letter>.json`: a letter to post, as composed (see the case's `letter-queued` events).
 */
const RAW_MAIL = /^mail\/[0-9a-f]{32}\.eml$/;
/** The submission id of a case made from a mail (`mail-<digest>`): the same mail twice makes one case. */
const MAIL_SUBMISSION = /^mail-([0-9a-f]{32})$/;

export const rawMailKey = (digest: string) => `mail/${digest}.eml`;
export const caseFolder = (ref: string) => `cases/${ref}/`;
export const attachmentKey = (ref: string, contentHash: string) => `${caseFolder(ref)}attachments/${contentHash}`;
export const textKey = (ref: string, digest: string) => `${caseFolder(ref)}texts/${digest}.txt`;
export const letterKey = (ref: string, letter: string) => `${caseFolder(ref)}letters/${letter}.json`;
export const isAttachmentKey = (key: string) => key.includes('/attachments/');
/** The content hash an attachment's key ends in (what a link to it names). */
export const attachmentHashOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);

export const mailSubmissionId = (digest: string) => `mail-${digest}`;
/** The raw mail a case was made from, given the submission id it was filed under; undefined for a form. */
export function rawMailOfSubmission(submissionId: string): string | undefined {
  const m = MAIL_SUBMISSION.exec(submissionId);
  return m ? rawMailKey(m[1]!) : undefined;
}

/** Keys a case may delete: its own folder and single raw mails, never a broad prefix. */
export const belongsToCase = (ref: string, key: string) => key.startsWith(caseFolder(ref)) || RAW_MAIL.test(key);

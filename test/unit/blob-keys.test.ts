import { describe, expect, it } from 'vitest';
import { attachmentKey, belongsToCase, caseFolder, isAttachmentKey, mailSubmissionId, rawMailKey, rawMailOfSubmission } from '../../shared/blobs/keys.ts';

describe('blob keys', () => {
  const digest = '0123456789abcdef'.repeat(2);
  it('reads back what it builds', () => {
    expect(rawMailOfSubmission(mailSubmissionId(digest))).toBe(rawMailKey(digest));
    expect(rawMailOfSubmission('web-1234567890')).toBeUndefined();
    expect(isAttachmentKey(attachmentKey('HSS-2026-K7M2Q', 'abc'))).toBe(true);
    expect(isAttachmentKey(rawMailKey(digest))).toBe(false);
  });

  it('lets a case delete only its own folder and single raw mails', () => {
    expect(belongsToCase('HSS-2026-K7M2Q', caseFolder('HSS-2026-K7M2Q'))).toBe(true);
    expect(belongsToCase('HSS-2026-K7M2Q', rawMailKey(digest))).toBe(true);
    expect(belongsToCase('HSS-2026-K7M2Q', 'mail/')).toBe(false);
    expect(belongsToCase('HSS-2026-K7M2Q', caseFolder('HSS-2026-AAAAA'))).toBe(false);
  });
});

/** A file to download: its name in the content-disposition header can neither break the header nor be lost. */
import { describe, expect, it } from 'vitest';
import { download } from '../../shared/http/api.ts';

describe('download', () => {
  it('quotes an ASCII fallback and gives the real name as UTF-8 (RFC 6266, RFC 5987)', () => {
    const r = download(Buffer.from('x'), 'brief "één"\\(1)*.pdf\r\nX-Evil: 1');
    expect(r.headers!['content-disposition']).toBe(`attachment; filename="brief ___n__(1)*.pdf__X-Evil: 1"; filename*=UTF-8''brief%20%22%C3%A9%C3%A9n%22%5C%281%29%2A.pdf%0D%0AX-Evil%3A%201`);
    expect(r.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    expect(Buffer.from(r.body!, 'base64').toString()).toBe('x');
  });
});
